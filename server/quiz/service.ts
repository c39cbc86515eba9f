// The quiz challenge for workers: the overview of a challenge, choosing a trade, starting a level,
// serving its questions one at a time with server-side deadlines, answering (once per question),
// scoring, leaderboards, badges and certificates.
//
// The server is the only judge. Time is the injected clock's, never the client's: a question's
// deadline is fixed when it is served, and an answer that arrives after it counts as wrong. The
// correct answer and the explanation leave the server only for a question already answered or
// expired (AnswerResult); a served question (ServedQuestion) carries neither. Each served question
// is one QuizAnswer row, and answering updates that row once (`answeredAt IS NULL`), in the same
// transaction as the attempt's totals: the same answer sent fifty times, or replayed later, scores
// once. The first attempt of a level started on its own day is the scored one (a partial unique
// index keeps it to one); every other attempt is practice.
//
// Leaderboards are kept by a LeaderboardStore (in-process, or Redis shared by every process), filled
// from the database the first time a process needs a challenge's boards and then updated as scored
// attempts finish. The database stays the source of truth.
//
// An attempt left mid-way (the phone closed) is finished in the background once it has been idle
// for ABANDONED_AFTER_MS (the "quiz.abandoned" scheduled task): its questions are expired through
// the same serve/record path as the worker's own play, so its score reaches the boards even if the
// worker never returns.
import { randomBytes, randomInt } from "node:crypto";
import type { Viewer } from "../auth/permissions.ts";
import { requireViewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import { isForeignKeyViolation, isUniqueViolation, type PrismaClient } from "../db/client.ts";
import { AppError, formFailed, formOk, type FormResult } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { ScheduledTask } from "../scheduler.ts";
import type { RateLimitFactory } from "../security/rate-limits.ts";
import { addChinaDays, challengeDayAt, phaseAt } from "./calendar.ts";
import { summarizeChallenge, type ChallengeSettings } from "./summary.ts";
import { boardKey, boardsOf, type LeaderboardStore, type RankedStanding } from "./leaderboard-store.ts";
import { pickQuestions } from "./picker.ts";
import { ZAnswerSchema, ZChooseTradeSchema, ZStartAttemptSchema, type BoardQuery, type QuestionKind } from "./schema.ts";
import { ABANDONED_AFTER_MS, HUMAN_MINIMUM_MS, isCorrectChoice, passMark, scoreAnswer } from "./scoring.ts";
import {
  tradeRef,
  type AnswerResult,
  type AttemptSummary,
  type DayView,
  type EntryView,
  type LeaderboardRow,
  type LeaderboardView,
  type LevelView,
  type PlayState,
  type QuizBadge,
  type QuizCertificateView,
  type QuizOverview,
  type TradeRef,
} from "./types.ts";

export interface QuizRateLimitConfig {
  /** Attempts started (or resumed) per user. */
  start: { points: number; windowSeconds: number };
  /** Answers and "next question" requests per user. */
  answer: { points: number; windowSeconds: number };
}

/** A level takes a few starts at most; a person answers at most a question every second or two. */
export const DEFAULT_QUIZ_RATE_LIMITS: QuizRateLimitConfig = {
  start: { points: 30, windowSeconds: 60 },
  answer: { points: 120, windowSeconds: 60 },
};

/** Rows a leaderboard shows. */
export const LEADERBOARD_ROWS = 50;

/** Abandoned attempts finished per run of the "quiz.abandoned" task, so that one run stays short. */
export const ABANDONED_BATCH = 200;

export interface QuizServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  leaderboards: LeaderboardStore;
  rateLimitFactory: RateLimitFactory;
  rateLimits?: QuizRateLimitConfig;
  /** Abandoned attempts finished per run (default ABANDONED_BATCH). */
  abandonedBatch?: number;
}

const invalid = (key: string) => new AppError("invalid", key);
const conflict = (key: string) => new AppError("conflict", key);
const forbiddenBecause = (key: string) => new AppError("forbidden", key);
const quizNotFound = () => new AppError("notFound", "quiz.error.notFound");

function parse<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, input: unknown): T {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const key = parsed.error.issues[0]?.message;
  throw invalid(key?.startsWith("quiz.") ? key : "quiz.error.notFound");
}

const TRADE_SELECT = { code: true, nameZh: true, nameEn: true } as const;
const CHALLENGE_INCLUDE = { trades: { include: { trade: { select: { ...TRADE_SELECT, id: true, position: true } } } } } as const;

type ChallengeRow = ChallengeSettings;

type AttemptRow = {
  id: string;
  challengeId: string;
  entryId: string;
  userId: string;
  day: number;
  level: number;
  scored: boolean;
  questionIds: number[];
  status: "IN_PROGRESS" | "FINISHED";
  correctCount: number;
  score: number;
  timeMs: number;
  streak: number;
  passed: boolean | null;
};

type AnswerRow = {
  position: number;
  questionId: number;
  servedAt: Date;
  deadlineAt: Date;
  answeredAt: Date | null;
  choice: number[];
  correct: boolean | null;
  expired: boolean;
  points: number;
  timeMs: number | null;
  question: { kind: QuestionKind; stem: string; options: string[]; answer: number[]; explanation: string };
};

