// The quiz service on a real database, with a clock the tests move: the overview and its level
// states, choosing a trade (and its lock), starting and resuming levels, serving with deadlines,
// answering once (twice, late, stale, someone else's, bad choices, fifty at once), scoring,
// practice versus scored attempts, unlocking, badges and certificates, leaderboards, rate limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { createLogger } from "../../server/logger.ts";
import { compareStandings } from "../../server/quiz/leaderboard-store.ts";
import { createMemoryLeaderboards } from "../../server/quiz/leaderboard-store.ts";
import { scoreAnswer } from "../../server/quiz/scoring.ts";
import { createQuizService, type QuizService } from "../../server/quiz/service.ts";
import { createMemoryRateLimit } from "../../server/security/rate-limits.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { choicesFor, createBank, createChallenge } from "../support/quiz.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;
let quiz: QuizService;

/** 2026-12-01 10:00 in China. */
const START = new Date("2026-12-01T02:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock(START);
  services = createTestServices(db, { clock });
  quiz = services.quiz;
  await createBank(db.prisma, "welder", 12);
  await createBank(db.prisma, "electrician", 8);
});

afterAll(async () => {
  await db?.cleanup();
});

const rejection = (kind: string, messageKey?: string) => expect.objectContaining({ name: "AppError", kind, ...(messageKey ? { messageKey } : {}) });
const worker = async () => (await signedInUser(db.prisma, services.sessions, { role: "WORKER" })).viewer;

/** A fresh challenge starting today (China date of the clock) and a worker entered in welder. */
async function entered(options: Partial<Parameters<typeof createChallenge>[1]> = {}, trade = "welder") {
  clock.set(START);
  const challenge = await createChallenge(db.prisma, { startDate: "2026-12-01", ...options });
  const viewer = await worker();
  const chosen = await quiz.chooseTrade(viewer, { challengeId: challenge.id, trade });
  expect(chosen.ok).toBe(true);
  return { challenge, viewer };
}

/** Answers every question of an attempt, right for the first `rightCount`, after `elapsedMs` each. */
async function playThrough(viewer: Viewer, attemptId: string, rightCount: number, elapsedMs = 4000) {
  let state = await quiz.play(viewer, attemptId);
  let position = 0;
  while (state.kind !== "finished") {
    if (state.kind === "result") {
      state = await quiz.next(viewer, attemptId);
      continue;
    }
    const { right, wrong } = await choicesFor(db.prisma, attemptId, state.question.position);
    clock.advance(elapsedMs);
    await quiz.answer(viewer, { attemptId, position: state.question.position, choice: (position < rightCount ? right : wrong).map(String) });
    position++;
    state = await quiz.play(viewer, attemptId);
  }
  return state;
}

describe("the overview", () => {
  it("shows visitors the running challenge with days after today locked and no entry", async () => {
    clock.set(new Date(START.getTime() + 2 * DAY_MS));
    const challenge = await createChallenge(db.prisma, { startDate: "2026-12-01", name: "概览赛" });
    const overview = await quiz.overview(null, challenge.id);
    expect(overview.challenge).toMatchObject({ today: 3, phase: "running", endDate: "2026-12-10", passMark: 3, tradeCount: 2 });
    expect(overview.entry).toBeNull();
    expect(overview.trades.map((trade) => trade.code).sort()).toEqual(["electrician", "welder"]);
    expect(overview.days.map((day) => day.state)).toEqual(["past", "past", "today", ...Array(7).fill("locked")]);
    expect(overview.days[2]!.levels.map((level) => level.state)).toEqual(["open", "locked", "locked"]);
    expect(overview.days[3]!.levels.every((level) => level.state === "locked")).toBe(true);
  });

  it("is not found for an unknown challenge", async () => {
    await expect(quiz.overview(null, "cnotachallenge0000000000")).rejects.toEqual(rejection("notFound", "quiz.error.notFound"));
    await expect(quiz.overview(null, "../etc")).rejects.toEqual(rejection("notFound"));
  });

  it("current() prefers the running challenge over upcoming and ended ones", async () => {
    clock.set(new Date("2027-06-15T02:00:00.000Z"));
    await createChallenge(db.prisma, { startDate: "2027-05-01", name: "已结束" });
    const running = await createChallenge(db.prisma, { startDate: "2027-06-10", name: "进行中" });
    await createChallenge(db.prisma, { startDate: "2027-07-01", name: "即将开始" });
    expect((await quiz.current(null))?.challenge.id).toBe(running.id);
    clock.set(new Date("2027-06-25T02:00:00.000Z"));
    expect((await quiz.current(null))?.challenge.name).toBe("即将开始");
    clock.set(new Date("2028-01-01T02:00:00.000Z"));
    expect((await quiz.current(null))?.challenge.phase).toBe("ended");
  });
});

