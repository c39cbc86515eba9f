// The Redis leaderboard store (server/quiz/leaderboard-store.ts) against the shared suite
// (tests/support/leaderboard-suite.ts: ranks and ties checked against a full sort), plus what only
// a shared store has: two app processes (two connections) see each other's standings and versions,
// and every key stays under the configured prefix.
//
// Runs with `npm run test:redis` (REDIS_URL, defaulting to the local server). Every key of this run
// starts with a prefix of its own (one more level per test), removed at the end.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardKey, createRedisLeaderboards } from "../../server/quiz/leaderboard-store.ts";
import { leaderboardSuite } from "../support/leaderboard-suite.ts";
import { deleteKeys } from "./app-processes.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const PREFIX = `jxtest:${process.pid}:${randomBytes(4).toString("hex")}:`;

let redis: Redis;
let other: Redis;
let stores = 0;
const nextPrefix = () => `${PREFIX}${++stores}:`;

beforeAll(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  other = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  await deleteKeys(redis, PREFIX);
  await Promise.all([redis.quit(), other.quit()]);
});

leaderboardSuite(() => createRedisLeaderboards(redis, nextPrefix()));

describe("Redis leaderboard store", () => {
  const board = boardKey("qchallenge", null, null);
  const trade = boardKey("qchallenge", 4, null);

  it("is shared: a standing set through one connection ranks through another", async () => {
    const prefix = nextPrefix();
    const here = createRedisLeaderboards(redis, prefix);
    const there = createRedisLeaderboards(other, prefix);
    await here.set([board, trade], { userId: "a", score: 100, timeMs: 5_000, reachedAt: 1 });
    await there.set([board], { userId: "b", score: 100, timeMs: 4_000, reachedAt: 2 });
    await there.set([board, trade], { userId: "a", score: 250, timeMs: 9_000, reachedAt: 3 });
    expect(await here.top(board, 50)).toEqual([
      { userId: "a", score: 250, timeMs: 9_000, reachedAt: 3, rank: 1 },
      { userId: "b", score: 100, timeMs: 4_000, reachedAt: 2, rank: 2 },
    ]);
    expect(await here.rankOf(trade, "a")).toEqual({ userId: "a", score: 250, timeMs: 9_000, reachedAt: 3, rank: 1 });
    expect(await here.version(board)).toBe(3);
    expect(await there.version(trade)).toBe(2);
  });

  it("keeps one member per user and every key under the prefix; clear leaves only the versions", async () => {
    const prefix = nextPrefix();
    const store = createRedisLeaderboards(redis, prefix);
    for (let i = 0; i < 20; i++) await store.set([board, trade], { userId: `u${i % 4}`, score: i, timeMs: 1_000 - i, reachedAt: i });
    expect(await redis.zcard(`${prefix}quiz:lb:${board}`)).toBe(4);
    expect(await redis.hlen(`${prefix}quiz:lb:${board}:users`)).toBe(4);
    expect(await redis.zrange(`${prefix}quiz:lb:${board}`, 0, 0, "WITHSCORES")).toEqual(["0000000000000981:0000000000000019:u3", "-19"]);
    expect((await keysUnder(prefix)).sort()).toEqual(
      [board, trade].flatMap((key) => [`${prefix}quiz:lb:${key}`, `${prefix}quiz:lb:${key}:users`, `${prefix}quiz:lb:${key}:version`]).sort(),
    );
    await store.clear([board, trade]);
    expect((await keysUnder(prefix)).sort()).toEqual([`${prefix}quiz:lb:${board}:version`, `${prefix}quiz:lb:${trade}:version`].sort());
  });

  it("keeps set, hash and version together when many updates race on one user", async () => {
    const store = createRedisLeaderboards(redis, nextPrefix());
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => store.set([board, trade], { userId: `u${i % 3}`, score: i, timeMs: i, reachedAt: i })),
    );
    expect(await store.size(board)).toBe(3);
    expect((await store.top(board, 50)).map((row) => [row.userId, row.score])).toEqual([["u1", 199], ["u0", 198], ["u2", 197]]);
    expect(await store.version(trade)).toBe(200);
  });
});

/** The keys under `prefix` (a SCAN). */
async function keysUnder(prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    found.push(...keys);
  } while (cursor !== "0");
  return found;
}
