// Database sessions. The cookie carries a random token; the table keeps only its SHA-256, so a
// leaked database cannot be replayed as cookies. Sessions are revocable one by one or all at once.
import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../clock.ts";
import type { PrismaClient } from "../db/client.ts";
import type { Viewer } from "./permissions.ts";

// lastSeenAt is refreshed at most this often, so reading a session is not a write per request.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export interface SessionMeta {
  ip?: string;
  userAgent?: string;
}

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  ip: string | null;
  isCurrent: boolean;
}

/** The session's id in the database (and in realtime room names): the token's SHA-256. */
export const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * What ended or changed, for whoever holds a connection on a session's behalf (the realtime
 * layer closes its sockets, which then reconnect as whoever the browser now is).
 */
export type SessionEvent =
  /** One session was signed out. */
  | { kind: "ended"; sessionId: string }
  /** Every session of a user was signed out, but the one kept (if any). */
  | { kind: "endedAllOf"; userId: string; keptSessionId: string | null }
  /** The user's role changed: their sessions stay, what they may do does not. */
  | { kind: "userChanged"; userId: string };
export type SessionListener = (event: SessionEvent) => void;

export function createSessionService(deps: { prisma: PrismaClient; clock: Clock; ttlMs: number }) {
  const { prisma, clock, ttlMs } = deps;
  const listeners = new Set<SessionListener>();
  const publish = (event: SessionEvent) => {
    for (const listener of listeners) listener(event);
  };

  return {
    /** Calls `listener` after each sign-out or user change in this process; returns the unsubscribe. */
    subscribe(listener: SessionListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Tells the listeners that a user's role changed (after it was written). */
    userChanged(userId: string): void {
      publish({ kind: "userChanged", userId });
    },

    /** Starts a session and returns the token for the cookie. */
    async start(userId: string, meta: SessionMeta): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      const now = clock.now();
      await prisma.session.create({
        data: {
          id: sessionIdOf(token),
          userId,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + ttlMs),
          ip: meta.ip?.slice(0, 64),
          userAgent: meta.userAgent?.slice(0, 300),
        },
      });
      return token;
    },

    /** The signed-in user of a token, or null when it is unknown, revoked or expired. */
    async viewerOf(token: string | undefined): Promise<Viewer | null> {
      if (!token || token.length > 100) return null;
      const session = await prisma.session.findUnique({
        where: { id: sessionIdOf(token) },
        include: { user: { select: { id: true, displayName: true, role: true } } },
      });
      if (!session) return null;
      const now = clock.now();
      if (session.expiresAt <= now) {
        await prisma.session.deleteMany({ where: { id: session.id } });
        return null;
      }
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
      }
      return session.user;
    },

    async end(token: string | undefined): Promise<void> {
      if (!token) return;
      const sessionId = sessionIdOf(token);
      await prisma.session.deleteMany({ where: { id: sessionId } });
      publish({ kind: "ended", sessionId });
    },

    /** Signs the user out everywhere except, if given, the current browser. */
    async endAllOf(userId: string, keepToken?: string): Promise<number> {
      const keep = keepToken ? sessionIdOf(keepToken) : undefined;
      const { count } = await prisma.session.deleteMany({
        where: { userId, ...(keep ? { id: { not: keep } } : {}) },
      });
      publish({ kind: "endedAllOf", userId, keptSessionId: keep ?? null });
      return count;
    },

    async listOf(userId: string, currentToken?: string): Promise<SessionSummary[]> {
      const current = currentToken ? sessionIdOf(currentToken) : undefined;
      const sessions = await prisma.session.findMany({
        where: { userId, expiresAt: { gt: clock.now() } },
        orderBy: { lastSeenAt: "desc" },
        select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true },
      });
      return sessions.map((session) => ({ ...session, isCurrent: session.id === current }));
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
