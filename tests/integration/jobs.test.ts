// Job posts through the job service, as routes call it: the post form by admins and employers
// (and everyone else refused), employer isolation, every bad input, publishing / closing /
// reopening / deleting with their search outbox rows, the expiry task on an injected clock, the
// /jobs filters and sorts (a text query through the real engine), the fee-wording warning, and
// reports with the moderation queue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { toHttpError } from "../../server/http/service-errors.ts";
import { createJobService } from "../../server/jobs/service.ts";
import { createEmbeddedEngine, type SearchEngine } from "../../search/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createOrganization, jobForm } from "../support/jobs.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;
let engine: SearchEngine;
let admin: Viewer;
let worker: Viewer;

const START = new Date("2026-03-02T08:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock(START);
  engine = createEmbeddedEngine();
  services = createTestServices(db, { clock, searchEngine: engine });
  admin = await viewer("ADMIN");
  worker = await viewer("WORKER");
});

afterAll(async () => {
  await db?.cleanup();
});

async function viewer(role: Viewer["role"] = "WORKER"): Promise<Viewer> {
  return (await signedInUser(db.prisma, services.sessions, { role })).viewer;
}

/** An EMPLOYER of a fresh organisation (or of `organizationId`). */
async function employer(organizationId?: string): Promise<{ viewer: Viewer; organizationId: string }> {
  const id = organizationId ?? (await createOrganization(db.prisma)).id;
  const employerViewer = await viewer("EMPLOYER");
  await db.prisma.user.update({ where: { id: employerViewer.id }, data: { organizationId: id } });
  return { viewer: employerViewer, organizationId: id };
}

const rejection = (kind: string, messageKey?: string) => expect.objectContaining({ name: "AppError", kind, ...(messageKey ? { messageKey } : {}) });

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

let titleCounter = 0;
const uniqueTitle = (prefix: string) => `${prefix}${++titleCounter}号`;

async function draft(by: Viewer = admin, overrides: Record<string, string> = {}) {
  return ok(await services.jobs.create(by, jobForm(overrides))).id;
}

async function published(by: Viewer = admin, overrides: Record<string, string> = {}) {
  const id = await draft(by, overrides);
  ok(await services.jobs.publish(by, id));
  return id;
}

const outboxRows = (id: string) => db.prisma.searchOutbox.count({ where: { docId: `job-${id}` } });

async function indexedJobIds(q: string): Promise<string[]> {
  await services.searchSync.drain();
  const result = await engine.search({ q, types: ["job"], page: 1, perPage: 50 });
  return result.hits.map((hit) => hit.doc.id);
}

const listIds = async (params: Record<string, string>) => (await services.jobs.list(null, params)).items.map((item) => item.id);

