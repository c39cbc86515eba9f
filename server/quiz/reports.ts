// The report of one quiz challenge (admins only), every number from aggregate SQL:
//
// - Participants per trade and day: distinct workers with a scored attempt (any status) that day,
//   by the trade of their entry (fixed from their first scored attempt on), with totals per trade,
//   per day and overall (one query, GROUPING SETS).
// - The completion funnel by day: of the workers who started day n (any attempt of it, scored or
//   practice), how many passed each level, and how many passed all its levels. Passing counts
//   however it happened, as unlocking does (server/quiz/service.ts).
// - Per question: the share of correct answers and the median answer time over the QuizAnswer rows
//   of this challenge's attempts (scored and practice) that were answered or expired (an expired
//   question counts as a wrong answer). The median is PostgreSQL's percentile_cont(0.5): with an
//   even count, the mean of the two middle times. Questions with fewer than QUESTION_MIN_ANSWERS
//   answers are not listed (only counted). Sorted so that problems stand out: likely broken first
//   (share correct below BROKEN_SHARE_BELOW, worse than guessing among four options; the lowest
//   first), then too easy (share at least EASY_SHARE_FROM and a median within the first
//   EASY_TIME_FRACTION of the answer window; the most correct and fastest first), then the rest,
//   hardest first.
//
// The fast answers of a challenge (fastAnswers): the players with answers flagged as sooner than a
// person can read (HUMAN_MINIMUM_MS, server/quiz/scoring.ts), scored and practice attempts alike as
// in the per-question count, most flagged first; and, for one player, those answers.
import { z } from "zod";
import { requireRole, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import { DB, type PrismaClient } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { pageNumber, tradeCodeParam } from "../validation.ts";
import { addChinaDays } from "./calendar.ts";
import type { QuestionKind } from "./schema.ts";
import { HUMAN_MINIMUM_MS } from "./scoring.ts";
import { summarizeChallenge } from "./summary.ts";
import { tradeRef, type ChallengeSummary, type TradeRef } from "./types.ts";

/** Questions with fewer answers than this are not listed: their share says little yet. */
export const QUESTION_MIN_ANSWERS = 5;
/** At most this many questions are listed (a trade filter narrows them). */
export const QUESTION_ROWS_MAX = 100;
/** Share correct below this: likely a wrong answer key or a misleading question. */
export const BROKEN_SHARE_BELOW = 0.25;
/** Share correct from this, answered fast (below): likely too easy. */
export const EASY_SHARE_FROM = 0.9;
/** "Fast": a median answer time within this part of the answer window. */
export const EASY_TIME_FRACTION = 0.25;

/** Players per page of the fast answers. */
export const FAST_ANSWERS_PAGE_SIZE = 50;
/** One player's flagged answers listed at most (the newest). */
export const FAST_ANSWERS_DETAIL_MAX = 200;

export type QuestionFlag = "broken" | "easy";

/** The challenge the report is about (the same summary the workers' pages use). */
export type ReportChallenge = ChallengeSummary;

export interface TradeParticipation {
  trade: TradeRef;
  /** Distinct workers over the whole challenge. */
  total: number;
  /** Distinct workers per day (index 0 is day 1). */
  perDay: number[];
}

export interface FunnelDay {
  day: number;
  date: string;
  /** Workers with any attempt of this day. */
  started: number;
  /** Workers who passed level n (index 0 is level 1). */
  passedByLevel: number[];
  /** Workers who passed every level of the day. */
  completed: number;
}

export interface QuestionStat {
  id: number;
  trade: TradeRef;
  kind: QuestionKind;
  stem: string;
  retired: boolean;
  /** Answered or expired rows. */
  answers: number;
  correct: number;
  /** correct / answers, 0…1. */
  correctShare: number;
  /** Whole milliseconds; null when no row has a time. */
  medianMs: number | null;
  /** Answers faster than a person could read the question. */
  flagged: number;
  flag: QuestionFlag | null;
}

export interface ChallengeReport {
  challenge: ReportChallenge;
  totals: {
    /** Workers who entered (chose a trade). */
    entries: number;
    /** Workers with a scored attempt. */
    players: number;
    /** Workers who passed every level of every day (the badge). */
    completed: number;
    /** Answered or expired questions, all attempts. */
    answers: number;
  };
  participants: {
    /** Trades with at least one player, the most players first. */
    trades: TradeParticipation[];
    /** Distinct players per day over all trades. */
    perDay: number[];
    /** Covered trades nobody has played yet. */
    quietTrades: number;
  };
  funnel: FunnelDay[];
  questions: {
    /** The trade filter (null: every trade). */
    trade: TradeRef | null;
    /** The challenge's trades, for the filter. */
    tradeOptions: TradeRef[];
    rows: QuestionStat[];
    /** Questions with enough answers (rows holds at most QUESTION_ROWS_MAX of them). */
    listed: number;
    /** Questions answered, but fewer than minAnswers times. */
    hidden: number;
    broken: number;
    easy: number;
    minAnswers: number;
    /** The flags' thresholds, for the page's explanations. */
    thresholds: { brokenBelow: number; easyFrom: number; easyTimeFraction: number };
  };
}

/** A player with at least one answer flagged as too fast. */
export interface FastAnswerPlayer {
  userId: string;
  displayName: string;
  /** The trade of their entry. */
  trade: TradeRef;
  /** Answers sooner than HUMAN_MINIMUM_MS after serving. */
  flagged: number;
  /** Questions answered in time (expired ones left out). */
  answered: number;
  /** flagged / answered, 0…1. */
  flaggedShare: number;
  /** Their fastest answer (ms). */
  fastestMs: number;
  lastFlaggedAt: Date;
}

/** One flagged answer of a player. */
export interface FastAnswer {
  day: number;
  level: number;
  /** false: a practice attempt. */
  scored: boolean;
  questionId: number;
  stem: string;
  timeMs: number;
  correct: boolean;
  answeredAt: Date;
}

export interface FastAnswersPage {
  challenge: ReportChallenge;
  /** The threshold (ms) under which an answer is flagged. */
  minimumMs: number;
  /** Players with at least one flagged answer, most flagged first. */
  rows: FastAnswerPlayer[];
  /** Players with at least one flagged answer (rows holds one page of them). */
  total: number;
  /** Flagged answers over every player. */
  flaggedAnswers: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** `?user=`: that player's flagged answers, newest first (at most FAST_ANSWERS_DETAIL_MAX). */
  player: {
    userId: string;
    displayName: string;
    trade: TradeRef;
    answers: FastAnswer[];
    /** Their flagged answers in all (answers holds the newest). */
    total: number;
  } | null;
}

const ZChallengeIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/);
const ZReportQuerySchema = z.object({ trade: tradeCodeParam });
/** `user`: a user id (cuid) or absent; anything else is refused as an unknown player. */
const ZFastAnswersQuerySchema = z.object({ page: pageNumber, user: z.string().regex(/^[a-z0-9]{10,40}$/).optional() });

