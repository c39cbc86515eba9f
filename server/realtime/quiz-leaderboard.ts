// Live quiz leaderboards over Socket.IO (protocol: ./quiz-events.ts). A page watches one board; the
// server checks the boards its own sockets watch once per PUSH_MS and, for each board whose
// version moved, reads the top rows and every local watcher's place in one call and pushes each
// socket its copy. So a board is pushed at most once a second however many answers move it.
//
// Versions come from the leaderboard store: with Redis they are shared, so a level finished on
// another app process moves the boards watched here too, and each process pushes only to its own
// sockets (no adapter broadcast is needed).
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { Viewer } from "../auth/permissions.ts";
import type { Services } from "../context.ts";
import { isAppError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { CHALLENGE_DAYS_MAX, type BoardQuery } from "../quiz/schema.ts";
import { failureOf } from "./acks.ts";
import type { QuizClientToServerEvents, QuizErrorCode, QuizServerToClientEvents } from "./quiz-events.ts";

/** At most one push of a board per this many ms (the issue: at most once per second). */
export const DEFAULT_QUIZ_PUSH_MS = 1000;

interface QuizSocketData {
  viewer: Viewer | null;
}
type QuizServer = Server<QuizClientToServerEvents, QuizServerToClientEvents, Record<string, never>, QuizSocketData>;
type QuizSocket = Socket<QuizClientToServerEvents, QuizServerToClientEvents, Record<string, never>, QuizSocketData>;

const ZWatch = z.object({
  challengeId: z.string().regex(/^[a-z0-9]{10,40}$/),
  trade: z.string().regex(/^[a-z0-9-]{1,40}$/).nullable().optional(),
  day: z.number().int().min(1).max(CHALLENGE_DAYS_MAX).nullable().optional(),
});

interface Watched {
  query: BoardQuery;
  sockets: Set<QuizSocket>;
  /** The version last pushed (or read when the first socket started watching). */
  version: number;
}

export interface QuizLeaderboardRealtime {
  register(socket: QuizSocket): void;
  close(): void;
}

export function createQuizLeaderboardRealtime(
  _io: QuizServer,
  deps: { services: Services; logger: Logger; pushMs?: number },
): QuizLeaderboardRealtime {
  const quiz = deps.services.quiz;
  const boards = new Map<string, Watched>();
  const watching = new WeakMap<QuizSocket, string>();

  function leave(socket: QuizSocket) {
    const key = watching.get(socket);
    if (key === undefined) return;
    watching.delete(socket);
    const watched = boards.get(key);
    watched?.sockets.delete(socket);
    if (watched?.sockets.size === 0) boards.delete(key);
  }

  const fail = (socket: QuizSocket, code: QuizErrorCode, key: string) => failureOf(socket, code, key);

  async function watch(socket: QuizSocket, payload: unknown) {
    const parsed = ZWatch.safeParse(payload);
    if (!parsed.success) return fail(socket, "badRequest", "quiz.error.notFound");
    const query: BoardQuery = { challengeId: parsed.data.challengeId, trade: parsed.data.trade ?? null, day: parsed.data.day ?? null };
    const key = await quiz.boardOf(query);
    if (key === null) return fail(socket, "notFound", "quiz.error.notFound");
    // The version before the read: a change made while reading is pushed at the next check.
    const version = await quiz.boardVersion(key);
    const viewer = socket.data.viewer;
    const { board, places } = await quiz.standings(query, viewer ? [viewer.id] : []);
    leave(socket);
    let watched = boards.get(key);
    if (!watched) boards.set(key, (watched = { query, sockets: new Set(), version }));
    watched.sockets.add(socket);
    watching.set(socket, key);
    return { ok: true as const, board: { ...board, me: viewer ? (places.get(viewer.id) ?? null) : null } };
  }

  async function push(key: string, watched: Watched) {
    const version = await quiz.boardVersion(key);
    if (version === watched.version) return;
    watched.version = version;
    const sockets = [...watched.sockets];
    const userIds = [...new Set(sockets.flatMap((socket) => (socket.data.viewer ? [socket.data.viewer.id] : [])))];
    const { board, places } = await quiz.standings(watched.query, userIds);
    for (const socket of sockets) {
      const viewer = socket.data.viewer;
      socket.emit("quiz:board", { ...board, me: viewer ? (places.get(viewer.id) ?? null) : null });
    }
  }

  let checking = false;
  const timer = setInterval(() => {
    // A slow check (a slow Redis) is not stacked on by the next one.
    if (checking || boards.size === 0) return;
    checking = true;
    void Promise.all([...boards].map(([key, watched]) => push(key, watched).catch((error: Error) => deps.logger.warn({ err: error.message, board: key }, "quiz leaderboard push failed")))).finally(() => {
      checking = false;
    });
  }, deps.pushMs ?? DEFAULT_QUIZ_PUSH_MS);
  timer.unref();

  return {
    register(socket) {
      // Registered untyped: what arrives is whatever the client sent, checked by ZWatch.
      const on = (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on.bind(socket);
      on("quiz:watch", (...args) => {
        const ack = args.at(-1);
        if (typeof ack !== "function") return;
        watch(socket, args.length === 2 ? args[0] : undefined)
          .then((reply) => ack(reply))
          .catch((error: unknown) => {
            if (isAppError(error)) return ack(fail(socket, error.kind === "notFound" ? "notFound" : "badRequest", error.messageKey));
            deps.logger.error({ err: error, socketId: socket.id }, "quiz:watch failed");
            ack(fail(socket, "unavailable", "quiz.error.unavailable"));
          });
      });
      on("quiz:unwatch", (...args) => {
        leave(socket);
        const ack = args.at(-1);
        if (typeof ack === "function") ack({ ok: true });
      });
      socket.on("disconnect", () => leave(socket));
    },
    close() {
      clearInterval(timer);
      boards.clear();
    },
  };
}
