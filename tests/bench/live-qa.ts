// Live Q&A fan-out: 1k, 5k and 10k viewers in one session's room on one app process (production
// build), clients in separate processes on loopback. A few viewers ask questions (each asker a
// different user: asking is rate-limited per user); every viewer receives each new question in a
// batched `qa:update`. Measured: delivery latency from the ask to each viewer (p50/p99; includes
// the batching tick on purpose), server CPU per delivered message (minus the idle rate with the
// same viewers connected), server memory per connection; and the same fan-out from a bare `ws`
// server in the same run as the reference, reported as a ratio.
import { fork, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { io as connect, type Socket } from "socket.io-client";
import { syncTrades } from "../../prisma/seed.ts";
import { createServices } from "../../server/context.ts";
import { openDatabase, type Database } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { SESSION_COOKIE } from "../../server/http/cookies.ts";
import { toChinaDateTimeInput } from "../../server/live/schema.ts";
import { benchDataDir, childrenNamed, cpuSeconds, median, record, ROOT, startProductionServer } from "./harness.ts";

const VIEWERS = (process.env.BENCH_QA_VIEWERS ?? "1000,5000,10000").split(",").map(Number);
const CLIENT_PROCESSES = 4;
const QUESTIONS = Number(process.env.BENCH_QA_QUESTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Longer than the server's batching tick, so that each question is its own update. */
const ASK_EVERY_MS = 600;
const IDLE_WINDOW_MS = 5000;

/** The ws version actually installed (what the reference measures). */
const wsVersion = () => (createRequire(import.meta.url)("ws/package.json") as { version: string }).version;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

export async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
}

/** A child process driven over IPC: each request gets the next message back. */
export function driven(child: ChildProcess) {
  return {
    child,
    request<T>(message: object): Promise<T> {
      return new Promise((resolve, reject) => {
        child.once("message", (reply: T & { ok?: boolean; error?: string }) => (reply.ok === false ? reject(new Error(reply.error)) : resolve(reply)));
        child.send(message);
      });
    },
  };
}

export function clientProcesses() {
  return Array.from({ length: CLIENT_PROCESSES }, () =>
    driven(fork(path.join(ROOT, "tests/bench/qa-clients.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] })),
  );
}

/** Polls the clients until `expected` deliveries arrived (or 60 s); returns latencies, deliveries, duplicates. */
export async function collect(clients: ReturnType<typeof clientProcesses>, expected: number) {
  const latencies: number[] = [];
  let deliveries = 0;
  let duplicates = 0;
  for (let waited = 0; waited < 60_000 && deliveries < expected; waited += 500) {
    await sleep(500);
    for (const client of clients) {
      const report = await client.request<{ latencies: number[]; deliveries: number; duplicates: number }>({ cmd: "report" });
      latencies.push(...report.latencies);
      deliveries += report.deliveries;
      duplicates += report.duplicates;
    }
  }
  return { latencies: latencies.sort((a, b) => a - b), deliveries, duplicates };
}

/**
 * A fresh database made ready for a Q&A run: migrated, trades synced, a scheduled session (its
 * Q&A is open) and `askers` signed-in users, one per question (asking is rate-limited per user).
 */
export async function prepareQaSession(db: Database, options: { askers: number; dataDir?: string }): Promise<{ sessionId: string; askerTokens: string[] }> {
  await migrate(db.raw);
  await syncTrades(db.prisma);
  const services = createServices({ db, config: { sessionTtlMs: 86_400_000, authRateLimit: { points: 10, windowSeconds: 60 }, dataDir: options.dataDir } });
  const host = await db.prisma.user.create({ data: { displayName: "基准主播", passwordHash: "x", role: "CRAFTSMAN", phone: "13900009998" } });
  const result = await services.live.schedule(
    { id: host.id, displayName: host.displayName, role: "CRAFTSMAN" },
    { title: "问答基准", trade: "welder", startsAt: toChinaDateTimeInput(new Date(Date.now() + 3_600_000)), durationMinutes: "60" },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  const askerTokens: string[] = [];
  for (let i = 0; i < options.askers; i++) {
    const user = await db.prisma.user.create({ data: { displayName: `提问者${i}`, passwordHash: "x", phone: `1370000${String(i).padStart(4, "0")}` } });
    askerTokens.push(await services.sessions.start(user.id, { ip: "127.0.0.1", userAgent: "bench" }));
  }
  return { sessionId: result.value.id, askerTokens };
}

/**
 * Server CPU per delivery of a reference server (tests/bench/qa-raw-server.ts) fanning the same
 * update out to `viewers` clients (`sample`, a question as the app sent it, with the benchmark's id
 * and text): the median of ROUNDS rounds, less its idle rate.
 */
async function referencePerDelivery(kind: "ws" | "socketio", viewers: number, sessionId: string, sample: object): Promise<number> {
  const server = driven(fork(path.join(ROOT, "tests/bench/qa-raw-server.ts"), [kind], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  const { port } = await new Promise<{ port: number }>((resolve) => server.child.once("message", resolve));
  const pid = server.child.pid!;
  const clients = clientProcesses();
  try {
    const url = kind === "ws" ? `ws://127.0.0.1:${port}` : `http://127.0.0.1:${port}`;
    await Promise.all(clients.map((client) => client.request({ cmd: "connect", kind, url, count: viewers / CLIENT_PROCESSES })));
    await sleep(2000);
    const idleStart = await cpuSeconds(pid);
    await sleep(IDLE_WINDOW_MS);
    const idleRate = ((await cpuSeconds(pid)) - idleStart) / (IDLE_WINDOW_MS / 1000);
    const perDelivery: number[] = [];
    // Round 0 warms up, as for the app, and is not counted.
    for (let round = 0; round <= ROUNDS; round++) {
      const cpuStart = await cpuSeconds(pid);
      const started = Date.now();
      for (let q = 0; q < QUESTIONS; q++) {
        const id = round * QUESTIONS + q + 1;
        const question = { ...sample, id, text: `bench:${Date.now()}:${q} 仰焊时电流应该调多大？` };
        server.child.send({ payload: JSON.stringify({ sessionId, questions: [question], removed: [], viewers }) });
        await sleep(ASK_EVERY_MS);
      }
      const result = await collect(clients, QUESTIONS * viewers);
      const cpu = (await cpuSeconds(pid)) - cpuStart - idleRate * ((Date.now() - started) / 1000);
      if (round > 0) perDelivery.push((cpu / Math.max(1, result.deliveries)) * 1e6);
    }
    return median(perDelivery);
  } finally {
    await Promise.all(clients.map((client) => client.request({ cmd: "close" })));
    server.child.kill();
  }
}

export async function benchLiveQa(): Promise<void> {
  // A scheduled session (its Q&A is open), and enough askers for one question each.
  const dataDir = await benchDataDir();
  const pglite = await PGlite.create(path.join(dataDir, "pglite"));
  const db = await openDatabase({ kind: "pglite-instance", db: pglite });
  let prepared: { sessionId: string; askerTokens: string[] };
  try {
    prepared = await prepareQaSession(db, { askers: QUESTIONS * (ROUNDS + 1) * VIEWERS.length, dataDir });
  } finally {
    await db.close();
  }
  const { sessionId, askerTokens } = prepared;

  const server = await startProductionServer({ SEED_DEMO_DATA: "false" }, dataDir);
  const lines: string[] = [
    `${CLIENT_PROCESSES} client processes; ${QUESTIONS} questions per round, one every ${ASK_EVERY_MS} ms, each asked by another user; Socket.IO 4.8.4 (websocket transport, no compression) against a bare Socket.IO server and a bare \`ws\` ${wsVersion()} server in the same run.`,
    "",
    "| viewers | p50 ms | p99 ms | app: server CPU µs per delivered message | bare Socket.IO µs | bare ws µs | app ÷ ws | bare Socket.IO ÷ ws | server memory per connection | deliveries (duplicates) |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  let askerIndex = 0;
  /** A question as the app sends it: the references send the same fields, so the same message size. */
  let sampleQuestion: object | undefined;
  try {
    const appPid = (await childrenNamed(server.pid, "node"))[0] ?? server.pid;
    for (const viewers of VIEWERS) {
      // ── Socket.IO, the app ──
      const clients = clientProcesses();
      const rssBefore = await rssBytes(appPid);
      await Promise.all(clients.map((client) => client.request({ cmd: "connect", kind: "socketio", url: server.url, sessionId, count: viewers / CLIENT_PROCESSES })));
      await sleep(2000);
      const perConnection = ((await rssBytes(appPid)) - rssBefore) / viewers;
      // Every asker of every round joins before the idle window: a join changes the viewer count,
      // and that update is not a question's fan-out. The first round warms the code up (the
      // question's queries, the fan-out) and is not counted.
      const askers: Socket[] = [];
      for (let i = 0; i < (ROUNDS + 1) * QUESTIONS; i++) {
        const token = askerTokens[askerIndex++]!;
        const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { origin: server.url, cookie: `${SESSION_COOKIE}=${token}` }, forceNew: true });
        await new Promise<void>((resolve, reject) => socket.once("connect", () => socket.emit("qa:join", { sessionId }, (r: { ok: boolean }) => (r.ok ? resolve() : reject(new Error(JSON.stringify(r)))))));
        askers.push(socket);
      }
      const askRound = async (round: number) => {
        for (const [q, socket] of askers.slice(round * QUESTIONS, (round + 1) * QUESTIONS).entries()) {
          socket.emit("qa:ask", { sessionId, text: `bench:${Date.now()}:${q} 仰焊时电流应该调多大？` }, (reply: { ok: boolean; question?: object }) => {
            if (reply.ok) sampleQuestion ??= reply.question;
          });
          await sleep(ASK_EVERY_MS);
        }
        return collect(clients, QUESTIONS * viewers);
      };
      await askRound(ROUNDS);
      await sleep(1000);
      const idleStart = await cpuSeconds(appPid);
      await sleep(IDLE_WINDOW_MS);
      const idleRate = ((await cpuSeconds(appPid)) - idleStart) / (IDLE_WINDOW_MS / 1000);

      const rounds: { p50: number; p99: number; perDelivery: number; deliveries: number; duplicates: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const cpuStart = await cpuSeconds(appPid);
        const started = Date.now();
        const result = await askRound(round);
        const cpu = (await cpuSeconds(appPid)) - cpuStart - idleRate * ((Date.now() - started) / 1000);
        rounds.push({ p50: percentile(result.latencies, 50), p99: percentile(result.latencies, 99), perDelivery: (cpu / Math.max(1, result.deliveries)) * 1e6, deliveries: result.deliveries, duplicates: result.duplicates });
      }
      for (const socket of askers) socket.disconnect();
      await Promise.all(clients.map((client) => client.request({ cmd: "close" })));

      // ── the references: the same message size, the same number of viewers ──
      if (!sampleQuestion) throw new Error("no question was acknowledged");
      const library = await referencePerDelivery("socketio", viewers, sessionId, sampleQuestion);
      const reference = await referencePerDelivery("ws", viewers, sessionId, sampleQuestion);

      const perDelivery = median(rounds.map((r) => r.perDelivery));
      const delivered = rounds.reduce((sum, r) => sum + r.deliveries, 0);
      const duplicates = rounds.reduce((sum, r) => sum + r.duplicates, 0);
      lines.push(
        `| ${viewers} | ${median(rounds.map((r) => r.p50))} | ${median(rounds.map((r) => r.p99))} | ${perDelivery.toFixed(1)} | ${library.toFixed(1)} | ${reference.toFixed(1)} | ${(perDelivery / reference).toFixed(2)}× | ${(library / reference).toFixed(2)}× | ${(perConnection / 1024).toFixed(1)} KiB | ${delivered} of ${ROUNDS * QUESTIONS * viewers} (${duplicates}) |`,
      );
      console.log(lines.at(-1));
    }
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  lines.push(
    "",
    `Each figure is the median of ${ROUNDS} rounds of ${QUESTIONS} questions, after a warm-up round that is not counted (app and references alike); p50/p99 are over every (viewer, question) delivery of a round and include the batching tick. The app's askers all join before the idle window, so the viewer-count updates their joins cause are not counted as fan-out.`,
  );
  await record("Live Q&A: fan-out to one room (Socket.IO) against a bare ws server", lines);
}
