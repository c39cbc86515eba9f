// Live Q&A across processes: the same fan-out as live-qa.ts, on PostgreSQL (processes cannot share
// PGlite), three ways in one run — one process without Redis, one process with the Redis adapter,
// and two processes sharing the room through Redis with the viewers split between them and the
// questions asked on both. Measured: whether every viewer got every question exactly once, and
// the latency (p50/p99, the batching tick included) — the adapter's extra latency is the
// difference. Needs the PostgreSQL and Redis these machines run (BENCH_DATABASE_URL, REDIS_URL).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { Redis } from "ioredis";
import { io as connect, type Socket } from "socket.io-client";
import { openDatabase } from "../../server/db/client.ts";
import { SESSION_COOKIE } from "../../server/http/cookies.ts";
import { deleteKeys, startApp, type AppProcess } from "../redis/app-processes.ts";
import { median, record } from "./harness.ts";
import { clientProcesses, collect, percentile, prepareQaSession } from "./live-qa.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const VIEWERS = (process.env.BENCH_QA_REDIS_VIEWERS ?? "2000,10000").split(",").map(Number);
const QUESTIONS = Number(process.env.BENCH_QA_QUESTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ASK_EVERY_MS = 600;

const SETUPS = [
  { label: "one process, in-memory adapter", processes: 1, redis: false },
  { label: "one process, Redis adapter", processes: 1, redis: true },
  { label: "two processes, Redis adapter", processes: 2, redis: true },
] as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function databaseUrl(name: string) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function benchLiveQaRedis(): Promise<void> {
  const database = `jxbench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = databaseUrl(database);
  const prefix = `jxbench:${process.pid}:${randomBytes(3).toString("hex")}:`;
  const redis = new Redis(REDIS_URL);
  const lines: string[] = [];
  try {
    const db = await openDatabase({ kind: "postgres", url });
    let prepared: { sessionId: string; askerTokens: string[] };
    try {
      prepared = await prepareQaSession(db, { askers: SETUPS.length * VIEWERS.length * ROUNDS * QUESTIONS });
    } finally {
      await db.close();
    }
    const { sessionId, askerTokens } = prepared;

    lines.push(
      `PostgreSQL 15 and Redis 7 on the same machine; 4 client processes (split evenly over the app processes); ${ROUNDS} rounds of ${QUESTIONS} questions, one every ${ASK_EVERY_MS} ms, asked on the app processes in turn. Latency includes the 300 ms batching tick.`,
      "",
      "| viewers | setup | p50 ms | p99 ms | delivered | duplicates |",
      "|---|---|---|---|---|---|",
    );
    let askerIndex = 0;
    for (const viewers of VIEWERS) {
      for (const setup of SETUPS) {
        const env: Record<string, string> = { DATABASE_URL: url, ...(setup.redis ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}) };
        const apps: AppProcess[] = [];
        for (let p = 0; p < setup.processes; p++) apps.push(await startApp(`app-${p}`, env));
        const clients = clientProcesses();
        try {
          await Promise.all(
            clients.map((client, index) =>
              client.request({ cmd: "connect", kind: "socketio", url: apps[index % apps.length]!.url, sessionId, count: viewers / clients.length }),
            ),
          );
          await sleep(3000);
          const rounds: { p50: number; p99: number; delivered: number; duplicates: number }[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            const askers: Socket[] = [];
            for (let q = 0; q < QUESTIONS; q++) {
              const app = apps[q % apps.length]!;
              const socket = connect(app.url, { transports: ["websocket"], extraHeaders: { origin: app.url, cookie: `${SESSION_COOKIE}=${askerTokens[askerIndex++]}` }, forceNew: true });
              await new Promise<void>((resolve, reject) => socket.once("connect", () => socket.emit("qa:join", { sessionId }, (r: { ok: boolean }) => (r.ok ? resolve() : reject(new Error(JSON.stringify(r)))))));
              askers.push(socket);
            }
            for (const [q, socket] of askers.entries()) {
              socket.emit("qa:ask", { sessionId, text: `bench:${Date.now()}:${q} 跨进程的问题` }, () => {});
              await sleep(ASK_EVERY_MS);
            }
            const result = await collect(clients, QUESTIONS * viewers);
            rounds.push({ p50: percentile(result.latencies, 50), p99: percentile(result.latencies, 99), delivered: result.latencies.length, duplicates: result.duplicates });
            for (const socket of askers) socket.disconnect();
          }
          const delivered = rounds.reduce((sum, r) => sum + r.delivered, 0);
          const duplicates = rounds.reduce((sum, r) => sum + r.duplicates, 0);
          lines.push(`| ${viewers} | ${setup.label} | ${median(rounds.map((r) => r.p50))} | ${median(rounds.map((r) => r.p99))} | ${delivered} of ${ROUNDS * QUESTIONS * viewers} | ${duplicates} |`);
          console.log(lines.at(-1));
        } finally {
          await Promise.all(clients.map((client) => client.request({ cmd: "close" }).catch(() => undefined)));
          for (const app of apps) await app.stop();
        }
      }
    }
  } finally {
    await deleteKeys(redis, prefix).catch(() => 0);
    redis.disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
  await record("Live Q&A across processes: exactly once, and the Redis adapter's extra latency", lines);
}