describe("choosing a trade", () => {
  it("refuses visitors, missing and uncovered trades, and changes it only before a scored attempt", async () => {
    const { challenge, viewer } = await entered();
    await expect(quiz.chooseTrade(null, { challengeId: challenge.id, trade: "welder" })).rejects.toEqual(rejection("unauthorized"));
    expect(await quiz.chooseTrade(viewer, { challengeId: challenge.id })).toEqual({ ok: false, fieldErrors: { trade: "quiz.error.tradeRequired" } });
    expect(await quiz.chooseTrade(viewer, { challengeId: challenge.id, trade: "gas-cutter" })).toEqual({ ok: false, fieldErrors: { trade: "quiz.error.tradeNotCovered" } });
    const changed = await quiz.chooseTrade(viewer, { challengeId: challenge.id, trade: "electrician" });
    expect(changed).toMatchObject({ ok: true, value: { trade: { code: "electrician" }, canChangeTrade: true } });
    await quiz.start(viewer, { challengeId: challenge.id, day: "1", level: "1" });
    expect(await quiz.chooseTrade(viewer, { challengeId: challenge.id, trade: "welder" })).toEqual({ ok: false, fieldErrors: { trade: "quiz.error.tradeLocked" } });
    const entry = await db.prisma.quizEntry.findFirstOrThrow({ where: { challengeId: challenge.id, userId: viewer.id }, include: { trade: true } });
    expect(entry.trade.code).toBe("electrician");
    expect((await quiz.overview(viewer, challenge.id)).entry?.canChangeTrade).toBe(false);
  });
});

describe("starting a level", () => {
  it("is refused before a trade is chosen, on later days, for locked and unknown levels", async () => {
    const { challenge, viewer } = await entered();
    const stranger = await worker();
    await expect(quiz.start(null, { challengeId: challenge.id, day: 1, level: 1 })).rejects.toEqual(rejection("unauthorized"));
    await expect(quiz.start(stranger, { challengeId: challenge.id, day: 1, level: 1 })).rejects.toEqual(rejection("conflict", "quiz.error.tradeFirst"));
    await expect(quiz.start(viewer, { challengeId: challenge.id, day: 2, level: 1 })).rejects.toEqual(rejection("forbidden", "quiz.error.dayLocked"));
    await expect(quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 2 })).rejects.toEqual(rejection("forbidden", "quiz.error.levelLocked"));
    await expect(quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 4 })).rejects.toEqual(rejection("notFound"));
    await expect(quiz.start(viewer, { challengeId: challenge.id, day: "x", level: 1 })).rejects.toEqual(rejection("invalid", "quiz.error.levelUnknown"));
    expect(await db.prisma.quizAttempt.count({ where: { challengeId: challenge.id } })).toBe(0);
  });

  it("is refused before the challenge starts", async () => {
    clock.set(START);
    const challenge = await createChallenge(db.prisma, { startDate: "2026-12-05" });
    const viewer = await worker();
    await quiz.chooseTrade(viewer, { challengeId: challenge.id, trade: "welder" });
    await expect(quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 })).rejects.toEqual(rejection("forbidden", "quiz.error.notStarted"));
  });

  it("starts the scored attempt with distinct questions from the trade's bank, and resumes it identically", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt).toMatchObject({ scored: true, status: "IN_PROGRESS", day: 1, level: 1 });
    expect(attempt.questionIds).toHaveLength(5);
    expect(new Set(attempt.questionIds).size).toBe(5);
    const welder = await db.prisma.trade.findUniqueOrThrow({ where: { code: "welder" } });
    const bank = await db.prisma.quizQuestion.findMany({ where: { id: { in: attempt.questionIds } } });
    expect(bank.every((question) => question.tradeId === welder.id)).toBe(true);

    const first = await quiz.play(viewer, attemptId);
    expect(await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 })).toEqual({ attemptId });
    const again = await quiz.play(viewer, attemptId);
    expect(again).toEqual(first);
    expect(first.kind).toBe("question");
  });

  it("never picks a retired question", async () => {
    const { challenge, viewer } = await entered({ trades: ["electrician"] }, "electrician");
    const bank = await db.prisma.quizQuestion.findMany({ where: { trade: { code: "electrician" } }, orderBy: { id: "asc" } });
    const retired = bank.slice(0, 3).map((question) => question.id);
    await db.prisma.quizQuestion.updateMany({ where: { id: { in: retired } }, data: { retiredAt: clock.now() } });
    try {
      const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
      const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      expect(attempt.questionIds.some((id) => retired.includes(id))).toBe(false);
    } finally {
      await db.prisma.quizQuestion.updateMany({ where: { id: { in: retired } }, data: { retiredAt: null } });
    }
  });
});

