// The challenge report against numbers worked out by hand on a small dataset written with Prisma:
// participants per trade and day (scored attempts only, distinct workers), the completion funnel
// (any attempt, passing however it happened), and per question the share correct and the median
// answer time (even and odd counts; expired answers count as wrong, unanswered rows not at all),
// with questions under the minimum hidden, the broken and too-easy ones first, the trade filter,
// another challenge's answers left out, and every other role refused. Then the fast answers: the
// players with answers flagged as too fast, their figures and order, paging, one player's answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { FAST_ANSWERS_PAGE_SIZE, QUESTION_MIN_ANSWERS } from "../../server/quiz/reports.ts";
import { HUMAN_MINIMUM_MS } from "../../server/quiz/scoring.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createUser, signedInUser } from "../support/fixtures.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;
let admin: Viewer;
let tradeIds: Map<string, number>;

// Day 2 of the challenge below, 16:00 in China.
const NOW = new Date("2026-03-02T08:00:00.000Z");

/** The dataset's ids. */
const ids = {
  challenge: "",
  other: "",
  empty: "",
  q: {} as Record<"broken" | "easy" | "normal" | "slowAndRight" | "fourAnswers" | "electric" | "single", number>,
};

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock(NOW);
  services = createTestServices(db, { clock });
  admin = (await signedInUser(db.prisma, services.sessions, { role: "ADMIN" })).viewer;
  tradeIds = new Map((await db.prisma.trade.findMany({ select: { id: true, code: true } })).map((trade) => [trade.code, trade.id]));
  await seed();
});

afterAll(async () => {
  await db?.cleanup();
});

const rejection = (kind: string) => expect.objectContaining({ name: "AppError", kind });

async function challenge(name: string, trades: string[]): Promise<string> {
  const created = await db.prisma.quizChallenge.create({
    data: {
      name,
      startDate: "2026-03-01",
      days: 3,
      levelsPerDay: 2,
      questionsPerLevel: 2,
      secondsPerQuestion: 20,
      passPercent: 50,
      trades: { create: trades.map((code) => ({ tradeId: tradeIds.get(code)! })) },
    },
  });
  return created.id;
}

async function question(code: string, stem: string): Promise<number> {
  const created = await db.prisma.quizQuestion.create({
    data: { tradeId: tradeIds.get(code)!, kind: "SINGLE", stem, options: ["甲", "乙", "丙", "丁"], answer: [0], explanation: "解析。" },
  });
  return created.id;
}

async function entry(challengeId: string, code: string, completed = false) {
  const user = await createUser(db.prisma);
  return db.prisma.quizEntry.create({ data: { challengeId, userId: user.id, tradeId: tradeIds.get(code)!, completedAt: completed ? NOW : null } });
}

type Entry = Awaited<ReturnType<typeof entry>>;

async function attempt(owner: Entry, day: number, level: number, scored: boolean, passed: boolean | null): Promise<string> {
  const created = await db.prisma.quizAttempt.create({
    data: {
      challengeId: owner.challengeId,
      entryId: owner.id,
      userId: owner.userId,
      day,
      level,
      scored,
      seed: 1,
      questionIds: [],
      status: passed === null ? "IN_PROGRESS" : "FINISHED",
      passed,
      startedAt: NOW,
      finishedAt: passed === null ? null : NOW,
    },
  });
  return created.id;
}

const positions = new Map<string, number>();

/** One served question of an attempt; `timeMs` null: served, never answered. */
async function answer(attemptId: string, questionId: number, correct: boolean, timeMs: number | null, options: { expired?: boolean; flagged?: boolean } = {}) {
  const position = positions.get(attemptId) ?? 0;
  positions.set(attemptId, position + 1);
  const servedAt = new Date(NOW.getTime() - 60_000);
  await db.prisma.quizAnswer.create({
    data: {
      attemptId,
      position,
      questionId,
      servedAt,
      deadlineAt: new Date(servedAt.getTime() + 20_000),
      answeredAt: timeMs === null ? null : new Date(servedAt.getTime() + timeMs),
      choice: correct ? [0] : [1],
      correct: timeMs === null ? null : correct,
      expired: options.expired ?? false,
      timeMs,
      flagged: options.flagged ?? false,
    },
  });
}

