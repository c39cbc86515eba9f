// The live Q&A socket protocol, shared by the server (server/realtime/live-qa.ts) and the page's
// client (app/components/live-qa-*.tsx): event names and payloads. Types only — importing this
// file brings no server code into the browser bundle.
//
// Every client event carries the session id and is answered by an acknowledgement: `{ ok: true,
// ... }` with what the database now holds, or `{ ok: false, code, message }` with an error code
// and a message in the socket's language. The server writes before it broadcasts, and batches
// what it broadcasts per room: at most one `qa:update` per tick.
import type { QaSort } from "../live/qa/schema.ts";
import type { QaState, QuestionView } from "../live/qa/types.ts";

export type QaErrorCode = "badRequest" | "unauthorized" | "forbidden" | "notFound" | "conflict" | "rateLimited" | "notJoined" | "unavailable";

export type QaFailure = { ok: false; code: QaErrorCode; message: string };
export type QaAck<T> = (reply: ({ ok: true } & T) | QaFailure) => void;

export interface QaJoinRequest {
  sessionId: string;
  sort?: QaSort;
  /** Re-sync: only questions after this id (the last one the client saw). */
  afterId?: number;
}

export interface QaUpdate {
  sessionId: string;
  /** New or changed questions as this audience sees them (replace by id when `version` is newer). */
  questions: QuestionView[];
  /** Questions gone for this audience (deleted, hidden, or no longer visible). */
  removed: number[];
  /** Sockets in the room now. */
  viewers: number;
  /** Present when the host switched pre-moderation. */
  premoderated?: boolean;
}

export interface QaClientToServerEvents {
  /** Joins the session's room (and its moderators' room for the host and admins); answers the state. */
  "qa:join": (request: QaJoinRequest, ack: QaAck<{ state: QaState }>) => void;
  "qa:leave": (request: { sessionId: string }, ack: QaAck<Record<never, never>>) => void;
  /** Questions after `afterId`, for a client that reconnected. */
  "qa:sync": (request: QaJoinRequest, ack: QaAck<{ state: QaState }>) => void;
  "qa:ask": (request: { sessionId: string; text: string; anonymous?: boolean }, ack: QaAck<{ question: QuestionView }>) => void;
  "qa:vote": (request: { sessionId: string; questionId: number; on: boolean }, ack: QaAck<{ question: QuestionView }>) => void;
  "qa:delete": (request: { sessionId: string; questionId: number }, ack: QaAck<{ questionId: number }>) => void;
  "qa:answer": (request: { sessionId: string; questionId: number; answer?: string | null }, ack: QaAck<{ question: QuestionView }>) => void;
  "qa:pin": (request: { sessionId: string; questionId: number | null }, ack: QaAck<{ questions: QuestionView[] }>) => void;
  "qa:hide": (request: { sessionId: string; questionId: number }, ack: QaAck<{ question: QuestionView }>) => void;
  "qa:restore": (request: { sessionId: string; questionId: number }, ack: QaAck<{ question: QuestionView }>) => void;
  "qa:approve": (request: { sessionId: string; questionId: number }, ack: QaAck<{ question: QuestionView }>) => void;
  "qa:premoderate": (request: { sessionId: string; on: boolean }, ack: QaAck<{ premoderated: boolean }>) => void;
  "qa:mute": (request: { sessionId: string; userId: string; on: boolean }, ack: QaAck<{ userId: string; muted: boolean }>) => void;
}

export interface QaServerToClientEvents {
  /** Batched changes for the room (moderators get their own, with hidden and pending questions). */
  "qa:update": (update: QaUpdate) => void;
}

/** Room names: everyone watching a session, and its moderators. */
export const qaRoom = (sessionId: string) => `live:${sessionId}`;
export const qaModeratorRoom = (sessionId: string) => `live:${sessionId}:mod`;
