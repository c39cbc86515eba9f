// Live quiz leaderboards over real Socket.IO connections: watching a board answers its state (top
// rows and the socket's own place), a finished scored level pushes the moved board to every
// watcher with each one's own place, a board nobody changed is not pushed, and bad requests get a
// failed acknowledgement without disconnecting.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import type { LeaderboardView } from "../../server/quiz/types.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { choicesFor, createBank, createChallenge } from "../support/quiz.ts";
import { createTestServices, testClock } from "../support/services.ts";
import { request, socketPool, startRealtimeServer, stillConnected, type RealtimeServer, type TestSocket } from "../support/sockets.ts";

let db: TestDatabase;
let services: Services;
let server: RealtimeServer;
let challengeId: string;
const pool = socketPool();
/** 2026-12-01 10:00 in China: day 1 of the test challenge. */
const clock = testClock(new Date("2026-12-01T02:00:00.000Z"));

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db, { clock });
  server = await startRealtimeServer(db, { tickMs: 50, quizPushMs: 50, services });
  await createBank(db.prisma, "welder", 10);
  await createBank(db.prisma, "electrician", 10);
  challengeId = (await createChallenge(db.prisma, { startDate: "2026-12-01", questionsPerLevel: 2, levelsPerDay: 1 })).id;
});

afterEach(() => pool.closeAll());

afterAll(async () => {
  await server?.close();
  await db?.cleanup();
});

async function player(trade: string) {
  const account = await signedInUser(db.prisma, services.sessions, { role: "WORKER" });
  await services.quiz.chooseTrade(account.viewer, { challengeId, trade });
  return account;
}

/** Plays the day's level, answering `right` questions correctly. */
async function finishLevel(viewer: Viewer, right: number) {
  const { attemptId } = await services.quiz.start(viewer, { challengeId, day: 1, level: 1 });
  for (let position = 0; position < 2; position++) {
    if (position > 0) await services.quiz.next(viewer, attemptId);
    const { right: correct, wrong } = await choicesFor(db.prisma, attemptId, position);
    clock.advance(3000);
    await services.quiz.answer(viewer, { attemptId, position, choice: position < right ? correct : wrong });
  }
}

function boardsOf(socket: TestSocket) {
  const boards: LeaderboardView[] = [];
  socket.on("quiz:board", (board) => boards.push(board));
  return {
    boards,
    async waitFor(accept: (board: LeaderboardView) => boolean, what: string): Promise<LeaderboardView> {
      for (let waited = 0; waited < 10_000; waited += 25) {
        const found = boards.find(accept);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`no pushed board with ${what}; got ${JSON.stringify(boards)}`);
    },
  };
}

describe("quiz leaderboards over Socket.IO", () => {
  it("answers the watched board and pushes it, with each watcher's own place, when a level is finished", async () => {
    const first = await player("welder");
    await finishLevel(first.viewer, 2);
    const watcher = await pool.connect(server.origin, { token: first.token });
    const visitor = await pool.connect(server.origin);
    const watched = await request(watcher, "quiz:watch", { challengeId, trade: null, day: null });
    expect(watched).toMatchObject({ ok: true, board: { challengeId, trade: null, day: null, players: 1, me: { rank: 1, userId: first.viewer.id } } });
    expect(await request(visitor, "quiz:watch", { challengeId })).toMatchObject({ ok: true, board: { me: null, players: 1 } });
    const pushedToWatcher = boardsOf(watcher);
    const pushedToVisitor = boardsOf(visitor);

    const second = await player("electrician");
    await finishLevel(second.viewer, 2);
    const moved = await pushedToWatcher.waitFor((board) => board.players === 2, "two players");
    expect(moved.rows.map((row) => row.userId)).toEqual(expect.arrayContaining([first.viewer.id, second.viewer.id]));
    expect(moved.me?.userId).toBe(first.viewer.id);
    expect((await pushedToVisitor.waitFor((board) => board.players === 2, "two players")).me).toBeNull();
  });

  it("pushes a trade's board only when that board moved", async () => {
    const welderWatcher = await pool.connect(server.origin);
    const electricianWatcher = await pool.connect(server.origin);
    await request(welderWatcher, "quiz:watch", { challengeId, trade: "welder", day: 1 });
    const before = await request(electricianWatcher, "quiz:watch", { challengeId, trade: "electrician", day: 1 });
    const welderPushes = boardsOf(welderWatcher);
    const electricianPushes = boardsOf(electricianWatcher);
    const electrician = await player("electrician");
    await finishLevel(electrician.viewer, 1);
    await electricianPushes.waitFor((board) => board.players === before.board.players + 1, "one more electrician");
    // The welder board did not move: the checks that pushed the electrician board skipped it.
    expect(welderPushes.boards).toEqual([]);
  });

  it("refuses malformed requests and unknown boards with a failed acknowledgement, and stays connected", async () => {
    const socket = await pool.connect(server.origin);
    expect(await request(socket, "quiz:watch", { challengeId: 42 })).toMatchObject({ ok: false, code: "badRequest", message: expect.any(String) });
    expect(await request(socket, "quiz:watch", { challengeId, day: 99 })).toMatchObject({ ok: false, code: "badRequest" });
    expect(await request(socket, "quiz:watch", { challengeId, trade: "no-such-trade" })).toMatchObject({ ok: false, code: "notFound" });
    expect(await request(socket, "quiz:watch", { challengeId: "cnosuchchallenge00000000" })).toMatchObject({ ok: false, code: "notFound" });
    expect(await request(socket, "quiz:watch", "not an object")).toMatchObject({ ok: false, code: "badRequest" });
    expect(await request(socket, "quiz:unwatch")).toEqual({ ok: true });
    expect(await stillConnected(socket)).toBe(true);
  });
});