/**
 * Workers A, B, E (welder), C, D (electrician); turner is covered but unplayed.
 *   A: d1 L1 ✓ scored, d1 L2 ✓ scored, d2 L1 ✗ scored then ✓ practice, d2 L2 ✓ practice (completed)
 *   B: d1 L1 ✓ scored, d1 L2 ✗ scored, d2 L1 ✓ scored
 *   C: d1 L1 ✗ scored, d3 L1 ✓ scored, d3 L2 ✓ scored
 *   D: entered, never played
 *   E: d1 L1 ✓ practice, d1 L2 ✓ practice, d2 L1 in progress (practice)
 */
async function seed() {
  ids.challenge = await challenge("报表活动", ["welder", "electrician", "turner"]);
  ids.other = await challenge("另一场活动", ["welder"]);
  ids.empty = await challenge("没人参加的活动", ["welder"]);

  ids.q.broken = await question("welder", "答案可能标错的题");
  ids.q.easy = await question("welder", "太简单的题");
  ids.q.normal = await question("welder", "普通的题");
  ids.q.slowAndRight = await question("welder", "都答对但用时长的题");
  ids.q.fourAnswers = await question("welder", "只答了四次的题");
  ids.q.electric = await question("electrician", "电工题");
  ids.q.single = await question("electrician", "只答了一次的电工题");

  const a = await entry(ids.challenge, "welder", true);
  const b = await entry(ids.challenge, "welder");
  const c = await entry(ids.challenge, "electrician");
  await entry(ids.challenge, "electrician");
  const e = await entry(ids.challenge, "welder");

  const a11 = await attempt(a, 1, 1, true, true);
  const a12 = await attempt(a, 1, 2, true, true);
  const a21 = await attempt(a, 2, 1, true, false);
  await attempt(a, 2, 1, false, true);
  await attempt(a, 2, 2, false, true);
  const b11 = await attempt(b, 1, 1, true, true);
  const b12 = await attempt(b, 1, 2, true, false);
  await attempt(b, 2, 1, true, true);
  const c11 = await attempt(c, 1, 1, true, false);
  const c31 = await attempt(c, 3, 1, true, true);
  await attempt(c, 3, 2, true, true);
  const e11 = await attempt(e, 1, 1, false, true);
  await attempt(e, 1, 2, false, true);
  await attempt(e, 2, 1, false, null);

  // broken: 6 answers, 1 correct; times 1…6 s → median (even count) 3.5 s.
  for (const [attemptId, ok, ms] of [[a11, true, 1000], [a12, false, 2000], [a21, false, 3000], [b11, false, 4000], [b12, false, 5000], [e11, false, 6000]] as const) {
    await answer(attemptId, ids.q.broken, ok, ms);
  }
  // easy: 5 of 5, median (odd count) 1.5 s, one answer flagged as too fast.
  for (const [attemptId, ms] of [[a11, 1000], [a12, 1200], [b11, 1500], [b12, 2000], [e11, 4000]] as const) {
    await answer(attemptId, ids.q.easy, true, ms, { flagged: ms === 1000 });
  }
  // normal: 3 of 5, median 9 s.
  for (const [attemptId, ok, ms] of [[a11, true, 3000], [a12, true, 9000], [b11, false, 6000], [b12, true, 12000], [e11, false, 15000]] as const) {
    await answer(attemptId, ids.q.normal, ok, ms);
  }
  // all right but slow (median 10 s, beyond a quarter of the 20 s window): not "too easy".
  for (const [attemptId, ms] of [[a11, 8000], [a12, 9000], [b11, 10000], [b12, 11000], [e11, 12000]] as const) {
    await answer(attemptId, ids.q.slowAndRight, true, ms);
  }
  // four answers: under the minimum.
  for (const attemptId of [a11, a12, b11, b12]) await answer(attemptId, ids.q.fourAnswers, true, 2000);
  // electrician: 2 of 5 answered (one expired, counted wrong with the whole window), one served and never answered.
  await answer(c11, ids.q.electric, true, 2000);
  await answer(c11, ids.q.electric, false, 4000);
  await answer(c31, ids.q.electric, true, 6000);
  await answer(c31, ids.q.electric, false, 8000);
  await answer(c31, ids.q.electric, false, 20000, { expired: true });
  await answer(c31, ids.q.electric, false, null);
  await answer(c11, ids.q.single, true, 3000);

  // Another challenge's answers are not this challenge's: ten right answers to the broken question.
  const other = await entry(ids.other, "welder");
  const otherAttempt = await attempt(other, 1, 1, true, true);
  for (let index = 0; index < 10; index++) await answer(otherAttempt, ids.q.broken, true, 500);
}

