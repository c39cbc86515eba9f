// The job board's listing with filters and the salary sort, and the apply action, with 50,000 job
// posts and 200,000 applications in the database. The data is written with set-based SQL into a
// fresh PGlite data directory before the production server starts on it. The listing's queries are
// captured as Prisma issues them (query events of a logging client on the same database) and
// their plans recorded with the figures.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type autocannon from "autocannon";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createServices } from "../../server/context.ts";
import { systemClock } from "../../server/clock.ts";
import { openDatabase, type Database } from "../../server/db/client.ts";
import { PrismaClient } from "../../server/db/generated/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { createJobService } from "../../server/jobs/service.ts";
import { createEmbeddedEngine } from "../../search/index.ts";
import { syncTrades } from "../../prisma/seed.ts";
import { benchDataDir, load, queryPlans, ratio, record, resultRow, startProductionServer, type LoadResult } from "./harness.ts";

const POSTS = Number(process.env.BENCH_JOB_POSTS ?? 50_000);
const APPLICATIONS = Number(process.env.BENCH_JOB_APPLICATIONS ?? 200_000);
/** Users who applied (the seeded applications); each applied to APPLICATIONS / USERS posts. */
const USERS = Number(process.env.BENCH_JOB_USERS ?? 20_000);
const ORGANIZATIONS = 2_000;
/** Signed-in users whose requests the apply target rotates through; none of them has applied yet. */
const APPLICANTS = Number(process.env.BENCH_JOB_APPLICANTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

/** Cities of the posts (GB/T 2260); Shenzhen twice, so that one post in ten is there. */
const CITIES = [
  "440300", "440300", "441900", "320500", "310100", "500100", "420100", "510100", "120100", "330200",
  "440600", "440100", "110100", "330100", "370200", "320100", "610100", "410100", "430100", "350200",
];
/** Employment types, weighted as listings are: half full-time. */
const TYPES = ["FULL_TIME", "FULL_TIME", "FULL_TIME", "PART_TIME", "TEMPORARY", "FULL_TIME", "INTERN", "CONTRACTOR", "FULL_TIME", "TEMPORARY"];

const sqlArray = (values: readonly (string | number)[]) => `ARRAY[${values.map((value) => (typeof value === "number" ? value : `'${value}'`)).join(",")}]`;

/**
 * Rows written by SQL, not Prisma: row-by-row inserts take many minutes on PGlite. Counters are
 * kept as the services keep them (applicationCount), and every post is marked as alerted so that
 * the alert task has nothing to do while the server is measured.
 */
export async function seedBenchJobs(db: Database) {
  const trades = await db.prisma.trade.findMany({ select: { id: true, code: true }, orderBy: { id: "asc" } });
  const welder = trades.find((trade) => trade.code === "welder")!;
  const perUser = Math.ceil(APPLICATIONS / USERS);
  // The post of a user's j-th application: a stride of 4,999 keeps a user's posts distinct.
  const stride = Math.max(1, Math.floor(POSTS / (perUser + 1)));
  await db.raw.withConnection((sql) =>
    sql.exec(`
      INSERT INTO "Organization" (id, name, "updatedAt")
        SELECT 'bench-org-' || o, '基准测试单位 ' || o, now() FROM generate_series(0, ${ORGANIZATIONS - 1}) o;
      INSERT INTO "User" (id, "displayName", "passwordHash", "updatedAt")
        SELECT 'bench-user-' || u, '工友' || u, 'x', now() FROM generate_series(0, ${USERS - 1}) u;
      INSERT INTO "User" (id, "displayName", "passwordHash", "updatedAt")
        SELECT 'bench-applicant-' || a, '求职者' || a, 'x', now() FROM generate_series(0, ${APPLICANTS - 1}) a;

      -- One post in twenty is a welder's; 93 % OPEN, 4 % CLOSED, 3 % DRAFT; pay by the month (70 %),
      -- day (20 %) or hour (10 %); posted over the last 60 days, open for one to twelve more weeks.
      INSERT INTO "JobPost" (id, title, description, "employmentType", "organizationId", "tradeId", province, city,
                             "salaryMin", "salaryMax", "salaryUnit", "monthlyMin", "monthlyMax", certificates, benefits, openings,
                             status, "closeReason", "datePosted", "validThrough", "alertsSentAt", "createdAt", "updatedAt")
        SELECT 'bench-job-' || i, t.title, '基准测试岗位描述：两班倒，包住宿，五险一金。', t.type::"EmploymentType",
               'bench-org-' || (i % ${ORGANIZATIONS}), t.trade, substr(t.city, 1, 2) || '0000', t.city,
               t.smin, t.smax, t.unit::"SalaryUnit",
               CASE t.unit WHEN 'DAY' THEN round(t.smin * 21.75) WHEN 'HOUR' THEN t.smin * 174 ELSE t.smin END,
               CASE t.unit WHEN 'DAY' THEN round(t.smax * 21.75) WHEN 'HOUR' THEN t.smax * 174 ELSE t.smax END,
               ARRAY[]::text[], ARRAY['五险一金', '包住宿'], 1 + i % 10,
               t.status::"JobStatus", CASE WHEN t.status = 'CLOSED' THEN 'EXPIRED'::"JobCloseReason" END,
               CASE WHEN t.status <> 'DRAFT' THEN t.posted END,
               CASE WHEN t.status = 'CLOSED' THEN t.posted + interval '30 days' ELSE now() + (7 + i % 77) * interval '1 day' END,
               now(), t.posted, t.posted
        FROM generate_series(0, ${POSTS - 1}) i,
        LATERAL (SELECT
          CASE WHEN i % 20 = 0 THEN ${welder.id} ELSE (${sqlArray(trades.map((trade) => trade.id))})[1 + (i * 7919) % ${trades.length}] END AS trade,
          CASE WHEN i % 20 = 0 THEN '电焊工 ' ELSE '技术工人 ' END || i AS title,
          (${sqlArray(CITIES)})[1 + (i / 20 + i * 7) % ${CITIES.length}] AS city,
          (${sqlArray(TYPES)})[1 + (i * 3) % ${TYPES.length}] AS type,
          CASE WHEN i % 10 < 7 THEN 'MONTH' WHEN i % 10 < 9 THEN 'DAY' ELSE 'HOUR' END AS unit,
          CASE WHEN i % 10 < 7 THEN 4000 + (i * 37) % 80 * 100 WHEN i % 10 < 9 THEN 200 + (i * 13) % 30 * 10 ELSE 20 + i % 25 END AS smin,
          CASE WHEN i % 10 < 7 THEN 6000 + (i * 37) % 80 * 100 + (i % 5) * 500 WHEN i % 10 < 9 THEN 280 + (i * 13) % 30 * 10 ELSE 28 + i % 25 END AS smax,
          CASE WHEN (i * 7) % 100 < 4 THEN 'CLOSED' WHEN (i * 7) % 100 < 7 THEN 'DRAFT' ELSE 'OPEN' END AS status,
          now() - ((i * 7919) % (60 * 24 * 60)) * interval '1 minute' AS posted
        ) t;

      -- ${perUser} applications per user, each to a different post.
      INSERT INTO "JobApplication" (id, "jobPostId", "userId", message, phone, status, "statusChangedAt", "createdAt", "updatedAt")
        SELECT 'bench-app-' || k, 'bench-job-' || ((k / ${USERS}) * ${stride} + (k % ${USERS}) * 7) % ${POSTS}, 'bench-user-' || (k % ${USERS}),
               '您好，我有三年经验，可以马上到岗。', '13800000000',
               (ARRAY['NEW', 'NEW', 'VIEWED', 'SHORTLISTED', 'REJECTED'])[1 + k % 5]::"ApplicationStatus", now(), now(), now()
        FROM generate_series(0, ${APPLICATIONS - 1}) k;

      UPDATE "JobPost" p SET "applicationCount" = a.n
        FROM (SELECT "jobPostId", count(*)::int AS n FROM "JobApplication" GROUP BY 1) a WHERE a."jobPostId" = p.id;
      ANALYZE;
    `),
  );
  const now = new Date();
  const open = { status: "OPEN" as const, validThrough: { gt: now } };
  return {
    welderId: welder.id,
    posts: await db.prisma.jobPost.count(),
    open: await db.prisma.jobPost.count({ where: open }),
    applications: await db.prisma.jobApplication.count(),
    welderShenzhen: await db.prisma.jobPost.count({ where: { ...open, tradeId: welder.id, city: "440300" } }),
    fullTime8000: await db.prisma.jobPost.count({ where: { ...open, employmentType: "FULL_TIME", monthlyMax: { gte: 8000 } } }),
    /** Posts the apply target applies to: open now, in a fixed order. */
    openIds: (await db.prisma.jobPost.findMany({ where: open, select: { id: true }, orderBy: { id: "asc" } })).map((post) => post.id),
  };
}

/**
 * The queries of one /jobs listing as Prisma sends them (captured from query events of a logging
 * client on the same PGlite), with the plan of each under its bind parameters.
 */
async function listingPlans(pglite: PGlite, db: Database, title: string, params: Record<string, string>): Promise<string[]> {
  const logging = new PrismaClient({ adapter: new PrismaPGlite(pglite), log: [{ emit: "event", level: "query" }] });
  const captured: { query: string; params: unknown[] }[] = [];
  logging.$on("query", (event) => captured.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
  try {
    const jobs = createJobService({ prisma: logging, clock: systemClock, engine: createEmbeddedEngine() });
    await jobs.list(null, params);
  } finally {
    await logging.$disconnect();
  }
  const listing = captured.filter(({ query }) => /"JobPost"|"Organization"|"Trade"/.test(query));
  return [
    `**${title}** — ${listing.length} queries:`,
    ``,
    ...(await queryPlans(
      db,
      listing.map(({ query, params: bound }, index) => [`${index + 1}. \`${query}\` with ${shortParams(bound)}`, query, bound]),
      { analyze: true },
    )),
    ``,
  ];
}

/** Bind parameters as shown in the record: long IN lists (a page's organisations) cut short. */
const shortParams = (params: unknown[]) =>
  params.length > 8 ? `[${params.slice(0, 3).map((value) => JSON.stringify(value)).join(",")}, … ${params.length - 4} more …, ${JSON.stringify(params.at(-1))}]` : JSON.stringify(params);

/** A multipart body of the apply form (message and phone, no résumé). */
function applyBody(boundary: string): string {
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return `${field("message", "您好，我做过五年焊工，有焊工证，可以马上到岗。")}${field("phone", "13912345678")}--${boundary}--\r\n`;
}

export async function benchJobs(): Promise<void> {
  const dataDir = await benchDataDir();
  const pglite = await PGlite.create(path.join(dataDir, "pglite"));
  const db = await openDatabase({ kind: "pglite-instance", db: pglite });
  const seedStarted = Date.now();
  let seeded: Awaited<ReturnType<typeof seedBenchJobs>>;
  let plans: string[];
  const cookies: string[] = [];
  try {
    await migrate(db.raw);
    await syncTrades(db.prisma);
    seeded = await seedBenchJobs(db);
    plans = [
      ...(await listingPlans(pglite, db, "/jobs?trade=welder&city=440300&sort=salary", { trade: "welder", city: "440300", sort: "salary" })),
      ...(await listingPlans(pglite, db, "/jobs?type=FULL_TIME&salary=8000&sort=salary", { type: "FULL_TIME", salary: "8000", sort: "salary" })),
    ];
    const services = createServices({ db, config: { sessionTtlMs: 86_400_000, authRateLimit: { points: 10, windowSeconds: 60 }, dataDir } });
    for (let a = 0; a < APPLICANTS; a++) {
      cookies.push(`jx_session=${await services.sessions.start(`bench-applicant-${a}`, { ip: "127.0.0.1", userAgent: "bench" })}`);
    }
  } finally {
    await db.close();
  }
  const seedSeconds = (Date.now() - seedStarted) / 1000;

  // Every apply request is a new application: applicant k % A applies to the open posts in turn,
  // starting at a different post per applicant, so no (post, applicant) pair repeats.
  const boundary = "----jiangxin-bench-boundary";
  const body = applyBody(boundary);
  let sent = 0;
  const nextApplication = (request: autocannon.Request): autocannon.Request => {
    const k = sent++;
    const applicant = k % APPLICANTS;
    const post = seeded.openIds[(Math.floor(k / APPLICANTS) + applicant * 211) % seeded.openIds.length]!;
    return {
      ...request,
      method: "POST",
      path: `/jobs/${post}/apply`,
      headers: { cookie: cookies[applicant]!, "content-type": `multipart/form-data; boundary=${boundary}`, accept: "application/json" },
      body,
    };
  };

  const server = await startProductionServer({ SEED_DEMO_DATA: "false" }, dataDir);
  try {
    const targets = {
      home: { url: `${server.url}/` },
      welders: { url: `${server.url}/jobs?trade=welder&city=440300&sort=salary` },
      fullTime: { url: `${server.url}/jobs?type=FULL_TIME&salary=8000&sort=salary` },
      apply: { url: server.url, setupRequest: nextApplication },
    };
    // The pages' weight, to tell rendering cost from query cost when reading the figures.
    const kilobytes = async (url: string) => ((await (await fetch(url)).arrayBuffer()).byteLength / 1024).toFixed(0);
    const sizes = { home: await kilobytes(targets.home.url), welders: await kilobytes(targets.welders.url), fullTime: await kilobytes(targets.fullTime.url) };
    const runs: Record<keyof typeof targets, LoadResult[]> = { home: [], welders: [], fullTime: [], apply: [] };
    for (const target of Object.values(targets)) await load(target.url, { seconds: 2, connections: CONNECTIONS, ...target });
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of Object.keys(targets) as (keyof typeof targets)[]) {
        runs[name].push(await load(targets[name].url, { seconds: SECONDS, connections: CONNECTIONS, ...targets[name] }));
      }
    }
    await record(
      `Jobs: listing filters with the salary sort, and applying (${seeded.posts.toLocaleString("en")} job posts, ${seeded.applications.toLocaleString("en")} applications, PGlite)`,
      [
        `Seeded in ${seedSeconds.toFixed(0)} s (${seeded.open.toLocaleString("en")} posts open; ${USERS.toLocaleString("en")} users with ${Math.ceil(APPLICATIONS / USERS)} applications each; ${ORGANIZATIONS.toLocaleString("en")} organisations). autocannon on loopback, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per target, interleaved; medians. Server (production build, embedded PGlite) and load generator share the machine.`,
        ``,
        `| target | requests/s | p50 ms | p99 ms | errors + non-2xx |`,
        `|---|---|---|---|---|`,
        resultRow("GET / (peer: the home page, same server)", runs.home),
        resultRow(`GET /jobs?trade=welder&city=440300&sort=salary (${seeded.welderShenzhen.toLocaleString("en")} matching posts, page 1)`, runs.welders),
        resultRow(`GET /jobs?type=FULL_TIME&salary=8000&sort=salary (${seeded.fullTime8000.toLocaleString("en")} matching posts, page 1)`, runs.fullTime),
        resultRow(`POST /jobs/:id/apply (multipart message + phone, signed in; every request a new application)`, runs.apply),
        ``,
        `Ratios to the home page (requests/s): welders in Shenzhen by salary ${ratio(runs.welders, runs.home)}, full-time from 8,000 by salary ${ratio(runs.fullTime, runs.home)}, apply ${ratio(runs.apply, runs.home)}.`,
        `HTML per page (uncompressed): home ${sizes.home} KB, welders in Shenzhen ${sizes.welders} KB, full-time from 8,000 ${sizes.fullTime} KB.`,
        `Apply responses in the measured rounds: ${statusSummary(runs.apply)} (201 = a new application stored; 200 would be "already applied", which the rotation avoids). Requests built: ${sent.toLocaleString("en")}.`,
        ``,
        `Query plans of the listing (EXPLAIN ANALYZE of each query Prisma sent for the page, with its parameters, on the same data after ANALYZE, before the server started):`,
        ``,
        ...plans,
      ],
    );
  } finally {
    await server.stop();
  }
}

/** Responses per status code over all runs of a target, e.g. "201 × 2,410". */
function statusSummary(results: LoadResult[]): string {
  const totals = new Map<string, number>();
  for (const result of results) for (const [code, count] of Object.entries(result.statusCodes)) totals.set(code, (totals.get(code) ?? 0) + count);
  return [...totals].sort().map(([code, count]) => `${code} × ${count.toLocaleString("en")}`).join(", ") || "none";
}
