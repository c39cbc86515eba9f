// The behaviour every leaderboard store must have (server/quiz/leaderboard-store.ts), as one suite
// that tests/unit/quiz-leaderboard-store.test.ts runs against the in-process store and
// tests/redis/quiz-leaderboards.test.ts against Redis. Rankings are checked against a brute-force
// reference: every standing of a board, sorted with compareStandings.
import { describe, expect, it } from "vitest";
import { boardKey, compareStandings, type LeaderboardStore, type RankedStanding, type Standing } from "../../server/quiz/leaderboard-store.ts";
import { seededRandom } from "../../server/quiz/picker.ts";

/** Seeded (the picker's mulberry32), so that a failing random case fails the same way again. */
export { seededRandom };

/** What a store should hold: every board's standings by user, and each board's set() count. */
export class ReferenceBoards {
  private readonly boards = new Map<string, Map<string, Standing>>();
  private readonly versions = new Map<string, number>();

  set(boards: readonly string[], standing: Standing): void {
    for (const board of new Set(boards)) {
      if (!this.boards.has(board)) this.boards.set(board, new Map());
      this.boards.get(board)!.set(standing.userId, { ...standing });
      this.versions.set(board, (this.versions.get(board) ?? 0) + 1);
    }
  }

  clear(boards: readonly string[]): void {
    for (const board of new Set(boards)) {
      this.boards.delete(board);
      this.versions.set(board, (this.versions.get(board) ?? 0) + 1);
    }
  }

  ranked(board: string): RankedStanding[] {
    return [...(this.boards.get(board)?.values() ?? [])].sort(compareStandings).map((standing, index) => ({ ...standing, rank: index + 1 }));
  }

  version(board: string): number {
    return this.versions.get(board) ?? 0;
  }
}

/** Asserts that the store's board matches the reference: size, top 50, everything, each user's rank. */
export async function expectBoard(store: LeaderboardStore, reference: ReferenceBoards, board: string, userIds: Iterable<string>): Promise<void> {
  const expected = reference.ranked(board);
  expect(await store.size(board)).toBe(expected.length);
  expect(await store.top(board, 50)).toEqual(expected.slice(0, 50));
  expect(await store.top(board, expected.length + 10)).toEqual(expected);
  const byUser = new Map(expected.map((row) => [row.userId, row]));
  const ids = [...userIds];
  const ranks = await Promise.all(ids.map((userId) => store.rankOf(board, userId)));
  ids.forEach((userId, index) => expect(ranks[index], userId).toEqual(byUser.get(userId) ?? null));
  expect(await store.version(board)).toBe(reference.version(board));
}

const CHALLENGE = "qchallenge0000000000000001";
const ALL = boardKey(CHALLENGE, null, null);
const TRADE_1 = boardKey(CHALLENGE, 1, null);
const TRADE_2 = boardKey(CHALLENGE, 2, null);
const DAY_1 = boardKey(CHALLENGE, null, 1);
/** 2025-12-06 00:00 China time, in ms. */
const T0 = 1_764_950_400_000;

const standing = (userId: string, score: number, timeMs: number, reachedAt = T0): Standing => ({ userId, score, timeMs, reachedAt });

/**
 * Defines the shared tests. `makeStore` is called once per test and must return an empty store of
 * its own (for Redis: a fresh key prefix).
 */
