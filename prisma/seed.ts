// Reference data (trades) and demo data. Trades are synced at every start (new codes are added);
// demo accounts are created only in an empty database, demo courses only in a database without
// courses, demo books only in one without books, demo jobs only in one without job posts, and all
// only when SEED_DEMO_DATA is on.
import type { PrismaClient } from "../server/db/client.ts";
import { hashPassword } from "../server/auth/password.ts";
import { enqueueSearchUpdates } from "../server/search/outbox.ts";
import { seedDemoBooks, type SeedBooksOptions } from "./seed/books.ts";
import { seedDemoCourses, type SeedCoursesOptions } from "./seed/courses.ts";
import { seedDemoJobs, type SeedJobsOptions } from "./seed/jobs.ts";
import { seedDemoLive, type SeedLiveOptions } from "./seed/live.ts";
import { seedDemoQuiz, type SeedQuizOptions } from "./seed/quiz.ts";
import { DEMO_ACCOUNTS, DEMO_MEMBERS } from "./seed/demo-users.ts";
import { TRADE_CATEGORIES, TRADES } from "./seed/trades.ts";

export { DEMO_ACCOUNTS } from "./seed/demo-users.ts";

/**
 * Adds categories and trades that the database does not have yet, with their search outbox rows
 * in the same transaction. Returns how many trades it added.
 */
export async function syncTrades(prisma: PrismaClient): Promise<number> {
  const existing = new Set((await prisma.trade.findMany({ select: { code: true } })).map((trade) => trade.code));
  const missing = TRADES.map(({ category, ...trade }, position) => ({ ...trade, categoryCode: category, position })).filter(
    (trade) => !existing.has(trade.code),
  );
  if (missing.length === 0) return 0;
  return prisma.$transaction(async (tx) => {
    await tx.tradeCategory.createMany({
      data: TRADE_CATEGORIES.map((category, position) => ({ ...category, position })),
      skipDuplicates: true,
    });
    const { count } = await tx.trade.createMany({ data: missing, skipDuplicates: true });
    await enqueueSearchUpdates(tx, missing.map((trade) => `trade-${trade.code}`));
    return count;
  });
}

export interface SeedOptions {
  /** Where generated media (demo video clips) are written: the app's data directory. */
  dataDir: string;
  /** Passed on to the course seed (tests: a fixed date, no ffmpeg). */
  courses?: Omit<SeedCoursesOptions, "dataDir">;
  /** Passed on to the book seed (tests: a fixed date). */
  books?: Omit<SeedBooksOptions, "dataDir">;
  /** Passed on to the job seed (tests: a fixed date). */
  jobs?: SeedJobsOptions;
  /** Passed on to the livestream seed; its ffmpeg and warnings follow the course seed's unless given. */
  live?: Omit<SeedLiveOptions, "dataDir">;
  /** Passed on to the quiz seed (tests: a fixed demo date). */
  quiz?: SeedQuizOptions;
}

/**
 * Demo data: the demo accounts and members in a database without users, then the demo courses in
 * a database without courses, books and job posts likewise (so a data directory from before a
 * feature also gets its demo data), the livestream classes in a database without sessions, and the
 * quiz challenge (banks, challenge, players) in a database without challenges.
 * Returns whether it created the accounts (false if the database had users).
 */
export async function seedDemoData(prisma: PrismaClient, options: SeedOptions): Promise<boolean> {
  const created = (await prisma.user.count()) === 0 && (await createDemoAccounts(prisma));
  await seedDemoCourses(prisma, { ...options.courses, dataDir: options.dataDir });
  await seedDemoBooks(prisma, { ...options.books, dataDir: options.dataDir });
  await seedDemoJobs(prisma, options.jobs);
  await seedDemoLive(prisma, {
    ...options.live,
    dataDir: options.dataDir,
    ffmpegPath: options.live?.ffmpegPath !== undefined ? options.live.ffmpegPath : options.courses?.ffmpegPath,
    warn: options.live?.warn ?? options.courses?.warn,
  });
  await seedDemoQuiz(prisma, options.quiz);
  return created;
}

async function createDemoAccounts(prisma: PrismaClient): Promise<true> {
  const trades = new Map((await prisma.trade.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]));
  const tradeId = (code: string | undefined) => (code ? (trades.get(code) ?? null) : null);

  for (const { password, tradeCode, ...account } of DEMO_ACCOUNTS) {
    await prisma.user.create({
      data: { ...account, passwordHash: await hashPassword(password), tradeId: tradeId(tradeCode) },
    });
  }
  const sharedHash = await hashPassword(`demo-member-${Math.random()}`);
  await prisma.user.createMany({
    data: DEMO_MEMBERS.map(({ tradeCode, ...member }, index) => ({
      ...member,
      phone: `1390000${String(index + 1).padStart(4, "0")}`,
      passwordHash: sharedHash,
      tradeId: tradeId(tradeCode),
    })),
  });
  return true;
}