describe("answering", () => {
  it("serves a question without its answer or explanation, then shows both once answered", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    const state = await quiz.play(viewer, attemptId);
    if (state.kind !== "question") throw new Error(state.kind);
    const { right, question } = await choicesFor(db.prisma, attemptId, 0);
    const served = JSON.stringify(state);
    expect(served).not.toContain(question.explanation);
    expect(served).not.toContain("SECRET");
    expect(Object.keys(state.question).sort()).toEqual(["deadlineAt", "kind", "options", "position", "remainingMs", "servedAt", "stem"]);
    expect(state.question.remainingMs).toBe(20_000);

    clock.advance(5000);
    const result = await quiz.answer(viewer, { attemptId, position: "0", choice: right.map(String) });
    expect(result).toMatchObject({ correct: true, expired: false, answer: right, explanation: question.explanation, points: scoreAnswer(true, 5000, 20_000, 0).points, streak: 1, timeMs: 5000 });
    expect(await quiz.play(viewer, attemptId)).toMatchObject({ kind: "result", result: { position: 0, correct: true } });
  });

  it("scores once: a second answer, a stale position and a replay are refused and change nothing", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    const { right, wrong } = await choicesFor(db.prisma, attemptId, 0);
    clock.advance(3000);
    await quiz.answer(viewer, { attemptId, position: 0, choice: right });
    const before = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    await expect(quiz.answer(viewer, { attemptId, position: 0, choice: right })).rejects.toEqual(rejection("conflict", "quiz.error.alreadyAnswered"));
    await expect(quiz.answer(viewer, { attemptId, position: 0, choice: wrong })).rejects.toEqual(rejection("conflict", "quiz.error.alreadyAnswered"));
    // The next question is not served until the worker asks for it.
    await expect(quiz.answer(viewer, { attemptId, position: 1, choice: [0] })).rejects.toEqual(rejection("conflict", "quiz.error.staleQuestion"));
    await quiz.next(viewer, attemptId);
    clock.advance(2000);
    // Replaying the first request after the next question was served: still refused.
    await expect(quiz.answer(viewer, { attemptId, position: 0, choice: right })).rejects.toEqual(rejection("conflict", "quiz.error.alreadyAnswered"));
    const after = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect({ score: after.score, correctCount: after.correctCount, timeMs: after.timeMs }).toEqual({ score: before.score, correctCount: before.correctCount, timeMs: before.timeMs });
  });

  it("refuses bad choices and someone else's attempt without writing", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    const { question } = await choicesFor(db.prisma, attemptId, 0);
    const other = await worker();
    await expect(quiz.answer(other, { attemptId, position: 0, choice: [0] })).rejects.toEqual(rejection("notFound", "quiz.error.notFound"));
    await expect(quiz.answer(viewer, { attemptId, position: 0, choice: [] })).rejects.toEqual(rejection("invalid", "quiz.error.choiceRequired"));
    await expect(quiz.answer(viewer, { attemptId, position: 0, choice: [question.options.length] })).rejects.toEqual(rejection("invalid", "quiz.error.choiceInvalid"));
    await expect(quiz.answer(viewer, { attemptId, position: 0, choice: ["-1"] })).rejects.toEqual(rejection("invalid", "quiz.error.choiceInvalid"));
    await expect(quiz.answer(viewer, { attemptId, position: 0, choice: [0, 0] })).rejects.toEqual(rejection("invalid", "quiz.error.choiceInvalid"));
    await expect(quiz.answer(viewer, { attemptId: "nope", position: 0, choice: [0] })).rejects.toEqual(rejection("invalid"));
    if (question.kind !== "MULTIPLE") await expect(quiz.answer(viewer, { attemptId, position: 0, choice: [0, 1] })).rejects.toEqual(rejection("invalid", "quiz.error.choiceInvalid"));
    const row = await db.prisma.quizAnswer.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position: 0 } } });
    expect(row.answeredAt).toBeNull();
  });

  it("counts an answer after the deadline as wrong, and an unanswered question as expired when the page returns", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    const { right } = await choicesFor(db.prisma, attemptId, 0);
    clock.advance(20_001);
    await expect(quiz.answer(viewer, { attemptId, position: 0, choice: right })).rejects.toEqual(rejection("conflict", "quiz.error.tooLate"));
    const first = await db.prisma.quizAnswer.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position: 0 } } });
    expect(first).toMatchObject({ expired: true, correct: false, points: 0, timeMs: 20_000 });

    await quiz.next(viewer, attemptId);
    clock.advance(25_000);
    const state = await quiz.play(viewer, attemptId);
    expect(state).toMatchObject({ kind: "result", result: { position: 1, expired: true, correct: false, points: 0 } });
    const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt).toMatchObject({ score: 0, correctCount: 0, timeMs: 40_000, streak: 0 });
  });

  it("accepts an answer exactly at the deadline", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    const { right } = await choicesFor(db.prisma, attemptId, 0);
    clock.advance(20_000);
    expect(await quiz.answer(viewer, { attemptId, position: 0, choice: right })).toMatchObject({ correct: true, points: 100 });
  });

  it("flags answers faster than a person could give them, and still scores them", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    const { right } = await choicesFor(db.prisma, attemptId, 0);
    clock.advance(120);
    const result = await quiz.answer(viewer, { attemptId, position: 0, choice: right });
    expect(result.points).toBe(scoreAnswer(true, 120, 20_000, 0).points);
    expect((await db.prisma.quizAnswer.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position: 0 } } })).flagged).toBe(true);
  });

  it("takes the same answer sent 50 times at once exactly once", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    const { right } = await choicesFor(db.prisma, attemptId, 0);
    clock.advance(6000);
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => quiz.answer(viewer, { attemptId, position: 0, choice: right })));
    const accepted = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(accepted).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.status === "rejected") expect(outcome.reason).toEqual(rejection("conflict", "quiz.error.alreadyAnswered"));
    const attempt = await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt).toMatchObject({ correctCount: 1, score: scoreAnswer(true, 6000, 20_000, 0).points, timeMs: 6000, streak: 1 });
  });
});

