// The course catalog filtered by trade, and "My learning", with 5,000 courses and 100,000
// enrolments in the database. The data is written into a fresh PGlite data directory before the
// production server starts on it; the query plans of the list queries are recorded with the
// figures, to show that every list query uses an index.
import path from "node:path";
import { createServices } from "../../server/context.ts";
import { openDatabase, type Database } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { syncTrades } from "../../prisma/seed.ts";
import { benchDataDir, load, median, record, startProductionServer, type LoadResult } from "./harness.ts";

const COURSES = Number(process.env.BENCH_COURSES ?? 5_000);
const ENROLLMENTS = Number(process.env.BENCH_ENROLLMENTS ?? 100_000);
const WORKERS = 20_000;
const CRAFTSMEN = 200;
/** The learner whose page is measured: a busy one. */
const LEARNER_COURSES = 60;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
const BATCH = 5_000;
const LEVELS = ["BEGINNER", "INTERMEDIATE", "ADVANCED"] as const;
const FORMATS = ["VIDEO", "TEXT", "MIXED"] as const;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** A deterministic pseudo-random sequence, so every run seeds the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function seed(db: Database) {
  const { prisma } = db;
  const next = random(42);
  const trades = await prisma.trade.findMany({ select: { id: true, code: true }, orderBy: { id: "asc" } });
  const welder = trades.find((trade) => trade.code === "welder")!;
  await prisma.user.createMany({
    data: Array.from({ length: CRAFTSMEN }, (_, i) => ({ id: `bench-craftsman-${i}`, displayName: `师傅${i}`, passwordHash: "x", role: "CRAFTSMAN" as const })),
  });
  await inBatches(
    Array.from({ length: WORKERS }, (_, i) => ({ id: `bench-worker-${i}`, displayName: `学员${i}`, passwordHash: "x" })),
    (data) => prisma.user.createMany({ data }),
  );
  const start = Date.UTC(2025, 0, 1);
  const courses = Array.from({ length: COURSES }, (_, i) => ({
    id: `bench-course-${i}`,
    slug: `bench-course-${i}`,
    title: `${i % 7 === 0 ? "焊接" : "技能"}课程 ${i}`,
    summary: "基准测试课程的摘要。",
    // One course in twenty is a welding course: about 250 of them, 13 pages.
    tradeId: i % 20 === 0 ? welder.id : trades[Math.floor(next() * trades.length)]!.id,
    level: LEVELS[i % 3]!,
    format: FORMATS[i % 3]!,
    authorId: `bench-craftsman-${i % CRAFTSMEN}`,
    status: i % 10 === 9 ? ("DRAFT" as const) : ("PUBLISHED" as const),
    publishedAt: new Date(start + Math.floor(next() * 600) * 86_400_000),
    lessonCount: 3,
    durationSeconds: 1800,
    enrollmentCount: 0,
  }));
  await inBatches(courses, (data) => prisma.course.createMany({ data }));
  await inBatches(
    courses.map((course) => ({ id: `${course.id}-ch`, courseId: course.id, title: "第一章", position: 0 })),
    (data) => prisma.chapter.createMany({ data }),
  );
  await inBatches(
    courses.flatMap((course) =>
      [0, 1, 2].map((position) => ({
        id: `${course.id}-l${position}`,
        courseId: course.id,
        chapterId: `${course.id}-ch`,
        title: `第${position + 1}课`,
        kind: "TEXT" as const,
        position,
      })),
    ),
    (data) => prisma.lesson.createMany({ data }),
  );
  // The measured learner first, then enrolments spread over the other workers; one per pair.
  const published = courses.filter((course) => course.status === "PUBLISHED");
  const seen = new Set<string>();
  const enrollments: { userId: string; courseId: string; lastActivityAt: Date; lastLessonId: string | null; completedLessons: number }[] = [];
  const add = (userId: string, courseId: string) => {
    const key = `${userId}/${courseId}`;
    if (seen.has(key)) return;
    seen.add(key);
    enrollments.push({
      userId,
      courseId,
      lastActivityAt: new Date(start + Math.floor(next() * 700) * 86_400_000),
      lastLessonId: next() < 0.5 ? `${courseId}-l1` : null,
      completedLessons: Math.floor(next() * 4),
    });
  };
  for (let i = 0; i < LEARNER_COURSES; i++) add("bench-worker-0", published[i * 37]!.id);
  while (enrollments.length < ENROLLMENTS) {
    add(`bench-worker-${1 + Math.floor(next() * (WORKERS - 1))}`, published[Math.floor(next() * published.length)]!.id);
  }
  await inBatches(enrollments, (data) => prisma.enrollment.createMany({ data }));
  await db.raw.withConnection((sql) =>
    sql.exec(`UPDATE "Course" c SET "enrollmentCount" = e.n FROM (SELECT "courseId", count(*)::int AS n FROM "Enrollment" GROUP BY 1) e WHERE e."courseId" = c.id; ANALYZE;`),
  );
  const welderCourses = await prisma.course.count({ where: { status: "PUBLISHED", tradeId: welder.id } });
  return { welderId: welder.id, welderCourses };
}

