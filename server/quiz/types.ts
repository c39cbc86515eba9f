// What the quiz services hand to routes and sockets: plain data, no Prisma types. Correct answers
// and explanations appear only in AnswerResult and in views of questions already answered or
// expired; a served question (ServedQuestion) never carries them.
import type { ChallengePhase } from "./calendar.ts";
import type { QuestionKind } from "./schema.ts";

export interface TradeRef {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A trade row (with whatever else it was read with) as the views carry it. */
export const tradeRef = (trade: TradeRef): TradeRef => ({ code: trade.code, nameZh: trade.nameZh, nameEn: trade.nameEn });

export interface ChallengeSummary {
  id: string;
  name: string;
  startDate: string;
  /** The last day's date in China. */
  endDate: string;
  days: number;
  levelsPerDay: number;
  questionsPerLevel: number;
  secondsPerQuestion: number;
  passPercent: number;
  /** Correct answers needed to pass a level. */
  passMark: number;
  phase: ChallengePhase;
  /** The challenge day today (1…days); 0 before the start, days + 1 after the end. */
  today: number;
  tradeCount: number;
}

export type LevelState = "locked" | "open" | "inProgress" | "passed" | "failed";

export interface LevelView {
  day: number;
  level: number;
  state: LevelState;
  /** Played on its own day, its first attempt is scored; later or on a past day, practice. */
  scoredAvailable: boolean;
  /** The scored attempt's result, when there is one. */
  scored: { attemptId: string; score: number; correctCount: number; passed: boolean | null; finished: boolean } | null;
  /** The attempt to resume, if one is in progress. */
  inProgressAttemptId: string | null;
}

export interface DayView {
  day: number;
  date: string;
  /** Days after today are locked; today is scored; earlier days are practice only. */
  state: "locked" | "today" | "past";
  levels: LevelView[];
}

export interface EntryView {
  trade: TradeRef;
  score: number;
  timeMs: number;
  /** False once a scored attempt exists. */
  canChangeTrade: boolean;
  completed: boolean;
  certificateCode: string | null;
}

/** /quiz: the challenge, the viewer's entry and their days (empty for a visitor). */
export interface QuizOverview {
  challenge: ChallengeSummary;
  trades: TradeRef[];
  entry: EntryView | null;
  days: DayView[];
}

/** A question as served: no answer, no explanation. */
export interface ServedQuestion {
  position: number;
  kind: QuestionKind;
  stem: string;
  options: string[];
  servedAt: Date;
  deadlineAt: Date;
  /** Whole milliseconds left at the time of the response (server time). */
  remainingMs: number;
}

/** An answered or expired question: now the answer and the explanation may be shown. */
export interface AnswerResult {
  position: number;
  kind: QuestionKind;
  stem: string;
  options: string[];
  choice: number[];
  answer: number[];
  explanation: string;
  correct: boolean;
  expired: boolean;
  points: number;
  streak: number;
  timeMs: number;
}

export interface AttemptSummary {
  id: string;
  challengeId: string;
  day: number;
  level: number;
  scored: boolean;
  questionCount: number;
  /** Questions answered or expired so far. */
  done: number;
  correctCount: number;
  score: number;
  timeMs: number;
  streak: number;
  finished: boolean;
  passed: boolean | null;
  passMark: number;
}

/**
 * What the play page shows: a question to answer, the result of the last one with a way on, or the
 * finished attempt with every result.
 */
export type PlayState =
  | { kind: "question"; attempt: AttemptSummary; question: ServedQuestion; secondsPerQuestion: number }
  | { kind: "result"; attempt: AttemptSummary; result: AnswerResult }
  | { kind: "finished"; attempt: AttemptSummary; results: AnswerResult[]; badgeEarned: boolean };

export interface LeaderboardRow {
  rank: number;
  userId: string;
  displayName: string;
  trade: TradeRef;
  score: number;
  timeMs: number;
}

export interface LeaderboardView {
  challengeId: string;
  /** null: every trade. */
  trade: TradeRef | null;
  /** null: the whole challenge. */
  day: number | null;
  rows: LeaderboardRow[];
  /** The viewer's own place, also when outside the top rows; null when not on this board. */
  me: LeaderboardRow | null;
  players: number;
}

export interface QuizBadge {
  challengeId: string;
  challengeName: string;
  trade: TradeRef;
  completedAt: Date;
  certificateCode: string;
  score: number;
}

export interface QuizCertificateView extends QuizBadge {
  holderName: string;
  days: number;
}
