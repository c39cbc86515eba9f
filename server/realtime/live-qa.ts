// The live Q&A over Socket.IO: the protocol of live-qa-events.ts on top of services.liveQa.
//
// Every event is checked at this boundary (shape, size, the socket's own event budget, that it
// joined the session's room) before the service sees it, and is answered by an acknowledgement:
// the actor's own view of what the database now holds, or a code and a message in the socket's
// language. Nothing a socket sends can throw out of a handler: unexpected errors are logged and
// answered "unavailable", and the socket stays connected.
//
// Fan-out is batched: a change is queued after the service wrote it, and each session's room gets
// at most one `qa:update` per tick carrying the latest version of every question that changed, the
// viewer count and the pre-moderation switch. Moderators (the host and admins) get their own update
// with hidden and pending questions; everyone else the public views. A flush reads nothing from the
// database: it sends what the service returned. Viewers are counted from the local adapter's rooms,
// summed over the app processes through Redis when there are several (viewer-counts.ts), and
// reported to the live service, whose cards and pages show the same count (server/live/viewers.ts).
//
// With several processes (the Socket.IO Redis adapter), an emit to a room reaches that room's
// sockets in every process. A change is queued only in the process that wrote it, so each client
// still gets it exactly once; viewer counts, which every process refreshes, may arrive twice.
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { Viewer } from "../auth/permissions.ts";
import type { Services } from "../context.ts";
import { isAppError, type AppErrorKind } from "../errors.ts";
import { QA_SORTS } from "../live/qa/schema.ts";
import type { QuestionChange } from "../live/qa/service.ts";
import type { Logger } from "../logger.ts";
import { qaModeratorRoom, qaRoom, type QaClientToServerEvents, type QaErrorCode, type QaFailure, type QaServerToClientEvents, type QaUpdate } from "./live-qa-events.ts";
import { failureOf } from "./acks.ts";
import { localViewerCounts, VIEWER_REFRESH_MS, type ViewerCounts } from "./viewer-counts.ts";

/** How often a room may get a `qa:update` (ms): the design allows 250–500 ms. */
export const DEFAULT_QA_TICK_MS = 300;

/**
 * Each socket's own budget of Q&A events, whatever they are (a token bucket): a burst of
 * SOCKET_EVENT_BURST, refilled at SOCKET_EVENTS_PER_SECOND. It stops a flood before it reaches the
 * database; the service's per-user limits on asking and voting still apply on top.
 */
export const SOCKET_EVENT_BURST = 40;
export const SOCKET_EVENTS_PER_SECOND = 10;
/** A page watches one session; a few more leave room for tabs sharing a connection. */
export const MAX_SESSIONS_PER_SOCKET = 4;

interface QaSocketData {
  viewer: Viewer | null;
}
type QaServer = Server<QaClientToServerEvents, QaServerToClientEvents, Record<string, never>, QaSocketData>;
type QaSocket = Socket<QaClientToServerEvents, QaServerToClientEvents, Record<string, never>, QaSocketData>;

// ── the shape of each event at the socket boundary ───────────────────────────────────────────
// Strict about types (a client that sends a number for a text is broken, not mistaken); the
// service then checks what a person can get wrong (an empty or too long question) with its own
// messages. Caps here bound the work a payload can cause; the engine's buffer size bounds bytes.

const sessionId = z.string().min(1).max(40);
const questionId = z.number().int().positive().max(2_147_483_647);
const ZSessionRef = z.object({ sessionId });
const ZJoin = z.object({ sessionId, sort: z.enum(QA_SORTS).optional(), afterId: z.number().int().min(0).max(2_147_483_647).optional() });
const ZAsk = z.object({ sessionId, text: z.string().max(4_000, "qa.error.textTooLong"), anonymous: z.boolean().optional() });
const ZVote = z.object({ sessionId, questionId, on: z.boolean() });
const ZQuestion = z.object({ sessionId, questionId });
const ZAnswer = z.object({ sessionId, questionId, answer: z.string().max(4_000, "qa.error.answerTooLong").nullable().optional() });
const ZPin = z.object({ sessionId, questionId: questionId.nullable() });
const ZSwitch = z.object({ sessionId, on: z.boolean() });
const ZMute = z.object({ sessionId, userId: z.string().min(1).max(40), on: z.boolean() });

const CODE_OF: Record<AppErrorKind, QaErrorCode> = {
  invalid: "badRequest",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  notFound: "notFound",
  conflict: "conflict",
  rateLimited: "rateLimited",
};

class Refusal extends Error {
  constructor(
    readonly code: QaErrorCode,
    readonly messageKey: string,
  ) {
    super(`${code}: ${messageKey}`);
  }
}

