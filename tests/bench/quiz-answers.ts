// Quiz answers under load: 5,000 players, each with a level in progress, answer their current
// question at the same moment through the real HTTP path (the play page's form post, session
// cookie, same-origin check, the route's action, the service's one-statement write), from client processes
// on loopback (each player's connection opened beforehand, as a page already open would have it);
// then all ask for the next question, and so on for three questions. Measured per
// round: answers accepted per second (accepted ÷ the time from the first post to the last
// response) and the latency of each post (p50/p99), on the embedded PGlite and on PostgreSQL.
import { fork } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { syncTrades } from "../../prisma/seed.ts";
import { createServices } from "../../server/context.ts";
import { openDatabase, type Database } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { SESSION_COOKIE } from "../../server/http/cookies.ts";
import { chinaDateOf } from "../../server/quiz/calendar.ts";
import { pickQuestions } from "../../server/quiz/picker.ts";
import { benchDataDir, median, record, ROOT, startProductionServer } from "./harness.ts";
import { driven, percentile } from "./live-qa.ts";

const PLAYERS = Number(process.env.BENCH_QUIZ_PLAYERS ?? 5000);
const CLIENT_PROCESSES = 4;
const QUESTIONS = 3;
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

interface Player {
  token: string;
  attemptId: string;
  answers: number[][];
}

/**
 * A migrated database with a challenge running today, a 40-question welder bank and PLAYERS
 * workers, each signed in with level 1 started and its first question served (written directly:
 * preparing is not what is measured). Deadlines are long, so no answer is late because of the load.
 */
async function prepare(db: Database, dataDir: string): Promise<Player[]> {
  await migrate(db.raw);
  await syncTrades(db.prisma);
  const services = createServices({ db, config: { sessionTtlMs: 86_400_000, authRateLimit: { points: 10, windowSeconds: 60 }, dataDir } });
  const welder = await db.prisma.trade.findUniqueOrThrow({ where: { code: "welder" } });
  const challenge = await db.prisma.quizChallenge.create({
    data: { name: "基准赛", startDate: chinaDateOf(new Date()), questionsPerLevel: 5, secondsPerQuestion: 300, trades: { create: [{ tradeId: welder.id }] } },
  });
  await db.prisma.quizQuestion.createMany({
    data: Array.from({ length: 40 }, (_, n) => ({ tradeId: welder.id, kind: "SINGLE" as const, stem: `基准题 ${n}`, options: ["甲", "乙", "丙", "丁"], answer: [n % 4], explanation: `解析 ${n}`, difficulty: (n % 3) + 1 })),
  });
  const bank = await db.prisma.quizQuestion.findMany({ select: { id: true, difficulty: true, answer: true } });
  const answerOf = new Map(bank.map((question) => [question.id, question.answer]));
  await db.prisma.user.createMany({ data: Array.from({ length: PLAYERS }, (_, i) => ({ displayName: `选手${i}`, passwordHash: "x", phone: `1350${String(i).padStart(7, "0")}` })) });
  const users = await db.prisma.user.findMany({ where: { phone: { startsWith: "1350" } }, select: { id: true }, orderBy: { phone: "asc" } });
  await db.prisma.quizEntry.createMany({ data: users.map((user) => ({ challengeId: challenge.id, userId: user.id, tradeId: welder.id })) });
  const entries = new Map((await db.prisma.quizEntry.findMany({ select: { id: true, userId: true } })).map((entry) => [entry.userId, entry.id]));
  const now = new Date();
  const attempts = users.map((user, i) => ({
    id: `benchattempt${String(i).padStart(6, "0")}`,
    challengeId: challenge.id,
    entryId: entries.get(user.id)!,
    userId: user.id,
    day: 1,
    level: 1,
    scored: true,
    seed: i,
    questionIds: pickQuestions(bank, 5, i),
    startedAt: now,
  }));
  await db.prisma.quizAttempt.createMany({ data: attempts });
  await db.prisma.quizAnswer.createMany({
    data: attempts.map((attempt) => ({ attemptId: attempt.id, position: 0, questionId: attempt.questionIds[0]!, servedAt: now, deadlineAt: new Date(now.getTime() + 3_600_000), choice: [] })),
  });
  const players: Player[] = [];
  for (const [i, user] of users.entries()) {
    const attempt = attempts[i]!;
    players.push({ token: await services.sessions.start(user.id, { ip: "127.0.0.1", userAgent: "bench" }), attemptId: attempt.id, answers: attempt.questionIds.map((id) => answerOf.get(id)!) });
  }
  return players;
}

