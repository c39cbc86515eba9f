// Broadcasts written as ready-made WebSocket frames (decision 015).
//
// A Socket.IO broadcast is encoded once: the adapter also builds the WebSocket frame once
// (`wsPreEncodedFrame`). Each socket then still goes through engine.io's packet machinery — a packet
// object, its write buffer, a flush, a write callback and drain events — which costs more than
// the write itself when a question goes out to thousands of viewers. When nothing can overtake or
// be overtaken, this writes the frame straight to the socket's WebSocket sender instead:
//
// - the connection is open and on the websocket transport, and not upgrading;
// - engine.io has nothing buffered and no write in flight (`transport.writable`), and the
//   WebSocket sender has nothing queued, so every earlier packet is already in the TCP stream
//   before this frame and every later one goes after it;
// - the frame is the one the transport itself would send (no per-message compression).
//
// Anything else — long-polling, an upgrade in progress, a busy connection, an engine.io or ws
// whose internals are not what this expects — takes Socket.IO's own path, unchanged. Per-socket
// emits (acknowledgements, replies) are never pre-encoded and always take it too.
import type { Server } from "socket.io";

/** What this reads of Socket.IO's client, engine.io's socket and ws's sender (none of it public). */
interface FrameSender {
  _queue?: unknown[];
  sendFrame?: (frame: Buffer[], callback?: (error?: Error) => void) => void;
}
interface EngineConnection {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: {
    name: string;
    writable: boolean;
    opts?: { perMessageDeflate?: unknown };
    socket?: { readyState: number; _sender?: FrameSender };
  };
}
interface EngineClient {
  conn: EngineConnection;
  writeToEngine(encodedPackets: unknown, options: { wsPreEncodedFrame?: Buffer[]; volatile?: boolean }): void;
}

const WEBSOCKET_OPEN = 1;

/** How many broadcast writes took each path since start (tests check the direct one is taken). */
export interface BroadcastFrameCounts {
  direct: number;
  engine: number;
}

/** The frame's sender if it can be written now without reordering anything, else null. */
function readySender(conn: EngineConnection): FrameSender | null {
  const transport = conn.transport;
  if (conn.readyState !== "open" || conn.upgrading || conn.writeBuffer.length > 0) return null;
  if (transport.name !== "websocket" || !transport.writable || transport.opts?.perMessageDeflate) return null;
  const socket = transport.socket;
  const sender = socket?._sender;
  if (!socket || socket.readyState !== WEBSOCKET_OPEN || typeof sender?.sendFrame !== "function") return null;
  if (!Array.isArray(sender._queue) || sender._queue.length > 0) return null;
  return sender;
}

const countsOf = new WeakMap<Server, BroadcastFrameCounts>();

/** The counts of a server set up by writeBroadcastsAsFrames (zeros if it was not). */
export function broadcastFrameCounts(io: Server): BroadcastFrameCounts {
  return { ...(countsOf.get(io) ?? { direct: 0, engine: 0 }) };
}

/** Makes every broadcast to a socket of `io` take the direct path when it safely can. */
export function writeBroadcastsAsFrames(io: Server): void {
  const counts: BroadcastFrameCounts = { direct: 0, engine: 0 };
  countsOf.set(io, counts);
  const patched = new WeakSet<object>();
  io.on("connection", (socket) => {
    const client = socket.client as unknown as EngineClient;
    // One client (one connection) may carry sockets of several namespaces.
    if (patched.has(client) || typeof client.writeToEngine !== "function") return;
    patched.add(client);
    const viaEngine = client.writeToEngine.bind(client);
    client.writeToEngine = (encodedPackets, options) => {
      const frame = options.wsPreEncodedFrame;
      const sender = frame ? readySender(client.conn) : null;
      if (!frame || !sender) {
        if (frame) counts.engine++;
        return viaEngine(encodedPackets, options);
      }
      counts.direct++;
      sender.sendFrame!(frame);
    };
  });
}