describe("who may manage posts", () => {
  it("refuses visitors, workers, craftsmen and employers without an organisation", async () => {
    const craftsman = await viewer("CRAFTSMAN");
    const lonelyEmployer = await viewer("EMPLOYER");
    const id = await draft();
    for (const [who, kind] of [
      [null, "unauthorized"],
      [worker, "forbidden"],
      [craftsman, "forbidden"],
      [lonelyEmployer, "forbidden"],
    ] as const) {
      await expect(services.jobs.create(who, jobForm())).rejects.toEqual(rejection(kind));
      await expect(services.jobs.manageList(who, {})).rejects.toEqual(rejection(kind));
      await expect(services.jobs.forEdit(who, id)).rejects.toEqual(rejection(kind));
      await expect(services.jobs.update(who, id, jobForm())).rejects.toEqual(rejection(kind));
      await expect(services.jobs.publish(who, id)).rejects.toEqual(rejection(kind));
      await expect(services.jobs.close(who, id)).rejects.toEqual(rejection(kind));
      await expect(services.jobs.reopen(who, id)).rejects.toEqual(rejection(kind));
      await expect(services.jobs.remove(who, id)).rejects.toEqual(rejection(kind));
      await expect(services.jobs.formContext(who)).rejects.toEqual(rejection(kind));
    }
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("lets an employer manage only their own organisation's posts; another's are not found", async () => {
    const mine = await employer();
    const theirs = await employer();
    const ownId = await draft(mine.viewer, { organization: "别人家的单位" });
    const otherId = await draft(theirs.viewer);
    // The organisation field is ignored for employers: the post is always their own organisation's.
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id: ownId } })).organizationId).toBe(mine.organizationId);
    expect(await db.prisma.organization.findUnique({ where: { name: "别人家的单位" } })).toBeNull();

    const list = await services.jobs.manageList(mine.viewer, {});
    expect(list.items.map((item) => item.id)).toEqual([ownId]);
    expect(list.isAdmin).toBe(false);
    expect((await services.jobs.formContext(mine.viewer)).isAdmin).toBe(false);

    for (const call of [
      () => services.jobs.forEdit(mine.viewer, otherId),
      () => services.jobs.update(mine.viewer, otherId, jobForm()),
      () => services.jobs.publish(mine.viewer, otherId),
      () => services.jobs.close(mine.viewer, otherId),
      () => services.jobs.reopen(mine.viewer, otherId),
      () => services.jobs.remove(mine.viewer, otherId),
      () => services.jobs.detail(mine.viewer, otherId),
      () => services.jobs.forEdit(mine.viewer, "no-such-post"),
    ]) {
      await expect(call()).rejects.toEqual(rejection("notFound"));
    }
    // As a page, "not found" is a 404, the same as for an id that does not exist.
    const answer = await services.jobs.forEdit(mine.viewer, otherId).catch((error: unknown) => toHttpError(error));
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(404);

    // Their own draft: visible to them and admins, a 404 for everyone else.
    expect((await services.jobs.detail(mine.viewer, ownId)).viewer.canManage).toBe(true);
    expect((await services.jobs.detail(admin, ownId)).status).toBe("DRAFT");
    await expect(services.jobs.detail(worker, ownId)).rejects.toEqual(rejection("notFound"));
    await expect(services.jobs.detail(null, ownId)).rejects.toEqual(rejection("notFound"));
    await expect(services.jobs.moderationQueue(mine.viewer, {})).rejects.toEqual(rejection("forbidden"));
    await expect(services.jobs.resolveReports(mine.viewer, ownId, "dismiss")).rejects.toEqual(rejection("forbidden"));

    // Published by its employer, the post is everyone's to read, and the other employer still cannot manage it.
    ok(await services.jobs.publish(theirs.viewer, otherId));
    expect((await services.jobs.detail(mine.viewer, otherId)).viewer.canManage).toBe(false);
    await expect(services.jobs.close(mine.viewer, otherId)).rejects.toEqual(rejection("notFound"));
  });

  it("lets admins manage every organisation's posts, naming the organisation (found or created)", async () => {
    const name = `华南焊接工程${++titleCounter}有限公司`;
    const first = await draft(admin, { organization: name });
    const second = await draft(admin, { organization: `  ${name} ` });
    const [a, b] = await Promise.all([first, second].map((id) => db.prisma.jobPost.findUniqueOrThrow({ where: { id } })));
    expect(a!.organizationId).toBe(b!.organizationId);
    expect(await db.prisma.organization.count({ where: { name } })).toBe(1);

    const theirs = await employer();
    const employerPost = await draft(theirs.viewer);
    const list = await services.jobs.manageList(admin, {});
    expect(list.isAdmin).toBe(true);
    expect(list.items.map((item) => item.id)).toEqual(expect.arrayContaining([first, second, employerPost]));
    expect((await services.jobs.forEdit(admin, employerPost)).organization.id).toBe(theirs.organizationId);
  });
});

