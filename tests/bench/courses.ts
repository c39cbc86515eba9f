// The course catalog filtered by trade, and "My learning", with 5,000 courses and 100,000
// enrolments in the database. The data is written into a fresh PGlite data directory before the
// production server starts on it; the query plans of the list queries are recorded with the
// figures, to show that every list query uses an index.
import path from "node:path";
import { createServices } from "../../server/context.ts";
import { openDatabase, type Database } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { syncTrades } from "../../prisma/seed.ts";
import { benchDataDir, load, queryPlans, ratio, record, resultRow, startProductionServer, type LoadResult } from "./harness.ts";

const COURSES = Number(process.env.BENCH_COURSES ?? 5_000);
const ENROLLMENTS = Number(process.env.BENCH_ENROLLMENTS ?? 100_000);
const WORKERS = 20_000;
const CRAFTSMEN = 200;
/** The learner whose page is measured: a busy one. */
const LEARNER_COURSES = 60;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

/**
 * Writes the benchmark's data with set-based SQL (generate_series): row-by-row inserts through
 * Prisma take many minutes on PGlite. The counters are kept consistent as the course service would.
 */
export async function seedBenchCourses(db: Database) {
  const trades = await db.prisma.trade.findMany({ select: { id: true, code: true }, orderBy: { id: "asc" } });
  const welder = trades.find((trade) => trade.code === "welder")!;
  const tradeIds = `ARRAY[${trades.map((trade) => trade.id).join(",")}]`;
  // Published courses are those whose index does not end in 9: the c-th of them is course (c / 9) * 10 + c % 9.
  const publishedCount = COURSES - Math.floor(COURSES / 10);
  const publishedCourse = (c: string) => `'bench-course-' || ((${c}) / 9 * 10 + (${c}) % 9)`;
  const others = ENROLLMENTS - LEARNER_COURSES;
  const perWorker = Math.ceil(others / (WORKERS - 1));
  await db.raw.withConnection((sql) =>
    sql.exec(`
      INSERT INTO "User" (id, "displayName", "passwordHash", role, "updatedAt")
        SELECT 'bench-craftsman-' || i, '师傅' || i, 'x', 'CRAFTSMAN', now() FROM generate_series(0, ${CRAFTSMEN - 1}) i;
      INSERT INTO "User" (id, "displayName", "passwordHash", "updatedAt")
        SELECT 'bench-worker-' || i, '学员' || i, 'x', now() FROM generate_series(0, ${WORKERS - 1}) i;

      -- One course in twenty is a welding course; the rest spread over every trade.
      INSERT INTO "Course" (id, slug, title, summary, "tradeId", level, format, "authorId", status, "publishedAt",
                            "lessonCount", "durationSeconds", "updatedAt")
        SELECT 'bench-course-' || i, 'bench-course-' || i,
               CASE WHEN i % 7 = 0 THEN '焊接' ELSE '技能' END || '课程 ' || i, '基准测试课程的摘要。',
               CASE WHEN i % 20 = 0 THEN ${welder.id} ELSE (${tradeIds})[1 + (i * 7919) % ${trades.length}] END,
               (ARRAY['BEGINNER', 'INTERMEDIATE', 'ADVANCED'])[1 + i % 3]::"CourseLevel",
               (ARRAY['VIDEO', 'TEXT', 'MIXED'])[1 + i % 3]::"CourseFormat",
               'bench-craftsman-' || (i % ${CRAFTSMEN}),
               (CASE WHEN i % 10 = 9 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"CourseStatus",
               timestamp '2025-01-01' + ((i * 7919) % 600) * interval '1 day',
               3, 1800, now()
        FROM generate_series(0, ${COURSES - 1}) i;
      INSERT INTO "Chapter" (id, "courseId", title, position)
        SELECT 'bench-course-' || i || '-ch', 'bench-course-' || i, '第一章', 0 FROM generate_series(0, ${COURSES - 1}) i;
      INSERT INTO "Lesson" (id, "courseId", "chapterId", title, kind, position, "updatedAt")
        SELECT 'bench-course-' || i || '-l' || p, 'bench-course-' || i, 'bench-course-' || i || '-ch', '第' || (p + 1) || '课', 'TEXT', p, now()
        FROM generate_series(0, ${COURSES - 1}) i, generate_series(0, 2) p;

      -- The measured learner, then ${perWorker} or fewer per other worker, each pair once.
      INSERT INTO "Enrollment" ("userId", "courseId", "lastActivityAt", "lastLessonId", "completedLessons")
        SELECT 'bench-worker-0', ${publishedCourse(`j * 73 % ${publishedCount}`)},
               timestamp '2025-01-01' + ((j * 7919) % 700) * interval '1 day',
               CASE WHEN j % 2 = 0 THEN ${publishedCourse(`j * 73 % ${publishedCount}`)} || '-l1' END, j % 4
        FROM generate_series(0, ${LEARNER_COURSES - 1}) j;
      INSERT INTO "Enrollment" ("userId", "courseId", "lastActivityAt", "lastLessonId", "completedLessons")
        SELECT 'bench-worker-' || (1 + k % ${WORKERS - 1}), ${publishedCourse(`((k / ${WORKERS - 1}) * 997 + (k % ${WORKERS - 1}) * 31) % ${publishedCount}`)},
               timestamp '2025-01-01' + ((k * 7919) % 700) * interval '1 day', NULL, k % 4
        FROM generate_series(0, ${others - 1}) k
        ON CONFLICT DO NOTHING;

      UPDATE "Course" c SET "enrollmentCount" = e.n
        FROM (SELECT "courseId", count(*)::int AS n FROM "Enrollment" GROUP BY 1) e WHERE e."courseId" = c.id;
      ANALYZE;
    `),
  );
  const [welderCourses, enrollments] = await Promise.all([
    db.prisma.course.count({ where: { status: "PUBLISHED", tradeId: welder.id } }),
    db.prisma.enrollment.count(),
  ]);
  return { welderId: welder.id, welderCourses, enrollments };
}