export function leaderboardSuite(makeStore: () => LeaderboardStore): void {
  describe("leaderboard store", () => {
    it("has no standings, ranks or changes on a board nobody was set on", async () => {
      const store = makeStore();
      expect(await store.top(ALL, 50)).toEqual([]);
      expect(await store.rankOf(ALL, "nobody")).toBeNull();
      expect(await store.size(ALL)).toBe(0);
      expect(await store.version(ALL)).toBe(0);
    });

    it("ranks random standings full of ties exactly like a full sort, through repeated updates", async () => {
      const store = makeStore();
      const reference = new ReferenceBoards();
      const random = seededRandom(20261206);
      const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
      // Ids of different lengths, some prefixes of others, so that the user-id tie-break is exercised.
      const alphabet = "0aAbz_-";
      const ids = new Set<string>(["a", "aa", "a0", "b", "u1", "u10", "u100"]);
      while (ids.size < 160) {
        let id = "";
        const length = 1 + Math.floor(random() * 5);
        for (let i = 0; i < length; i++) id += pick([...alphabet]);
        ids.add(id);
      }
      const users = [...ids].map((userId) => ({ userId, trade: random() < 0.5 ? TRADE_1 : TRADE_2 }));
      const boards = [ALL, TRADE_1, TRADE_2, DAY_1];
      const probes = [...ids, "unknown", "u1000"];
      for (let update = 1; update <= 900; update++) {
        const user = pick(users);
        // Few distinct values, so that equal scores, equal times and equal arrival times are common.
        const next = standing(user.userId, pick([0, 100, 150, 150, 300, 1_800_000]), pick([0, 900, 900, 61_000]), T0 + pick([0, 0, 1, 1_000]));
        const targets = pick([[ALL, user.trade], [DAY_1], [ALL, user.trade, DAY_1], [user.trade, user.trade]]);
        await store.set(targets, next);
        reference.set(targets, next);
        if (update % 150 === 0) for (const board of boards) await expectBoard(store, reference, board, probes);
      }
    });

    it("breaks equal points by answer time, then by who got there first, then by user id", async () => {
      const store = makeStore();
      await store.set([ALL], standing("d", 500, 2_000, T0 + 5));
      await store.set([ALL], standing("c", 500, 2_000, T0 + 5));
      await store.set([ALL], standing("b", 500, 2_000, T0 + 1));
      await store.set([ALL], standing("a", 500, 3_000, T0));
      await store.set([ALL], standing("e", 500, 1_000, T0 + 9));
      await store.set([ALL], standing("f", 501, 9_000, T0 + 9));
      await store.set([ALL], standing("g", 0, 0, T0));
      const top = await store.top(ALL, 10);
      expect(top.map((row) => [row.rank, row.userId])).toEqual([[1, "f"], [2, "e"], [3, "b"], [4, "c"], [5, "d"], [6, "a"], [7, "g"]]);
      expect(await store.rankOf(ALL, "c")).toEqual({ userId: "c", score: 500, timeMs: 2_000, reachedAt: T0 + 5, rank: 4 });
    });

    it("orders values at the limits exactly", async () => {
      const store = makeStore();
      const reference = new ReferenceBoards();
      const max = Number.MAX_SAFE_INTEGER;
      const cases = [
        standing("p1", 1_800_000, 9_000_000_000, T0),
        standing("p2", 1_799_999, 0, T0),
        standing("p3", 1_800_000, 9_000_000_001, T0),
        standing("p4", 1_800_000, 9_000_000_000, T0 + 1),
        standing("p5", max, max, max),
        standing("p6", max - 1, 0, 0),
        standing("p7", max, max, max - 1),
        standing("p8", max, max - 1, max),
        standing("p9", 0, 0, 0),
        standing("p10", -5, 0, 0),
        standing("Z", 0, 0, 0),
        standing("z", 0, 0, 0),
        standing("用户", 0, 0, 0),
        standing("p9:x", 0, 0, 0),
      ];
      for (const item of cases) {
        await store.set([ALL], item);
        reference.set([ALL], item);
      }
      await expectBoard(store, reference, ALL, cases.map((item) => item.userId));
      expect((await store.top(ALL, 3)).map((row) => row.userId)).toEqual(["p8", "p7", "p5"]);
    });

    it("keeps one standing per user, moving them up and down as it changes", async () => {
      const store = makeStore();
      const reference = new ReferenceBoards();
      const others = ["a", "b", "c", "d"].map((userId, index) => standing(userId, 100 * (index + 1), 1_000));
      for (const other of others) {
        await store.set([ALL], other);
        reference.set([ALL], other);
      }
      // Up past everyone, down to the bottom, onto an exact tie with "b" (then "b" < "m" wins), and back.
      for (const [score, timeMs] of [[1_000, 0], [0, 0], [200, 1_000], [200, 999], [200, 999], [250, 5]]) {
        const mine = standing("m", score!, timeMs!);
        await store.set([ALL], mine);
        reference.set([ALL], mine);
        await expectBoard(store, reference, ALL, ["m", ...others.map((other) => other.userId)]);
      }
      expect(await store.size(ALL)).toBe(5);
      expect(await store.rankOf(ALL, "m")).toMatchObject({ score: 250, timeMs: 5, rank: 3 });
    });

    it("keeps boards apart, and counts a board named twice in one set() once", async () => {
      const store = makeStore();
      await store.set([TRADE_1, ALL, TRADE_1], standing("a", 10, 10));
      await store.set([TRADE_2], standing("b", 20, 10));
      expect(await store.size(ALL)).toBe(1);
      expect(await store.size(TRADE_1)).toBe(1);
      expect(await store.version(TRADE_1)).toBe(1);
      expect(await store.rankOf(TRADE_2, "a")).toBeNull();
      expect(await store.rankOf(TRADE_1, "b")).toBeNull();
      expect(await store.top(TRADE_2, 50)).toEqual([{ userId: "b", score: 20, timeMs: 10, reachedAt: T0, rank: 1 }]);
      expect(await store.size(DAY_1)).toBe(0);
      // A set() on no board changes nothing.
      await store.set([], standing("c", 1, 1));
      expect(await store.size(ALL)).toBe(1);
    });

    it("returns at most `limit` rows, and none for a limit of 0 or less", async () => {
      const store = makeStore();
      for (let i = 0; i < 5; i++) await store.set([ALL], standing(`u${i}`, i, 0));
      expect((await store.top(ALL, 3)).map((row) => row.userId)).toEqual(["u4", "u3", "u2"]);
      expect(await store.top(ALL, 100)).toHaveLength(5);
      expect(await store.top(ALL, 0)).toEqual([]);
      expect(await store.top(ALL, -1)).toEqual([]);
      expect((await store.top(ALL, 1)).map((row) => row.rank)).toEqual([1]);
    });

    it("counts every set() that touches a board in its version", async () => {
      const store = makeStore();
      await store.set([ALL, TRADE_1], standing("a", 1, 1));
      await store.set([ALL], standing("a", 1, 1));
      await store.set([ALL, TRADE_2], standing("b", 2, 1));
      expect(await store.version(ALL)).toBe(3);
      expect(await store.version(TRADE_1)).toBe(1);
      expect(await store.version(TRADE_2)).toBe(1);
      expect(await store.version(DAY_1)).toBe(0);
    });

    it("clears only the given boards, keeps counting versions, and fills again", async () => {
      const store = makeStore();
      await store.set([ALL, TRADE_1, DAY_1], standing("a", 1, 1));
      await store.set([ALL, TRADE_1], standing("b", 2, 1));
      await store.clear([ALL, TRADE_1]);
      for (const board of [ALL, TRADE_1]) {
        expect(await store.size(board)).toBe(0);
        expect(await store.top(board, 50)).toEqual([]);
        expect(await store.rankOf(board, "a")).toBeNull();
      }
      expect(await store.rankOf(DAY_1, "a")).toMatchObject({ rank: 1 });
      // A clear is a change too: a version never goes back, so a process that saw the board before
      // the clear cannot mistake the rebuilt board for the one it saw.
      expect(await store.version(ALL)).toBe(3);
      expect(await store.version(DAY_1)).toBe(1);
      await store.set([ALL], standing("b", 2, 1));
      expect(await store.top(ALL, 50)).toEqual([{ userId: "b", score: 2, timeMs: 1, reachedAt: T0, rank: 1 }]);
      expect(await store.version(ALL)).toBe(4);
      await store.clear([]);
      expect(await store.size(ALL)).toBe(1);
    });

    it("refuses standings it cannot rank exactly, writing nothing", async () => {
      const store = makeStore();
      const bad: Standing[] = [
        standing("a", Number.NaN, 0),
        standing("a", 1.5, 0),
        standing("a", Number.MAX_SAFE_INTEGER + 1, 0),
        standing("a", 1, -1),
        standing("a", 1, 0.5),
        standing("a", 1, 0, Number.MAX_SAFE_INTEGER + 1),
        standing("a", 1, 0, Number.POSITIVE_INFINITY),
        standing("", 1, 0),
        standing("工友😀", 1, 0),
        standing("\uD800", 1, 0),
      ];
      for (const item of bad) await expect(store.set([ALL, TRADE_1], item), JSON.stringify(item)).rejects.toThrow(RangeError);
      for (const board of [ALL, TRADE_1]) {
        expect(await store.size(board)).toBe(0);
        expect(await store.version(board)).toBe(0);
      }
    });

    it("is not changed through the objects it was given or returned", async () => {
      const store = makeStore();
      const given = standing("a", 10, 10);
      await store.set([ALL], given);
      given.score = 99;
      const [row] = await store.top(ALL, 1);
      row!.score = 77;
      (await store.rankOf(ALL, "a"))!.timeMs = 1;
      expect(await store.rankOf(ALL, "a")).toEqual({ userId: "a", score: 10, timeMs: 10, reachedAt: T0, rank: 1 });
      expect(await store.top(ALL, 1)).toEqual([{ userId: "a", score: 10, timeMs: 10, reachedAt: T0, rank: 1 }]);
    });
  });
}