describe("the post form", () => {
  it("stores every JobPosting field, with monthly amounts, and returns the form's values for editing", async () => {
    const title = uniqueTitle("电焊工");
    const id = await draft(admin, { title, salaryMin: "300", salaryMax: "400", salaryUnit: "DAY", certificates: "焊工证\n高处作业证", benefits: "包吃住；五险", validThrough: "2026-06-30" });
    const row = await db.prisma.jobPost.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      title,
      status: "DRAFT",
      province: "440000",
      city: "440300",
      district: "440305",
      salaryUnit: "DAY",
      monthlyMin: Math.round(300 * 21.75),
      monthlyMax: Math.round(400 * 21.75),
      certificates: ["焊工证", "高处作业证"],
      benefits: ["包吃住", "五险"],
      openings: 3,
      experienceYears: 1,
      datePosted: null,
      createdById: admin.id,
      feeWarning: false,
      validThrough: new Date("2026-06-30T23:59:59.999+08:00"),
    });
    const edit = await services.jobs.forEdit(admin, id);
    expect(edit.values).toMatchObject({ title, city: "440300", district: "440305", salaryUnit: "DAY", certificates: "焊工证\n高处作业证", validThrough: "2026-06-30", trade: "welder" });
    // What the form shows can be saved again as it is.
    ok(await services.jobs.update(admin, id, edit.values));
  });

  it("reports every bad field at once with its own key, and writes nothing", async () => {
    const before = await db.prisma.jobPost.count();
    const outboxBefore = await db.prisma.searchOutbox.count();
    const result = await services.jobs.create(
      admin,
      jobForm({ title: "", salaryMin: "9000", salaryMax: "6000", validThrough: "2026-03-01", trade: "astronaut", city: "999999", organization: "" }),
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        title: "jobs.error.titleRequired",
        salaryMax: "jobs.error.salaryRange",
        validThrough: "jobs.error.validThroughPast",
        trade: "jobs.error.tradeUnknown",
        city: "jobs.error.cityUnknown",
        organization: "jobs.error.organizationRequired",
      },
    });
    expect(await services.jobs.create(admin, jobForm({ district: "110101" }))).toEqual({ ok: false, fieldErrors: { district: "jobs.error.districtUnknown" } });
    expect(await services.jobs.create(admin, jobForm({ validThrough: "2026-02-30" }))).toEqual({ ok: false, fieldErrors: { validThrough: "jobs.error.validThroughInvalid" } });
    expect(await services.jobs.create(admin, jobForm({ salaryMin: "abc", openings: "0", employmentType: "SLAVE" }))).toEqual({
      ok: false,
      fieldErrors: { salaryMin: "jobs.error.salaryInvalid", openings: "jobs.error.openingsInvalid", employmentType: "jobs.error.employmentTypeInvalid" },
    });
    expect(await services.jobs.create(admin, null)).toMatchObject({ ok: false, fieldErrors: { title: "jobs.error.titleRequired", organization: "jobs.error.organizationRequired" } });
    // An employer is never asked for an organisation.
    const { viewer: employerViewer } = await employer();
    expect(await services.jobs.create(employerViewer, jobForm({ title: "", organization: "" }))).toEqual({ ok: false, fieldErrors: { title: "jobs.error.titleRequired" } });
    expect(await db.prisma.jobPost.count()).toBe(before);
    expect(await db.prisma.searchOutbox.count()).toBe(outboxBefore);
  });

  it("refuses bad edits and keeps the post as it was", async () => {
    const title = uniqueTitle("钳工");
    const id = await published(admin, { title });
    const result = await services.jobs.update(admin, id, jobForm({ title: "", validThrough: "2026-01-01" }));
    expect(result).toEqual({ ok: false, fieldErrors: { title: "jobs.error.titleRequired", validThrough: "jobs.error.validThroughPast" } });
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id } })).title).toBe(title);
  });

  it("accepts city and district names as well as codes, and fills in the province", async () => {
    const id = await draft(admin, { city: "北京市", district: "朝阳区" });
    expect(await db.prisma.jobPost.findUniqueOrThrow({ where: { id } })).toMatchObject({ province: "110000", city: "110100", district: "110105" });
    expect((await services.jobs.detail(admin, id)).placeName).toBe("北京市 朝阳区");
  });

  it("warns about fee or deposit wording but saves the post, flagged for the admin list and the post page", async () => {
    const result = ok(await services.jobs.create(admin, jobForm({ description: "入职需交押金500元，统一安排住宿。" }), { publish: true }));
    expect(result.feeWarning).toBe("押金");
    const row = (await services.jobs.manageList(admin, {})).items.find((item) => item.id === result.id);
    expect(row?.feeWarning).toBe(true);
    expect((await services.jobs.detail(null, result.id)).feeWarning).toBe(true);
    expect((await services.jobs.forEdit(admin, result.id)).feePhrase).toBe("押金");
    // Rewritten without it, the flag goes.
    expect(ok(await services.jobs.update(admin, result.id, jobForm({ description: "包住宿，工作稳定。" }))).feeWarning).toBeNull();
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id: result.id } })).feeWarning).toBe(false);
    expect(ok(await services.jobs.create(admin, jobForm({ benefits: "培训费全免\n包吃" }))).feeWarning).toBe("培训费");
  });
});