/** EXPLAIN of the list queries the pages run (written as Prisma issues them, parameters inlined). */
async function coursePlans(db: Database, welderId: number): Promise<string[]> {
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
  return queryPlans(db, queries);
}

export async function benchCourses(): Promise<void> {
  const dataDir = await benchDataDir();
  const db = await openDatabase({ kind: "pglite", dir: path.join(dataDir, "pglite") });
  let cookie: string;
  let plans: string[];
  let welderCourses: number;
  let enrollments: number;
  const seedStarted = Date.now();
  try {
    await migrate(db.raw);
    await syncTrades(db.prisma);
    const seeded = await seedBenchCourses(db);
    const { welderId } = seeded;
    welderCourses = seeded.welderCourses;
    enrollments = seeded.enrollments;
    plans = await coursePlans(db, welderId);
    const services = createServices({ db, config: { sessionTtlMs: 86_400_000, authRateLimit: { points: 10, windowSeconds: 60 } } });
    cookie = `jx_session=${await services.sessions.start("bench-worker-0", { ip: "127.0.0.1", userAgent: "bench" })}`;
  } finally {
    await db.close();
  }
  const seedSeconds = (Date.now() - seedStarted) / 1000;

  const server = await startProductionServer({ SEED_DEMO_DATA: "false" }, dataDir);
  try {
    const targets = {
      // The home page on the same server: a peer for the ratios (it renders from in-process caches).
      home: { url: `${server.url}/`, headers: {} },
      catalog: { url: `${server.url}/courses?trade=welder`, headers: {} },
      popular: { url: `${server.url}/courses?trade=welder&sort=popular&page=3`, headers: {} },
      learning: { url: `${server.url}/me/learning`, headers: { cookie } },
    };
    const runs: Record<keyof typeof targets, LoadResult[]> = { home: [], catalog: [], popular: [], learning: [] };
    for (const target of Object.values(targets)) await load(target.url, { seconds: 2, connections: CONNECTIONS, headers: target.headers });
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, target] of Object.entries(targets) as [keyof typeof targets, (typeof targets)[keyof typeof targets]][]) {
        runs[name].push(await load(target.url, { seconds: SECONDS, connections: CONNECTIONS, headers: target.headers }));
      }
    }
    const row = resultRow;
    await record(`Courses: catalog by trade and My learning (${COURSES.toLocaleString("en")} courses, ${enrollments.toLocaleString("en")} enrolments, PGlite)`, [
      `Seeded in ${seedSeconds.toFixed(0)} s (${WORKERS.toLocaleString("en")} workers, ${CRAFTSMEN} craftsmen, 3 lessons per course, 90 % published). autocannon on loopback, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per target, interleaved; medians. Server (production build, embedded PGlite) and load generator share the machine.`,
      ``,
      `| target | requests/s | p50 ms | p99 ms | errors + non-2xx |`,
      `|---|---|---|---|---|`,
      row("GET / (peer: the home page, same server)", runs.home),
      row(`GET /courses?trade=welder (${welderCourses} published courses, page 1 of ${Math.ceil(welderCourses / 20)})`, runs.catalog),
      row("GET /courses?trade=welder&sort=popular&page=3", runs.popular),
      row(`GET /me/learning (signed in, ${LEARNER_COURSES} enrolments)`, runs.learning),
      ``,
      `Ratios to the home page (requests/s): catalog by trade ${ratio(runs.catalog, runs.home)}, popular page 3 ${ratio(runs.popular, runs.home)}, My learning ${ratio(runs.learning, runs.home)}.`,
      ``,
      `Query plans (EXPLAIN on the same data, after ANALYZE):`,
      ``,
      ...plans,
    ]);
  } finally {
    await server.stop();
  }
}
