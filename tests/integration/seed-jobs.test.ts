// The demo job board a fresh Jiangxin starts with (prisma/seed/jobs.ts): about 200 open posts over
// many trades, cities, pay units and employment types, a few closed and draft ones, the fixed post
// the end-to-end tests open, the demo employer and their organisation, a few applications, search
// outbox rows and an index after a rebuild, no alerts for demo data, and a seed that runs once.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed.ts";
import { DEMO_ACCOUNTS } from "../../prisma/seed/demo-users.ts";
import { DEMO_CLOSED_POSTS, DEMO_DRAFT_POSTS, DEMO_EMPLOYER_ORGANIZATION, DEMO_JOB_ID, seedDemoJobs } from "../../prisma/seed/jobs.ts";
import { feeWording } from "../../server/jobs/fee-warning.ts";
import { EMPLOYMENT_TYPES, monthlyAmount, SALARY_UNITS } from "../../server/jobs/types.ts";
import { isCity, isDistrict } from "../../server/regions.ts";
import { createEmbeddedEngine } from "../../search/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createUser } from "../support/fixtures.ts";
import { createTestServices } from "../support/services.ts";

const NOW = new Date("2026-11-20T08:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const account = (role: string) => DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;

let db: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-seed-jobs-"));
  // As server/main.ts seeds a new data directory (courses without ffmpeg: they are not the subject).
  await seedDemoData(db.prisma, { dataDir, courses: { now: NOW, ffmpegPath: null, warn: () => {} }, books: { now: NOW, warn: () => {} }, jobs: { now: NOW } });
});

