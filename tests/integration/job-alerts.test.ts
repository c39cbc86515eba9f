// Job alerts through the alert service and the scheduler, as a worker and the background task use
// them: saving, listing and deleting searches (limits, bad input, ownership), and the task matching
// newly published posts by each filter, exactly once, never to the post's creator, and never for
// posts published before the search was saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import type { DB } from "../../server/db/client.ts";
import { MAX_SAVED_SEARCHES } from "../../server/jobs/alerts.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createJobPost, createOrganization } from "../support/jobs.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock();
  services = createTestServices(db, { clock });
});

afterAll(async () => {
  await db?.cleanup();
});

const SHENZHEN = "440300";
const SHANGHAI = "310100";
const MINUTE = 60_000;

async function worker(): Promise<Viewer> {
  return (await signedInUser(db.prisma, services.sessions)).viewer;
}

const rejection = (kind: string) => expect.objectContaining({ name: "AppError", kind });

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

/** Saves a search now (by the test clock) and moves the clock on, so later posts are newer. */
async function save(viewer: Viewer, filters: Record<string, string>, name = "我的订阅") {
  const { id } = ok(await services.jobAlerts.saveSearch(viewer, filters, { name }));
  clock.advance(MINUTE);
  return id;
}

/** An OPEN post published now, not yet matched by the alert task. */
async function publish(data: Partial<DB.Prisma.JobPostUncheckedCreateInput> = {}) {
  const post = await createJobPost(db.prisma, clock.now(), { alertsSentAt: null, ...data });
  clock.advance(MINUTE);
  return post;
}

