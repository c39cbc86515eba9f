// Socket.IO on the same http.Server. A socket is authenticated from the web session cookie and
// accepted only from this site's pages (Origin). Domain events (live Q&A, quiz leaderboards) register here.
// With Redis (REDIS_URL), rooms span every app process through the Socket.IO Redis adapter (its
// pub/sub flavour, decision 013); without it, the in-memory adapter of one process.
//
// Failures at the connection level are logged and survived: a refused or broken handshake is an
// engine "connection_error"; an accept error of the listening socket is the http.Server's "error"
// event, which its owner listens to (server/http/server.ts). On Linux, running out of file
// descriptors does not even reach that event: libuv accepts and closes the pending connections
// (its EMFILE trick), so those clients see a reset and reconnect later.
import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Server } from "socket.io";
import type { Viewer } from "../auth/permissions.ts";
import { sessionIdOf, type SessionEvent } from "../auth/sessions.ts";
import type { Services } from "../context.ts";
import { readSessionToken } from "../http/cookies.ts";
import type { Logger } from "../logger.ts";
import type { RedisHandle } from "../redis.ts";
import { writeBroadcastsAsFrames } from "./broadcast-frames.ts";
import { createLiveQaRealtime } from "./live-qa.ts";
import type { QaClientToServerEvents, QaServerToClientEvents } from "./live-qa-events.ts";
import type { QuizClientToServerEvents, QuizServerToClientEvents } from "./quiz-events.ts";
import { createQuizLeaderboardRealtime } from "./quiz-leaderboard.ts";
import { localViewerCounts, redisViewerCounts } from "./viewer-counts.ts";

/**
 * The largest message a client may send (bytes). Q&A events are a few hundred bytes (a question
 * is at most 300 characters); a socket that sends more is disconnected by the engine.
 */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export interface SocketData {
  viewer: Viewer | null;
  /** The web session the socket acts for (its id, not the token); null for visitors. */
  sessionId: string | null;
}

// Every signed-in socket is in its user's room and its session's room, so that a sign-out or a
// role change reaches its sockets in every process (with the Redis adapter too).
const userRoom = (userId: string) => `user:${userId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * Closes the sockets of what a sign-out or role change touched. Closing the connection (not only
 * the socket) makes the client's next connection a new handshake, which reads the cookie again:
 * it comes back as whoever the browser now is (a visitor after a sign-out, the new role after a
 * change), and the page joins its rooms again.
 */
function closeSocketsOf(io: Server, event: SessionEvent): void {
  const sockets =
    event.kind === "ended"
      ? io.in(sessionRoom(event.sessionId))
      : event.kind === "endedAllOf" && event.keptSessionId
        ? io.in(userRoom(event.userId)).except(sessionRoom(event.keptSessionId))
        : io.in(userRoom(event.userId));
  sockets.disconnectSockets(true);
}

export type WhoAmIReply = { ok: true; viewer: Viewer | null };

export interface ClientToServerEvents extends QaClientToServerEvents, QuizClientToServerEvents {
  "session:whoami": (ack: (reply: WhoAmIReply) => void) => void;
}
export interface ServerToClientEvents extends QaServerToClientEvents, QuizServerToClientEvents {}

export function attachRealtime(
  httpServer: HttpServer,
  deps: {
    services: Services;
    logger: Logger;
    publicOrigin: string | undefined;
    /** How often a live Q&A room gets its batched update (ms); tests shorten it. */
    qaTickMs?: number;
    /** How often watched quiz leaderboards are checked for changes (ms); tests shorten it. */
    quizPushMs?: number;
    /** REDIS_URL's connections (server/redis.ts): rooms and viewer counts shared by every process. */
    redis?: RedisHandle | null;
  },
) {
  const redis = deps.redis ?? null;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    perMessageDeflate: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // React Router and Vite's HMR socket share this server; leave their upgrades alone.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const expected = deps.publicOrigin ?? (req.headers.host ? `http://${req.headers.host}` : undefined);
      const httpsExpected = expected?.replace(/^http:/, "https:");
      callback(null, origin !== undefined && (origin === expected || origin === httpsExpected));
    },
    // Publishing and subscribing need connections of their own: a subscribed one runs nothing else.
    ...(redis
      ? { adapter: createAdapter(redis.connection("socket.io-pub"), redis.connection("socket.io-sub"), { key: `${redis.keyPrefix}socket.io` }) }
      : {}),
  });

  writeBroadcastsAsFrames(io);

  io.use(async (socket, next) => {
    try {
      const token = readSessionToken(socket.handshake.headers.cookie);
      const viewer = await deps.services.sessions.viewerOf(token);
      socket.data.viewer = viewer;
      socket.data.sessionId = viewer && token ? sessionIdOf(token) : null;
      next();
    } catch (error) {
      deps.logger.error({ err: error }, "socket authentication failed");
      next(new Error("unavailable"));
    }
  });

  io.engine.on("connection_error", (error: { code: number; message: string; context?: unknown }) => {
    deps.logger.warn({ code: error.code, reason: error.message, context: error.context }, "socket handshake refused");
  });

  const liveQa = createLiveQaRealtime(io, {
    services: deps.services,
    logger: deps.logger,
    tickMs: deps.qaTickMs,
    viewerCounts: redis ? redisViewerCounts(redis) : localViewerCounts,
  });
  const quizBoards = createQuizLeaderboardRealtime(io, { services: deps.services, logger: deps.logger, pushMs: deps.quizPushMs });
  const unsubscribe = deps.services.sessions.subscribe((event) => closeSocketsOf(io, event));
  // The Q&A tick and the leaderboard checks are timers of this server: they stop with it.
  const close = io.close.bind(io);
  io.close = (fn) => {
    unsubscribe();
    liveQa.close();
    quizBoards.close();
    return close(fn);
  };

  io.on("connection", (socket) => {
    const { viewer, sessionId } = socket.data;
    if (viewer && sessionId) void socket.join([userRoom(viewer.id), sessionRoom(sessionId)]);
    // Tells a client who the server thinks it is: the handshake and the page agree on the session.
    socket.on("session:whoami", (ack) => {
      if (typeof ack !== "function") return;
      const viewer = socket.data.viewer;
      ack({ ok: true, viewer: viewer ? { id: viewer.id, displayName: viewer.displayName, role: viewer.role } : null });
    });
    liveQa.register(socket);
    quizBoards.register(socket);
  });

  return io;
}
