// The in-process leaderboard store (server/quiz/leaderboard-store.ts) against the shared suite
// (tests/support/leaderboard-suite.ts: ranks and ties checked against a full sort), plus a board of
// many players and the board keys. The same suite runs against Redis in tests/redis.
import { describe, expect, it } from "vitest";
import { boardKey, boardsOf, createMemoryLeaderboards, type Standing } from "../../server/quiz/leaderboard-store.ts";
import { expectBoard, leaderboardSuite, ReferenceBoards, seededRandom } from "../support/leaderboard-suite.ts";

leaderboardSuite(createMemoryLeaderboards);

describe("in-process leaderboard store", () => {
  it("stays exact on a board of 20,000 players after 20,000 updates", async () => {
    const store = createMemoryLeaderboards();
    const reference = new ReferenceBoards();
    const random = seededRandom(9);
    const board = boardKey("qchallenge", null, null);
    const players = 20_000;
    for (let update = 0; update < 2 * players; update++) {
      const userId = `user${update < players ? update : Math.floor(random() * players)}`;
      const standing: Standing = { userId, score: 10 * Math.floor(random() * 500), timeMs: 1_000 * Math.floor(random() * 50), reachedAt: Math.floor(random() * 20) };
      await store.set([board], standing);
      reference.set([board], standing);
    }
    await expectBoard(store, reference, board, [...Array.from({ length: players }, (_, i) => `user${i}`), "user-unknown"]);
  });

  it("stays exact while every player moves from the bottom to the top, one after another", async () => {
    // The store keeps a board in chunks: this fills the top one until it splits, again and again,
    // and drains the others until they are gone.
    const store = createMemoryLeaderboards();
    const reference = new ReferenceBoards();
    const board = boardKey("qchallenge", 3, 2);
    const players = Array.from({ length: 3_000 }, (_, i) => `p${i}`);
    const put = async (standing: Standing) => {
      await store.set([board], standing);
      reference.set([board], standing);
    };
    for (const [i, userId] of players.entries()) await put({ userId, score: i, timeMs: 0, reachedAt: 0 });
    for (const [i, userId] of players.entries()) {
      await put({ userId, score: 10_000 + i, timeMs: 0, reachedAt: 0 });
      if (i === 1_500) await expectBoard(store, reference, board, players);
    }
    await expectBoard(store, reference, board, players);
    expect((await store.top(board, 2)).map((row) => row.userId)).toEqual(["p2999", "p2998"]);
  });
});

describe("board keys", () => {
  it("names a board by challenge, trade or all, and day or total", () => {
    expect(boardKey("c1", null, null)).toBe("c1:all:total");
    expect(boardKey("c1", 7, 3)).toBe("c1:7:3");
    expect(boardsOf("c1", 7, 3)).toEqual({ total: ["c1:all:total", "c1:7:total"], day: ["c1:all:3", "c1:7:3"] });
  });
});
