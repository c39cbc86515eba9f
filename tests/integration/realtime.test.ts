// Socket.IO on a real http.Server: sockets are signed in by the web session cookie and accepted
// only from this site's own pages.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { SESSION_COOKIE } from "../../server/http/cookies.ts";
import { createLogger } from "../../server/logger.ts";
import { attachRealtime, type WhoAmIReply } from "../../server/realtime/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createTestServices } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let httpServer: HttpServer;
let io: ReturnType<typeof attachRealtime>;
let origin: string;
let connections = 0;
const sockets: Socket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db);
  httpServer = createServer();
  io = attachRealtime(httpServer, { services, logger: createLogger("silent"), publicOrigin: undefined });
  io.on("connection", () => connections++);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

afterAll(async () => {
  if (io) await io.close();
  if (httpServer) {
    httpServer.closeAllConnections();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
  }
  await db?.cleanup();
});

function open(headers: Record<string, string>): Socket {
  const socket = connect(origin, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
    extraHeaders: headers,
  });
  sockets.push(socket);
  return socket;
}

/** Connects and asks the server who it thinks we are. */
async function whoami(headers: Record<string, string>): Promise<Viewer | null> {
  const socket = open(headers);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  const reply: WhoAmIReply = await socket.timeout(5000).emitWithAck("session:whoami");
  expect(reply.ok).toBe(true);
  return reply.viewer;
}

/** Resolves with the error when the server refuses the connection; fails if it connects. */
function refusal(headers: Record<string, string>): Promise<Error> {
  const socket = open(headers);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("the server accepted the connection")));
    socket.once("connect_error", resolve);
  });
}

describe("a realtime connection", () => {
  it("from a signed-in page knows its user", async () => {
    const { token, viewer } = await signedInUser(db.prisma, services.sessions, { displayName: "李建国", role: "CRAFTSMAN" });

    expect(await whoami({ origin, cookie: `theme=dark; ${SESSION_COOKIE}=${token}` })).toEqual({
      id: viewer.id,
      displayName: "李建国",
      role: "CRAFTSMAN",
    });
  });

  it("without a session cookie is anonymous", async () => {
    expect(await whoami({ origin })).toBeNull();
    expect(await whoami({ origin, cookie: "theme=dark" })).toBeNull();
  });

  it("with a session that was signed out or never existed is anonymous", async () => {
    const { token } = await signedInUser(db.prisma, services.sessions);
    await services.accounts.logout(token);

    expect(await whoami({ origin, cookie: `${SESSION_COOKIE}=${token}` })).toBeNull();
    expect(await whoami({ origin, cookie: `${SESSION_COOKIE}=forged-token` })).toBeNull();
  });

  it("from another site's page is refused, even with a valid session", async () => {
    const { token } = await signedInUser(db.prisma, services.sessions);
    const connectionsBefore = connections;

    const error = await refusal({ origin: "http://evil.example", cookie: `${SESSION_COOKIE}=${token}` });

    expect(error).toBeInstanceOf(Error);
    expect(connections).toBe(connectionsBefore);
  });

  it("from a page on another port of the same host is refused", async () => {
    await expect(refusal({ origin: "http://127.0.0.1:1" })).resolves.toBeInstanceOf(Error);
  });

  it("without an Origin header is refused", async () => {
    await expect(refusal({})).resolves.toBeInstanceOf(Error);
  });
});

