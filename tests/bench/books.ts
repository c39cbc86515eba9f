// The book catalog's filter pages and the reading-progress endpoint, with 30,000 books and 500
// periodicals (12 issues each) in the database. The data is written with set-based SQL into a fresh
// PGlite data directory before the production server starts on it; the query plans of the list
// queries are recorded with the figures.
import path from "node:path";
import { createServices } from "../../server/context.ts";
import { openDatabase, type Database } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { syncTrades } from "../../prisma/seed.ts";
import { benchDataDir, load, queryPlans, ratio, record, resultRow, startProductionServer, type LoadResult } from "./harness.ts";

const BOOKS = Number(process.env.BENCH_BOOKS ?? 30_000);
const PERIODICALS = Number(process.env.BENCH_PERIODICALS ?? 500);
const ISSUES_PER_PERIODICAL = 12;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

/** Rows written by SQL, not Prisma: row-by-row inserts take minutes on PGlite. */
export async function seedBenchBooks(db: Database) {
  const trades = await db.prisma.trade.findMany({ select: { id: true, code: true }, orderBy: { id: "asc" } });
  const welder = trades.find((trade) => trade.code === "welder")!;
  const tradeIds = `ARRAY[${trades.map((trade) => trade.id).join(",")}]`;
  const tradeOf = (i: string) => `CASE WHEN ${i} % 20 = 0 THEN ${welder.id} ELSE (${tradeIds})[1 + (${i} * 7919) % ${trades.length}] END`;
  await db.raw.withConnection((sql) =>
    sql.exec(`
      INSERT INTO "User" (id, "displayName", "passwordHash", "updatedAt") VALUES ('bench-reader', '读者', 'x', now());

      -- Books: one in twenty about welding, one in ten in English, one in twenty a draft.
      INSERT INTO "Book" (id, kind, title, authors, publisher, description, language, "tradeId", format, "fileName",
                          status, "publishedAt", "readCount", "updatedAt")
        SELECT 'bench-book-' || i, 'BOOK', '技能图书 ' || i, ARRAY['作者' || (i % 500)], '机械工业出版社', '基准测试图书。',
               CASE WHEN i % 10 = 0 THEN 'en' ELSE 'zh-CN' END, ${tradeOf("i")}, 'EPUB', 'bench-' || i || '.epub',
               (CASE WHEN i % 20 = 19 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"BookStatus",
               timestamp '2025-01-01' + ((i * 7919) % 600) * interval '1 day', (i * 7919) % 1000, now()
        FROM generate_series(0, ${BOOKS - 1}) i;
      INSERT INTO "Book" (id, kind, title, authors, publisher, language, "tradeId", status, "publishedAt", "readCount", "updatedAt")
        SELECT 'bench-periodical-' || p, 'PERIODICAL', '技术期刊 ' || p, ARRAY[]::text[], '期刊社', 'zh-CN', ${tradeOf("p")},
               'PUBLISHED', timestamp '2025-01-01' + ((p * 7919) % 600) * interval '1 day', (p * 104729) % 5000, now()
        FROM generate_series(0, ${PERIODICALS - 1}) p;
      INSERT INTO "Book" (id, kind, "periodicalId", "issueYear", "issueNumber", title, authors, language, "tradeId", format,
                          "fileName", status, "publishedAt", "updatedAt")
        SELECT 'bench-periodical-' || p || '-' || n, 'ISSUE', 'bench-periodical-' || p, 2026, n, '2026年第' || n || '期',
               ARRAY[]::text[], 'zh-CN', ${tradeOf("p")}, 'PDF', 'bench-' || p || '-' || n || '.pdf', 'PUBLISHED',
               timestamp '2026-01-01' + n * interval '1 month', now()
        FROM generate_series(0, ${PERIODICALS - 1}) p, generate_series(1, ${ISSUES_PER_PERIODICAL}) n;
      ANALYZE;
    `),
  );
  return {
    welderId: welder.id,
    welderBooks: await db.prisma.book.count({ where: { status: "PUBLISHED", kind: { in: ["BOOK", "PERIODICAL"] }, tradeId: welder.id } }),
    rows: await db.prisma.book.count(),
  };
}

