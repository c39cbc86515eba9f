// The quiz leaderboard stores (server/quiz/leaderboard-store.ts) with 100,000 players on one board,
// in-process and in Redis: a leaderboard read as the page makes it (top 50 and the reader's own
// rank, asked together) for random players, and set() as a finished attempt makes it (the overall
// board and the player's trade board, one of 100, in one call), one at a time and 64 in flight.
// The stores are called directly: this measures the store, not HTTP or Socket.IO around it. Needs
// the Redis these machines run (REDIS_URL); its keys get a prefix of their own, removed at the end.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { boardKey, createMemoryLeaderboards, createRedisLeaderboards, type LeaderboardStore, type Standing } from "../../server/quiz/leaderboard-store.ts";
import { deleteKeys } from "../redis/app-processes.ts";
import { seededRandom } from "../support/leaderboard-suite.ts";
import { median, record } from "./harness.ts";
import { percentile } from "./live-qa.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const PLAYERS = Number(process.env.BENCH_QUIZ_PLAYERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Reads, and updates, per round. */
const OPERATIONS = Number(process.env.BENCH_QUIZ_OPERATIONS ?? 2_000);
const IN_FLIGHT = 64;
const TRADES = 100;
const CHALLENGE = "qbenchchallenge";
const ALL = boardKey(CHALLENGE, null, null);
const tradeOf = (player: number) => boardKey(CHALLENGE, player % TRADES, null);
/** 2025-12-06 00:00 China time. */
const T0 = 1_764_950_400_000;

/**
 * A plausible board a few days in: each player has cleared 0–9 levels of 10 questions, about 150
 * points per question answered right, with answer times rounded to 100 ms; many equal scores.
 */
function standings(random: () => number): Standing[] {
  return Array.from({ length: PLAYERS }, (_, player) => {
    const levels = Math.floor(random() * 10);
    return {
      userId: `qbenchuser${player.toString().padStart(7, "0")}`,
      score: levels * 10 * 10 * Math.floor(10 + random() * 5),
      timeMs: levels * 100 * Math.floor(50 + random() * 200),
      reachedAt: T0 + Math.floor(random() * 3 * 86_400) * 1_000,
    };
  });
}

/** Runs `count` operations with at most `inFlight` pending; returns each one's latency (ms). */
async function timed(count: number, inFlight: number, operation: (i: number) => Promise<unknown>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const i = next++;
        const began = performance.now();
        await operation(i);
        latencies.push(performance.now() - began);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - start) / 1_000 };
}

interface Round {
  /** CPU time per read (µs): this process, plus the Redis server's for Redis. */
  readCpuUs: number;
  readP50: number;
  readP99: number;
  readsPerSecond: number;
  setP50: number;
  setP99: number;
  setsPerSecond: number;
  setsPerSecondConcurrent: number;
  setCpuUs: number;
}

/** CPU seconds used so far: this process's, plus `extra` (the Redis server's). */
async function cpuNow(extra?: () => Promise<number>): Promise<number> {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6 + (extra ? await extra() : 0);
}

/** The Redis server's CPU seconds so far (INFO cpu). */
async function redisCpu(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return field("used_cpu_user") + field("used_cpu_sys");
}

async function measure(store: LeaderboardStore, random: () => number, extraCpu?: () => Promise<number>): Promise<{ fillPerSecond: number; rounds: Round[] }> {
  const players = standings(random);
  const fill = await timed(PLAYERS, IN_FLIGHT, (i) => store.set([ALL, tradeOf(i)], players[i]!));
  let now = T0 + 4 * 86_400_000;
  // A player finishing one more level: more points and time, reached now.
  const update = (player: number) => {
    const current = players[player]!;
    const next = { ...current, score: current.score + 1_000 + Math.floor(random() * 500), timeMs: current.timeMs + 100 * Math.floor(50 + random() * 200), reachedAt: (now += 7) };
    players[player] = next;
    return store.set([ALL, tradeOf(player)], next);
  };
  const randomPlayer = () => Math.floor(random() * PLAYERS);
  const read = () => Promise.all([store.top(ALL, 50), store.rankOf(ALL, players[randomPlayer()]!.userId)]);
  // Warm-up (not counted): compiled code and connections settle.
  await timed(OPERATIONS, 1, read);
  await timed(OPERATIONS, 1, () => update(randomPlayer()));
  const rounds: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const cpu0 = await cpuNow(extraCpu);
    const reads = await timed(OPERATIONS, 1, read);
    const cpu1 = await cpuNow(extraCpu);
    const sets = await timed(OPERATIONS, 1, () => update(randomPlayer()));
    const cpu2 = await cpuNow(extraCpu);
    const concurrent = await timed(OPERATIONS, IN_FLIGHT, () => update(randomPlayer()));
    rounds.push({
      readCpuUs: ((cpu1 - cpu0) / OPERATIONS) * 1e6,
      setCpuUs: ((cpu2 - cpu1) / OPERATIONS) * 1e6,
      readP50: percentile(reads.latencies, 50),
      readP99: percentile(reads.latencies, 99),
      readsPerSecond: OPERATIONS / reads.seconds,
      setP50: percentile(sets.latencies, 50),
      setP99: percentile(sets.latencies, 99),
      setsPerSecond: OPERATIONS / sets.seconds,
      setsPerSecondConcurrent: OPERATIONS / concurrent.seconds,
    });
  }
  if ((await store.size(ALL)) !== PLAYERS) throw new Error(`the board holds ${await store.size(ALL)} players, not ${PLAYERS}`);
  return { fillPerSecond: PLAYERS / fill.seconds, rounds };
}