describe("a realtime connection behind a proxy (PUBLIC_ORIGIN set)", () => {
  it("is accepted from the public origin only", async () => {
    const proxied = createServer();
    const proxiedIo = attachRealtime(proxied, {
      services,
      logger: createLogger("silent"),
      publicOrigin: "https://jiangxin.example",
    });
    await new Promise<void>((resolve) => proxied.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}`;
    const attempt = (headerOrigin: string) => {
      const socket = connect(url, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { origin: headerOrigin } });
      sockets.push(socket);
      return new Promise<boolean>((resolve) => {
        socket.once("connect", () => resolve(true));
        socket.once("connect_error", () => resolve(false));
      });
    };
    try {
      expect(await attempt("https://jiangxin.example")).toBe(true);
      expect(await attempt(url)).toBe(false);
      expect(await attempt("https://evil.example")).toBe(false);
    } finally {
      for (const socket of sockets.splice(0)) socket.disconnect();
      await proxiedIo.close();
      proxied.closeAllConnections();
      await new Promise<void>((resolve) => proxied.close(() => resolve()));
    }
  });
});

/** Connects with a session cookie and waits until the server accepted the socket. */
async function signedInSocket(token: string): Promise<Socket> {
  const socket = open({ origin, cookie: `${SESSION_COOKIE}=${token}` });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Resolves with the reason when the socket disconnects. */
const disconnection = (socket: Socket) => new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

/** Who the server says this connected socket is. */
async function whoIs(socket: Socket): Promise<Viewer | null> {
  const reply: WhoAmIReply = await socket.timeout(5000).emitWithAck("session:whoami");
  return reply.viewer;
}

describe("a signed-in connection follows its session", () => {
  it("is closed when its session signs out, and comes back as a visitor; other sessions' sockets stay", async () => {
    const { token, viewer } = await signedInUser(db.prisma, services.sessions);
    const otherBrowser = await services.sessions.start(viewer.id, { userAgent: "vitest" });
    const someoneElse = await signedInUser(db.prisma, services.sessions);
    const signedOut = await signedInSocket(token);
    const sameUserElsewhere = await signedInSocket(otherBrowser);
    const unrelated = await signedInSocket(someoneElse.token);
    const closed = disconnection(signedOut);

    await services.accounts.logout(token);

    expect(await closed).toBe("io server disconnect");
    expect((await whoIs(sameUserElsewhere))?.id).toBe(viewer.id);
    expect((await whoIs(unrelated))?.id).toBe(someoneElse.viewer.id);
    // The page connects again with the cookie it has: the session is gone.
    expect(await whoami({ origin, cookie: `${SESSION_COOKIE}=${token}` })).toBeNull();
  });

  it("signing out the other browsers closes their sockets and keeps this one's", async () => {
    const { token, viewer } = await signedInUser(db.prisma, services.sessions);
    const otherBrowser = await services.sessions.start(viewer.id, { userAgent: "vitest" });
    const here = await signedInSocket(token);
    const there = await signedInSocket(otherBrowser);
    const closed = disconnection(there);

    expect(await services.accounts.signOutOtherSessions(viewer, token)).toBe(1);

    expect(await closed).toBe("io server disconnect");
    expect((await whoIs(here))?.id).toBe(viewer.id);
  });

  it("is closed when an admin changes the user's role, and comes back with the new role", async () => {
    const admin = await signedInUser(db.prisma, services.sessions, { role: "ADMIN" });
    const { token, viewer } = await signedInUser(db.prisma, services.sessions, { role: "WORKER" });
    const socket = await signedInSocket(token);
    const closed = disconnection(socket);

    const result = await services.accounts.changeRole(admin.viewer, { userId: viewer.id, role: "CRAFTSMAN" });

    expect(result.ok).toBe(true);
    expect(await closed).toBe("io server disconnect");
    expect(await whoami({ origin, cookie: `${SESSION_COOKIE}=${token}` })).toMatchObject({ id: viewer.id, role: "CRAFTSMAN" });
  });

  it("stays open when a role change changes nothing or is refused", async () => {
    const admin = await signedInUser(db.prisma, services.sessions, { role: "ADMIN" });
    const { token, viewer } = await signedInUser(db.prisma, services.sessions, { role: "WORKER" });
    const socket = await signedInSocket(token);
    let closed = false;
    socket.once("disconnect", () => (closed = true));

    expect((await services.accounts.changeRole(admin.viewer, { userId: viewer.id, role: "WORKER" })).ok).toBe(true);
    expect((await services.accounts.changeRole(admin.viewer, { userId: viewer.id, role: "KING" })).ok).toBe(false);
    await expect(services.accounts.changeRole(viewer, { userId: viewer.id, role: "ADMIN" })).rejects.toThrow();

    // Asked after the changes: a close would have reached the socket before this answer.
    expect(await whoIs(socket)).toMatchObject({ id: viewer.id, role: "WORKER" });
    expect(closed).toBe(false);
  });
});