describe("the report of a challenge", () => {
  it("has the totals: entries, players with a scored attempt, completions, answered questions", async () => {
    const report = await services.quizReports.report(admin, ids.challenge);
    expect(report.challenge).toMatchObject({ id: ids.challenge, name: "报表活动", startDate: "2026-03-01", endDate: "2026-03-03", days: 3, levelsPerDay: 2, phase: "running", today: 2 });
    expect(report.totals).toEqual({ entries: 5, players: 3, completed: 1, answers: 6 + 5 + 5 + 5 + 4 + 5 + 1 });
  });

  it("counts distinct players per trade and day from scored attempts only, most players first", async () => {
    const { participants } = await services.quizReports.report(admin, ids.challenge);
    expect(participants.trades.map(({ trade, total, perDay }) => [trade.code, total, perDay])).toEqual([
      ["welder", 2, [2, 2, 0]],
      ["electrician", 1, [1, 0, 1]],
    ]);
    expect(participants.perDay).toEqual([3, 2, 1]);
    expect(participants.quietTrades).toBe(1);
    expect(participants.trades[0]!.trade).toEqual({ code: "welder", nameZh: "焊工", nameEn: "Welder" });
  });

  it("has the funnel by day: started (any attempt), passed per level, passed every level", async () => {
    const { funnel } = await services.quizReports.report(admin, ids.challenge);
    expect(funnel).toEqual([
      { day: 1, date: "2026-03-01", started: 4, passedByLevel: [3, 2], completed: 2 },
      { day: 2, date: "2026-03-02", started: 3, passedByLevel: [2, 1], completed: 1 },
      { day: 3, date: "2026-03-03", started: 1, passedByLevel: [1, 1], completed: 1 },
    ]);
  });

  it("has each question's share correct and median time, broken and too-easy ones first, those under the minimum hidden", async () => {
    const { questions } = await services.quizReports.report(admin, ids.challenge);
    expect(QUESTION_MIN_ANSWERS).toBe(5);
    expect(questions.rows.map((row) => [row.id, row.answers, row.correct, row.medianMs, row.flag])).toEqual([
      [ids.q.broken, 6, 1, 3500, "broken"],
      [ids.q.easy, 5, 5, 1500, "easy"],
      [ids.q.electric, 5, 2, 6000, null],
      [ids.q.normal, 5, 3, 9000, null],
      [ids.q.slowAndRight, 5, 5, 10000, null],
    ]);
    expect(questions.rows[0]!.correctShare).toBeCloseTo(1 / 6, 10);
    expect(questions.rows[2]!.correctShare).toBeCloseTo(0.4, 10);
    expect(questions.rows[1]).toMatchObject({ flagged: 1, kind: "SINGLE", stem: "太简单的题", retired: false, trade: { code: "welder", nameZh: "焊工", nameEn: "Welder" } });
    expect(questions).toMatchObject({ listed: 5, hidden: 2, broken: 1, easy: 1, minAnswers: 5, trade: null });
    expect(questions.tradeOptions.map((trade) => trade.code)).toEqual(["welder", "electrician", "turner"]);
  });

  it("narrows the questions to one trade; an unknown or uncovered trade is ignored", async () => {
    const welder = (await services.quizReports.report(admin, ids.challenge, { trade: "welder" })).questions;
    expect(welder.trade?.code).toBe("welder");
    expect(welder.rows.map((row) => row.id)).toEqual([ids.q.broken, ids.q.easy, ids.q.normal, ids.q.slowAndRight]);
    expect(welder).toMatchObject({ listed: 4, hidden: 1, broken: 1, easy: 1 });
    const electrician = await services.quizReports.report(admin, ids.challenge, { trade: "electrician" });
    expect(electrician.questions.rows.map((row) => row.id)).toEqual([ids.q.electric]);
    expect(electrician.questions).toMatchObject({ listed: 1, hidden: 1, broken: 0, easy: 0 });
    // A trade nobody answered: nothing listed, while the totals stay the challenge's.
    const turner = await services.quizReports.report(admin, ids.challenge, { trade: "turner" });
    expect(turner.questions).toMatchObject({ trade: { code: "turner" }, rows: [], listed: 0, hidden: 0, broken: 0, easy: 0 });
    expect(turner.totals.answers).toBe(31);
    for (const trade of ["no-such-trade", "bricklayer", "../x"]) {
      const all = (await services.quizReports.report(admin, ids.challenge, { trade })).questions;
      expect(all.trade).toBeNull();
      expect(all.listed).toBe(5);
    }
  });

  it("marks a retired question", async () => {
    await db.prisma.quizQuestion.update({ where: { id: ids.q.normal }, data: { retiredAt: NOW } });
    try {
      const { questions } = await services.quizReports.report(admin, ids.challenge);
      expect(questions.rows.find((row) => row.id === ids.q.normal)?.retired).toBe(true);
    } finally {
      await db.prisma.quizQuestion.update({ where: { id: ids.q.normal }, data: { retiredAt: null } });
    }
  });

  it("reports another challenge's answers there only", async () => {
    const { questions, totals } = await services.quizReports.report(admin, ids.other);
    expect(totals).toMatchObject({ entries: 1, players: 1, answers: 10 });
    expect(questions.rows.map((row) => [row.id, row.answers, row.correct, row.medianMs, row.flag])).toEqual([[ids.q.broken, 10, 10, 500, "easy"]]);
  });

  it("is all zeros for a challenge nobody played", async () => {
    const report = await services.quizReports.report(admin, ids.empty);
    expect(report.totals).toEqual({ entries: 0, players: 0, completed: 0, answers: 0 });
    expect(report.participants).toEqual({ trades: [], perDay: [0, 0, 0], quietTrades: 1 });
    expect(report.funnel.map((day) => [day.started, day.passedByLevel, day.completed])).toEqual([
      [0, [0, 0], 0],
      [0, [0, 0], 0],
      [0, [0, 0], 0],
    ]);
    expect(report.questions).toMatchObject({ rows: [], listed: 0, hidden: 0, broken: 0, easy: 0 });
  });

  it("is a 404 for an unknown challenge", async () => {
    await expect(services.quizReports.report(admin, "nosuchchallenge00")).rejects.toEqual(rejection("notFound"));
    await expect(services.quizReports.report(admin, "not an id")).rejects.toEqual(rejection("notFound"));
  });

  it.each(["WORKER", "CRAFTSMAN", "EMPLOYER"] as const)("is refused to a %s", async (role) => {
    const someone = (await signedInUser(db.prisma, services.sessions, { role })).viewer;
    await expect(services.quizReports.report(someone, ids.challenge)).rejects.toEqual(rejection("forbidden"));
  });

  it("asks a visitor to sign in", async () => {
    await expect(services.quizReports.report(null, ids.challenge)).rejects.toEqual(rejection("unauthorized"));
  });
});