/** EXPLAIN of the list queries the pages run (written as Prisma issues them, parameters inlined). */
async function queryPlans(db: Database, welderId: number): Promise<string[]> {
  const queries: [string, string][] = [
    [
      "/courses?trade=welder (newest): the page",
      `SELECT id FROM "Course" WHERE status = 'PUBLISHED' AND "tradeId" = ${welderId} ORDER BY "publishedAt" DESC, id ASC LIMIT 20 OFFSET 0`,
    ],
    ["/courses?trade=welder: the count", `SELECT count(*) FROM "Course" WHERE status = 'PUBLISHED' AND "tradeId" = ${welderId}`],
    [
      "/courses?trade=welder&sort=popular",
      `SELECT id FROM "Course" WHERE status = 'PUBLISHED' AND "tradeId" = ${welderId} ORDER BY "enrollmentCount" DESC, id ASC LIMIT 20 OFFSET 0`,
    ],
    ["/courses (newest, no filter)", `SELECT id FROM "Course" WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC, id ASC LIMIT 20 OFFSET 100`],
    [
      "/me/learning: enrolments",
      `SELECT "courseId" FROM "Enrollment" WHERE "userId" = 'bench-worker-0' ORDER BY "lastActivityAt" DESC LIMIT 200`,
    ],
    [
      "/me/learning: first lessons of courses not started",
      `SELECT l.id FROM "Lesson" l JOIN "Chapter" c ON c.id = l."chapterId" WHERE l."courseId" IN ('bench-course-0', 'bench-course-37') ORDER BY c.position ASC, l.position ASC`,
    ],
  ];
  const lines: string[] = [];
  await db.raw.withConnection(async (sql) => {
    await sql.exec("SET enable_seqscan = on");
    for (const [title, query] of queries) {
      const rows = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN ${query}`);
      lines.push(`${title}:`, "```", ...rows.map((row) => row["QUERY PLAN"]), "```");
    }
  });
  return lines;
}

export async function benchCourses(): Promise<void> {
  const dataDir = await benchDataDir();
  const db = await openDatabase({ kind: "pglite", dir: path.join(dataDir, "pglite") });
  let cookie: string;
  let plans: string[];
  let welderCourses: number;
  const seedStarted = Date.now();
  try {
    await migrate(db.raw);
    await syncTrades(db.prisma);
    const seeded = await seed(db);
    const { welderId } = seeded;
    welderCourses = seeded.welderCourses;
    plans = await queryPlans(db, welderId);
    const services = createServices({ db, config: { sessionTtlMs: 86_400_000, authRateLimit: { points: 10, windowSeconds: 60 } } });
    cookie = `jx_session=${await services.sessions.start("bench-worker-0", { ip: "127.0.0.1", userAgent: "bench" })}`;
  } finally {
    await db.close();
  }
  const seedSeconds = (Date.now() - seedStarted) / 1000;

  const server = await startProductionServer({ SEED_DEMO_DATA: "false" }, dataDir);
  try {
    const targets = {
      catalog: { url: `${server.url}/courses?trade=welder`, headers: {} },
      popular: { url: `${server.url}/courses?trade=welder&sort=popular&page=3`, headers: {} },
      learning: { url: `${server.url}/me/learning`, headers: { cookie } },
    };
    const runs: Record<keyof typeof targets, LoadResult[]> = { catalog: [], popular: [], learning: [] };
    for (const target of Object.values(targets)) await load(target.url, { seconds: 2, connections: CONNECTIONS, headers: target.headers });
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, target] of Object.entries(targets) as [keyof typeof targets, (typeof targets)[keyof typeof targets]][]) {
        runs[name].push(await load(target.url, { seconds: SECONDS, connections: CONNECTIONS, headers: target.headers }));
      }
    }
    const row = (label: string, results: LoadResult[]) =>
      `| ${label} | ${median(results.map((r) => r.requestsPerSecond)).toFixed(0)} | ${median(results.map((r) => r.p50Ms))} | ${median(results.map((r) => r.p99Ms))} | ${results.reduce((sum, r) => sum + r.errors + r.non2xx, 0)} |`;
    await record(`Courses: catalog by trade and My learning (${COURSES.toLocaleString("en")} courses, ${ENROLLMENTS.toLocaleString("en")} enrolments, PGlite)`, [
      `Seeded in ${seedSeconds.toFixed(0)} s (${WORKERS.toLocaleString("en")} workers, ${CRAFTSMEN} craftsmen, 3 lessons per course, 90 % published). autocannon on loopback, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per target, interleaved; medians. Server (production build, embedded PGlite) and load generator share the machine.`,
      ``,
      `| target | requests/s | p50 ms | p99 ms | errors + non-2xx |`,
      `|---|---|---|---|---|`,
      row(`GET /courses?trade=welder (${welderCourses} published courses, page 1 of ${Math.ceil(welderCourses / 20)})`, runs.catalog),
      row("GET /courses?trade=welder&sort=popular&page=3", runs.popular),
      row(`GET /me/learning (signed in, ${LEARNER_COURSES} enrolments)`, runs.learning),
      ``,
      `Query plans (EXPLAIN on the same data, after ANALYZE):`,
      ``,
      ...plans,
    ]);
  } finally {
    await server.stop();
  }
}