describe("publishing, closing, reopening and deleting", () => {
  it("moves a post through its states, writing an outbox row each time, and search follows", async () => {
    let publishes = 0;
    // The same service with an afterPublish of the test's own, to see when the alert task would run.
    const jobs = createJobService({ prisma: db.prisma, clock, engine, afterPublish: () => publishes++ });
    const word = `锅炉巡检员${++titleCounter}`;
    const id = ok(await jobs.create(admin, jobForm({ title: word, trade: "boiler-operator" }))).id;
    expect(await outboxRows(id)).toBe(1);
    expect(await indexedJobIds(word)).toEqual([]);
    expect(await listIds({ trade: "boiler-operator" })).not.toContain(id);

    clock.advance(60_000);
    ok(await jobs.publish(admin, id));
    expect(publishes).toBe(1);
    const posted = (await db.prisma.jobPost.findUniqueOrThrow({ where: { id } })).datePosted;
    expect(posted).toEqual(clock.now());
    expect(await indexedJobIds(word)).toEqual([`job-${id}`]);
    expect(await listIds({ trade: "boiler-operator" })).toContain(id);
    // Publishing twice changes nothing and runs no alerts.
    ok(await jobs.publish(admin, id));
    expect(publishes).toBe(1);

    ok(await jobs.update(admin, id, jobForm({ title: `${word}（夜班）`, trade: "boiler-operator" })));
    await services.searchSync.drain();
    const [hit] = (await engine.search({ q: word, types: ["job"], page: 1, perPage: 5 })).hits;
    expect(hit?.doc.title).toBe(`${word}（夜班）`);

    ok(await jobs.close(admin, id));
    expect(await db.prisma.jobPost.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CLOSED", closeReason: "MANUAL" });
    expect(await indexedJobIds(word)).toEqual([]);
    expect(await listIds({ trade: "boiler-operator" })).not.toContain(id);
    const closed = await services.jobs.detail(null, id);
    expect(closed).toMatchObject({ status: "CLOSED", isOpen: false, closeReason: "MANUAL" });
    expect(await jobs.publish(admin, id)).toEqual({ ok: false, fieldErrors: {}, formError: "jobs.error.statusChanged" });

    clock.advance(DAY);
    ok(await jobs.reopen(admin, id));
    expect(publishes).toBe(2);
    // Reopening keeps the first publishing date.
    expect(await db.prisma.jobPost.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN", closeReason: null, datePosted: posted });
    expect(await indexedJobIds(word)).toEqual([`job-${id}`]);

    const rowsBefore = await outboxRows(id);
    ok(await jobs.remove(admin, id));
    expect(await outboxRows(id)).toBe(rowsBefore + 1);
    expect(await db.prisma.jobPost.findUnique({ where: { id } })).toBeNull();
    expect(await indexedJobIds(word)).toEqual([]);
    await expect(services.jobs.detail(admin, id)).rejects.toEqual(rejection("notFound"));
  });

  it("lets an employer do the same with their own posts", async () => {
    const { viewer: employerViewer } = await employer();
    const id = await draft(employerViewer);
    ok(await services.jobs.publish(employerViewer, id));
    ok(await services.jobs.close(employerViewer, id));
    ok(await services.jobs.reopen(employerViewer, id));
    ok(await services.jobs.update(employerViewer, id, jobForm({ openings: "5" })));
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id } })).openings).toBe(5);
    ok(await services.jobs.remove(employerViewer, id));
    expect(await db.prisma.jobPost.findUnique({ where: { id } })).toBeNull();
  });

  it("refuses to publish or reopen a post whose closing date has passed", async () => {
    const id = await draft();
    await db.prisma.jobPost.update({ where: { id }, data: { validThrough: new Date(clock.now().getTime() - 1000) } });
    expect(await services.jobs.publish(admin, id)).toEqual({ ok: false, fieldErrors: {}, formError: "jobs.error.validThroughPast" });
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");

    const open = await published();
    ok(await services.jobs.close(admin, open));
    await db.prisma.jobPost.update({ where: { id: open }, data: { validThrough: new Date(clock.now().getTime() - 1000) } });
    expect(await services.jobs.reopen(admin, open)).toEqual({ ok: false, fieldErrors: {}, formError: "jobs.error.validThroughPast" });
    // A closed post with its old date can still be edited; a new date then lets it reopen.
    const values = (await services.jobs.forEdit(admin, open)).values;
    ok(await services.jobs.update(admin, open, { ...values, openings: "2" }));
    ok(await services.jobs.update(admin, open, { ...values, validThrough: "2099-01-01" }));
    ok(await services.jobs.reopen(admin, open));
  });

  it("keeps a post that people applied to: it can be closed, not deleted", async () => {
    const id = await published();
    await db.prisma.jobApplication.create({ data: { jobPostId: id, userId: worker.id, phone: "13912345678" } });
    expect(await services.jobs.remove(admin, id)).toEqual({ ok: false, fieldErrors: {}, formError: "jobs.error.hasApplications" });
    expect(await db.prisma.jobPost.findUnique({ where: { id } })).not.toBeNull();
    ok(await services.jobs.close(admin, id));
  });
});

