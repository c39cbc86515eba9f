// Socket.IO on the same http.Server. A socket is authenticated from the web session cookie and
// accepted only from this site's pages (Origin). Domain events (live Q&A, leaderboards) register here.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Viewer } from "../auth/permissions.ts";
import type { Services } from "../context.ts";
import { readSessionToken } from "../http/cookies.ts";
import type { Logger } from "../logger.ts";

export interface SocketData {
  viewer: Viewer | null;
}

export type WhoAmIReply = { ok: true; viewer: Viewer | null };

export interface ClientToServerEvents {
  "session:whoami": (ack: (reply: WhoAmIReply) => void) => void;
}

export function attachRealtime(
  httpServer: HttpServer,
  deps: { services: Services; logger: Logger; publicOrigin: string | undefined },
) {
  const io = new Server<ClientToServerEvents, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    perMessageDeflate: false,
    // React Router and Vite's HMR socket share this server; leave their upgrades alone.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const expected = deps.publicOrigin ?? (req.headers.host ? `http://${req.headers.host}` : undefined);
      const httpsExpected = expected?.replace(/^http:/, "https:");
      callback(null, origin !== undefined && (origin === expected || origin === httpsExpected));
    },
  });

  io.use(async (socket, next) => {
    try {
      socket.data.viewer = await deps.services.sessions.viewerOf(readSessionToken(socket.handshake.headers.cookie));
      next();
    } catch (error) {
      deps.logger.error({ err: error }, "socket authentication failed");
      next(new Error("unavailable"));
    }
  });

  io.on("connection", (socket) => {
    // Tells a client who the server thinks it is: the handshake and the page agree on the session.
    socket.on("session:whoami", (ack) => {
      if (typeof ack !== "function") return;
      const viewer = socket.data.viewer;
      ack({ ok: true, viewer: viewer ? { id: viewer.id, displayName: viewer.displayName, role: viewer.role } : null });
    });
  });

  return io;
}
