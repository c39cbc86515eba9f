// The quiz challenge for workers: the overview of a challenge, choosing a trade, starting a level,
// serving its questions one at a time with server-side deadlines, answering (once per question),
// scoring, leaderboards, badges and certificates. Time is the injected clock's, never the client's.
import type { Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import type { PrismaClient } from "../db/client.ts";
import type { FormResult } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { RateLimitFactory } from "../security/rate-limits.ts";
import type { LeaderboardStore } from "./leaderboard-store.ts";
import type { BoardQuery } from "./schema.ts";
import type { AnswerResult, EntryView, LeaderboardView, PlayState, QuizBadge, QuizCertificateView, QuizOverview } from "./types.ts";

export interface QuizServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  leaderboards: LeaderboardStore;
  rateLimitFactory: RateLimitFactory;
}

export function createQuizService(_deps: QuizServiceDeps) {
  const pending = () => Promise.reject(new Error("not implemented yet"));
  return {
    /** The challenge running now, else the next to start, else the last to end; null when there is none. */
    current: (_viewer: Viewer | null): Promise<QuizOverview | null> => pending(),
    /** One challenge as the viewer sees it. Throws notFound. */
    overview: (_viewer: Viewer | null, _challengeId: string): Promise<QuizOverview> => pending(),
    /** Form fields: challengeId, trade (a trade code). Refused once a scored attempt exists. */
    chooseTrade: (_viewer: Viewer | null, _form: Record<string, unknown>): Promise<FormResult<EntryView>> => pending(),
    /**
     * Fields: challengeId, day, level. Resumes the level's attempt in progress, if any; otherwise
     * starts one (scored when it is the level's first on its own day) and serves its first question.
     * Throws AppError: unauthorized, notFound, forbidden (locked: quiz.error.dayLocked / levelLocked),
     * conflict (quiz.error.tradeFirst), rateLimited.
     */
    start: (_viewer: Viewer | null, _input: Record<string, unknown>): Promise<{ attemptId: string }> => pending(),
    /** The attempt's state; an unanswered question past its deadline is recorded as expired first. */
    play: (_viewer: Viewer | null, _attemptId: string): Promise<PlayState> => pending(),
    /** Serves the next question (after the worker has seen the last result); the state after it. */
    next: (_viewer: Viewer | null, _attemptId: string): Promise<PlayState> => pending(),
    /**
     * Fields: attemptId, position, choice (option indexes). Once per question: a second answer, an
     * answer to another position, after the deadline or to another user's attempt is refused
     * (AppError conflict / forbidden with a quiz.error.* key) and changes nothing.
     */
    answer: (_viewer: Viewer | null, _input: Record<string, unknown>): Promise<AnswerResult> => pending(),
    /** Top rows and the viewer's own place. Throws notFound. */
    leaderboard: (_viewer: Viewer | null, _query: BoardQuery, _limit?: number): Promise<LeaderboardView> => pending(),
    /** A board's key for a query (server/quiz/leaderboard-store.ts), or null when the trade is unknown. */
    boardOf: (_query: BoardQuery): Promise<string | null> => pending(),
    badges: (_userId: string): Promise<QuizBadge[]> => pending(),
    certificate: (_code: string): Promise<QuizCertificateView | null> => pending(),
  };
}

export type QuizService = ReturnType<typeof createQuizService>;