describe("expiry", () => {
  it("closes open posts past their closing date, takes them out of search, and does nothing the second time", async () => {
    const word = `叉车司机${++titleCounter}`;
    const soon = await published(admin, { title: word, trade: "forklift-driver", validThrough: "2026-03-05" });
    const later = await published(admin, { title: `${word}长期`, trade: "forklift-driver", validThrough: "2099-12-31" });
    const draftSoon = await draft(admin, { validThrough: "2026-03-05" });
    expect(await indexedJobIds(word)).toEqual(expect.arrayContaining([`job-${soon}`, `job-${later}`]));
    try {
      // The last day (China time) still counts: 2026-03-05 23:59 +08:00 is 15:59 UTC.
      clock.set(new Date("2026-03-05T15:59:00.000Z"));
      expect(await services.scheduler.runNow("jobs.expire")).toBe(0);
      expect(await listIds({ trade: "forklift-driver" })).toContain(soon);

      clock.set(new Date("2026-03-05T16:00:00.000Z"));
      // Listed no more even before the task runs.
      expect(await listIds({ trade: "forklift-driver" })).not.toContain(soon);
      const rowsBefore = await outboxRows(soon);
      expect(await services.scheduler.runNow("jobs.expire")).toBeGreaterThanOrEqual(1);
      expect(await db.prisma.jobPost.findUniqueOrThrow({ where: { id: soon } })).toMatchObject({ status: "CLOSED", closeReason: "EXPIRED" });
      expect(await outboxRows(soon)).toBe(rowsBefore + 1);
      expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id: later } })).status).toBe("OPEN");
      expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id: draftSoon } })).status).toBe("DRAFT");
      // Idempotent: the second run finds nothing to close and writes nothing.
      expect(await services.scheduler.runNow("jobs.expire")).toBe(0);
      expect(await outboxRows(soon)).toBe(rowsBefore + 1);

      expect(await indexedJobIds(word)).toEqual([`job-${later}`]);
      expect(await services.jobs.detail(null, soon)).toMatchObject({ isOpen: false, closeReason: "EXPIRED" });
      expect(await services.jobs.reopen(admin, soon)).toEqual({ ok: false, fieldErrors: {}, formError: "jobs.error.validThroughPast" });
    } finally {
      clock.set(START);
    }
  });
});