describe("finishing levels", () => {
  it("scores speed and streaks, passes at the mark, unlocks the next level and adds to the entry", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    const finished = await playThrough(viewer, attemptId, 3, 4000);
    if (finished.kind !== "finished") throw new Error(finished.kind);
    const expected = [0, 1, 2].reduce((sum, streak) => sum + scoreAnswer(true, 4000, 20_000, streak).points, 0);
    expect(finished.attempt).toMatchObject({ finished: true, passed: true, correctCount: 3, score: expected, timeMs: 20_000, scored: true, passMark: 3 });
    expect(finished.results).toHaveLength(5);
    expect(finished.results.every((result) => result.explanation.startsWith("解析SECRET"))).toBe(true);
    const entry = await db.prisma.quizEntry.findFirstOrThrow({ where: { challengeId: challenge.id, userId: viewer.id } });
    expect(entry).toMatchObject({ score: expected, timeMs: 20_000 });
    expect(entry.scoredAt?.getTime()).toBe(clock.now().getTime());
    const levels = (await quiz.overview(viewer, challenge.id)).days[0]!.levels;
    expect(levels.map((level) => level.state)).toEqual(["passed", "open", "locked"]);
    expect(levels[0]!.scored).toMatchObject({ score: expected, passed: true, finished: true });
  });

  it("keeps later attempts and past days as unscored practice", async () => {
    const { challenge, viewer } = await entered();
    const scored = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await playThrough(viewer, scored.attemptId, 1);
    expect((await quiz.overview(viewer, challenge.id)).days[0]!.levels[0]!.state).toBe("failed");
    const entryBefore = await db.prisma.quizEntry.findFirstOrThrow({ where: { challengeId: challenge.id, userId: viewer.id } });

    const practice = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    expect(practice.attemptId).not.toBe(scored.attemptId);
    const done = await playThrough(viewer, practice.attemptId, 5);
    expect(done.attempt).toMatchObject({ scored: false, passed: true });
    // Passing in practice unlocks the next level, but the score stays the scored attempt's.
    const overview = await quiz.overview(viewer, challenge.id);
    expect(overview.days[0]!.levels.map((level) => level.state)).toEqual(["passed", "open", "locked"]);
    expect(overview.days[0]!.levels[0]!.scoredAvailable).toBe(false);
    const entryAfter = await db.prisma.quizEntry.findFirstOrThrow({ where: { challengeId: challenge.id, userId: viewer.id } });
    expect(entryAfter.score).toBe(entryBefore.score);

    // The next day, day 1's level 2 can still be played, as practice.
    clock.advance(DAY_MS);
    const late = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 2 });
    expect((await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: late.attemptId } })).scored).toBe(false);
    expect((await quiz.overview(viewer, challenge.id)).days[1]!.levels[0]!.scoredAvailable).toBe(true);
  });

  it("gives a badge and a certificate for passing every level of every day", async () => {
    const { challenge, viewer } = await entered({ days: 2, levelsPerDay: 1, questionsPerLevel: 2 });
    const first = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    expect((await playThrough(viewer, first.attemptId, 2)).kind).toBe("finished");
    expect(await quiz.badges(viewer.id)).toEqual([]);
    clock.advance(DAY_MS);
    const second = await quiz.start(viewer, { challengeId: challenge.id, day: 2, level: 1 });
    const finished = await playThrough(viewer, second.attemptId, 2);
    expect(finished).toMatchObject({ kind: "finished", badgeEarned: true });
    const badges = await quiz.badges(viewer.id);
    expect(badges).toHaveLength(1);
    expect(badges[0]).toMatchObject({ challengeId: challenge.id, trade: { code: "welder" }, certificateCode: expect.stringMatching(/^[a-f0-9]{16}$/) });
    const certificate = await quiz.certificate(badges[0]!.certificateCode);
    expect(certificate).toMatchObject({ holderName: viewer.displayName, days: 2, challengeName: challenge.name });
    expect(await quiz.certificate("0000000000000000")).toBeNull();
    expect(await quiz.certificate("<script>")).toBeNull();
    expect((await quiz.overview(viewer, challenge.id)).entry).toMatchObject({ completed: true, certificateCode: badges[0]!.certificateCode });
  });
});