interface ParticipationRow {
  tradeId: number | null;
  day: number | null;
  players: number;
  byTrade: number;
  byDay: number;
}

interface FastAnswerRow {
  userId: string;
  displayName: string;
  code: string;
  nameZh: string;
  nameEn: string;
  flagged: number;
  answered: number;
  fastestMs: number;
  lastFlaggedAt: Date;
}

interface QuestionRow {
  id: number;
  kind: QuestionKind;
  stem: string;
  retired: boolean;
  code: string;
  nameZh: string;
  nameEn: string;
  answers: number;
  correct: number;
  medianMs: number | null;
  flagged: number;
  flagRank: number;
}


export function createQuizReports(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;
  const { sql, empty } = DB.Prisma;

  /** Participants per trade and day, with the totals per trade, per day and overall. */
  async function participation(challengeId: string, days: number, coveredTrades: number) {
    const rows = await prisma.$queryRaw<ParticipationRow[]>(sql`
      SELECT e."tradeId" AS "tradeId", a."day" AS "day", COUNT(DISTINCT a."userId")::int AS "players",
             GROUPING(a."day")::int AS "byTrade", GROUPING(e."tradeId")::int AS "byDay"
      FROM "QuizAttempt" a
      JOIN "QuizEntry" e ON e."id" = a."entryId"
      WHERE a."challengeId" = ${challengeId} AND a."scored"
      GROUP BY GROUPING SETS ((e."tradeId", a."day"), (e."tradeId"), (a."day"), ())`);
    const trades = new Map<number, { total: number; perDay: number[] }>();
    const tradeOf = (tradeId: number) => {
      let entry = trades.get(tradeId);
      if (!entry) trades.set(tradeId, (entry = { total: 0, perDay: Array.from({ length: days }, () => 0) }));
      return entry;
    };
    const perDay = Array.from({ length: days }, () => 0);
    let players = 0;
    for (const row of rows) {
      const inRange = row.day !== null && row.day >= 1 && row.day <= days;
      if (row.byTrade === 0 && row.byDay === 0 && inRange) tradeOf(row.tradeId!).perDay[row.day! - 1] = row.players;
      else if (row.byTrade === 1 && row.byDay === 0) tradeOf(row.tradeId!).total = row.players;
      else if (row.byTrade === 0 && row.byDay === 1 && inRange) perDay[row.day! - 1] = row.players;
      else if (row.byTrade === 1 && row.byDay === 1) players = row.players;
    }
    const refs = await prisma.trade.findMany({
      where: { id: { in: [...trades.keys()] } },
      select: { id: true, code: true, nameZh: true, nameEn: true, position: true, category: { select: { position: true } } },
    });
    const byTrade = refs
      .map((trade) => ({ trade, ...trades.get(trade.id)! }))
      .sort((a, b) => b.total - a.total || a.trade.category.position - b.trade.category.position || a.trade.position - b.trade.position)
      .map(({ trade, total, perDay: counts }) => ({ trade: tradeRef(trade), total, perDay: counts }));
    return { players, participants: { trades: byTrade, perDay, quietTrades: Math.max(0, coveredTrades - byTrade.length) } };
  }

  /**
   * Per day: workers who started it, passed each level, passed all. One pass over the attempts:
   * per worker and day the levels passed, then counted per day (level null) and per level.
   */
  async function funnel(challenge: { id: string; startDate: string; days: number; levelsPerDay: number }): Promise<FunnelDay[]> {
    const rows = await prisma.$queryRaw<{ day: number; level: number | null; players: number; completed: number }[]>(sql`
      WITH "perPlayer" AS (
        SELECT "day", "userId", COALESCE(array_agg(DISTINCT "level") FILTER (WHERE "passed"), '{}') AS "passedLevels"
        FROM "QuizAttempt"
        WHERE "challengeId" = ${challenge.id} AND "level" BETWEEN 1 AND ${challenge.levelsPerDay}
        GROUP BY "day", "userId"
      )
      SELECT "day", NULL::int AS "level", COUNT(*)::int AS "players",
             COUNT(*) FILTER (WHERE cardinality("passedLevels") >= ${challenge.levelsPerDay})::int AS "completed"
      FROM "perPlayer" GROUP BY "day"
      UNION ALL
      SELECT "day", "level", COUNT(*)::int, 0 FROM "perPlayer", unnest("passedLevels") AS "level" GROUP BY "day", "level"`);
    const days = Array.from({ length: challenge.days }, (_, index) => ({
      day: index + 1,
      date: addChinaDays(challenge.startDate, index),
      started: 0,
      passedByLevel: Array.from({ length: challenge.levelsPerDay }, () => 0),
      completed: 0,
    }));
    for (const row of rows) {
      const day = days[row.day - 1];
      if (!day) continue;
      if (row.level === null) Object.assign(day, { started: row.players, completed: row.completed });
      else day.passedByLevel[row.level - 1] = row.players;
    }
    return days;
  }

  /**
   * The question statistics (see the header), for every trade or one, and the challenge's answered
   * questions in all. One statement: the per-question aggregate is computed once (MATERIALIZED)
   * and both the listed rows and the counts read it; the counts come back on every row (and on a
   * row of nulls when nothing is listed).
   */
  async function questionStats(challenge: { id: string; secondsPerQuestion: number }, tradeId: number | null) {
    const easyMs = challenge.secondsPerQuestion * 1000 * EASY_TIME_FRACTION;
    const rows = await prisma.$queryRaw<(Partial<QuestionRow> & { total: number; listed: number; hidden: number; broken: number; easy: number })[]>(sql`
      WITH "stats" AS MATERIALIZED (
        SELECT ans."questionId" AS "id", COUNT(*)::int AS "answers", COUNT(*) FILTER (WHERE ans."correct")::int AS "correct",
               percentile_cont(0.5) WITHIN GROUP (ORDER BY ans."timeMs") AS "medianMs",
               COUNT(*) FILTER (WHERE ans."flagged")::int AS "flagged"
        FROM "QuizAnswer" ans
        JOIN "QuizAttempt" att ON att."id" = ans."attemptId"
        WHERE att."challengeId" = ${challenge.id} AND ans."answeredAt" IS NOT NULL
          -- Expired before its own deadline: served and expired at once by the quiz.abandoned
          -- task after its worker had left, so nobody saw it; it says nothing about the question.
          AND NOT (ans."expired" AND ans."answeredAt" < ans."deadlineAt")
        GROUP BY ans."questionId"
      ), "classified" AS (
        -- 0: likely broken, 1: too easy, 2: the rest.
        SELECT s.*, s."correct"::float8 / s."answers" AS "share",
               CASE WHEN s."correct"::float8 / s."answers" < ${BROKEN_SHARE_BELOW}::float8 THEN 0
                    WHEN s."correct"::float8 / s."answers" >= ${EASY_SHARE_FROM}::float8 AND s."medianMs" <= ${easyMs}::float8 THEN 1
                    ELSE 2 END AS "flagRank"
        FROM "stats" s
        ${tradeId === null ? empty : sql`JOIN "QuizQuestion" tq ON tq."id" = s."id" WHERE tq."tradeId" = ${tradeId}`}
      ), "counts" AS (
        SELECT (SELECT COALESCE(SUM("answers"), 0)::int FROM "stats") AS "total",
               COUNT(*) FILTER (WHERE "answers" >= ${QUESTION_MIN_ANSWERS})::int AS "listed",
               COUNT(*) FILTER (WHERE "answers" < ${QUESTION_MIN_ANSWERS})::int AS "hidden",
               COUNT(*) FILTER (WHERE "answers" >= ${QUESTION_MIN_ANSWERS} AND "flagRank" = 0)::int AS "broken",
               COUNT(*) FILTER (WHERE "answers" >= ${QUESTION_MIN_ANSWERS} AND "flagRank" = 1)::int AS "easy"
        FROM "classified"
      ), "listed" AS (
        SELECT c.*, ROW_NUMBER() OVER (
                 ORDER BY c."flagRank",
                          CASE WHEN c."flagRank" = 1 THEN -c."share" ELSE c."share" END,
                          CASE WHEN c."flagRank" = 1 THEN c."medianMs" ELSE -c."medianMs" END,
                          c."answers" DESC, c."id") AS "place"
        FROM "classified" c
        WHERE c."answers" >= ${QUESTION_MIN_ANSWERS}
      )
      SELECT n.*, q."id", q."kind"::text AS "kind", q."stem", q."retiredAt" IS NOT NULL AS "retired", t."code", t."nameZh", t."nameEn",
             l."answers", l."correct", l."medianMs", l."flagged", l."flagRank"
      FROM "counts" n
      LEFT JOIN "listed" l ON l."place" <= ${QUESTION_ROWS_MAX}
      LEFT JOIN "QuizQuestion" q ON q."id" = l."id"
      LEFT JOIN "Trade" t ON t."id" = q."tradeId"
      ORDER BY l."place"`);
    const flagOf = (rank: number): QuestionFlag | null => (rank === 0 ? "broken" : rank === 1 ? "easy" : null);
    const counts = rows[0] ?? { total: 0, listed: 0, hidden: 0, broken: 0, easy: 0 };
    return {
      totalAnswers: counts.total,
      rows: rows
        .filter((row): row is QuestionRow & typeof counts => row.id !== null && row.id !== undefined)
        .map(
          (row): QuestionStat => ({
            id: row.id,
            trade: tradeRef(row),
            kind: row.kind,
            stem: row.stem,
            retired: row.retired,
            answers: row.answers,
            correct: row.correct,
            correctShare: row.correct / row.answers,
            medianMs: row.medianMs === null ? null : Math.round(Number(row.medianMs)),
            flagged: row.flagged,
            flag: flagOf(row.flagRank),
          }),
        ),
      listed: counts.listed,
      hidden: counts.hidden,
      broken: counts.broken,
      easy: counts.easy,
    };
  }

  /** The challenge a page is about, with its covered trades in the catalogue's order. Throws notFound. */
  async function findChallenge(challengeId: unknown) {
    const id = ZChallengeIdSchema.safeParse(challengeId);
    if (!id.success) throw notFound();
    const challenge = await prisma.quizChallenge.findUnique({
      where: { id: id.data },
      select: {
        id: true,
        name: true,
        startDate: true,
        days: true,
        levelsPerDay: true,
        questionsPerLevel: true,
        secondsPerQuestion: true,
        passPercent: true,
        trades: {
          orderBy: [{ trade: { category: { position: "asc" } } }, { trade: { position: "asc" } }],
          select: { trade: { select: { id: true, code: true, nameZh: true, nameEn: true } } },
        },
      },
    });
    if (!challenge) throw notFound();
    return challenge;
  }

  /**
   * One page of the players with flagged answers, and the counts, in one statement: the per-player
   * aggregate over the challenge's answers is computed once (MATERIALIZED); the requested page is
   * clamped to the page count there (an empty list still has page 1), and the counts come back on
   * every row (and on a row of nulls when the page is empty).
   */
  async function fastPlayers(challengeId: string, requestedPage: number) {
    const rows = await prisma.$queryRaw<(Partial<FastAnswerRow> & { total: number; flaggedAnswers: number; page: number })[]>(sql`
      WITH "perPlayer" AS MATERIALIZED (
        SELECT att."userId" AS "userId",
               COUNT(*) FILTER (WHERE ans."flagged")::int AS "flagged",
               COUNT(*) FILTER (WHERE ans."answeredAt" IS NOT NULL AND NOT ans."expired")::int AS "answered",
               MIN(ans."timeMs") FILTER (WHERE ans."answeredAt" IS NOT NULL AND NOT ans."expired") AS "fastestMs",
               MAX(ans."answeredAt") FILTER (WHERE ans."flagged") AS "lastFlaggedAt"
        FROM "QuizAnswer" ans
        JOIN "QuizAttempt" att ON att."id" = ans."attemptId"
        WHERE att."challengeId" = ${challengeId}
        GROUP BY att."userId"
        HAVING COUNT(*) FILTER (WHERE ans."flagged") > 0
      ), "counts" AS (
        SELECT COUNT(*)::int AS "total", COALESCE(SUM("flagged"), 0)::int AS "flaggedAnswers",
               LEAST(${requestedPage}::int, GREATEST(CEIL(COUNT(*)::numeric / ${FAST_ANSWERS_PAGE_SIZE}::int)::int, 1)) AS "page"
        FROM "perPlayer"
      ), "ranked" AS (
        -- A flagged answer is answered in time, so "answered" is at least 1 here.
        SELECT p.*, u."displayName", ROW_NUMBER() OVER (
                 ORDER BY p."flagged" DESC, p."flagged"::float8 / GREATEST(p."answered", 1) DESC, u."displayName", p."userId") AS "place"
        FROM "perPlayer" p
        JOIN "User" u ON u."id" = p."userId"
      )
      SELECT n.*, r."userId", r."displayName", t."code", t."nameZh", t."nameEn",
             r."flagged", r."answered", r."fastestMs", r."lastFlaggedAt"
      FROM "counts" n
      LEFT JOIN "ranked" r ON r."place" > (n."page" - 1) * ${FAST_ANSWERS_PAGE_SIZE}::int AND r."place" <= n."page" * ${FAST_ANSWERS_PAGE_SIZE}::int
      LEFT JOIN "QuizEntry" e ON e."challengeId" = ${challengeId} AND e."userId" = r."userId"
      LEFT JOIN "Trade" t ON t."id" = e."tradeId"
      ORDER BY r."place"`);
    const counts = rows[0] ?? { total: 0, flaggedAnswers: 0, page: 1 };
    return {
      rows: rows
        .filter((row): row is FastAnswerRow & typeof counts => typeof row.userId === "string")
        .map(
          (row): FastAnswerPlayer => ({
            userId: row.userId,
            displayName: row.displayName,
            trade: tradeRef(row),
            flagged: row.flagged,
            answered: row.answered,
            flaggedShare: row.flagged / Math.max(row.answered, 1),
            fastestMs: row.fastestMs,
            lastFlaggedAt: row.lastFlaggedAt,
          }),
        ),
      total: counts.total,
      flaggedAnswers: counts.flaggedAnswers,
      page: counts.page,
      pageCount: Math.ceil(counts.total / FAST_ANSWERS_PAGE_SIZE),
    };
  }

  /** One player's flagged answers in the challenge, newest first (at most FAST_ANSWERS_DETAIL_MAX), and how many in all. */
  async function playerFastAnswers(challengeId: string, userId: string) {
    const rows = await prisma.$queryRaw<(FastAnswer & { total: number })[]>(sql`
      SELECT att."day", att."level", att."scored", q."id" AS "questionId", q."stem", ans."timeMs", ans."correct", ans."answeredAt",
             COUNT(*) OVER ()::int AS "total"
      FROM "QuizAnswer" ans
      JOIN "QuizAttempt" att ON att."id" = ans."attemptId"
      JOIN "QuizQuestion" q ON q."id" = ans."questionId"
      WHERE att."challengeId" = ${challengeId} AND att."userId" = ${userId} AND ans."flagged"
      ORDER BY ans."answeredAt" DESC, att."id", ans."position"
      LIMIT ${FAST_ANSWERS_DETAIL_MAX}::int`);
    return { answers: rows.map(({ total: _total, ...answer }) => answer), total: rows[0]?.total ?? 0 };
  }

  /**
   * /admin/quiz/:challengeId/fast-answers. Query: `page` (anything but 1–10,000 is page 1, beyond
   * the last is the last), `user` (a player of the challenge: their flagged answers too). Throws
   * notFound for an unknown challenge, and for a `user` who did not enter it.
   */
  async function fastAnswers(viewer: Viewer | null, challengeId: unknown, params: unknown = {}): Promise<FastAnswersPage> {
    requireRole(viewer, "ADMIN");
    const challenge = await findChallenge(challengeId);
    const query = ZFastAnswersQuerySchema.safeParse(params ?? {});
    if (!query.success) throw notFound();
    const { page: requested, user } = query.data;
    const [list, entry] = await Promise.all([
      fastPlayers(challenge.id, requested),
      user === undefined
        ? null
        : prisma.quizEntry.findUnique({
            where: { challengeId_userId: { challengeId: challenge.id, userId: user } },
            select: { userId: true, user: { select: { displayName: true } }, trade: { select: { code: true, nameZh: true, nameEn: true } } },
          }),
    ]);
    if (user !== undefined && !entry) throw notFound();
    const player = entry ? { userId: entry.userId, displayName: entry.user.displayName, trade: tradeRef(entry.trade), ...(await playerFastAnswers(challenge.id, entry.userId)) } : null;
    return {
      challenge: summarizeChallenge(challenge, clock.now(), challenge.trades.length),
      minimumMs: HUMAN_MINIMUM_MS,
      ...list,
      pageSize: FAST_ANSWERS_PAGE_SIZE,
      player,
    };
  }

  /**
   * /admin/quiz/:challengeId/report. Query: `trade` (a trade code) narrows the question list; an
   * unknown or uncovered code is ignored. Throws notFound.
   */
  async function report(viewer: Viewer | null, challengeId: unknown, params: unknown = {}): Promise<ChallengeReport> {
    requireRole(viewer, "ADMIN");
    const challenge = await findChallenge(challengeId);
    const query = ZReportQuerySchema.parse(params ?? {});
    const covered = challenge.trades.map((row) => row.trade);
    const filter = covered.find((trade) => trade.code === query.trade) ?? null;
    const now = clock.now();

    const [{ players, participants }, days, { totalAnswers, ...questions }, entries] = await Promise.all([
      participation(challenge.id, challenge.days, covered.length),
      funnel(challenge),
      questionStats(challenge, filter?.id ?? null),
      prisma.quizEntry.aggregate({ where: { challengeId: challenge.id }, _count: { _all: true, completedAt: true } }),
    ]);
    return {
      challenge: summarizeChallenge(challenge, now, covered.length),
      totals: { entries: entries._count._all, players, completed: entries._count.completedAt, answers: totalAnswers },
      participants,
      funnel: days,
      questions: {
        trade: filter ? tradeRef(filter) : null,
        tradeOptions: covered.map(tradeRef),
        ...questions,
        minAnswers: QUESTION_MIN_ANSWERS,
        thresholds: { brokenBelow: BROKEN_SHARE_BELOW, easyFrom: EASY_SHARE_FROM, easyTimeFraction: EASY_TIME_FRACTION },
      },
    };
  }

  return { report, fastAnswers };
}

export type QuizReports = ReturnType<typeof createQuizReports>;