const ms = (value: number) => (value < 0.1 ? value.toFixed(4) : value.toFixed(3));
const perSecond = (value: number) => Math.round(value).toLocaleString("en-US");

function row(label: string, result: { fillPerSecond: number; rounds: Round[] }): string {
  const m = (pick: (round: Round) => number) => median(result.rounds.map(pick));
  return `| ${label} | ${ms(m((r) => r.readP50))} | ${ms(m((r) => r.readP99))} | ${perSecond(m((r) => r.readsPerSecond))} | ${m((r) => r.readCpuUs).toFixed(0)} | ${ms(m((r) => r.setP50))} | ${ms(m((r) => r.setP99))} | ${perSecond(m((r) => r.setsPerSecond))} | ${m((r) => r.setCpuUs).toFixed(0)} | ${perSecond(m((r) => r.setsPerSecondConcurrent))} | ${perSecond(result.fillPerSecond)} |`;
}

export async function benchQuizLeaderboard(): Promise<void> {
  const lines = [
    `${PLAYERS.toLocaleString("en-US")} players on the overall board, spread over ${TRADES} trade boards; a read is top 50 + the rank of a random player (both asked at once), one read at a time; a set() writes the overall and the trade board (as a finished attempt does), one at a time and ${IN_FLIGHT} in flight; ${OPERATIONS.toLocaleString("en-US")} reads and 2 × ${OPERATIONS.toLocaleString("en-US")} set()s per round, each figure the median of ${ROUNDS} rounds. Redis 7 on the same machine (loopback, one connection). Fill: the first set() of every player, ${IN_FLIGHT} in flight. CPU µs: CPU time per operation, of this process and, for Redis, of the Redis server too (less sensitive than latency to other load on the machine). A warm-up round runs first and is not counted.`,
    "",
    "| store | read p50 ms | read p99 ms | reads/s | read CPU µs | set() p50 ms | set() p99 ms | set()s/s | set() CPU µs | set()s/s, 64 in flight | fill set()s/s |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];

  const memory = await measure(createMemoryLeaderboards(), seededRandom(1));
  lines.push(row("in-process", memory));
  console.log(lines.at(-1));

  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const prefix = `jxbench:${process.pid}:${randomBytes(3).toString("hex")}:`;
  let memoryNote = "";
  try {
    const store = createRedisLeaderboards(redis, prefix);
    const result = await measure(store, seededRandom(1), () => redisCpu(redis));
    lines.push(row("Redis", result));
    console.log(lines.at(-1));
    const bytes = async (key: string) => Number((await redis.call("MEMORY", "USAGE", key, "SAMPLES", "0")) ?? 0);
    const zset = await bytes(`${prefix}quiz:lb:${ALL}`);
    const hash = await bytes(`${prefix}quiz:lb:${ALL}:users`);
    memoryNote = `Redis memory of the ${PLAYERS.toLocaleString("en-US")}-player board: sorted set ${(zset / 2 ** 20).toFixed(1)} MiB + user hash ${(hash / 2 ** 20).toFixed(1)} MiB (${Math.round((zset + hash) / PLAYERS)} bytes per player).`;
  } finally {
    await deleteKeys(redis, prefix).catch(() => 0);
    await redis.quit();
  }
  lines.push("", memoryNote);
  await record(`Quiz leaderboards: top 50 + own rank with ${PLAYERS.toLocaleString("en-US")} players, in-process and in Redis`, lines);
}