afterAll(async () => {
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const allPosts = () => db.prisma.jobPost.findMany({ orderBy: { id: "asc" }, include: { trade: { select: { code: true } }, organization: { select: { name: true } } } });

describe("the demo job seed", () => {
  it("opens about 200 posts over many trades, real cities, every pay unit and employment type", async () => {
    const open = (await allPosts()).filter((post) => post.status === "OPEN");
    expect(open.length).toBeGreaterThanOrEqual(195);
    expect(open.length).toBeLessThanOrEqual(201);
    expect(new Set(open.map((post) => post.trade.code)).size).toBeGreaterThanOrEqual(30);
    const cities = new Set(open.map((post) => post.city));
    expect([...cities].every(isCity)).toBe(true);
    for (const city of ["440300", "441900", "320500", "310100", "500100", "420100", "510100", "120100", "330200", "440600"]) expect(cities).toContain(city);
    expect(open.every((post) => post.province === `${post.city.slice(0, 2)}0000`)).toBe(true);
    expect(open.every((post) => post.district === null || (isDistrict(post.district) && post.district.startsWith(post.city.slice(0, 4))))).toBe(true);
    expect(new Set(open.map((post) => post.salaryUnit))).toEqual(new Set(SALARY_UNITS));
    expect(new Set(open.map((post) => post.employmentType))).toEqual(new Set(EMPLOYMENT_TYPES));
    expect(new Set(open.map((post) => post.organization.name)).size).toBeGreaterThanOrEqual(20);
    // No post twice: the same title, organisation and city never repeat.
    expect(new Set(open.map((post) => `${post.title}|${post.organizationId}|${post.city}`)).size).toBe(open.length);

    for (const post of open) {
      expect(post.salaryMin).toBeGreaterThan(0);
      expect(post.salaryMax).toBeGreaterThanOrEqual(post.salaryMin);
      expect(post.monthlyMin).toBe(monthlyAmount(post.salaryMin, post.salaryUnit));
      expect(post.monthlyMax).toBe(monthlyAmount(post.salaryMax, post.salaryUnit));
      expect(post.currency).toBe("CNY");
      expect(post.description.length).toBeGreaterThan(30);
      expect(post.benefits.length).toBeGreaterThan(0);
      expect(post.openings).toBeGreaterThanOrEqual(1);
      expect(post.feeWarning).toBe(feeWording(`${post.title}\n${post.description}`) !== null);
    }
    // One post asks for a deposit, so that the listing's warning has something to show.
    expect(open.filter((post) => post.feeWarning)).toHaveLength(1);
  });

  it("spreads posting dates over the last 30 days and closing dates weeks ahead", async () => {
    const open = (await allPosts()).filter((post) => post.status === "OPEN");
    const posted = open.map((post) => post.datePosted!.getTime());
    expect(Math.max(...posted)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.min(...posted)).toBeGreaterThanOrEqual(NOW.getTime() - 31 * DAY_MS);
    expect(Math.max(...posted) - Math.min(...posted)).toBeGreaterThan(25 * DAY_MS);
    expect(new Set(posted).size).toBeGreaterThan(150); // "newest first" has an order
    expect(open.every((post) => post.validThrough.getTime() > NOW.getTime() + 13 * DAY_MS)).toBe(true);
    expect(open.every((post) => post.createdAt.getTime() < post.datePosted!.getTime())).toBe(true);
  });

  it("has a few closed posts (expired or closed by hand) and the demo employer's drafts", async () => {
    const posts = await allPosts();
    const closed = posts.filter((post) => post.status === "CLOSED");
    expect(closed).toHaveLength(DEMO_CLOSED_POSTS);
    expect(new Set(closed.map((post) => post.closeReason))).toEqual(new Set(["EXPIRED", "MANUAL"]));
    for (const post of closed.filter((post) => post.closeReason === "EXPIRED")) expect(post.validThrough.getTime()).toBeLessThan(NOW.getTime());
    expect(closed.every((post) => post.datePosted !== null)).toBe(true);

    const drafts = posts.filter((post) => post.status === "DRAFT");
    expect(drafts).toHaveLength(DEMO_DRAFT_POSTS);
    expect(drafts.every((post) => post.datePosted === null && post.organization.name === DEMO_EMPLOYER_ORGANIZATION)).toBe(true);
  });

  it("has the fixed OPEN welder post in Shenzhen, owned by the demo employer's organisation", async () => {
    const post = await db.prisma.jobPost.findUniqueOrThrow({ where: { id: DEMO_JOB_ID }, include: { trade: true, organization: true } });
    expect(post).toMatchObject({ status: "OPEN", city: "440300", province: "440000", district: "440306", salaryUnit: "MONTH", employmentType: "FULL_TIME", feeWarning: false });
    expect(post.trade.code).toBe("welder");
    expect(post.organization.name).toBe(DEMO_EMPLOYER_ORGANIZATION);
    expect(post.validThrough.getTime()).toBeGreaterThan(NOW.getTime() + 30 * DAY_MS);
    // Nobody has applied yet: the end-to-end tests apply to it as the demo worker.
    expect(post.applicationCount).toBe(0);
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: DEMO_JOB_ID } })).toBe(0);

    const employer = await db.prisma.user.findUniqueOrThrow({ where: { phone: account("EMPLOYER").phone } });
    expect(employer).toMatchObject({ role: "EMPLOYER", organizationId: post.organizationId });
    expect(await db.prisma.jobPost.count({ where: { organizationId: post.organizationId, status: "OPEN" } })).toBeGreaterThanOrEqual(5);
    expect(post.createdById).toBe(employer.id);
  });

  it("has applications by the demo worker and members, and counters that match them", async () => {
    const worker = await db.prisma.user.findUniqueOrThrow({ where: { phone: account("WORKER").phone } });
    const mine = await db.prisma.jobApplication.findMany({ where: { userId: worker.id }, include: { jobPost: true } });
    expect(mine).toHaveLength(2);
    expect(mine.every((application) => application.phone === worker.phone && application.jobPost.status === "OPEN")).toBe(true);
    expect(mine.every((application) => application.createdAt.getTime() > application.jobPost.datePosted!.getTime())).toBe(true);

    const employer = await db.prisma.user.findUniqueOrThrow({ where: { phone: account("EMPLOYER").phone } });
    const toEmployer = await db.prisma.jobApplication.count({ where: { jobPost: { organizationId: employer.organizationId! } } });
    expect(toEmployer).toBeGreaterThanOrEqual(4);

    const counted = await db.prisma.jobApplication.groupBy({ by: ["jobPostId"], _count: { _all: true } });
    const stored = await db.prisma.jobPost.findMany({ where: { applicationCount: { gt: 0 } }, select: { id: true, applicationCount: true } });
    expect(new Map(stored.map((post) => [post.id, post.applicationCount]))).toEqual(new Map(counted.map((row) => [row.jobPostId, row._count._all])));
  });

  it("marks every published post as alerted, so that the alert task leaves the demo data alone", async () => {
    expect(await db.prisma.jobPost.count({ where: { status: { not: "DRAFT" }, alertsSentAt: null } })).toBe(0);
    // A saved search that every demo welder post in Shenzhen matches; the task must not notify of them.
    const worker = await db.prisma.user.findUniqueOrThrow({ where: { phone: account("WORKER").phone } });
    const filters = { q: "", trade: "welder", city: "440300", salary: null, type: null, within: null, sort: "newest" };
    await db.prisma.savedSearch.create({ data: { userId: worker.id, name: "深圳焊工", filters } });
    const services = createTestServices(db);
    await services.scheduler.runNow("jobs.alerts");
    expect(await db.prisma.notification.count()).toBe(0);
  });

  it("queues every open post for search, and a rebuild indexes exactly the open ones", async () => {
    const open = (await db.prisma.jobPost.findMany({ where: { status: "OPEN" }, select: { id: true } })).map((post) => `job-${post.id}`);
    const queued = new Set((await db.prisma.searchOutbox.findMany({ where: { docId: { startsWith: "job-" } }, select: { docId: true } })).map((row) => row.docId));
    expect(queued).toEqual(new Set(open));

    const engine = createEmbeddedEngine();
    const services = createTestServices(db, { searchEngine: engine });
    await services.searchSync.rebuild();
    const jobs = await engine.search({ q: "", types: ["job"], page: 1, perPage: 5 });
    expect(jobs.total).toBe(open.length);
    const welders = await engine.search({ q: "电焊工", types: ["job"], page: 1, perPage: 50 });
    expect(welders.hits.map((hit) => hit.doc.id)).toContain(`job-${DEMO_JOB_ID}`);
  });

  it("changes nothing when it runs again", async () => {
    const snapshot = async () => ({
      posts: (await db.prisma.jobPost.findMany({ orderBy: { id: "asc" }, select: { id: true, updatedAt: true, applicationCount: true } })),
      applications: await db.prisma.jobApplication.count(),
      organizations: await db.prisma.organization.count(),
      outbox: await db.prisma.searchOutbox.count({ where: { docId: { startsWith: "job-" } } }),
      users: await db.prisma.user.count(),
    });
    const before = await snapshot();
    expect(await seedDemoJobs(db.prisma, { now: NOW })).toBe(0);
    await seedDemoData(db.prisma, { dataDir, courses: { now: NOW, ffmpegPath: null }, books: { now: NOW }, jobs: { now: new Date(NOW.getTime() + DAY_MS) } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the demo job seed in other databases", () => {
  it("adds the demo employer to a demo database from before the job board, and nothing to a database that is not a demo", async () => {
    const older = await createTestDatabase();
    const real = await createTestDatabase();
    try {
      // A demo database from before: the demo worker exists, the employer does not.
      await createUser(older.prisma, { phone: account("WORKER").phone, role: "WORKER" });
      expect(await seedDemoJobs(older.prisma, { now: NOW })).toBeGreaterThanOrEqual(200);
      const employer = await older.prisma.user.findUniqueOrThrow({ where: { phone: account("EMPLOYER").phone }, include: { organization: true } });
      expect(employer).toMatchObject({ role: "EMPLOYER", organization: { name: DEMO_EMPLOYER_ORGANIZATION } });

      // A database with real users and no demo accounts gets no demo posts.
      await createUser(real.prisma, { role: "WORKER" });
      expect(await seedDemoJobs(real.prisma, { now: NOW })).toBe(0);
      expect(await real.prisma.jobPost.count()).toBe(0);
      expect(await real.prisma.organization.count()).toBe(0);
    } finally {
      await older.cleanup();
      await real.cleanup();
    }
  });
});
