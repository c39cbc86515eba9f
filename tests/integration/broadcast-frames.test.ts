// Broadcasts written as ready-made WebSocket frames (server/realtime/broadcast-frames.ts), with
// real Socket.IO servers and clients on loopback: what takes the direct path, what must not, and
// that order and content are what Socket.IO's own path would deliver.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { broadcastFrameCounts, writeBroadcastsAsFrames } from "../../server/realtime/broadcast-frames.ts";

interface Setup {
  io: Server;
  origin: string;
  close(): Promise<void>;
}

const open: Setup[] = [];
const clients: Socket[] = [];

async function serve(): Promise<Setup> {
  const httpServer: HttpServer = createServer();
  const io = new Server(httpServer, { serveClient: false, perMessageDeflate: false });
  writeBroadcastsAsFrames(io);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const setup = {
    io,
    origin: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    async close() {
      await io.close();
      httpServer.closeAllConnections();
    },
  };
  open.push(setup);
  return setup;
}

async function client(origin: string, transports: ("websocket" | "polling")[] = ["websocket"], upgrade = true): Promise<Socket> {
  const socket = connect(origin, { transports, upgrade, reconnection: false, forceNew: true });
  clients.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Resolves with the first `count` arguments of `event` the socket receives. */
function received<T>(socket: Socket, event: string, count: number): Promise<T[]> {
  const seen: T[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`received ${seen.length} of ${count} "${event}": ${JSON.stringify(seen)}`)), 10_000);
    socket.on(event, (value: T) => {
      seen.push(value);
      if (seen.length === count) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
  });
}

/** Waits until the server has a socket for every client (connection handlers have run). */
async function serverSockets(io: Server, count: number) {
  for (let waited = 0; io.of("/").sockets.size < count; waited += 10) {
    if (waited > 5_000) throw new Error(`the server has ${io.of("/").sockets.size} of ${count} sockets`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return [...io.of("/").sockets.values()];
}

afterEach(async () => {
  for (const socket of clients.splice(0)) socket.disconnect();
  for (const setup of open.splice(0)) await setup.close();
});

describe("broadcasts as WebSocket frames", () => {
  it("writes a room broadcast straight to each websocket client, with the same content", async () => {
    const { io, origin } = await serve();
    const sockets = await Promise.all([client(origin), client(origin), client(origin)]);
    const [inRoom, alsoInRoom, outside] = await serverSockets(io, 3);
    inRoom!.join("room");
    alsoInRoom!.join("room");
    const update = { text: "仰焊时电流应该调多大？", votes: 3, tags: ["焊工", "安全"], nested: { answer: null, at: "2026-11-30T08:00:00.000Z" } };

    const first = received(sockets[0]!, "update", 1);
    const second = received(sockets[1]!, "update", 1);
    let outsiderGotIt = false;
    sockets[2]!.on("update", () => (outsiderGotIt = true));
    io.to("room").emit("update", update);

    expect(await first).toEqual([update]);
    expect(await second).toEqual([update]);
    // A broadcast to everyone reaches the outsider too, which shows it was listening all along.
    const toAll = received(sockets[2]!, "everyone", 1);
    io.emit("everyone", 1);
    expect(await toAll).toEqual([1]);
    expect(outsiderGotIt).toBe(false);
    expect(outside).toBeDefined();
    expect(broadcastFrameCounts(io)).toEqual({ direct: 5, engine: 0 });
  });

  it("keeps the order of broadcasts and a socket's own messages when both are sent at once", async () => {
    const { io, origin } = await serve();
    const socket = await client(origin);
    const [own] = await serverSockets(io, 1);
    const all = received<number>(socket, "n", 300);
    // In each group: a broadcast on an idle connection goes direct; the socket's own message then
    // leaves a write in flight, so the broadcast after it must queue behind it in engine.io.
    for (let group = 0; group < 100; group++) {
      io.emit("n", 3 * group);
      own!.emit("n", 3 * group + 1);
      io.emit("n", 3 * group + 2);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await all).toEqual(Array.from({ length: 300 }, (_, i) => i));
    const counts = broadcastFrameCounts(io);
    expect(counts.direct + counts.engine).toBe(200);
    expect(counts.direct).toBeGreaterThan(0);
    expect(counts.engine).toBeGreaterThan(0);
  });

  it("leaves long-polling clients and binary broadcasts to Socket.IO's own path", async () => {
    const { io, origin } = await serve();
    const polling = await client(origin, ["polling"], false);
    const websocket = await client(origin);
    await serverSockets(io, 2);
    const pollingGot = received(polling, "update", 1);
    const websocketGot = received(websocket, "update", 1);
    io.emit("update", { text: "焊缝" });
    expect(await pollingGot).toEqual([{ text: "焊缝" }]);
    expect(await websocketGot).toEqual([{ text: "焊缝" }]);
    expect(broadcastFrameCounts(io)).toEqual({ direct: 1, engine: 1 });

    // A binary payload is more than one packet: there is no single frame to write.
    const bytes = received<Buffer>(websocket, "file", 1);
    io.emit("file", Buffer.from([1, 2, 3]));
    expect([...(await bytes)[0]!]).toEqual([1, 2, 3]);
    expect(broadcastFrameCounts(io)).toEqual({ direct: 1, engine: 1 });
  });

  it("reaches a client that upgraded from long-polling to websocket", async () => {
    const { io, origin } = await serve();
    const socket = await client(origin, ["polling", "websocket"]);
    const [onServer] = await serverSockets(io, 1);
    for (let waited = 0; onServer!.conn.transport.name !== "websocket" || onServer!.conn.upgrading; waited += 10) {
      if (waited > 5_000) throw new Error("the connection did not upgrade");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const got = received(socket, "update", 3);
    for (let i = 0; i < 3; i++) {
      io.emit("update", i);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await got).toEqual([0, 1, 2]);
    expect(broadcastFrameCounts(io).direct).toBeGreaterThan(0);
  });

  it("still collects acknowledgements of a broadcast", async () => {
    const { io, origin } = await serve();
    const sockets = await Promise.all([client(origin), client(origin)]);
    sockets.forEach((socket, i) => socket.on("ping-all", (ack: (reply: number) => void) => ack(i)));
    await serverSockets(io, 2);
    const replies = await io.timeout(5_000).emitWithAck("ping-all");
    expect([...replies].sort()).toEqual([0, 1]);
    expect(broadcastFrameCounts(io).direct).toBe(2);
  });

  it("counts nothing for a server it was not set up on", () => {
    expect(broadcastFrameCounts(new Server())).toEqual({ direct: 0, engine: 0 });
  });
});