describe("the fast answers of a challenge", () => {
  /** The set-up challenge's players, by name. */
  const fast = { challenge: "", paged: "", players: {} as Record<string, { userId: string; entryId: string }> };
  const at = (secondsBeforeNow: number) => new Date(NOW.getTime() - secondsBeforeNow * 1000);

  async function player(challengeId: string, code: string, displayName: string) {
    const user = await createUser(db.prisma, { displayName });
    const created = await db.prisma.quizEntry.create({ data: { challengeId, userId: user.id, tradeId: tradeIds.get(code)! } });
    return { userId: user.id, entryId: created.id };
  }

  async function played(challengeId: string, owner: { userId: string; entryId: string }, day: number, level: number, scored = true): Promise<string> {
    const created = await db.prisma.quizAttempt.create({
      data: { challengeId, entryId: owner.entryId, userId: owner.userId, day, level, scored, seed: 1, questionIds: [], status: "FINISHED", passed: true, startedAt: at(600), finishedAt: at(60) },
    });
    return created.id;
  }

  /**
   * One question of an attempt, answered `timeMs` after it was served `servedSecondsAgo` before
   * NOW; flagged when sooner than HUMAN_MINIMUM_MS, as the service records it. `null`: expired;
   * `"open"`: served, never answered.
   */
  async function given(attemptId: string, questionId: number, timeMs: number | null | "open", servedSecondsAgo: number, correct = true) {
    const position = positions.get(attemptId) ?? 0;
    positions.set(attemptId, position + 1);
    const servedAt = at(servedSecondsAgo);
    const expired = timeMs === null;
    const answered = timeMs !== "open";
    await db.prisma.quizAnswer.create({
      data: {
        attemptId,
        position,
        questionId,
        servedAt,
        deadlineAt: new Date(servedAt.getTime() + 20_000),
        answeredAt: answered ? new Date(servedAt.getTime() + (expired ? 20_000 : (timeMs as number))) : null,
        choice: answered && !expired ? [correct ? 0 : 1] : [],
        correct: answered ? !expired && correct : null,
        expired,
        timeMs: answered ? (expired ? 20_000 : (timeMs as number)) : null,
        flagged: typeof timeMs === "number" && timeMs < HUMAN_MINIMUM_MS,
      },
    });
  }

  /**
   *   Bravo:   3 flagged of 4 answered (share 0.75)
   *   Alpha:   3 flagged of 6 answered (0.5), plus one expired and one open question; fastest 120 ms;
   *            a faster flagged answer in another challenge not counted
   *   Zulu:    1 of 1 (share 1): before the players with one of two, whatever the name
   *   Charlie: 1 of 2 (0.5), the flagged one in a practice attempt
   *   Delta ×2: 1 of 2 (0.5) each: same name, by id
   *   Echo:    answered, nothing flagged; Foxtrot: entered, never played (neither listed)
   */
  beforeAll(async () => {
    fast.challenge = await challenge("过快作答活动", ["welder", "electrician"]);
    const q1 = ids.q.broken;
    const q2 = ids.q.easy;
    const q3 = ids.q.electric;
    const add = async (name: string, code: string) => (fast.players[name] = await player(fast.challenge, code, name));

    const alpha = await add("Alpha", "welder");
    const alpha11 = await played(fast.challenge, alpha, 1, 1);
    const alpha12 = await played(fast.challenge, alpha, 1, 2);
    await given(alpha11, q1, 150, 3000);
    await given(alpha11, q2, 4000, 2990, false);
    await given(alpha11, q1, 120, 2980, false);
    await given(alpha12, q2, 250, 2000);
    await given(alpha12, q1, 9000, 1990);
    await given(alpha12, q2, 6000, 1980);
    await given(alpha12, q1, null, 1970);
    await given(alpha12, q2, "open", 1960);
    // Alpha's fast answer in another challenge is that challenge's.
    const otherChallenge = await challenge("Alpha 的另一场活动", ["welder"]);
    const otherEntry = await db.prisma.quizEntry.create({ data: { challengeId: otherChallenge, userId: alpha.userId, tradeId: tradeIds.get("welder")! } });
    await given(await played(otherChallenge, { userId: alpha.userId, entryId: otherEntry.id }, 1, 1), q1, 10, 100);

    const bravo = await add("Bravo", "electrician");
    const bravo11 = await played(fast.challenge, bravo, 1, 1);
    await given(bravo11, q3, 200, 5000);
    await given(bravo11, q3, 210, 4990);
    await given(bravo11, q3, 299, 4980);
    await given(bravo11, q3, 300, 4970);

    const zulu = await add("Zulu", "welder");
    await given(await played(fast.challenge, zulu, 2, 1), q1, 50, 500);

    const charlie = await add("Charlie", "welder");
    await given(await played(fast.challenge, charlie, 1, 1), q1, 5000, 400);
    await given(await played(fast.challenge, charlie, 1, 1, false), q2, 280, 300);

    for (const name of ["Delta", "Delta"]) {
      const delta = await player(fast.challenge, "welder", name);
      fast.players[`${name}-${delta.userId}`] = delta;
      const attemptId = await played(fast.challenge, delta, 1, 1);
      await given(attemptId, q1, 100, 200);
      await given(attemptId, q2, 3000, 190);
    }

    const echo = await add("Echo", "welder");
    const echo11 = await played(fast.challenge, echo, 1, 1);
    for (const ms of [300, 800, 2000]) await given(echo11, q1, ms, 100);
    await add("Foxtrot", "welder");

    // Paging: more players than a page, each with one flagged answer of one, named in order.
    fast.paged = await challenge("很多人过快作答的活动", ["welder"]);
    for (let index = 0; index < FAST_ANSWERS_PAGE_SIZE + 3; index++) {
      const someone = await player(fast.paged, "welder", `P${String(index).padStart(2, "0")}`);
      await given(await played(fast.paged, someone, 1, 1), q1, 100, 100);
    }
  });

  it("lists the players with flagged answers, most flagged first, then the higher share, the name, the id", async () => {
    const page = await services.quizReports.fastAnswers(admin, fast.challenge);
    const deltas = Object.entries(fast.players)
      .filter(([key]) => key.startsWith("Delta-"))
      .map(([, delta]) => delta.userId)
      .sort();
    expect(page.rows.map((row) => [row.displayName, row.flagged, row.answered])).toEqual([
      ["Bravo", 3, 4],
      ["Alpha", 3, 6],
      ["Zulu", 1, 1],
      ["Charlie", 1, 2],
      ["Delta", 1, 2],
      ["Delta", 1, 2],
    ]);
    expect(page.rows.slice(4).map((row) => row.userId)).toEqual(deltas);
    expect(page).toMatchObject({ total: 6, flaggedAnswers: 10, page: 1, pageCount: 1, pageSize: FAST_ANSWERS_PAGE_SIZE, minimumMs: HUMAN_MINIMUM_MS, player: null });
    expect(page.challenge).toMatchObject({ id: fast.challenge, name: "过快作答活动" });
  });

  it("has each player's figures: trade, share, fastest answer, the last flagged one", async () => {
    const { rows } = await services.quizReports.fastAnswers(admin, fast.challenge);
    const [bravo, alpha, zulu, charlie] = rows;
    expect(alpha).toEqual({
      userId: fast.players.Alpha!.userId,
      displayName: "Alpha",
      trade: { code: "welder", nameZh: "焊工", nameEn: "Welder" },
      flagged: 3,
      answered: 6,
      flaggedShare: 0.5,
      fastestMs: 120,
      // The flagged answers were given 3000 − 0.15, 2980 − 0.12 and 2000 − 0.25 s before NOW.
      lastFlaggedAt: new Date(at(2000).getTime() + 250),
    });
    expect(bravo).toMatchObject({ trade: { code: "electrician" }, flaggedShare: 0.75, fastestMs: 200, lastFlaggedAt: new Date(at(4980).getTime() + 299) });
    expect(zulu).toMatchObject({ flaggedShare: 1, fastestMs: 50 });
    // A practice attempt's fast answer counts as the report's per-question count does.
    expect(charlie).toMatchObject({ flagged: 1, answered: 2, flaggedShare: 0.5, fastestMs: 280, lastFlaggedAt: new Date(at(300).getTime() + 280) });
  });

  it("pages through the players, 50 at a time; a page past the last is the last", async () => {
    const first = await services.quizReports.fastAnswers(admin, fast.paged);
    expect(first).toMatchObject({ total: FAST_ANSWERS_PAGE_SIZE + 3, flaggedAnswers: FAST_ANSWERS_PAGE_SIZE + 3, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(FAST_ANSWERS_PAGE_SIZE);
    expect(first.rows[0]!.displayName).toBe("P00");
    expect(first.rows.at(-1)!.displayName).toBe("P49");
    const second = await services.quizReports.fastAnswers(admin, fast.paged, { page: "2" });
    expect(second).toMatchObject({ total: 53, page: 2, pageCount: 2 });
    expect(second.rows.map((row) => row.displayName)).toEqual(["P50", "P51", "P52"]);
    const beyond = await services.quizReports.fastAnswers(admin, fast.paged, { page: "99" });
    expect(beyond.page).toBe(2);
    expect(beyond.rows.map((row) => row.displayName)).toEqual(["P50", "P51", "P52"]);
  });

  it.each(["abc", "-1", "0", "1.5", "", "1e9"])("reads a page of %j as page 1", async (page) => {
    const result = await services.quizReports.fastAnswers(admin, fast.paged, { page });
    expect(result.page).toBe(1);
    expect(result.rows[0]!.displayName).toBe("P00");
  });

  it("is empty, on page 1, for a challenge without fast answers", async () => {
    const page = await services.quizReports.fastAnswers(admin, ids.empty, { page: "3" });
    expect(page).toMatchObject({ rows: [], total: 0, flaggedAnswers: 0, page: 1, pageCount: 0, player: null });
  });

  it("shows one player's flagged answers, newest first", async () => {
    const alpha = fast.players.Alpha!;
    const page = await services.quizReports.fastAnswers(admin, fast.challenge, { user: alpha.userId, page: "1" });
    expect(page.rows).toHaveLength(6);
    expect(page.player).toEqual({
      userId: alpha.userId,
      displayName: "Alpha",
      trade: { code: "welder", nameZh: "焊工", nameEn: "Welder" },
      total: 3,
      answers: [
        { day: 1, level: 2, scored: true, questionId: ids.q.easy, stem: "太简单的题", timeMs: 250, correct: true, answeredAt: new Date(at(2000).getTime() + 250) },
        { day: 1, level: 1, scored: true, questionId: ids.q.broken, stem: "答案可能标错的题", timeMs: 120, correct: false, answeredAt: new Date(at(2980).getTime() + 120) },
        { day: 1, level: 1, scored: true, questionId: ids.q.broken, stem: "答案可能标错的题", timeMs: 150, correct: true, answeredAt: new Date(at(3000).getTime() + 150) },
      ],
    });
    const charlie = await services.quizReports.fastAnswers(admin, fast.challenge, { user: fast.players.Charlie!.userId });
    expect(charlie.player?.answers.map((answer) => [answer.scored, answer.timeMs])).toEqual([[false, 280]]);
    // A player of the challenge without fast answers: an empty list.
    const echo = await services.quizReports.fastAnswers(admin, fast.challenge, { user: fast.players.Echo!.userId });
    expect(echo.player).toMatchObject({ displayName: "Echo", total: 0, answers: [] });
  });

  it("is a 404 for an unknown or malformed challenge, and for a user who is not a player of it", async () => {
    await expect(services.quizReports.fastAnswers(admin, "nosuchchallenge00")).rejects.toEqual(rejection("notFound"));
    await expect(services.quizReports.fastAnswers(admin, "not an id")).rejects.toEqual(rejection("notFound"));
    await expect(services.quizReports.fastAnswers(admin, undefined)).rejects.toEqual(rejection("notFound"));
    // Alpha entered the set-up challenge, not the paged one.
    await expect(services.quizReports.fastAnswers(admin, fast.paged, { user: fast.players.Alpha!.userId })).rejects.toEqual(rejection("notFound"));
    for (const user of ["nosuchuser0000", "../etc/passwd", "", "X".repeat(100)]) {
      await expect(services.quizReports.fastAnswers(admin, fast.challenge, { user })).rejects.toEqual(rejection("notFound"));
    }
  });

  it.each(["WORKER", "CRAFTSMAN", "EMPLOYER"] as const)("is refused to a %s", async (role) => {
    const someone = (await signedInUser(db.prisma, services.sessions, { role })).viewer;
    await expect(services.quizReports.fastAnswers(someone, fast.challenge)).rejects.toEqual(rejection("forbidden"));
    // Refused before anything is looked up: an unknown challenge is not told apart.
    await expect(services.quizReports.fastAnswers(someone, "nosuchchallenge00")).rejects.toEqual(rejection("forbidden"));
  });

  it("asks a visitor to sign in", async () => {
    await expect(services.quizReports.fastAnswers(null, fast.challenge)).rejects.toEqual(rejection("unauthorized"));
  });
});