describe("the /jobs listing", () => {
  it("lists only open posts, and filters by trade, city, minimum salary, type and age, each and combined", async () => {
    const trade = "tower-crane-operator";
    const shenzhen = await published(admin, { trade, city: "440300", district: "", salaryMin: "7000", salaryMax: "9000" });
    const guangzhouPartTime = await published(admin, { trade, city: "440100", district: "", employmentType: "PART_TIME", salaryMin: "20", salaryMax: "30", salaryUnit: "HOUR" });
    const oldShenzhen = await published(admin, { trade, city: "440300", district: "", salaryMin: "5000", salaryMax: "6000" });
    await db.prisma.jobPost.update({ where: { id: oldShenzhen }, data: { datePosted: new Date(clock.now().getTime() - 10 * DAY) } });
    const otherTrade = await published(admin, { trade: "welder", city: "440300", district: "" });
    const unpublished = await draft(admin, { trade });
    const closed = await published(admin, { trade });
    ok(await services.jobs.close(admin, closed));

    const all = await listIds({ trade });
    expect(all).toEqual(expect.arrayContaining([shenzhen, guangzhouPartTime, oldShenzhen]));
    expect(all).not.toContain(otherTrade);
    expect(all).not.toContain(unpublished);
    expect(all).not.toContain(closed);

    expect(await listIds({ trade, city: "440300" })).toEqual([shenzhen, oldShenzhen]);
    expect(await listIds({ trade, type: "PART_TIME" })).toEqual([guangzhouPartTime]);
    // 30 an hour is 5220 a month: above 5000, below 8000.
    expect(await listIds({ trade, salary: "8000" })).toEqual([shenzhen]);
    expect((await listIds({ trade, salary: "5000" })).sort()).toEqual([shenzhen, guangzhouPartTime, oldShenzhen].sort());
    expect(await listIds({ trade, within: "7", city: "440300" })).toEqual([shenzhen]);
    expect(await listIds({ trade, city: "440300", salary: "6000", within: "30" })).toEqual([shenzhen, oldShenzhen]);
    expect(await listIds({ trade, city: "440100", type: "FULL_TIME" })).toEqual([]);

    const page = await services.jobs.list(null, { trade, city: "440300" });
    expect(page.items[0]).toMatchObject({ placeName: "广东省 深圳市", organization: { name: "深圳精工钢构有限公司" }, trade: { code: trade } });
    expect(page.query).toMatchObject({ trade, city: "440300", salary: null, sort: "newest" });
  });

  it("sorts by monthly pay across units: a post paid by the day beats a lower monthly one", async () => {
    const trade = "scaffolder";
    const monthly = await published(admin, { trade, salaryMin: "7000", salaryMax: "8000", salaryUnit: "MONTH" });
    const daily = await published(admin, { trade, salaryMin: "350", salaryMax: "400", salaryUnit: "DAY" }); // 8700 a month
    const hourly = await published(admin, { trade, salaryMin: "25", salaryMax: "30", salaryUnit: "HOUR" }); // 5220 a month
    expect(await listIds({ trade, sort: "salary" })).toEqual([daily, monthly, hourly]);
    expect(await listIds({ trade, sort: "salary", salary: "8500" })).toEqual([daily]);
  });

  it("pages through results and drops unknown filters with a notice", async () => {
    const trade = "bricklayer";
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) {
      clock.advance(1000);
      ids.push(await published(admin, { trade }));
    }
    const first = await services.jobs.list(null, { trade });
    expect(first).toMatchObject({ total: 22, page: 1, pageCount: 2 });
    expect(first.items.map((item) => item.id)).toEqual(ids.slice(-20).reverse());
    const second = await services.jobs.list(null, { trade, page: "2" });
    expect(second.items.map((item) => item.id)).toEqual(ids.slice(0, 2).reverse());
    expect((await services.jobs.list(null, { trade, page: "99" })).page).toBe(2);

    const odd = await services.jobs.list(null, { trade: "astronaut", city: "Gotham", salary: "-5", type: "SLAVE", within: "2", sort: "random", page: "x" });
    expect(odd.notices).toEqual(["jobs.notice.unknownTrade"]);
    expect(odd.query).toEqual({ q: "", trade: null, city: null, salary: null, type: null, within: null, sort: "newest" });
  });

  it("finds posts by text through the search engine, combined with the filters", async () => {
    const word = `数控编程${++titleCounter}`;
    const shenzhen = await published(admin, { title: `${word}操作工`, trade: "cnc-lathe-operator", city: "440300", district: "" });
    const dongguan = await published(admin, { title: `${word}学徒`, trade: "cnc-lathe-operator", city: "441900", district: "", salaryMin: "4000", salaryMax: "5000" });
    const byDescription = await published(admin, { description: `熟悉${word}优先。`, trade: "turner", city: "440300", district: "" });
    await services.searchSync.drain();

    expect((await listIds({ q: word })).sort()).toEqual([shenzhen, dongguan, byDescription].sort());
    expect((await listIds({ q: word, trade: "cnc-lathe-operator" })).sort()).toEqual([shenzhen, dongguan].sort());
    expect((await listIds({ q: word, city: "440300" })).sort()).toEqual([shenzhen, byDescription].sort());
    expect(await listIds({ q: word, city: "440300", trade: "cnc-lathe-operator" })).toEqual([shenzhen]);
    expect((await listIds({ q: word, salary: "6000", sort: "salary" })).sort()).toEqual([shenzhen, byDescription].sort());
    expect(await listIds({ q: "完全不存在的岗位词" })).toEqual([]);

    // A closed post leaves the results at once (SQL filters), and the index after the outbox runs.
    ok(await services.jobs.close(admin, dongguan));
    expect(await listIds({ q: word, trade: "cnc-lathe-operator" })).toEqual([shenzhen]);
  });
});

