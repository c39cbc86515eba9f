// The quiz leaderboard socket protocol, shared by the server (server/realtime/quiz-leaderboard.ts)
// and the leaderboard page's client (app/components/quiz-*.tsx). Types only.
//
// A client watches one board at a time; the server pushes that board (top rows plus the socket's
// own place) at most once per second, and only when it changed. Acknowledgements follow the live
// Q&A's shape: `{ ok: true, ... }` or `{ ok: false, code, message }`.
import type { LeaderboardView } from "../quiz/types.ts";

export type QuizErrorCode = "badRequest" | "notFound" | "unavailable";
export type QuizFailure = { ok: false; code: QuizErrorCode; message: string };
export type QuizAck<T> = (reply: ({ ok: true } & T) | QuizFailure) => void;

export interface QuizWatchRequest {
  challengeId: string;
  /** A trade code; null or absent: every trade. */
  trade?: string | null;
  /** A challenge day; null or absent: the whole challenge. */
  day?: number | null;
}

export interface QuizClientToServerEvents {
  /** Watches a board (leaving the one watched before); answers its current state. */
  "quiz:watch": (request: QuizWatchRequest, ack: QuizAck<{ board: LeaderboardView }>) => void;
  "quiz:unwatch": (ack: QuizAck<Record<never, never>>) => void;
}

export interface QuizServerToClientEvents {
  /** The watched board, changed. */
  "quiz:board": (board: LeaderboardView) => void;
}

/** Room of everyone watching a board (board keys: server/quiz/leaderboard-store.ts). */
export const quizBoardRoom = (board: string) => `quiz:${board}`;