describe("leaderboards", () => {
  it("rank by points, then answer time, then who got there first, overall, per trade and per day", async () => {
    clock.set(START);
    const challenge = await createChallenge(db.prisma, { startDate: "2026-12-01", questionsPerLevel: 2, levelsPerDay: 1 });
    // Each player: trade, correct answers, seconds per answer; two pairs tie on points.
    const plan = [
      { trade: "welder", right: 2, seconds: 5 },
      { trade: "welder", right: 2, seconds: 3 },
      { trade: "electrician", right: 2, seconds: 3 },
      { trade: "electrician", right: 1, seconds: 2 },
      { trade: "welder", right: 0, seconds: 2 },
    ];
    const players: Viewer[] = [];
    for (const { trade, right, seconds } of plan) {
      const viewer = await worker();
      players.push(viewer);
      await quiz.chooseTrade(viewer, { challengeId: challenge.id, trade });
      const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
      await playThrough(viewer, attemptId, right, seconds * 1000);
      clock.advance(1000);
    }
    const entries = await db.prisma.quizEntry.findMany({ where: { challengeId: challenge.id } });
    const expected = entries
      .map((entry) => ({ userId: entry.userId, score: entry.score, timeMs: entry.timeMs, reachedAt: entry.scoredAt!.getTime() }))
      .sort(compareStandings)
      .map((standing) => standing.userId);
    // Players 2 and 3 have the same points and time: the one who finished first ranks first.
    expect(expected.indexOf(players[1]!.id)).toBe(expected.indexOf(players[2]!.id) - 1);

    const board = await quiz.leaderboard(players[4]!, { challengeId: challenge.id, trade: null, day: null });
    expect(board.rows.map((row) => row.userId)).toEqual(expected);
    expect(board.rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(board.me).toMatchObject({ userId: players[4]!.id, rank: 5 });
    expect(board.players).toBe(5);

    const top2 = await quiz.leaderboard(players[4]!, { challengeId: challenge.id, trade: null, day: null }, 2);
    expect(top2.rows).toHaveLength(2);
    expect(top2.me).toMatchObject({ rank: 5, displayName: players[4]!.displayName, trade: { code: "welder" } });

    const welders = await quiz.leaderboard(null, { challengeId: challenge.id, trade: "welder", day: null });
    expect(welders.rows.map((row) => row.userId)).toEqual(expected.filter((id) => [0, 1, 4].some((i) => players[i]!.id === id)));
    expect(welders.me).toBeNull();
    const today = await quiz.leaderboard(null, { challengeId: challenge.id, trade: "electrician", day: 1 });
    expect(today.rows.map((row) => row.rank)).toEqual([1, 2]);
    expect((await quiz.leaderboard(null, { challengeId: challenge.id, trade: null, day: 2 })).rows).toEqual([]);
    await expect(quiz.leaderboard(null, { challengeId: challenge.id, trade: "no-such-trade", day: null })).rejects.toEqual(rejection("notFound"));
  });

  it("are rebuilt from the database by a process that starts later", async () => {
    clock.set(START);
    const challenge = await createChallenge(db.prisma, { startDate: "2026-12-01", questionsPerLevel: 2, levelsPerDay: 1 });
    const viewer = await worker();
    await quiz.chooseTrade(viewer, { challengeId: challenge.id, trade: "welder" });
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await playThrough(viewer, attemptId, 2);
    const fresh = createQuizService({ prisma: db.prisma, clock, logger: createLogger("silent"), leaderboards: createMemoryLeaderboards(), rateLimitFactory: createMemoryRateLimit });
    const board = await fresh.leaderboard(viewer, { challengeId: challenge.id, trade: "welder", day: 1 });
    expect(board.me).toMatchObject({ rank: 1, score: (await db.prisma.quizEntry.findFirstOrThrow({ where: { challengeId: challenge.id } })).score });
  });
});

describe("rate limits", () => {
  it("refuse starts and answers over the limit with a message, not a failure", async () => {
    const limited = createQuizService({
      prisma: db.prisma,
      clock,
      logger: createLogger("silent"),
      leaderboards: createMemoryLeaderboards(),
      rateLimitFactory: createMemoryRateLimit,
      rateLimits: { start: { points: 2, windowSeconds: 60 }, answer: { points: 1, windowSeconds: 60 } },
    });
    const { challenge, viewer } = await entered();
    const { attemptId } = await limited.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await limited.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await expect(limited.start(viewer, { challengeId: challenge.id, day: 1, level: 1 })).rejects.toEqual(rejection("rateLimited", "quiz.error.startTooFast"));
    const { right } = await choicesFor(db.prisma, attemptId, 0);
    await limited.answer(viewer, { attemptId, position: 0, choice: right });
    await expect(limited.next(viewer, attemptId)).rejects.toEqual(rejection("rateLimited", "quiz.error.answerTooFast"));
  });
});