describe("search documents", () => {
  it("index open posts as jobs linking to their page, with the city's name and the employer in the snippet", async () => {
    const word = `管道安装${++titleCounter}`;
    const id = await published(admin, { title: word, trade: "pipefitter", organization: "重庆建工集团", city: "500100", district: "渝中区" });
    await services.searchSync.drain();
    const page = await services.search.search({ q: word, type: "job" });
    expect(page.result.hits).toHaveLength(1);
    const [hit] = page.result.hits;
    expect(hit!.doc).toMatchObject({
      id: `job-${id}`,
      type: "job",
      title: word,
      url: `/jobs/${id}`,
      city: "重庆市",
      tradeCode: "pipefitter",
      extra: { organization: "重庆建工集团", salaryMin: 6000, salaryMax: 9000, salaryUnit: "MONTH", currency: "CNY" },
    });
    expect(hit!.doc.body).toMatch(/^重庆建工集团 · 重庆市 渝中区 · /);
    // The search page's city filter uses the same name.
    expect((await services.search.search({ q: word, city: "重庆市" })).result.total).toBe(1);
  });

  it("rebuild reads only open posts", async () => {
    const open = await published();
    const closedDraft = await draft();
    await services.searchSync.rebuild();
    const ids = (await engine.search({ q: "", types: ["job"], page: 1, perPage: 1000 })).hits.map((hit) => hit.doc.id);
    expect(ids).toContain(`job-${open}`);
    expect(ids).not.toContain(`job-${closedDraft}`);
  });
});

