// The "quiz.abandoned" task on a real database, with a clock the tests move: attempts left mid-way
// (an open question, or a result nobody moved on from) are finished once idle for
// ABANDONED_AFTER_MS, their remaining questions expired, through the same path as the worker's own
// play (scores, entry, badge, leaderboards); recent and finished attempts are left alone; several
// processes and a worker coming back at the same moment leave every attempt consistent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { createLogger } from "../../server/logger.ts";
import { chinaDateOf } from "../../server/quiz/calendar.ts";
import { createMemoryLeaderboards } from "../../server/quiz/leaderboard-store.ts";
import { ABANDONED_AFTER_MS, passMark, scoreAnswer } from "../../server/quiz/scoring.ts";
import { createQuizService, type QuizService } from "../../server/quiz/service.ts";
import type { AnswerResult } from "../../server/quiz/types.ts";
import { createMemoryRateLimit } from "../../server/security/rate-limits.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { choicesFor, createBank, createChallenge } from "../support/quiz.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;
let quiz: QuizService;

/** 2026-12-01 10:00 in China; each test moves on to 10:00 of a later day. */
const START = new Date("2026-12-01T02:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** The default challenge's answer window (tests/support/quiz.ts). */
const WINDOW_MS = 20_000;

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
/** The task as the app runs it: through the scheduler it is registered with. */
const sweep = () => services.scheduler.runNow("quiz.abandoned");
const otherProcess = (options: { abandonedBatch?: number } = {}) =>
  createQuizService({ prisma: db.prisma, clock, logger: createLogger("silent"), leaderboards: createMemoryLeaderboards(), rateLimitFactory: createMemoryRateLimit, ...options });

let testDay = 0;

/**
 * A fresh challenge starting on a new day (China date of the clock, 10:00), after the attempts
 * earlier tests left open have been swept, so every count in a test is the test's own.
 */
async function freshChallenge(options: Partial<Parameters<typeof createChallenge>[1]> = {}) {
  clock.set(new Date(START.getTime() + ++testDay * DAY_MS));
  await sweep();
  return createChallenge(db.prisma, { startDate: chinaDateOf(clock.now()), ...options });
}

async function enter(challengeId: string, trade = "welder") {
  const viewer = await worker();
  expect((await quiz.chooseTrade(viewer, { challengeId, trade })).ok).toBe(true);
  return viewer;
}

async function entered(options: Partial<Parameters<typeof createChallenge>[1]> = {}, trade = "welder") {
  const challenge = await freshChallenge(options);
  return { challenge, viewer: await enter(challenge.id, trade) };
}

/** Answers the open question at `position`, right or wrong, `elapsedMs` after it was served. */
async function answer(viewer: Viewer, attemptId: string, position: number, right: boolean, elapsedMs = 4000) {
  const choices = await choicesFor(db.prisma, attemptId, position);
  clock.advance(elapsedMs);
  return quiz.answer(viewer, { attemptId, position, choice: right ? choices.right : choices.wrong });
}

/** Answers positions 0…count−1 (right as `rights` says), pressing "next" after each but the last. */
async function answerFirst(viewer: Viewer, attemptId: string, rights: boolean[], elapsedMs = 4000) {
  for (const [position, right] of rights.entries()) {
    if (position > 0) await quiz.next(viewer, attemptId);
    await answer(viewer, attemptId, position, right, elapsedMs);
  }
}

const attemptRow = (id: string) => db.prisma.quizAttempt.findUniqueOrThrow({ where: { id }, include: { answers: { orderBy: { position: "asc" } } } });
const entryOf = (challengeId: string, userId: string) => db.prisma.quizEntry.findUniqueOrThrow({ where: { challengeId_userId: { challengeId, userId } } });

/** Points for `rights` answered right in a row, each after `elapsedMs`. */
const pointsFor = (rights: number, elapsedMs = 4000) => Array.from({ length: rights }, (_, streak) => scoreAnswer(true, elapsedMs, WINDOW_MS, streak).points).reduce((a, b) => a + b, 0);

/** A finished attempt whose every question is recorded once and whose totals are their sums. */
async function expectConsistent(attemptId: string, passPercent = 60) {
  const attempt = await attemptRow(attemptId);
  expect(attempt.status).toBe("FINISHED");
  expect(attempt.finishedAt).not.toBeNull();
  expect(attempt.answers.map((row) => row.position)).toEqual(attempt.questionIds.map((_, position) => position));
  expect(attempt.answers.map((row) => row.questionId)).toEqual(attempt.questionIds);
  expect(attempt.answers.every((row) => row.answeredAt !== null && row.correct !== null)).toBe(true);
  expect(attempt.answers.filter((row) => row.expired).every((row) => row.correct === false && row.points === 0 && row.timeMs === WINDOW_MS)).toBe(true);
  const correct = attempt.answers.filter((row) => row.correct).length;
  expect(attempt.score).toBe(attempt.answers.reduce((sum, row) => sum + row.points, 0));
  expect(attempt.timeMs).toBe(attempt.answers.reduce((sum, row) => sum + (row.timeMs ?? 0), 0));
  expect(attempt.correctCount).toBe(correct);
  expect(attempt.passed).toBe(correct >= passMark(attempt.questionIds.length, passPercent));
  const trailing = attempt.answers.length - 1 - attempt.answers.findLastIndex((row) => !row.correct);
  expect(attempt.streak).toBe(trailing);
  return attempt;
}

/** The entry holds the sum of its finished scored attempts, and each board shows it. */
async function expectEntryOnBoards(challengeId: string, viewer: Viewer, trade: string, boards: QuizService = quiz) {
  const entry = await entryOf(challengeId, viewer.id);
  const scored = await db.prisma.quizAttempt.findMany({ where: { entryId: entry.id, scored: true, status: "FINISHED" } });
  expect(entry.score).toBe(scored.reduce((sum, attempt) => sum + attempt.score, 0));
  expect(entry.timeMs).toBe(scored.reduce((sum, attempt) => sum + attempt.timeMs, 0));
  for (const query of [
    { challengeId, trade: null, day: null },
    { challengeId, trade, day: null },
  ]) {
    const board = await boards.leaderboard(viewer, query);
    expect(board.me, JSON.stringify(query)).toMatchObject({ userId: viewer.id, score: entry.score, timeMs: entry.timeMs });
  }
  return entry;
}

describe("the quiz.abandoned task", () => {
  it("runs every minute as quiz.abandoned", () => {
    expect(quiz.abandonedTask).toMatchObject({ name: "quiz.abandoned", intervalMs: 60_000 });
    expect(ABANDONED_AFTER_MS).toBe(10 * MINUTE_MS);
  });

  it("finishes an attempt left on an open question: the rest expire, the score reaches the boards, a second run finds nothing", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await answerFirst(viewer, attemptId, [true, true]);
    await quiz.next(viewer, attemptId); // question 3 served, then the phone is closed
    const open = await db.prisma.quizAnswer.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position: 2 } } });
    clock.set(new Date(open.deadlineAt.getTime() + ABANDONED_AFTER_MS + 1));

    expect(await sweep()).toBe(1);
    const attempt = await expectConsistent(attemptId);
    expect(attempt).toMatchObject({ scored: true, correctCount: 2, score: pointsFor(2), timeMs: 2 * 4000 + 3 * WINDOW_MS, passed: false, streak: 0 });
    expect(attempt.finishedAt?.getTime()).toBe(clock.now().getTime());
    expect(attempt.answers.map((row) => row.expired)).toEqual([false, false, true, true, true]);
    // The open question keeps its deadline; the ones after it were served and expired by the sweep.
    expect(attempt.answers[2]!.servedAt).toEqual(open.servedAt);
    expect(attempt.answers.slice(3).every((row) => row.servedAt.getTime() === clock.now().getTime() && !row.flagged)).toBe(true);

    const entry = await expectEntryOnBoards(challenge.id, viewer, "welder");
    expect(entry).toMatchObject({ score: pointsFor(2), completedAt: null });
    expect(entry.scoredAt?.getTime()).toBe(clock.now().getTime());
    const today = await quiz.leaderboard(null, { challengeId: challenge.id, trade: "welder", day: 1 });
    expect(today.rows).toEqual([expect.objectContaining({ userId: viewer.id, rank: 1, score: pointsFor(2) })]);

    expect(await sweep()).toBe(0);
    clock.advance(DAY_MS / 4);
    expect(await sweep()).toBe(0);
    expect((await attemptRow(attemptId)).score).toBe(attempt.score);
  });

  it("leaves the questions it expired without serving them to anyone out of the report's question statistics", async () => {
    const admin = (await signedInUser(db.prisma, services.sessions, { role: "ADMIN" })).viewer;
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await answerFirst(viewer, attemptId, [true]);
    await quiz.next(viewer, attemptId); // the second question is seen, then left to expire
    const open = await db.prisma.quizAnswer.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position: 1 } } });
    clock.set(new Date(open.deadlineAt.getTime() + ABANDONED_AFTER_MS + 1));
    expect(await sweep()).toBe(1);
    expect((await attemptRow(attemptId)).answers).toHaveLength(5);

    // One answered, one seen and expired: the three the task served and expired at once are not answers.
    const report = await services.quizReports.report(admin, challenge.id);
    expect(report.totals.answers).toBe(2);
  });

  it("finishes an attempt left on a result nobody moved on from, counting idle time from that answer", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await answerFirst(viewer, attemptId, [true, false, true, true]);
    expect((await quiz.play(viewer, attemptId)).kind).toBe("result");
    clock.advance(ABANDONED_AFTER_MS);
    expect(await sweep()).toBe(0); // exactly ten minutes: not yet
    clock.advance(1);
    expect(await sweep()).toBe(1);

    const attempt = await expectConsistent(attemptId);
    expect(attempt.answers.map((row) => row.expired)).toEqual([false, false, false, false, true]);
    expect(attempt).toMatchObject({ correctCount: 3, passed: true, score: pointsFor(1) + pointsFor(2), timeMs: 4 * 4000 + WINDOW_MS });
    await expectEntryOnBoards(challenge.id, viewer, "welder");
    // Passed, so the next level is open, as after the worker's own play.
    expect((await quiz.overview(viewer, challenge.id)).days[0]!.levels.map((level) => level.state)).toEqual(["passed", "open", "locked"]);
  });

  it("shows the worker who comes back the finished level, and refuses the old question", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await answerFirst(viewer, attemptId, [true]);
    await quiz.next(viewer, attemptId);
    clock.advance(WINDOW_MS + ABANDONED_AFTER_MS + 1000);
    expect(await sweep()).toBe(1);

    const state = await quiz.play(viewer, attemptId);
    if (state.kind !== "finished") throw new Error(state.kind);
    expect(state.attempt).toMatchObject({ finished: true, passed: false, done: 5, correctCount: 1, score: pointsFor(1), scored: true });
    expect(state.results.map((result) => result.expired)).toEqual([false, true, true, true, true]);
    expect(state.results.slice(1).every((result) => !result.correct && result.points === 0 && result.explanation.startsWith("解析SECRET"))).toBe(true);
    expect(state.badgeEarned).toBe(false);
    await expect(answer(viewer, attemptId, 1, true, 0)).rejects.toEqual(rejection("conflict", "quiz.error.alreadyAnswered"));
    expect(await quiz.next(viewer, attemptId)).toEqual(state);
    // The level is over; starting it again is practice, not a second scored try.
    const again = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    expect(again.attemptId).not.toBe(attemptId);
    expect((await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: again.attemptId } })).scored).toBe(false);
  });

  it("leaves attempts with activity in the last ten minutes alone", async () => {
    const { challenge, viewer } = await entered();
    const other = await enter(challenge.id, "electrician");
    // One on an open question whose deadline passed 9 minutes ago, one on a result answered 9 minutes ago.
    const onQuestion = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    const onResult = await quiz.start(other, { challengeId: challenge.id, day: 1, level: 1 });
    await answer(other, onResult.attemptId, 0, true, WINDOW_MS);
    clock.advance(9 * MINUTE_MS);
    expect(await sweep()).toBe(0);
    for (const { attemptId } of [onQuestion, onResult]) {
      const attempt = await attemptRow(attemptId);
      expect(attempt.status).toBe("IN_PROGRESS");
      expect(attempt.answers).toHaveLength(1);
    }
    expect((await attemptRow(onQuestion.attemptId)).answers[0]!.answeredAt).toBeNull();

    // The worker on the result moves on: the new question is recent activity; the other is swept.
    await quiz.next(other, onResult.attemptId);
    clock.advance(2 * MINUTE_MS);
    expect(await sweep()).toBe(1);
    expect((await attemptRow(onQuestion.attemptId)).status).toBe("FINISHED");
    const kept = await attemptRow(onResult.attemptId);
    expect(kept.status).toBe("IN_PROGRESS");
    expect(kept.answers.map((row) => row.answeredAt === null)).toEqual([false, true]);
    await expectConsistent(onQuestion.attemptId);
    expect((await entryOf(challenge.id, viewer.id)).score).toBe(0);
  });

  it("leaves finished attempts untouched", async () => {
    const { challenge, viewer } = await entered();
    const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await answerFirst(viewer, attemptId, [true, true, true, false, true]);
    const before = await attemptRow(attemptId);
    const entryBefore = await entryOf(challenge.id, viewer.id);
    expect(before.status).toBe("FINISHED");
    clock.advance(6 * 60 * MINUTE_MS);
    expect(await sweep()).toBe(0);
    expect(await attemptRow(attemptId)).toEqual(before);
    expect(await entryOf(challenge.id, viewer.id)).toEqual(entryBefore);
  });

  it("finishes practice attempts too, without changing the score, and attempts whose first question was never served", async () => {
    const { challenge, viewer } = await entered();
    const scored = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await answerFirst(viewer, scored.attemptId, [true, true, true, true, true]);
    const entryBefore = await entryOf(challenge.id, viewer.id);
    const practice = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    await answerFirst(viewer, practice.attemptId, [true, true]);
    // A start interrupted between its two writes: the attempt exists, nothing is served.
    const other = await enter(challenge.id);
    const otherEntry = await entryOf(challenge.id, other.id);
    const { questionIds } = await attemptRow(scored.attemptId);
    const bare = await db.prisma.quizAttempt.create({
      data: { challengeId: challenge.id, entryId: otherEntry.id, userId: other.id, day: 1, level: 1, scored: true, seed: 7, questionIds, startedAt: clock.now() },
    });
    clock.advance(ABANDONED_AFTER_MS + 1);
    expect(await sweep()).toBe(2);

    const finishedPractice = await expectConsistent(practice.attemptId);
    expect(finishedPractice).toMatchObject({ scored: false, correctCount: 2, passed: false });
    expect(await entryOf(challenge.id, viewer.id)).toEqual(entryBefore);
    expect((await quiz.overview(viewer, challenge.id)).days[0]!.levels[0]).toMatchObject({ state: "passed", inProgressAttemptId: null });

    const finishedBare = await expectConsistent(bare.id);
    expect(finishedBare).toMatchObject({ correctCount: 0, score: 0, timeMs: 5 * WINDOW_MS, passed: false });
    expect(finishedBare.answers.every((row) => row.expired)).toBe(true);
    await expectEntryOnBoards(challenge.id, other, "welder");
  });

  it("works through the longest idle first, a batch at a time", async () => {
    const { challenge, viewer } = await entered();
    const second = await enter(challenge.id);
    const older = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
    clock.advance(MINUTE_MS);
    const newer = await quiz.start(second, { challengeId: challenge.id, day: 1, level: 1 });
    clock.advance(WINDOW_MS + ABANDONED_AFTER_MS + 1);
    const small = otherProcess({ abandonedBatch: 1 }).abandonedTask;
    expect(await small.run()).toBe(1);
    expect((await attemptRow(older.attemptId)).status).toBe("FINISHED");
    expect((await attemptRow(newer.attemptId)).status).toBe("IN_PROGRESS");
    expect(await small.run()).toBe(1);
    expect(await small.run()).toBe(0);
    await expectConsistent(older.attemptId);
    await expectConsistent(newer.attemptId);
  });

  it("lets several processes sweep at once: each attempt is finished once and scored once", async () => {
    const { challenge } = await entered({ questionsPerLevel: 4 });
    const players: { viewer: Viewer; attemptId: string }[] = [];
    for (const rights of [[], [true], [true, true], [true, false, true]]) {
      const viewer = await enter(challenge.id);
      const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
      await answerFirst(viewer, attemptId, rights);
      players.push({ viewer, attemptId });
    }
    clock.advance(WINDOW_MS + ABANDONED_AFTER_MS + 1);
    const counts = await Promise.all([sweep(), otherProcess().abandonedTask.run(), otherProcess().abandonedTask.run()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(players.length);
    // In-process boards are each process's own; a process starting now fills them from the database.
    const later = otherProcess();
    for (const { viewer, attemptId } of players) {
      const attempt = await expectConsistent(attemptId);
      const entry = await expectEntryOnBoards(challenge.id, viewer, "welder", later);
      expect(entry.score).toBe(attempt.score);
    }
    expect(await sweep()).toBe(0);
  });

  it("stays consistent when the worker comes back and answers while the sweep runs", async () => {
    const { challenge } = await entered();
    const outcomes: PromiseSettledResult<unknown>[] = [];
    const players: { viewer: Viewer; attemptId: string }[] = [];
    // Each race in turn (a sweep finishes every abandoned attempt). `delay`: turns of the event loop
    // before the worker's requests start (positive) or the sweep's (negative), so that the sweep
    // meets the worker at different steps: before, during, after.
    const turns = async (count: number) => {
      for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
    };
    for (const [index, delay] of [0, 1, 2, 10, -1, -3, -10, -100].entries()) {
      const viewer = await enter(challenge.id);
      const { attemptId } = await quiz.start(viewer, { challengeId: challenge.id, day: 1, level: 1 });
      players.push({ viewer, attemptId });
      // Left on a result (two answered) or on the first question.
      if (index % 2 === 0) await answerFirst(viewer, attemptId, [true, true]);
      clock.advance(WINDOW_MS + ABANDONED_AFTER_MS + 1);
      const comeBack = async () => {
        await turns(delay);
        let state = await quiz.play(viewer, attemptId);
        if (state.kind === "result") state = await quiz.next(viewer, attemptId);
        if (state.kind !== "question") return state;
        const { right } = await choicesFor(db.prisma, attemptId, state.question.position);
        return quiz.answer(viewer, { attemptId, position: state.question.position, choice: right });
      };
      const sweepLater = async () => {
        await turns(-delay);
        return sweep();
      };
      const [mine, swept] = await Promise.allSettled([comeBack(), sweepLater()]);
      expect(swept.status).toBe("fulfilled");
      outcomes.push(mine!);
    }
    // The worker's answer was either taken (and kept: the sweep never overwrites one) or refused.
    const accepted: { attemptId: string; position: number }[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.status === "rejected") expect(outcome.reason).toEqual(rejection("conflict"));
      else if (outcome.value && typeof outcome.value === "object" && "correct" in outcome.value) {
        accepted.push({ attemptId: players[index]!.attemptId, position: (outcome.value as AnswerResult).position });
      }
    }
    // Whatever the sweep left to a worker who got back in time ends like any abandoned attempt.
    clock.advance(WINDOW_MS + ABANDONED_AFTER_MS + 1);
    await sweep();
    for (const { viewer, attemptId } of players) {
      await expectConsistent(attemptId);
      await expectEntryOnBoards(challenge.id, viewer, "welder");
    }
    for (const { attemptId, position } of accepted) {
      expect(await db.prisma.quizAnswer.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position } } })).toMatchObject({ expired: false, correct: true });
    }
    expect(await sweep()).toBe(0);
  });

  it("cannot award the badge for a last level the sweep failed, and awards it for one already passed", async () => {
    const challenge = await freshChallenge({ days: 1, levelsPerDay: 1, questionsPerLevel: 3 });
    // Pass mark 2 of 3: one right and two expired fails; two right and one expired passes.
    const short = await enter(challenge.id);
    const enough = await enter(challenge.id);
    const failing = await quiz.start(short, { challengeId: challenge.id, day: 1, level: 1 });
    await answerFirst(short, failing.attemptId, [true]);
    await quiz.next(short, failing.attemptId);
    const passing = await quiz.start(enough, { challengeId: challenge.id, day: 1, level: 1 });
    await answerFirst(enough, passing.attemptId, [true, true]);
    await quiz.next(enough, passing.attemptId);
    clock.advance(WINDOW_MS + ABANDONED_AFTER_MS + 1);
    expect(await sweep()).toBe(2);

    expect(await expectConsistent(failing.attemptId)).toMatchObject({ correctCount: 1, passed: false });
    expect(await entryOf(challenge.id, short.id)).toMatchObject({ completedAt: null, certificateCode: null });
    expect(await quiz.badges(short.id)).toEqual([]);
    expect(await quiz.play(short, failing.attemptId)).toMatchObject({ kind: "finished", badgeEarned: false });

    expect(await expectConsistent(passing.attemptId)).toMatchObject({ correctCount: 2, passed: true });
    expect(await quiz.badges(enough.id)).toEqual([expect.objectContaining({ challengeId: challenge.id, certificateCode: expect.stringMatching(/^[a-f0-9]{16}$/) })]);
    expect(await quiz.play(enough, passing.attemptId)).toMatchObject({ kind: "finished", badgeEarned: true });
  });
});