/** What recording an answer decided. */
interface Recorded {
  correct: boolean;
  expired: boolean;
  points: number;
  streak: number;
  timeMs: number;
}

/** A served question with its attempt and challenge, as the answer path reads it (one query). */
interface ServedRow {
  servedAt: Date;
  deadlineAt: Date;
  answeredAt: Date | null;
  kind: QuestionKind;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
  attemptId: string;
  userId: string;
  status: "IN_PROGRESS" | "FINISHED";
  streak: number;
  questionIds: number[];
  challengeId: string;
  secondsPerQuestion: number;
  passPercent: number;
  days: number;
  levelsPerDay: number;
}

const ANSWER_INCLUDE = { question: { select: { kind: true, stem: true, options: true, answer: true, explanation: true } } } as const;

function attemptSummary(attempt: AttemptRow, challenge: ChallengeRow, done: number): AttemptSummary {
  return {
    id: attempt.id,
    challengeId: attempt.challengeId,
    day: attempt.day,
    level: attempt.level,
    scored: attempt.scored,
    questionCount: attempt.questionIds.length,
    done,
    correctCount: attempt.correctCount,
    score: attempt.score,
    timeMs: attempt.timeMs,
    streak: attempt.streak,
    finished: attempt.status === "FINISHED",
    passed: attempt.passed,
    passMark: passMark(attempt.questionIds.length, challenge.passPercent),
  };
}

/** An answered or expired question, with what may now be shown. */
function resultOf(row: AnswerRow, streak: number): AnswerResult {
  return {
    position: row.position,
    kind: row.question.kind,
    stem: row.question.stem,
    options: row.question.options,
    choice: row.choice,
    answer: row.question.answer,
    explanation: row.question.explanation,
    correct: row.correct === true,
    expired: row.expired,
    points: row.points,
    streak,
    timeMs: row.timeMs ?? 0,
  };
}