describe("reports and moderation", () => {
  it("takes one report per user per post, counted on the post in the same transaction", async () => {
    const id = await published();
    const reporter = await viewer();
    expect(await services.jobs.report(reporter, id, { reason: "NOPE", details: "x".repeat(501) })).toEqual({
      ok: false,
      fieldErrors: { reason: "jobs.report.error.reasonInvalid", details: "jobs.report.error.detailsTooLong" },
    });
    ok(await services.jobs.report(reporter, id, { reason: "FEE", details: "电话里说要先交 300 元服装费" }));
    expect(await services.jobs.report(reporter, id, { reason: "FAKE" })).toEqual({ ok: false, fieldErrors: {}, formError: "jobs.report.error.duplicate" });
    ok(await services.jobs.report(worker, id, { reason: "FAKE" }));
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id } })).openReportCount).toBe(2);
    expect(await db.prisma.jobReport.count({ where: { jobPostId: id } })).toBe(2);
    expect((await services.jobs.detail(reporter, id)).viewer.hasReported).toBe(true);
    expect((await services.jobs.detail(await viewer(), id)).viewer.hasReported).toBe(false);

    await expect(services.jobs.report(null, id, { reason: "FEE" })).rejects.toEqual(rejection("unauthorized"));
    await expect(services.jobs.report(reporter, await draft(), { reason: "FEE" })).rejects.toEqual(rejection("notFound"));
    await expect(services.jobs.report(reporter, "no-such-post", { reason: "FEE" })).rejects.toEqual(rejection("notFound"));
  });

  it("queues reported posts for admins, who dismiss the reports or close the post", async () => {
    const { viewer: employerViewer } = await employer();
    const fine = await published(employerViewer);
    const scam = await published(employerViewer);
    ok(await services.jobs.report(worker, fine, { reason: "OTHER" }));
    ok(await services.jobs.report(worker, scam, { reason: "FEE", details: "要押金" }));
    ok(await services.jobs.report(await viewer(), scam, { reason: "FAKE" }));

    const queue = await services.jobs.moderationQueue(admin, {});
    const scamItem = queue.items.find((item) => item.id === scam);
    expect(scamItem).toMatchObject({ openReportCount: 2, status: "OPEN" });
    expect(scamItem!.reports.map((report) => report.reason)).toEqual(["FEE", "FAKE"]);
    expect(scamItem!.reports[0]).toMatchObject({ details: "要押金", reporterName: worker.displayName });
    expect(queue.items.map((item) => item.id).indexOf(scam)).toBeLessThan(queue.items.map((item) => item.id).indexOf(fine));
    await expect(services.jobs.moderationQueue(worker, {})).rejects.toEqual(rejection("forbidden"));
    await expect(services.jobs.moderationQueue(null, {})).rejects.toEqual(rejection("unauthorized"));
    await expect(services.jobs.resolveReports(admin, scam, "explode")).rejects.toEqual(rejection("invalid", "jobs.moderation.error.actionInvalid"));
    await expect(services.jobs.resolveReports(admin, "no-such-post", "dismiss")).rejects.toEqual(rejection("notFound"));

    ok(await services.jobs.resolveReports(admin, fine, "dismiss"));
    expect(await db.prisma.jobPost.findUniqueOrThrow({ where: { id: fine } })).toMatchObject({ status: "OPEN", openReportCount: 0 });
    expect(await db.prisma.jobReport.findMany({ where: { jobPostId: fine }, select: { status: true, resolvedById: true } })).toEqual([{ status: "DISMISSED", resolvedById: admin.id }]);

    const rowsBefore = await outboxRows(scam);
    ok(await services.jobs.resolveReports(admin, scam, "close"));
    expect(await db.prisma.jobPost.findUniqueOrThrow({ where: { id: scam } })).toMatchObject({ status: "CLOSED", closeReason: "MODERATION", openReportCount: 0 });
    expect((await db.prisma.jobReport.findMany({ where: { jobPostId: scam } })).map((report) => report.status)).toEqual(["ACTIONED", "ACTIONED"]);
    expect(await outboxRows(scam)).toBe(rowsBefore + 1);
    const after = (await services.jobs.moderationQueue(admin, {})).items.map((item) => item.id);
    expect(after).not.toContain(fine);
    expect(after).not.toContain(scam);

    // The employer cannot undo a moderator's decision; an admin can.
    expect(await services.jobs.reopen(employerViewer, scam)).toEqual({ ok: false, fieldErrors: {}, formError: "jobs.error.closedByModeration" });
    ok(await services.jobs.reopen(admin, scam));
  });

  it("queues open posts with fee wording until a moderator has looked at them", async () => {
    const id = ok(await services.jobs.create(admin, jobForm({ description: "需交押金500元" }), { publish: true })).id;
    const item = (await services.jobs.moderationQueue(admin, {})).items.find((entry) => entry.id === id);
    expect(item).toMatchObject({ feeWarning: true, openReportCount: 0, reports: [] });
    ok(await services.jobs.resolveReports(admin, id, "dismiss"));
    expect((await services.jobs.detail(null, id)).feeWarning).toBe(false);
    expect((await services.jobs.moderationQueue(admin, {})).items.map((entry) => entry.id)).not.toContain(id);
  });
});
