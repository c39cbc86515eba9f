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

const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");

export function createSessionService(deps: { prisma: PrismaClient; clock: Clock; ttlMs: number }) {
  const { prisma, clock, ttlMs } = deps;

  return {
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
      await prisma.session.deleteMany({ where: { id: sessionIdOf(token) } });
    },

    /** Signs the user out everywhere except, if given, the current browser. */
    async endAllOf(userId: string, keepToken?: string): Promise<number> {
      const keep = keepToken ? sessionIdOf(keepToken) : undefined;
      const { count } = await prisma.session.deleteMany({
        where: { userId, ...(keep ? { id: { not: keep } } : {}) },
      });
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