/** EXPLAIN of the catalog's list queries (as Prisma issues them, parameters inlined). */
function bookPlans(db: Database, welderId: number) {
  const listed = `status = 'PUBLISHED' AND kind IN ('BOOK', 'PERIODICAL')`;
  return queryPlans(db, [
    ["/books?trade=welder (newest): the page", `SELECT id FROM "Book" WHERE ${listed} AND "tradeId" = ${welderId} ORDER BY "publishedAt" DESC, id ASC LIMIT 24 OFFSET 0`],
    ["/books?trade=welder: the count", `SELECT count(*) FROM "Book" WHERE ${listed} AND "tradeId" = ${welderId}`],
    ["/books?kind=PERIODICAL&sort=popular&page=3", `SELECT id FROM "Book" WHERE status = 'PUBLISHED' AND kind = 'PERIODICAL' ORDER BY "readCount" DESC, id ASC LIMIT 24 OFFSET 48`],
    ["/books (newest, no filter), page 5", `SELECT id FROM "Book" WHERE ${listed} ORDER BY "publishedAt" DESC, id ASC LIMIT 24 OFFSET 96`],
    [
      "issue counts of a page of periodicals",
      `SELECT "periodicalId", count(*) FROM "Book" WHERE status = 'PUBLISHED' AND "periodicalId" IN ('bench-periodical-1', 'bench-periodical-2') GROUP BY 1`,
    ],
  ]);
}

export async function benchBooks(): Promise<void> {
  const dataDir = await benchDataDir();
  const db = await openDatabase({ kind: "pglite", dir: path.join(dataDir, "pglite") });
  const seedStarted = Date.now();
  let cookie: string;
  let plans: string[];
  let seeded: Awaited<ReturnType<typeof seedBenchBooks>>;
  try {
    await migrate(db.raw);
    await syncTrades(db.prisma);
    seeded = await seedBenchBooks(db);
    plans = await bookPlans(db, seeded.welderId);
    const services = createServices({ db, config: { sessionTtlMs: 86_400_000, authRateLimit: { points: 10, windowSeconds: 60 }, dataDir } });
    cookie = `jx_session=${await services.sessions.start("bench-reader", { ip: "127.0.0.1", userAgent: "bench" })}`;
  } finally {
    await db.close();
  }
  const seedSeconds = (Date.now() - seedStarted) / 1000;

  const server = await startProductionServer({ SEED_DEMO_DATA: "false" }, dataDir);
  try {
    const targets = {
      home: { url: `${server.url}/` },
      catalog: { url: `${server.url}/books?trade=welder` },
      periodicals: { url: `${server.url}/books?kind=PERIODICAL&sort=popular&page=3` },
      progress: {
        url: `${server.url}/books/bench-book-0/progress`,
        method: "POST" as const,
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: "location=epubcfi(%2F6%2F8!%2F4%2F2%2F10)&fraction=0.42",
      },
    };
    const runs: Record<keyof typeof targets, LoadResult[]> = { home: [], catalog: [], periodicals: [], progress: [] };
    for (const target of Object.values(targets)) await load(target.url, { seconds: 2, connections: CONNECTIONS, ...target });
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of Object.keys(targets) as (keyof typeof targets)[]) {
        runs[name].push(await load(targets[name].url, { seconds: SECONDS, connections: CONNECTIONS, ...targets[name] }));
      }
    }
    await record(
      `Books: catalog filters and reading progress (${BOOKS.toLocaleString("en")} books, ${PERIODICALS} periodicals with ${ISSUES_PER_PERIODICAL} issues each, PGlite)`,
      [
        `Seeded in ${seedSeconds.toFixed(0)} s (${seeded.rows.toLocaleString("en")} rows; 95 % of books published). autocannon on loopback, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per target, interleaved; medians. Server (production build, embedded PGlite) and load generator share the machine.`,
        ``,
        `| target | requests/s | p50 ms | p99 ms | errors + non-2xx |`,
        `|---|---|---|---|---|`,
        resultRow("GET / (peer: the home page, same server)", runs.home),
        resultRow(`GET /books?trade=welder (${seeded.welderBooks.toLocaleString("en")} books and periodicals, page 1)`, runs.catalog),
        resultRow("GET /books?kind=PERIODICAL&sort=popular&page=3", runs.periodicals),
        resultRow("POST /books/:id/progress (signed in, an EPUB location)", runs.progress),
        ``,
        `Ratios to the home page (requests/s): catalog by trade ${ratio(runs.catalog, runs.home)}, periodicals by popularity ${ratio(runs.periodicals, runs.home)}, progress saves ${ratio(runs.progress, runs.home)}.`,
        ``,
        `Query plans (EXPLAIN on the same data, after ANALYZE):`,
        ``,
        ...plans,
      ],
    );
  } finally {
    await server.stop();
  }
}
