// Socket.IO for tests: a real http.Server with attachRealtime on a loopback port, socket.io-client
// connections signed in by the web session cookie, acknowledgements with a deadline, and a log of
// the `qa:update` batches a client received, to wait on by event (never by sleeping).
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { systemClock } from "../../server/clock.ts";
import type { Services } from "../../server/context.ts";
import type { Database } from "../../server/db/client.ts";
import { SESSION_COOKIE } from "../../server/http/cookies.ts";
import { createQaService, type QaRateLimitConfig } from "../../server/live/qa/service.ts";
import { createLogger, type Logger } from "../../server/logger.ts";
import { attachRealtime, type ClientToServerEvents, type ServerToClientEvents } from "../../server/realtime/index.ts";
import type { QaUpdate } from "../../server/realtime/live-qa-events.ts";
import { createTestServices } from "./services.ts";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Generous enough that tests not about rate limits never meet them. */
export const RELAXED_QA_RATE_LIMITS: QaRateLimitConfig = { ask: { points: 1000, windowSeconds: 1 }, vote: { points: 1000, windowSeconds: 1 } };

export interface RealtimeServer {
  origin: string;
  io: ReturnType<typeof attachRealtime>;
  httpServer: HttpServer;
  services: Services;
  close(): Promise<void>;
}

/**
 * The app's services on `db` (or `services`; the Q&A service with `qaRateLimits` when given) behind
 * Socket.IO on a free loopback port, with a Q&A tick of `tickMs` (and quiz boards checked every
 * `quizPushMs`).
 */
export async function startRealtimeServer(
  db: Database,
  options: { tickMs: number; qaRateLimits?: QaRateLimitConfig; logger?: Logger; quizPushMs?: number; services?: Services },
): Promise<RealtimeServer> {
  const base = options.services ?? createTestServices(db);
  const services: Services = options.qaRateLimits
    ? { ...base, liveQa: createQaService({ prisma: db.prisma, clock: systemClock, rateLimits: options.qaRateLimits }) }
    : base;
  const httpServer = createServer();
  const io = attachRealtime(httpServer, { services, logger: options.logger ?? createLogger("silent"), publicOrigin: undefined, qaTickMs: options.tickMs, quizPushMs: options.quizPushMs });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    origin,
    io,
    httpServer,
    services,
    async close() {
      await io.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** Connections a test opened, closed together in afterEach. */
export function socketPool() {
  const open: TestSocket[] = [];
  return {
    /** Connects as the holder of `token` (none: a visitor) and waits until the server accepted. */
    async connect(origin: string, options: { token?: string; headers?: Record<string, string> } = {}): Promise<TestSocket> {
      const cookie = [options.token ? `${SESSION_COOKIE}=${options.token}` : "", options.headers?.cookie ?? ""].filter(Boolean).join("; ");
      const socket: TestSocket = connect(origin, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        timeout: 10_000,
        extraHeaders: { origin, ...options.headers, ...(cookie ? { cookie } : {}) },
      });
      open.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      return socket;
    },
    closeAll() {
      for (const socket of open.splice(0)) socket.disconnect();
    },
  };
}

/**
 * Sends `event` with `args` and resolves with the acknowledgement. Untyped on purpose: tests also
 * send what a broken or hostile client would.
 */
export function request(socket: TestSocket, event: string, ...args: unknown[]): Promise<any> {
  return (socket.timeout(10_000) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> }).emitWithAck(event, ...args);
}

/** Sends `event` with `args` as they are (no acknowledgement unless one is among them). */
export function emitRaw(socket: TestSocket, event: string, ...args: unknown[]): void {
  (socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args);
}

/** Whether the server still answers this socket (it was not disconnected). */
export async function stillConnected(socket: TestSocket): Promise<boolean> {
  if (!socket.connected) return false;
  const reply = await request(socket, "session:whoami");
  return reply.ok === true;
}

export interface UpdateLog {
  /** Every `qa:update` received, in order. */
  readonly updates: QaUpdate[];
  /**
   * Resolves with the first update from the `since`-th on (received before or after the call)
   * that `accept` takes; `since` is `updates.length` at some earlier point.
   */
  waitFor(accept: (update: QaUpdate) => boolean, what: string, since?: number): Promise<QaUpdate>;
  /** Every version of question `id` that arrived, in order. */
  versionsOf(id: number): QaUpdate["questions"];
}

export function updatesOf(socket: TestSocket): UpdateLog {
  const updates: QaUpdate[] = [];
  const waiters = new Set<(update: QaUpdate) => void>();
  socket.on("qa:update", (update) => {
    updates.push(update);
    for (const waiter of [...waiters]) waiter(update);
  });
  return {
    updates,
    waitFor(accept, what, since = 0) {
      const seen = updates.slice(since).find(accept);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`gave up waiting for an update with ${what}; received ${JSON.stringify(updates)}`));
        }, 10_000);
        const waiter = (update: QaUpdate) => {
          if (!accept(update)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(update);
        };
        waiters.add(waiter);
      });
    },
    versionsOf: (id) => updates.flatMap((update) => update.questions.filter((question) => question.id === id)),
  };
}

/** Predicates for waitFor. */
export const has = {
  question: (id: number, accept: (question: QaUpdate["questions"][number]) => boolean = () => true) => (update: QaUpdate) =>
    update.questions.some((question) => question.id === id && accept(question)),
  removed: (id: number) => (update: QaUpdate) => update.removed.includes(id),
  viewers: (count: number) => (update: QaUpdate) => update.viewers === count,
};