export function createQuizService(deps: QuizServiceDeps) {
  const { prisma, clock, logger, leaderboards } = deps;
  const limits = deps.rateLimits ?? DEFAULT_QUIZ_RATE_LIMITS;
  const startLimit = deps.rateLimitFactory("quiz-start", limits.start.points, limits.start.windowSeconds);
  const answerLimit = deps.rateLimitFactory("quiz-answer", limits.answer.points, limits.answer.windowSeconds);

  async function challengeOf(challengeId: string) {
    if (!/^[a-z0-9]{10,40}$/.test(challengeId)) throw quizNotFound();
    const challenge = await prisma.quizChallenge.findUnique({ where: { id: challengeId }, include: CHALLENGE_INCLUDE });
    if (!challenge) throw quizNotFound();
    return challenge;
  }

  // ── the overview ──

  async function overviewOf(viewer: Viewer | null, challenge: Awaited<ReturnType<typeof challengeOf>>): Promise<QuizOverview> {
    const now = clock.now();
    const summary = summarizeChallenge(challenge, now, challenge.trades.length);
    const trades = challenge.trades.map((link) => link.trade).sort((a, b) => a.position - b.position).map(tradeRef);
    const entry = viewer
      ? await prisma.quizEntry.findUnique({
          where: { challengeId_userId: { challengeId: challenge.id, userId: viewer.id } },
          include: { trade: { select: TRADE_SELECT }, attempts: { select: { id: true, day: true, level: true, scored: true, status: true, passed: true, score: true, correctCount: true, startedAt: true }, orderBy: { startedAt: "asc" } } },
        })
      : null;
    const attempts = entry?.attempts ?? [];
    const passedLevels = new Set(attempts.filter((a) => a.passed).map((a) => `${a.day}:${a.level}`));
    const days: DayView[] = [];
    for (let day = 1; day <= challenge.days; day++) {
      const reached = day <= summary.today;
      const levels: LevelView[] = [];
      for (let level = 1; level <= challenge.levelsPerDay; level++) {
        const mine = attempts.filter((a) => a.day === day && a.level === level);
        const scored = mine.find((a) => a.scored) ?? null;
        const inProgress = mine.filter((a) => a.status === "IN_PROGRESS").at(-1) ?? null;
        const unlocked = reached && (level === 1 || passedLevels.has(`${day}:${level - 1}`));
        const state = !unlocked
          ? "locked"
          : inProgress
            ? "inProgress"
            : passedLevels.has(`${day}:${level}`)
              ? "passed"
              : mine.some((a) => a.status === "FINISHED")
                ? "failed"
                : "open";
        levels.push({
          day,
          level,
          state,
          scoredAvailable: day === summary.today && summary.phase === "running" && scored === null,
          scored: scored && { attemptId: scored.id, score: scored.score, correctCount: scored.correctCount, passed: scored.passed, finished: scored.status === "FINISHED" },
          inProgressAttemptId: inProgress?.id ?? null,
        });
      }
      days.push({ day, date: addChinaDays(challenge.startDate, day - 1), state: !reached ? "locked" : day === summary.today ? "today" : "past", levels });
    }
    return {
      challenge: summary,
      trades,
      entry: entry && {
        trade: tradeRef(entry.trade),
        score: entry.score,
        timeMs: entry.timeMs,
        canChangeTrade: !attempts.some((a) => a.scored),
        completed: entry.completedAt !== null,
        certificateCode: entry.certificateCode,
      },
      days,
    };
  }

  // ── serving and answering ──

  /** The attempt, if it is the viewer's (someone else's attempt is "not found", not "forbidden"). */
  async function attemptOf(viewer: Viewer, attemptId: string) {
    if (!/^[a-z0-9]{10,40}$/.test(attemptId)) throw quizNotFound();
    const attempt = await prisma.quizAttempt.findUnique({ where: { id: attemptId }, include: { challenge: true } });
    if (!attempt || attempt.userId !== viewer.id) throw quizNotFound();
    return attempt;
  }

  /** Serves the question at `position` (again, harmlessly, when a parallel request already did). */
  async function serve(attempt: AttemptRow, challenge: ChallengeRow, position: number): Promise<void> {
    const now = clock.now();
    try {
      await prisma.quizAnswer.create({
        data: {
          attemptId: attempt.id,
          position,
          questionId: attempt.questionIds[position]!,
          servedAt: now,
          deadlineAt: new Date(now.getTime() + challenge.secondsPerQuestion * 1000),
          choice: [],
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /**
   * Records one answer (or, with `choice` null, the expiry) of the question at `position`: the
   * answer row, the attempt's totals (and its end after the last question), and a finished scored
   * attempt's entry, in ONE statement, only if the question is still unanswered. The claim is the
   * `"answeredAt" IS NULL` condition: of parallel duplicates, the row lock lets one through and the
   * others find it answered. Points come from scoring.ts with the attempt's streak as read before:
   * position p is only served once p − 1 is recorded, so that streak is current for p.
   * Returns null when another request got there first.
   */
  async function record(
    attempt: Pick<AttemptRow, "id" | "streak" | "questionIds">,
    challenge: Pick<ChallengeRow, "id" | "secondsPerQuestion" | "passPercent" | "days" | "levelsPerDay">,
    question: { position: number; servedAt: Date; answer: number[] },
    choice: number[] | null,
  ): Promise<Recorded | null> {
    const now = clock.now();
    const windowMs = challenge.secondsPerQuestion * 1000;
    const elapsed = Math.min(windowMs, Math.max(0, now.getTime() - question.servedAt.getTime()));
    const expired = choice === null;
    const correct = !expired && isCorrectChoice(choice, question.answer);
    const { points, streak } = scoreAnswer(correct, elapsed, windowMs, attempt.streak);
    const timeMs = expired ? windowMs : elapsed;
    const last = question.position === attempt.questionIds.length - 1;
    const mark = passMark(attempt.questionIds.length, challenge.passPercent);
    const rows = await prisma.$queryRaw<{ entryId: string; day: number; scored: boolean; passed: boolean | null }[]>`
      WITH claimed AS (
        UPDATE "QuizAnswer"
        SET "answeredAt" = ${now}, "choice" = ${choice ?? []}::integer[], "expired" = ${expired}, "correct" = ${correct},
            "timeMs" = ${timeMs}, "points" = ${points}, "flagged" = ${!expired && elapsed < HUMAN_MINIMUM_MS}
        WHERE "attemptId" = ${attempt.id} AND "position" = ${question.position} AND "answeredAt" IS NULL
        RETURNING "attemptId"
      ), attempt AS (
        UPDATE "QuizAttempt" a
        SET "correctCount" = a."correctCount" + ${correct ? 1 : 0}, "score" = a."score" + ${points}, "timeMs" = a."timeMs" + ${timeMs},
            "streak" = ${streak},
            "status" = CASE WHEN ${last} THEN 'FINISHED'::"QuizAttemptStatus" ELSE a."status" END,
            "finishedAt" = CASE WHEN ${last} THEN ${now} ELSE a."finishedAt" END,
            "passed" = CASE WHEN ${last} THEN a."correctCount" + ${correct ? 1 : 0} >= ${mark} ELSE a."passed" END
        FROM claimed WHERE a."id" = claimed."attemptId"
        RETURNING a."entryId", a."day", a."scored", a."passed", a."score", a."timeMs", a."status"
      ), entry AS (
        UPDATE "QuizEntry" e
        SET "score" = e."score" + attempt."score", "timeMs" = e."timeMs" + attempt."timeMs", "scoredAt" = ${now}, "updatedAt" = ${now}
        FROM attempt WHERE e."id" = attempt."entryId" AND attempt."scored" AND attempt."status" = 'FINISHED'
        RETURNING e."id"
      )
      SELECT "entryId", "day", "scored", "passed" FROM attempt`;
    const recorded = rows[0];
    if (!recorded) return null;
    if (last) {
      if (recorded.passed) await markCompletion(recorded.entryId, challenge, now);
      if (recorded.scored) {
        await updateBoards(challenge.id, recorded.entryId, recorded.day).catch((error: Error) =>
          // The database has the result; the board catches up at the next rebuild.
          logger.error({ err: error.message, challengeId: challenge.id }, "could not update the quiz leaderboards"),
        );
      }
    }
    return { correct, expired, points, streak, timeMs };
  }

  /**
   * Every level of every day passed (in any attempt): the badge and the certificate. Derived from
   * the attempts and idempotent, so it needs no transaction with the answer that triggered it.
   */
  async function markCompletion(entryId: string, challenge: Pick<ChallengeRow, "days" | "levelsPerDay">, now: Date) {
    const passed = await prisma.quizAttempt.findMany({ where: { entryId, passed: true }, select: { day: true, level: true }, distinct: ["day", "level"] });
    if (passed.length < challenge.days * challenge.levelsPerDay) return;
    await prisma.quizEntry.updateMany({ where: { id: entryId, completedAt: null }, data: { completedAt: now, certificateCode: randomBytes(8).toString("hex") } });
  }

  /** If the question being played ran out of time, records it as expired. */
  async function settle(attempt: AttemptRow, challenge: ChallengeRow): Promise<void> {
    if (attempt.status === "FINISHED") return;
    const open = await prisma.quizAnswer.findFirst({
      where: { attemptId: attempt.id, answeredAt: null },
      orderBy: { position: "desc" },
      select: { position: true, servedAt: true, deadlineAt: true, question: { select: { answer: true } } },
    });
    if (open && open.deadlineAt.getTime() < clock.now().getTime()) await record(attempt, challenge, { ...open, answer: open.question.answer }, null);
  }

  // ── abandoned attempts ──

  /**
   * Attempts in progress whose last activity is before `cutoff`, the longest idle first. The last
   * activity is the open question's deadline (the worker could answer until then), else when the
   * latest question was answered or found expired, else the start (nothing served yet).
   *
   * Practice attempts are finished too: the rule on the page is one rule for every level, a
   * practice attempt left open would otherwise show as "in progress" on the overview for ever, and
   * the set of attempts in progress (what this reads every minute) stays small. A finished
   * practice attempt changes no score; passing it unlocks the next level as the worker's own play
   * would.
   */
  async function abandonedBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      SELECT a."id"
      FROM "QuizAttempt" a
      LEFT JOIN LATERAL (
        SELECT ans."deadlineAt", ans."answeredAt" FROM "QuizAnswer" ans
        WHERE ans."attemptId" = a."id" ORDER BY ans."position" DESC LIMIT 1
      ) latest ON TRUE
      CROSS JOIN LATERAL (SELECT COALESCE(latest."answeredAt", latest."deadlineAt", a."startedAt") AS "at") activity
      WHERE a."status" = 'IN_PROGRESS' AND activity."at" < ${cutoff}
      ORDER BY activity."at" ASC, a."id" ASC
      LIMIT ${limit}`;
    return rows.map((row) => row.id);
  }

  /**
   * Finishes one abandoned attempt the way the worker's own play would: the open question is
   * recorded as expired, then each remaining question is served and recorded as expired, in
   * order, until the last one ends the attempt (record() then writes the entry, the badge and the
   * boards). Several processes may sweep the same attempt, and the worker may come back meanwhile:
   * serve() is idempotent and record() claims a question once, so whoever loses a step reads the
   * attempt again and goes on from where it is now. Returns true when this call recorded the
   * attempt's end (so that the runs of several processes add up to the attempts finished).
   */
  async function finishAbandoned(attemptId: string, cutoff: Date): Promise<boolean> {
    // Each step records or serves one question (ours or someone else's), so 2 per question bound it.
    for (let step = 0; ; step++) {
      const attempt = await prisma.quizAttempt.findUnique({ where: { id: attemptId }, include: { challenge: true } });
      if (!attempt || attempt.status === "FINISHED") return false;
      if (step > 2 * attempt.questionIds.length + 1) {
        logger.warn({ attemptId }, "an abandoned quiz attempt did not finish; left for the next run");
        return false;
      }
      const latest = await prisma.quizAnswer.findFirst({
        where: { attemptId },
        orderBy: { position: "desc" },
        select: { position: true, servedAt: true, deadlineAt: true, answeredAt: true, expired: true, question: { select: { answer: true } } },
      });
      if (step === 0) {
        // Read again: the worker may have come back since the batch was chosen.
        const activity = latest ? (latest.answeredAt ?? latest.deadlineAt) : attempt.startedAt;
        if (activity.getTime() >= cutoff.getTime()) return false;
      } else if (latest && latest.answeredAt !== null && !latest.expired && latest.answeredAt.getTime() >= cutoff.getTime()) {
        // The sweep only ever expires questions: an answer is the worker's, who is back to play on.
        return false;
      }
      if (latest && latest.answeredAt === null) {
        const recorded = await record(attempt, attempt.challenge, { ...latest, answer: latest.question.answer }, null);
        if (recorded && latest.position === attempt.questionIds.length - 1) return true;
        continue;
      }
      const position = latest ? latest.position + 1 : 0;
      // Not reached: recording the last question finishes the attempt in the same statement.
      if (position >= attempt.questionIds.length) return false;
      await serve(attempt, attempt.challenge, position);
    }
  }

  /** The "quiz.abandoned" task's run: the attempts it finished. */
  async function finishAbandonedAttempts(): Promise<number> {
    const cutoff = new Date(clock.now().getTime() - ABANDONED_AFTER_MS);
    let finished = 0;
    for (const attemptId of await abandonedBefore(cutoff, deps.abandonedBatch ?? ABANDONED_BATCH)) {
      try {
        if (await finishAbandoned(attemptId, cutoff)) finished++;
      } catch (error) {
        // One attempt that cannot be finished must not hold up the others; it is tried again next run.
        logger.error({ attemptId, err: (error as Error).message }, "could not finish an abandoned quiz attempt");
      }
    }
    return finished;
  }

  const abandonedTask: ScheduledTask = { name: "quiz.abandoned", intervalMs: 60_000, run: finishAbandonedAttempts };

  async function stateOf(attemptId: string): Promise<PlayState> {
    const attempt = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { challenge: true } });
    const rows: AnswerRow[] = await prisma.quizAnswer.findMany({ where: { attemptId }, orderBy: { position: "asc" }, include: ANSWER_INCLUDE });
    const done = rows.filter((row) => row.answeredAt !== null);
    const summary = attemptSummary(attempt, attempt.challenge, done.length);
    // The streak after each answer, for the results (it is not stored per answer).
    const streaks: number[] = [];
    for (const row of rows) streaks.push(row.correct ? (streaks.at(-1) ?? 0) + 1 : 0);
    if (attempt.status === "FINISHED") {
      const entry = await prisma.quizEntry.findUnique({ where: { id: attempt.entryId }, select: { completedAt: true } });
      return {
        kind: "finished",
        attempt: summary,
        results: done.map((row) => resultOf(row, streaks[row.position]!)),
        badgeEarned: entry?.completedAt !== null && entry?.completedAt !== undefined && attempt.finishedAt !== null && entry.completedAt.getTime() === attempt.finishedAt.getTime(),
      };
    }
    const latest = rows.at(-1);
    if (latest && latest.answeredAt === null) {
      return {
        kind: "question",
        attempt: summary,
        question: {
          position: latest.position,
          kind: latest.question.kind,
          stem: latest.question.stem,
          options: latest.question.options,
          servedAt: latest.servedAt,
          deadlineAt: latest.deadlineAt,
          remainingMs: Math.max(0, latest.deadlineAt.getTime() - clock.now().getTime()),
        },
        secondsPerQuestion: attempt.challenge.secondsPerQuestion,
      };
    }
    if (!latest) {
      // Not served yet (a start interrupted between its two writes): serve the first now.
      await serve(attempt, attempt.challenge, 0);
      return stateOf(attemptId);
    }
    return { kind: "result", attempt: summary, result: resultOf(latest, streaks[latest.position]!) };
  }

  // ── leaderboards ──

  /** Per process: the challenges whose boards this process has filled from the database. */
  const loaded = new Map<string, Promise<void>>();

  function ensureBoards(challengeId: string): Promise<void> {
    let loading = loaded.get(challengeId);
    if (!loading) {
      loading = fillBoards(challengeId);
      loaded.set(challengeId, loading);
      loading.catch(() => loaded.delete(challengeId));
    }
    return loading;
  }

  /**
   * Fills a challenge's boards from the database. A shared store (Redis) that already holds the
   * overall board was filled by another process and is kept as it is.
   */
  async function fillBoards(challengeId: string): Promise<void> {
    if ((await leaderboards.size(boardKey(challengeId, null, null))) > 0) return;
    const entries = await prisma.quizEntry.findMany({
      where: { challengeId, scoredAt: { not: null } },
      select: { id: true, userId: true, tradeId: true, score: true, timeMs: true, scoredAt: true },
    });
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    for (const entry of entries) {
      await leaderboards.set([boardKey(challengeId, null, null), boardKey(challengeId, entry.tradeId, null)], {
        userId: entry.userId,
        score: entry.score,
        timeMs: entry.timeMs,
        reachedAt: entry.scoredAt!.getTime(),
      });
    }
    const days = await prisma.quizAttempt.groupBy({
      by: ["entryId", "day"],
      where: { challengeId, scored: true, status: "FINISHED" },
      _sum: { score: true, timeMs: true },
      _max: { finishedAt: true },
    });
    for (const day of days) {
      const entry = byId.get(day.entryId);
      if (!entry) continue;
      await leaderboards.set([boardKey(challengeId, null, day.day), boardKey(challengeId, entry.tradeId, day.day)], {
        userId: entry.userId,
        score: day._sum.score ?? 0,
        timeMs: day._sum.timeMs ?? 0,
        reachedAt: day._max.finishedAt!.getTime(),
      });
    }
  }

  /** After a scored attempt finished: the entry's standing on its four boards, from the database. */
  async function updateBoards(challengeId: string, entryId: string, day: number): Promise<void> {
    await ensureBoards(challengeId);
    const entry = await prisma.quizEntry.findUniqueOrThrow({ where: { id: entryId } });
    const dayTotals = await prisma.quizAttempt.aggregate({
      where: { entryId, day, scored: true, status: "FINISHED" },
      _sum: { score: true, timeMs: true },
      _max: { finishedAt: true },
    });
    const boards = boardsOf(challengeId, entry.tradeId, day);
    await leaderboards.set(boards.total, { userId: entry.userId, score: entry.score, timeMs: entry.timeMs, reachedAt: (entry.scoredAt ?? clock.now()).getTime() });
    await leaderboards.set(boards.day, {
      userId: entry.userId,
      score: dayTotals._sum.score ?? 0,
      timeMs: dayTotals._sum.timeMs ?? 0,
      reachedAt: (dayTotals._max.finishedAt ?? clock.now()).getTime(),
    });
  }

  /** The board a query names: null when its trade is unknown. */
  async function resolveBoard(query: BoardQuery): Promise<{ board: string; trade: TradeRef | null } | null> {
    if (query.trade === null) return { board: boardKey(query.challengeId, null, query.day), trade: null };
    const trade = await prisma.trade.findUnique({ where: { code: query.trade }, select: { ...TRADE_SELECT, id: true } });
    return trade ? { board: boardKey(query.challengeId, trade.id, query.day), trade: tradeRef(trade) } : null;
  }

  /** Names and trades of ranked users, in one query. */
  async function rowsOf(challengeId: string, standings: RankedStanding[]): Promise<LeaderboardRow[]> {
    if (standings.length === 0) return [];
    const entries = await prisma.quizEntry.findMany({
      where: { challengeId, userId: { in: standings.map((standing) => standing.userId) } },
      select: { userId: true, user: { select: { displayName: true } }, trade: { select: TRADE_SELECT } },
    });
    const byUser = new Map(entries.map((entry) => [entry.userId, entry]));
    return standings.flatMap((standing) => {
      const entry = byUser.get(standing.userId);
      return entry ? [{ rank: standing.rank, userId: standing.userId, displayName: entry.user.displayName, trade: tradeRef(entry.trade), score: standing.score, timeMs: standing.timeMs }] : [];
    });
  }

  /**
   * A board's top rows and the places of `userIds` on it (for the page: the viewer; for the socket
   * server: every watcher of the board in this process, in one call).
   */
  async function standings(query: BoardQuery, userIds: readonly string[], limit = LEADERBOARD_ROWS) {
    await challengeOf(query.challengeId);
    const resolved = await resolveBoard(query);
    if (!resolved) throw quizNotFound();
    await ensureBoards(query.challengeId);
    const [top, players, ...places] = await Promise.all([
      leaderboards.top(resolved.board, limit),
      leaderboards.size(resolved.board),
      ...userIds.map((userId) => leaderboards.rankOf(resolved.board, userId)),
    ]);
    const ranked = places.filter((place): place is RankedStanding => place !== null);
    const rows = await rowsOf(query.challengeId, [...top, ...ranked.filter((place) => place.rank > limit)]);
    const byUser = new Map(rows.map((row) => [row.userId, row]));
    const board: Omit<LeaderboardView, "me"> = {
      challengeId: query.challengeId,
      trade: resolved.trade,
      day: query.day,
      rows: top.flatMap((standing) => byUser.get(standing.userId) ?? []),
      players,
    };
    return { board, boardKey: resolved.board, places: new Map(userIds.map((userId) => [userId, byUser.get(userId) ?? null])) };
  }

  return {
    /** The challenge running now, else the next to start, else the last to end; null when there is none. */
    async current(viewer: Viewer | null): Promise<QuizOverview | null> {
      const now = clock.now();
      const all = await prisma.quizChallenge.findMany({ orderBy: { startDate: "desc" }, select: { id: true, startDate: true, days: true } });
      const running = all.find((challenge) => phaseAt(challenge, now) === "running");
      const upcoming = all.filter((challenge) => phaseAt(challenge, now) === "upcoming").at(-1);
      const chosen = running ?? upcoming ?? all[0];
      return chosen ? overviewOf(viewer, await challengeOf(chosen.id)) : null;
    },

    /** One challenge as the viewer sees it. Throws notFound. */
    async overview(viewer: Viewer | null, challengeId: string): Promise<QuizOverview> {
      return overviewOf(viewer, await challengeOf(challengeId));
    },

    /** Form fields: challengeId, trade (a trade code). Refused once a scored attempt exists. */
    async chooseTrade(viewer: Viewer | null, form: Record<string, unknown>): Promise<FormResult<EntryView>> {
      const user = requireViewer(viewer);
      const parsed = ZChooseTradeSchema.safeParse(form);
      if (!parsed.success) return formFailed({ trade: "quiz.error.tradeRequired" });
      const challenge = await challengeOf(parsed.data.challengeId);
      const trade = challenge.trades.find((link) => link.trade.code === parsed.data.trade)?.trade;
      if (!trade) return formFailed({ trade: "quiz.error.tradeNotCovered" });
      const existing = await prisma.quizEntry.findUnique({ where: { challengeId_userId: { challengeId: challenge.id, userId: user.id } } });
      try {
        if (existing) {
          // Only while no scored attempt exists (checked in the update itself, so a level started
          // meanwhile cannot be moved to another trade's boards).
          const { count } = await prisma.quizEntry.updateMany({ where: { id: existing.id, attempts: { none: { scored: true } } }, data: { tradeId: trade.id } });
          if (count === 0 && existing.tradeId !== trade.id) return formFailed({ trade: "quiz.error.tradeLocked" });
        } else {
          await prisma.quizEntry.create({ data: { challengeId: challenge.id, userId: user.id, tradeId: trade.id } });
        }
      } catch (error) {
        if (isUniqueViolation(error)) return formFailed({ trade: "quiz.error.tradeLocked" });
        // An admin removed the trade from the challenge since it was read (the entry's key refuses it).
        if (isForeignKeyViolation(error)) return formFailed({ trade: "quiz.error.tradeNotCovered" });
        throw error;
      }
      const overview = await overviewOf(user, challenge);
      return formOk(overview.entry!);
    },

    /**
     * Fields: challengeId, day, level. Resumes the level's attempt in progress, if any; otherwise
     * starts one (scored when it is the level's first on its own day) and serves its first question.
     */
    async start(viewer: Viewer | null, input: Record<string, unknown>): Promise<{ attemptId: string }> {
      const user = requireViewer(viewer);
      if (!(await startLimit.consume(user.id))) throw new AppError("rateLimited", "quiz.error.startTooFast");
      const { challengeId, day, level } = parse(ZStartAttemptSchema, input);
      const challenge = await challengeOf(challengeId);
      const today = challengeDayAt(challenge, clock.now());
      if (day > challenge.days || level > challenge.levelsPerDay) throw quizNotFound();
      if (today === 0) throw forbiddenBecause("quiz.error.notStarted");
      if (day > today) throw forbiddenBecause("quiz.error.dayLocked");
      const entry = await prisma.quizEntry.findUnique({ where: { challengeId_userId: { challengeId, userId: user.id } } });
      if (!entry) throw conflict("quiz.error.tradeFirst");
      if (level > 1 && !(await prisma.quizAttempt.findFirst({ where: { entryId: entry.id, day, level: level - 1, passed: true }, select: { id: true } }))) {
        throw forbiddenBecause("quiz.error.levelLocked");
      }
      const resume = async () =>
        prisma.quizAttempt.findFirst({ where: { entryId: entry.id, day, level, status: "IN_PROGRESS" }, orderBy: { startedAt: "desc" }, select: { id: true } });
      const running = await resume();
      if (running) return { attemptId: running.id };

      const scored = day === today && !(await prisma.quizAttempt.findFirst({ where: { entryId: entry.id, day, level, scored: true }, select: { id: true } }));
      const bank = await prisma.quizQuestion.findMany({ where: { tradeId: entry.tradeId, retiredAt: null }, select: { id: true, difficulty: true } });
      if (bank.length === 0) throw conflict("quiz.error.emptyBank");
      const seed = randomInt(2 ** 31);
      try {
        const attempt = await prisma.quizAttempt.create({
          data: { challengeId, entryId: entry.id, userId: user.id, day, level, scored, seed, questionIds: pickQuestions(bank, challenge.questionsPerLevel, seed), startedAt: clock.now() },
        });
        await serve(attempt, challenge, 0);
        return { attemptId: attempt.id };
      } catch (error) {
        // Two starts at once: the scored attempt exists now; resume it.
        if (!isUniqueViolation(error)) throw error;
        const started = await resume();
        if (!started) throw error;
        return { attemptId: started.id };
      }
    },

    /** The attempt's state; an unanswered question past its deadline is recorded as expired first. */
    async play(viewer: Viewer | null, attemptId: string): Promise<PlayState> {
      const attempt = await attemptOf(requireViewer(viewer), attemptId);
      await settle(attempt, attempt.challenge);
      return stateOf(attempt.id);
    },

    /** Serves the next question (after the worker has seen the last result); the state after it. */
    async next(viewer: Viewer | null, attemptId: string): Promise<PlayState> {
      const user = requireViewer(viewer);
      if (!(await answerLimit.consume(user.id))) throw new AppError("rateLimited", "quiz.error.answerTooFast");
      const attempt = await attemptOf(user, attemptId);
      await settle(attempt, attempt.challenge);
      const latest = await prisma.quizAnswer.findFirst({ where: { attemptId }, orderBy: { position: "desc" }, select: { position: true, answeredAt: true } });
      const fresh = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      if (fresh.status === "IN_PROGRESS" && latest && latest.answeredAt !== null && latest.position + 1 < fresh.questionIds.length) {
        await serve(fresh, attempt.challenge, latest.position + 1);
      }
      return stateOf(attemptId);
    },

    /**
     * Fields: attemptId, position, choice (option indexes). Once per question: a second answer, an
     * answer to another position, after the deadline or to another user's attempt is refused and
     * changes nothing (an answer after the deadline records the question as expired, i.e. wrong).
     */
    async answer(viewer: Viewer | null, input: Record<string, unknown>): Promise<AnswerResult> {
      const user = requireViewer(viewer);
      if (!(await answerLimit.consume(user.id))) throw new AppError("rateLimited", "quiz.error.answerTooFast");
      const { attemptId, position, choice } = parse(ZAnswerSchema, input);
      // The served question with its attempt and challenge, in one read (this is the hot path).
      const [row] = await prisma.$queryRaw<ServedRow[]>`
        SELECT ans."servedAt", ans."deadlineAt", ans."answeredAt",
               q."kind"::text AS "kind", q."stem", q."options", q."answer", q."explanation",
               att."id" AS "attemptId", att."userId", att."status"::text AS "status", att."streak", att."questionIds",
               ch."id" AS "challengeId", ch."secondsPerQuestion", ch."passPercent", ch."days", ch."levelsPerDay"
        FROM "QuizAnswer" ans
        JOIN "QuizQuestion" q ON q."id" = ans."questionId"
        JOIN "QuizAttempt" att ON att."id" = ans."attemptId"
        JOIN "QuizChallenge" ch ON ch."id" = att."challengeId"
        WHERE ans."attemptId" = ${attemptId} AND ans."position" = ${position}`;
      if (!row) {
        await attemptOf(user, attemptId);
        throw conflict("quiz.error.staleQuestion");
      }
      if (row.userId !== user.id) throw quizNotFound();
      if (row.answeredAt !== null) throw conflict("quiz.error.alreadyAnswered");
      if (row.status === "FINISHED") throw conflict("quiz.error.finished");
      if (choice.length === 0) throw invalid("quiz.error.choiceRequired");
      const single = row.kind !== "MULTIPLE";
      if (choice.some((index) => index >= row.options.length) || (single && choice.length > 1) || new Set(choice).size !== choice.length) {
        throw invalid("quiz.error.choiceInvalid");
      }
      const attempt = { id: row.attemptId, streak: row.streak, questionIds: row.questionIds };
      const challenge = { id: row.challengeId, secondsPerQuestion: row.secondsPerQuestion, passPercent: row.passPercent, days: row.days, levelsPerDay: row.levelsPerDay };
      const target = { position, servedAt: row.servedAt, answer: row.answer };
      if (clock.now().getTime() > row.deadlineAt.getTime()) {
        await record(attempt, challenge, target, null);
        throw conflict("quiz.error.tooLate");
      }
      const sorted = [...choice].sort((a, b) => a - b);
      const recorded = await record(attempt, challenge, target, sorted);
      if (!recorded) throw conflict("quiz.error.alreadyAnswered");
      return {
        position,
        kind: row.kind,
        stem: row.stem,
        options: row.options,
        choice: sorted,
        answer: row.answer,
        explanation: row.explanation,
        correct: recorded.correct,
        expired: false,
        points: recorded.points,
        streak: recorded.streak,
        timeMs: recorded.timeMs,
      };
    },

    /** Top rows and the viewer's own place. Throws notFound (unknown challenge or trade). */
    async leaderboard(viewer: Viewer | null, query: BoardQuery, limit = LEADERBOARD_ROWS): Promise<LeaderboardView> {
      const { board, places } = await standings(query, viewer ? [viewer.id] : [], limit);
      return { ...board, me: viewer ? (places.get(viewer.id) ?? null) : null };
    },

    /** For the socket server: a board and the places of the given users on it, in one call. */
    standings,

    /** A board's key for a query (server/quiz/leaderboard-store.ts), or null when the trade is unknown. */
    async boardOf(query: BoardQuery): Promise<string | null> {
      return (await resolveBoard(query))?.board ?? null;
    },

    /** A board's change counter (the socket server pushes a board when it moved). */
    async boardVersion(board: string): Promise<number> {
      return leaderboards.version(board);
    },

    /** Finishes attempts left idle for ABANDONED_AFTER_MS (every minute; server/context.ts registers it). */
    abandonedTask,

    /** The completed challenges of a user: their badges. */
    async badges(userId: string): Promise<QuizBadge[]> {
      const entries = await prisma.quizEntry.findMany({
        where: { userId, completedAt: { not: null } },
        orderBy: { completedAt: "desc" },
        include: { challenge: { select: { name: true } }, trade: { select: TRADE_SELECT } },
      });
      return entries.map((entry) => ({
        challengeId: entry.challengeId,
        challengeName: entry.challenge.name,
        trade: tradeRef(entry.trade),
        completedAt: entry.completedAt!,
        certificateCode: entry.certificateCode!,
        score: entry.score,
      }));
    },

    async certificate(code: string): Promise<QuizCertificateView | null> {
      if (!/^[a-f0-9]{16}$/.test(code)) return null;
      const entry = await prisma.quizEntry.findUnique({
        where: { certificateCode: code },
        include: { challenge: { select: { name: true, days: true } }, trade: { select: TRADE_SELECT }, user: { select: { displayName: true } } },
      });
      if (!entry || !entry.completedAt) return null;
      return {
        challengeId: entry.challengeId,
        challengeName: entry.challenge.name,
        trade: tradeRef(entry.trade),
        completedAt: entry.completedAt,
        certificateCode: code,
        score: entry.score,
        holderName: entry.user.displayName,
        days: entry.challenge.days,
      };
    },
  };
}

export type QuizService = ReturnType<typeof createQuizService>;