async function tradeId(code: string) {
  return (await db.prisma.trade.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

const runAlerts = () => services.scheduler.runNow("jobs.alerts");

/** The ids of the posts the user was alerted about, sorted. */
async function alertedPosts(viewer: Viewer): Promise<string[]> {
  const rows = await db.prisma.notification.findMany({ where: { userId: viewer.id, kind: "job.alert" }, select: { link: true } });
  return rows.map((row) => row.link!.replace("/jobs/", "")).sort();
}

let wordCounter = 0;
/** A word no other post contains, to keep a text search to this test's posts. */
const uniqueWord = () => `词${process.pid}x${++wordCounter}`;

describe("matching a new post against saved searches", () => {
  it("matches by trade", async () => {
    const user = await worker();
    await save(user, { trade: "welder", city: SHENZHEN });
    const welder = await publish();
    await publish({ tradeId: await tradeId("electrician") });
    await runAlerts();
    expect(await alertedPosts(user)).toEqual([welder.id]);
  });

  it("matches by city", async () => {
    const user = await worker();
    const word = uniqueWord();
    await save(user, { city: SHANGHAI, q: word });
    const shanghai = await publish({ province: "310000", city: SHANGHAI, title: `焊工 ${word}` });
    await publish({ title: `焊工 ${word}` });
    await runAlerts();
    expect(await alertedPosts(user)).toEqual([shanghai.id]);
  });

  it("matches a minimum monthly salary against the post's monthly maximum, whatever its unit", async () => {
    const user = await worker();
    const word = uniqueWord();
    await save(user, { salary: "6000", q: word });
    const title = `钳工 ${word}`;
    // 300 a day is 6525 a month (21.75 days); 30 an hour is 5220 (174 hours).
    const daily = await publish({ title, salaryMin: 200, salaryMax: 300, salaryUnit: "DAY" });
    await publish({ title, salaryMin: 20, salaryMax: 30, salaryUnit: "HOUR" });
    const exactly = await publish({ title, salaryMin: 5000, salaryMax: 6000 });
    await publish({ title, salaryMin: 5000, salaryMax: 5999 });
    const hourly = await publish({ title, salaryMin: 30, salaryMax: 40, salaryUnit: "HOUR" });
    await runAlerts();
    expect(await alertedPosts(user)).toEqual([daily.id, exactly.id, hourly.id].sort());
  });

  it("matches by employment type", async () => {
    const user = await worker();
    const word = uniqueWord();
    await save(user, { type: "PART_TIME", q: word });
    const partTime = await publish({ title: word, employmentType: "PART_TIME" });
    await publish({ title: word, employmentType: "FULL_TIME" });
    await runAlerts();
    expect(await alertedPosts(user)).toEqual([partTime.id]);
  });

  it("matches text when every word occurs in the title, description, organisation or trade name", async () => {
    const user = await worker();
    const word = uniqueWord();
    const organization = await createOrganization(db.prisma, `南山精工${word}`);
    await save(user, { q: `${word} 二保焊 MIG 焊工` });
    // The words spread over the title, the description (any case), the organisation and the trade.
    const spread = await publish({ title: `操作工 ${word}`, description: "熟练二保焊，会 mig 焊。", organizationId: organization.id });
    // "二保焊" missing.
    await publish({ title: `操作工 ${word}`, description: "会 MIG 焊。" });
    // The trade is electrician, so "焊工" occurs nowhere.
    await publish({ title: `操作工 ${word}`, description: "二保焊 MIG", tradeId: await tradeId("electrician") });
    await runAlerts();
    expect(await alertedPosts(user)).toEqual([spread.id]);
  });

  it("requires every filter of a search to match", async () => {
    const user = await worker();
    const word = uniqueWord();
    await save(user, { q: word, trade: "welder", city: SHENZHEN, salary: "8000", type: "FULL_TIME" });
    const all = await publish({ title: word, salaryMax: 9000 });
    await publish({ title: word, salaryMax: 7000 });
    await publish({ title: word, salaryMax: 9000, employmentType: "TEMPORARY" });
    await publish({ title: word, salaryMax: 9000, province: "310000", city: SHANGHAI });
    await publish({ title: word, salaryMax: 9000, tradeId: await tradeId("electrician") });
    await publish({ title: "别的词", salaryMax: 9000 });
    await runAlerts();
    expect(await alertedPosts(user)).toEqual([all.id]);
  });

  it("writes a job.alert with the post's title, the search's name and organisation, linking to the post", async () => {
    const user = await worker();
    const word = uniqueWord();
    const searchId = await save(user, { q: word }, "深圳焊工");
    const organization = await createOrganization(db.prisma, `精工钢构${word}`);
    const post = await publish({ title: `二保焊工 ${word}`, organizationId: organization.id });
    await runAlerts();
    const { items, unread } = await services.notifications.list(user);
    expect(unread).toBe(1);
    expect(items).toEqual([
      expect.objectContaining({
        kind: "job.alert",
        data: { title: `二保焊工 ${word}`, searchName: "深圳焊工", organization: `精工钢构${word}` },
        link: `/jobs/${post.id}`,
        read: false,
      }),
    ]);
    const row = await db.prisma.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.dedupeKey).toBe(`job-alert:${searchId}:${post.id}`);
  });

  it("alerts a user once per post even when two of their searches match", async () => {
    const user = await worker();
    const word = uniqueWord();
    const older = await save(user, { q: word }, "宽的");
    await save(user, { q: word, city: SHENZHEN }, "窄的");
    const post = await publish({ title: word });
    await runAlerts();
    const rows = await db.prisma.notification.findMany({ where: { userId: user.id } });
    expect(rows.map((row) => row.dedupeKey)).toEqual([`job-alert:${older}:${post.id}`]);
  });

  it("alerts every user whose search matches", async () => {
    const [first, second, third] = [await worker(), await worker(), await worker()];
    const word = uniqueWord();
    await save(first, { q: word });
    await save(second, { q: word, trade: "welder" });
    await save(third, { q: word, trade: "electrician" });
    const post = await publish({ title: word });
    await runAlerts();
    expect(await alertedPosts(first)).toEqual([post.id]);
    expect(await alertedPosts(second)).toEqual([post.id]);
    expect(await alertedPosts(third)).toEqual([]);
  });

  it("matches only OPEN posts", async () => {
    const user = await worker();
    const word = uniqueWord();
    await save(user, { q: word });
    const draft = await publish({ title: word, status: "DRAFT", datePosted: null });
    const closed = await publish({ title: word, status: "CLOSED", closeReason: "MANUAL" });
    await runAlerts();
    expect(await alertedPosts(user)).toEqual([]);
    // Not marked either: published (or reopened) later, they are matched then.
    const rows = await db.prisma.jobPost.findMany({ where: { id: { in: [draft.id, closed.id] } }, select: { alertsSentAt: true } });
    expect(rows.map((row) => row.alertsSentAt)).toEqual([null, null]);
  });
});

describe("who is alerted about what", () => {
  it("never alerts the post's own creator", async () => {
    const creator = await worker();
    const other = await worker();
    const word = uniqueWord();
    await save(creator, { q: word });
    await save(other, { q: word });
    const post = await publish({ title: word, createdById: creator.id });
    await runAlerts();
    expect(await alertedPosts(creator)).toEqual([]);
    expect(await alertedPosts(other)).toEqual([post.id]);
  });

  it("does not alert a new search about posts published before it was saved", async () => {
    const early = await worker();
    const late = await worker();
    const word = uniqueWord();
    await save(early, { q: word });
    // Published, but the task has not run yet when the second search is saved.
    const post = await publish({ title: word });
    await save(late, { q: word });
    await runAlerts();
    expect(await alertedPosts(early)).toEqual([post.id]);
    expect(await alertedPosts(late)).toEqual([]);
  });

  it("matches posts published before any alert run, once", async () => {
    const user = await worker();
    const word = uniqueWord();
    const savedAt = clock.now();
    await save(user, { q: word });
    // A backlog: posts that waited (e.g. while no process ran the task), one older than the search.
    const hour = 60 * MINUTE;
    const older = await createJobPost(db.prisma, new Date(savedAt.getTime() - hour), { title: word, alertsSentAt: null });
    const waiting = [];
    for (const hours of [3, 1, 2]) {
      waiting.push(await createJobPost(db.prisma, new Date(savedAt.getTime() + hours * hour), { title: word, alertsSentAt: null }));
    }
    clock.advance(24 * hour);
    expect(await runAlerts()).toBeGreaterThanOrEqual(3);
    expect(await alertedPosts(user)).toEqual(waiting.map((post) => post.id).sort());
    const marked = await db.prisma.jobPost.count({ where: { id: { in: [older.id, ...waiting.map((post) => post.id)] }, alertsSentAt: { not: null } } });
    expect(marked).toBe(4);
    expect(await runAlerts()).toBe(0);
    expect(await alertedPosts(user)).toHaveLength(3);
  });

  it("works through more posts than one batch", async () => {
    const user = await worker();
    const word = uniqueWord();
    await save(user, { q: word });
    const organization = await createOrganization(db.prisma);
    const trade = await tradeId("welder");
    const postedAt = clock.now();
    await db.prisma.jobPost.createMany({
      data: Array.from({ length: 205 }, (_, index) => ({
        title: `${word} ${index}`,
        description: "批量岗位",
        employmentType: "FULL_TIME" as const,
        organizationId: organization.id,
        tradeId: trade,
        province: "440000",
        city: SHENZHEN,
        salaryMin: 5000,
        salaryMax: 6000,
        salaryUnit: "MONTH" as const,
        monthlyMin: 5000,
        monthlyMax: 6000,
        certificates: [],
        benefits: [],
        status: "OPEN" as const,
        datePosted: postedAt,
        validThrough: new Date(postedAt.getTime() + 30 * 86_400_000),
      })),
    });
    clock.advance(MINUTE);
    await runAlerts();
    expect(await alertedPosts(user)).toHaveLength(205);
    expect(await db.prisma.jobPost.count({ where: { organizationId: organization.id, alertsSentAt: null } })).toBe(0);
  });
});

describe("delivering exactly once", () => {
  it("notifies once when the task runs twice, and marks the post", async () => {
    const user = await worker();
    const word = uniqueWord();
    await save(user, { q: word });
    const post = await publish({ title: word });
    // Other tests' searches may match the post too; the second run must find nothing to do.
    expect(await runAlerts()).toBeGreaterThanOrEqual(1);
    expect(await runAlerts()).toBe(0);
    expect(await alertedPosts(user)).toEqual([post.id]);
    const marked = await db.prisma.jobPost.findUniqueOrThrow({ where: { id: post.id }, select: { alertsSentAt: true } });
    expect(marked.alertsSentAt).not.toBeNull();
  });

  it("notifies once when two processes run the task at the same time", async () => {
    const user = await worker();
    const word = uniqueWord();
    await save(user, { q: word });
    const posts = [await publish({ title: word }), await publish({ title: word })];
    // A second process: its own services (and scheduler) on the same database.
    const otherProcess = createTestServices(db, { clock });
    await Promise.all([services.jobAlerts.task.run(), otherProcess.jobAlerts.task.run()]);
    expect(await alertedPosts(user)).toEqual(posts.map((post) => post.id).sort());
  });

  it("notifies once when a run stopped between notifying and marking the post", async () => {
    const user = await worker();
    const word = uniqueWord();
    await save(user, { q: word });
    const post = await publish({ title: word });
    await runAlerts();
    // As if the process had died before marking: the post is unmarked, the notification is there.
    await db.prisma.jobPost.update({ where: { id: post.id }, data: { alertsSentAt: null } });
    expect(await runAlerts()).toBe(0);
    expect(await alertedPosts(user)).toEqual([post.id]);
  });
});

describe("saving a search", () => {
  it("keeps the normalized filters, dropping what an alert cannot use or /jobs would not understand", async () => {
    const user = await worker();
    const id = await save(user, {
      q: "  二保焊  ",
      trade: "NOT A CODE!",
      city: SHENZHEN,
      salary: "-5",
      type: "BOSS",
      within: "7",
      sort: "salary",
      extra: "ignored",
    });
    const row = await db.prisma.savedSearch.findUniqueOrThrow({ where: { id } });
    expect(row.filters).toEqual({ q: "二保焊", trade: null, city: SHENZHEN, salary: null, type: null });
    expect(row.userId).toBe(user.id);
    expect(row.createdAt).toEqual(new Date(clock.now().getTime() - MINUTE));
  });

  it("drops a trade that does not exist", async () => {
    const user = await worker();
    const id = await save(user, { trade: "no-such-trade", city: SHENZHEN, salary: "7000" });
    const row = await db.prisma.savedSearch.findUniqueOrThrow({ where: { id } });
    expect(row.filters).toEqual({ q: "", trade: null, city: SHENZHEN, salary: 7000, type: null });
  });

  it("refuses a search without any usable filter", async () => {
    const user = await worker();
    expect(await services.jobAlerts.saveSearch(user, {}, { name: "全部" })).toEqual({ ok: false, fieldErrors: {}, formError: "jobs.alerts.error.noFilters" });
    expect(await services.jobAlerts.saveSearch(user, { city: "999999", within: "7", sort: "salary" }, { name: "坏的" })).toMatchObject({
      ok: false,
      formError: "jobs.alerts.error.noFilters",
    });
    expect(await db.prisma.savedSearch.count({ where: { userId: user.id } })).toBe(0);
  });

  it("requires a name of at most 60 characters", async () => {
    const user = await worker();
    const filters = { trade: "welder" };
    expect(await services.jobAlerts.saveSearch(user, filters, { name: "" })).toEqual({ ok: false, fieldErrors: { name: "jobs.alerts.error.nameRequired" } });
    expect(await services.jobAlerts.saveSearch(user, filters, { name: "   " })).toEqual({ ok: false, fieldErrors: { name: "jobs.alerts.error.nameRequired" } });
    expect(await services.jobAlerts.saveSearch(user, filters, {})).toEqual({ ok: false, fieldErrors: { name: "jobs.alerts.error.nameRequired" } });
    expect(await services.jobAlerts.saveSearch(user, filters, { name: "焊".repeat(61) })).toEqual({
      ok: false,
      fieldErrors: { name: "jobs.alerts.error.nameTooLong" },
    });
    expect(await db.prisma.savedSearch.count({ where: { userId: user.id } })).toBe(0);
    const saved = ok(await services.jobAlerts.saveSearch(user, filters, { name: ` ${"焊".repeat(60)} ` }));
    expect((await db.prisma.savedSearch.findUniqueOrThrow({ where: { id: saved.id } })).name).toBe("焊".repeat(60));
  });

  it("refuses the same filters twice", async () => {
    const user = await worker();
    await save(user, { trade: "welder", city: SHENZHEN });
    // The same after normalizing: order, stale values and "within" do not make it different.
    expect(await services.jobAlerts.saveSearch(user, { city: SHENZHEN, within: "3", trade: "welder" }, { name: "又一个" })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "jobs.alerts.error.duplicate",
    });
    // Another user may save the same.
    ok(await services.jobAlerts.saveSearch(await worker(), { trade: "welder", city: SHENZHEN }, { name: "一样" }));
  });

  it(`keeps at most ${MAX_SAVED_SEARCHES} searches per user, even when saved at once`, async () => {
    const user = await worker();
    for (let index = 1; index < MAX_SAVED_SEARCHES; index++) await save(user, { salary: String(1000 + index) });
    const attempts = await Promise.all(
      [1, 2, 3].map((index) => services.jobAlerts.saveSearch(user, { salary: String(5000 + index) }, { name: `第${index}个` })),
    );
    expect(attempts.filter((attempt) => attempt.ok)).toHaveLength(1);
    expect(attempts.filter((attempt) => !attempt.ok)).toEqual([
      { ok: false, fieldErrors: {}, formError: "jobs.alerts.error.tooMany" },
      { ok: false, fieldErrors: {}, formError: "jobs.alerts.error.tooMany" },
    ]);
    expect(await db.prisma.savedSearch.count({ where: { userId: user.id } })).toBe(MAX_SAVED_SEARCHES);
    // Other users are not limited by it.
    ok(await services.jobAlerts.saveSearch(await worker(), { salary: "5001" }, { name: "别人的" }));
  });

  it("is for signed-in users", async () => {
    await expect(services.jobAlerts.saveSearch(null, { trade: "welder" }, { name: "访客" })).rejects.toEqual(rejection("unauthorized"));
    await expect(services.jobAlerts.listSearches(null)).rejects.toEqual(rejection("unauthorized"));
    await expect(services.jobAlerts.deleteSearch(null, "x")).rejects.toEqual(rejection("unauthorized"));
  });
});