type Report = { latencies: number[]; statuses: Record<string, number>; started: number; finished: number };

async function round(clients: ReturnType<typeof driven>[], url: string, players: Player[], intent: "answer" | "next", position: number) {
  const share = Math.ceil(players.length / clients.length);
  const reports = await Promise.all(
    clients.map((client, i) => client.request<Report>({ cmd: "post", url, cookieName: SESSION_COOKIE, players: players.slice(i * share, (i + 1) * share), intent, position })),
  );
  const latencies = reports.flatMap((report) => report.latencies).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const report of reports) for (const [status, count] of Object.entries(report.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  const seconds = (Math.max(...reports.map((r) => r.finished)) - Math.min(...reports.map((r) => r.started))) / 1000;
  const accepted = statuses["303"] ?? 0;
  return { perSecond: accepted / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), accepted, statuses };
}

async function run(label: string, env: Record<string, string>, open: (dataDir: string) => Promise<Database>): Promise<string> {
  const dataDir = await benchDataDir();
  const db = await open(dataDir);
  let players: Player[];
  try {
    players = await prepare(db, dataDir);
  } finally {
    await db.close();
  }
  const server = await startProductionServer({ SEED_DEMO_DATA: "false", ...env }, dataDir);
  const clients = Array.from({ length: CLIENT_PROCESSES }, () =>
    driven(fork(path.join(ROOT, "tests/bench/quiz-players.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] })),
  );
  try {
    const share = Math.ceil(players.length / CLIENT_PROCESSES);
    await Promise.all(clients.map((client) => client.request({ cmd: "warm", url: server.url, players: share })));
    const rounds: Awaited<ReturnType<typeof round>>[] = [];
    for (let position = 0; position < QUESTIONS; position++) {
      const answered = await round(clients, server.url, players, "answer", position);
      rounds.push(answered);
      console.log(label, `answer ${position + 1}`, JSON.stringify({ ...answered, perSecond: Math.round(answered.perSecond) }));
      if (position + 1 < QUESTIONS) await round(clients, server.url, players, "next", position);
    }
    const refused = rounds.reduce((sum, r) => sum + (PLAYERS - r.accepted), 0);
    return `| ${label} | ${PLAYERS} | ${Math.round(median(rounds.map((r) => r.perSecond)))} | ${Math.round(median(rounds.map((r) => r.p50)))} | ${Math.round(median(rounds.map((r) => r.p99)))} | ${rounds.reduce((sum, r) => sum + r.accepted, 0)} of ${PLAYERS * QUESTIONS} (${refused} refused) |`;
  } finally {
    await Promise.all(clients.map((client) => client.request({ cmd: "close" })));
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchQuizAnswers(): Promise<void> {
  const lines = [
    `${CLIENT_PROCESSES} client processes on loopback, every player on a connection of its own; each round, all ${PLAYERS} players post their answer at once (the play page's form post, answered by a 303 to the page), then all ask for the next question; ${QUESTIONS} rounds. Figures are medians of the rounds.`,
    "",
    "| database | players | answers accepted per second | p50 ms | p99 ms | accepted |",
    "|---|---|---|---|---|---|",
  ];
  lines.push(await run("PGlite (embedded)", {}, async (dataDir) => openDatabase({ kind: "pglite-instance", db: await PGlite.create(path.join(dataDir, "pglite")) })));
  // A database of its own on the machine's PostgreSQL, dropped afterwards.
  const name = `jx_bench_quiz_${process.pid}`;
  const admin = await openDatabase({ kind: "postgres", url: POSTGRES_URL });
  const sql = (statement: string) => admin.raw.withConnection((connection) => connection.query(statement));
  await sql(`DROP DATABASE IF EXISTS ${name}`);
  await sql(`CREATE DATABASE ${name}`);
  const url = POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`);
  try {
    lines.push(await run("PostgreSQL 15", { DATABASE_URL: url }, () => openDatabase({ kind: "postgres", url })));
  } finally {
    await sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
  await record("Quiz: 5,000 players answering at once", lines);
}