/** What one tick sends for one session: the last change of each question, deletions, the switch. */
interface Batch {
  changes: Map<number, QuestionChange>;
  deleted: Set<number>;
  premoderated?: boolean;
}

export interface LiveQaRealtime {
  /** Registers the Q&A events on a newly connected socket. */
  register(socket: QaSocket): void;
  /** Stops the tick; pending updates are dropped (their sockets are closing). */
  close(): void;
}

export function createLiveQaRealtime(
  io: QaServer,
  deps: { services: Services; logger: Logger; tickMs?: number; viewerCounts?: ViewerCounts },
): LiveQaRealtime {
  const qa = deps.services.liveQa;
  const tickMs = deps.tickMs ?? DEFAULT_QA_TICK_MS;
  const viewerCounts = deps.viewerCounts ?? localViewerCounts;
  const pending = new Map<string, Batch>();
  /** The viewer count each room was last told, so that an unchanged count sends nothing. */
  const toldViewers = new Map<string, number>();
  const budgets = new WeakMap<QaSocket, { tokens: number; at: number }>();
  /** The sessions each socket joined (their rooms are socket.rooms; this names them by session). */
  const watching = new WeakMap<QaSocket, Set<string>>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  // Shared counts change when other processes' viewers come and go: every session watched here
  // gets a batch now and then, which rewrites this process's count and tells the room the total
  // when it changed (an empty batch sends nothing else).
  const refresher = viewerCounts.shared
    ? setInterval(() => {
        for (const room of io.of("/").adapter.rooms.keys()) {
          const session = /^live:([a-z0-9]+)$/.exec(room)?.[1];
          if (session) batchOf(session);
        }
      }, VIEWER_REFRESH_MS)
    : null;
  refresher?.unref();

  // ── batching ───────────────────────────────────────────────────────────────────────────────

  function batchOf(sessionId: string): Batch {
    let batch = pending.get(sessionId);
    if (!batch) pending.set(sessionId, (batch = { changes: new Map(), deleted: new Set() }));
    if (!timer && !closed) {
      timer = setTimeout(flush, tickMs);
      timer.unref();
    }
    return batch;
  }

  function queueChanges(changes: QuestionChange[]) {
    for (const change of changes) {
      const batch = batchOf(change.sessionId);
      if (batch.deleted.has(change.questionId)) continue;
      const before = batch.changes.get(change.questionId);
      // Two writes to one question may finish out of order: the higher version is the newer one.
      if (!before || before.moderator.version <= change.moderator.version) batch.changes.set(change.questionId, change);
    }
  }

  function queueDeletion(sessionId: string, id: number) {
    const batch = batchOf(sessionId);
    batch.changes.delete(id);
    batch.deleted.add(id);
  }

  function flush() {
    timer = null;
    const batches = [...pending];
    pending.clear();
    for (const [sessionId, batch] of batches) {
      const local = io.of("/").adapter.rooms.get(qaRoom(sessionId))?.size ?? 0;
      if (!viewerCounts.shared) {
        // The session's viewer count everywhere else (cards, pages) is this room's.
        deps.services.live.viewers.report(sessionId, local);
        trySend(sessionId, batch, local);
        continue;
      }
      // One Redis round trip per session; replies come back in order (one connection), so the
      // updates of consecutive ticks are not reordered. Without an answer, the local count will do.
      viewerCounts.total(sessionId, local).then(
        (viewers) => {
          deps.services.live.viewers.report(sessionId, viewers);
          trySend(sessionId, batch, viewers);
        },
        (error: unknown) => {
          deps.logger.warn({ err: error, sessionId }, "shared viewer count unavailable");
          trySend(sessionId, batch, local);
        },
      );
    }
  }

  function trySend(sessionId: string, batch: Batch, viewers: number) {
    if (closed) return;
    try {
      send(sessionId, batch, viewers);
    } catch (error) {
      deps.logger.error({ err: error, sessionId }, "live Q&A update could not be sent");
    }
  }

  function send(sessionId: string, batch: Batch, viewers: number) {
    const room = qaRoom(sessionId);
    const moderatorRoom = qaModeratorRoom(sessionId);
    const rooms = io.of("/").adapter.rooms;
    if (viewers === 0) {
      toldViewers.delete(sessionId);
      return;
    }
    const viewersChanged = toldViewers.get(sessionId) !== viewers;
    toldViewers.set(sessionId, viewers);
    const premoderated = batch.premoderated === undefined ? {} : { premoderated: batch.premoderated };
    const deleted = [...batch.deleted];

    const publicUpdate: QaUpdate = { sessionId, questions: [], removed: [...deleted], viewers, ...premoderated };
    const moderatorUpdate: QaUpdate = { sessionId, questions: [], removed: deleted, viewers, ...premoderated };
    for (const change of batch.changes.values()) {
      moderatorUpdate.questions.push(change.moderator);
      if (change.public) publicUpdate.questions.push(change.public);
      // Hidden: gone for everyone but moderators. A question waiting for approval was never
      // public (approval is never taken back), so the public is not told about it at all — and
      // its author, whose client shows it from the acknowledgement, does not lose it.
      else if (change.moderator.hidden) publicUpdate.removed.push(change.questionId);
    }

    const hasNews = (update: QaUpdate) => update.questions.length > 0 || update.removed.length > 0 || batch.premoderated !== undefined || viewersChanged;
    // Moderators are in both rooms; each socket gets exactly one update per tick.
    if (hasNews(publicUpdate)) io.to(room).except(moderatorRoom).emit("qa:update", publicUpdate);
    // Moderators may be connected to another process: with shared rooms, always address theirs.
    if ((viewerCounts.shared || rooms.has(moderatorRoom)) && hasNews(moderatorUpdate)) io.to(moderatorRoom).emit("qa:update", moderatorUpdate);
  }

  // ── the boundary: budget, shape, room, acknowledgement ──────────────────────────────────────

  function withinBudget(socket: QaSocket): boolean {
    const now = Date.now();
    const budget = budgets.get(socket) ?? { tokens: SOCKET_EVENT_BURST, at: now };
    budget.tokens = Math.min(SOCKET_EVENT_BURST, budget.tokens + ((now - budget.at) / 1000) * SOCKET_EVENTS_PER_SECOND);
    budget.at = now;
    budgets.set(socket, budget);
    if (budget.tokens < 1) return false;
    budget.tokens -= 1;
    return true;
  }

  const failure = (socket: QaSocket, code: QaErrorCode, messageKey: string): QaFailure => failureOf(socket, code, messageKey);

  const joined = (socket: QaSocket, id: string) => socket.rooms.has(qaRoom(id));
  function sessionsOf(socket: QaSocket): Set<string> {
    let sessions = watching.get(socket);
    if (!sessions) watching.set(socket, (sessions = new Set()));
    return sessions;
  }

  /**
   * One event: `run` gets the parsed payload and returns the acknowledgement's body and what to
   * queue for the room once the actor has been answered.
   */
  function on<S extends z.ZodType<{ sessionId: string }>, R extends object>(
    socket: QaSocket,
    event: keyof QaClientToServerEvents,
    schema: S,
    options: { needsRoom: boolean },
    run: (input: z.infer<S>, viewer: Viewer | null) => Promise<{ reply: R; after?: () => void }>,
  ) {
    // Registered untyped: what arrives is whatever the client sent, checked below.
    (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, (...args) => {
      const ack = args.at(-1);
      // The protocol answers every event; one without an acknowledgement is from a broken client.
      if (typeof ack !== "function") return;
      const respond = ack as (reply: unknown) => void;
      void (async () => {
        let after: (() => void) | undefined;
        try {
          if (!withinBudget(socket)) throw new Refusal("rateLimited", "qa.error.tooManyEvents");
          // One payload and the acknowledgement; anything else is malformed.
          const parsed = args.length === 2 ? schema.safeParse(args[0]) : schema.safeParse(undefined);
          if (!parsed.success) {
            const message = parsed.error.issues[0]?.message ?? "";
            throw new Refusal("badRequest", message.startsWith("qa.") ? message : "qa.error.badRequest");
          }
          if (options.needsRoom && !joined(socket, parsed.data.sessionId)) throw new Refusal("notJoined", "qa.error.notJoined");
          const outcome = await run(parsed.data, socket.data.viewer);
          after = outcome.after;
          respond({ ok: true, ...outcome.reply });
        } catch (error) {
          if (error instanceof Refusal) return respond(failure(socket, error.code, error.messageKey));
          if (isAppError(error)) return respond(failure(socket, CODE_OF[error.kind], error.messageKey));
          deps.logger.error({ err: error, event, socketId: socket.id }, "live Q&A event failed");
          return respond(failure(socket, "unavailable", "qa.error.unavailable"));
        }
        // The actor has been answered; the room hears of it with the next tick.
        after?.();
      })();
    });
  }

  /** Joins the rooms (after checking the viewer may watch) and answers the state, or only what is after `afterId`. */
  async function join(socket: QaSocket, input: z.infer<typeof ZJoin>, viewer: Viewer | null) {
    const { moderator } = await qa.mayWatch(viewer, input.sessionId);
    const room = qaRoom(input.sessionId);
    const wasIn = socket.rooms.has(room);
    const sessions = sessionsOf(socket);
    if (!wasIn && sessions.size >= MAX_SESSIONS_PER_SOCKET) throw new Refusal("conflict", "qa.error.tooManySessions");
    // In the rooms before reading, so that nothing written after the read is missed: a change
    // both in the state and in the next update is replaced by id, not shown twice.
    await socket.join(moderator ? [room, qaModeratorRoom(input.sessionId)] : room);
    sessions.add(input.sessionId);
    try {
      const state = await qa.state(viewer, input.sessionId, { sort: input.sort, afterId: input.afterId });
      return { reply: { state }, after: wasIn ? undefined : () => batchOf(input.sessionId) };
    } catch (error) {
      if (!wasIn) await leave(socket, input.sessionId);
      throw error;
    }
  }

  async function leave(socket: QaSocket, id: string) {
    if (!joined(socket, id)) return;
    await socket.leave(qaRoom(id));
    await socket.leave(qaModeratorRoom(id));
    sessionsOf(socket).delete(id);
    batchOf(id); // the viewer count changed
  }

  function register(socket: QaSocket) {
    // Re-sync after a reconnect is a join from the last id seen: a new connection has no rooms, and
    // connection-state recovery is not relied on (it does nothing with the Redis adapter).
    on(socket, "qa:join", ZJoin, { needsRoom: false }, (input, viewer) => join(socket, input, viewer));
    on(socket, "qa:sync", ZJoin, { needsRoom: false }, (input, viewer) => join(socket, input, viewer));
    on(socket, "qa:leave", ZSessionRef, { needsRoom: false }, async (input) => {
      await leave(socket, input.sessionId);
      return { reply: {} };
    });

    const one = (change: QuestionChange) => ({ reply: { question: change.mine }, after: () => queueChanges([change]) });
    on(socket, "qa:ask", ZAsk, { needsRoom: true }, async ({ sessionId: id, text, anonymous }, viewer) => one(await qa.ask(viewer, id, { text, anonymous: anonymous ?? false })));
    on(socket, "qa:vote", ZVote, { needsRoom: true }, async ({ sessionId: id, ...input }, viewer) => one(await qa.vote(viewer, id, input)));
    on(socket, "qa:answer", ZAnswer, { needsRoom: true }, async ({ sessionId: id, ...input }, viewer) => one(await qa.answer(viewer, id, input)));
    on(socket, "qa:hide", ZQuestion, { needsRoom: true }, async ({ sessionId: id, ...input }, viewer) => one(await qa.hide(viewer, id, input)));
    on(socket, "qa:restore", ZQuestion, { needsRoom: true }, async ({ sessionId: id, ...input }, viewer) => one(await qa.restore(viewer, id, input)));
    on(socket, "qa:approve", ZQuestion, { needsRoom: true }, async ({ sessionId: id, ...input }, viewer) => one(await qa.approve(viewer, id, input)));
    on(socket, "qa:pin", ZPin, { needsRoom: true }, async ({ sessionId: id, ...input }, viewer) => {
      const changes = await qa.pin(viewer, id, input);
      return { reply: { questions: changes.map((change) => change.mine) }, after: () => queueChanges(changes) };
    });
    on(socket, "qa:delete", ZQuestion, { needsRoom: true }, async ({ sessionId: id, ...input }, viewer) => {
      const { questionId: deleted } = await qa.remove(viewer, id, input);
      return { reply: { questionId: deleted }, after: () => queueDeletion(id, deleted) };
    });
    on(socket, "qa:premoderate", ZSwitch, { needsRoom: true }, async ({ sessionId: id, on: isOn }, viewer) => {
      const { premoderated } = await qa.setPremoderation(viewer, id, { on: isOn });
      return { reply: { premoderated }, after: () => void (batchOf(id).premoderated = premoderated) };
    });
    // A mute changes what the muted user may do, not what anyone sees: nothing to broadcast.
    on(socket, "qa:mute", ZMute, { needsRoom: true }, async ({ sessionId: id, ...input }, viewer) => {
      const { userId, muted } = await qa.mute(viewer, id, input);
      return { reply: { userId, muted } };
    });

    // The socket leaves its rooms as it disconnects: their viewer counts change.
    socket.on("disconnect", () => {
      for (const id of sessionsOf(socket)) batchOf(id);
      watching.delete(socket);
    });
  }

  return {
    register,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (refresher) clearInterval(refresher);
      timer = null;
      pending.clear();
      toldViewers.clear();
    },
  };
}