describe("listing and deleting saved searches", () => {
  it("lists the viewer's own searches, newest first, with names and a /jobs link", async () => {
    const user = await worker();
    const other = await worker();
    await save(other, { trade: "welder" }, "别人的");
    const first = await save(user, { trade: "welder", city: SHENZHEN, salary: "6000", type: "FULL_TIME", q: "二保焊" }, "深圳焊工");
    const second = await save(user, { city: SHANGHAI }, "上海");
    const list = await services.jobAlerts.listSearches(user);
    expect(list.map((search) => search.id)).toEqual([second, first]);
    expect(list[1]).toMatchObject({
      name: "深圳焊工",
      filters: { q: "二保焊", trade: "welder", city: SHENZHEN, salary: 6000, type: "FULL_TIME" },
      trade: { code: "welder", nameZh: "焊工", nameEn: "Welder" },
      cityName: "深圳市",
      href: `/jobs?q=${encodeURIComponent("二保焊")}&trade=welder&city=${SHENZHEN}&salary=6000&type=FULL_TIME`,
    });
    expect(list[0]).toMatchObject({ trade: null, cityName: "上海市", href: `/jobs?city=${SHANGHAI}` });
  });

  it("deletes the viewer's own search; anyone else's is not found", async () => {
    const owner = await worker();
    const stranger = await worker();
    const id = await save(owner, { trade: "electrician" });
    await expect(services.jobAlerts.deleteSearch(stranger, id)).rejects.toEqual(rejection("notFound"));
    await expect(services.jobAlerts.deleteSearch(owner, "no-such-search")).rejects.toEqual(rejection("notFound"));
    await expect(services.jobAlerts.deleteSearch(owner, { id } as unknown)).rejects.toEqual(rejection("notFound"));
    expect(await db.prisma.savedSearch.count({ where: { id } })).toBe(1);
    await services.jobAlerts.deleteSearch(owner, id);
    expect(await db.prisma.savedSearch.count({ where: { id } })).toBe(0);
    await expect(services.jobAlerts.deleteSearch(owner, id)).rejects.toEqual(rejection("notFound"));
  });

  it("stops alerting once the search is deleted", async () => {
    const user = await worker();
    const word = uniqueWord();
    const id = await save(user, { q: word });
    await services.jobAlerts.deleteSearch(user, id);
    await publish({ title: word });
    await runAlerts();
    expect(await alertedPosts(user)).toEqual([]);
  });
});
