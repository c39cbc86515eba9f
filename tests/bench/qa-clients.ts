// One process of viewers for the live Q&A benchmark (tests/bench/live-qa.ts starts several, so
// the clients do not share the server's cores' event loop with each other's bookkeeping). Driven
// over IPC: connect N viewers (Socket.IO joining the session's room, or raw WebSocket or Socket.IO
// clients of a reference server), then report when each saw each benchmark question. Latency is measured
// against the send time written into the question's text: parent and children share one clock.
import { io as connect, type Socket } from "socket.io-client";
import WebSocket from "ws";

type Command =
  /** Without a session id: a bare Socket.IO server that sends to every socket (no room to join). */
  | { cmd: "connect"; kind: "socketio"; url: string; sessionId?: string; count: number }
  | { cmd: "connect"; kind: "ws"; url: string; count: number }
  | { cmd: "report" }
  | { cmd: "close" };

const BENCH_PREFIX = "bench:";
/** Delivery latencies in ms, and how many times each (client, question) pair was delivered. */
const latencies: number[] = [];
let deliveries = 0;
let duplicates = 0;
const sockets: Socket[] = [];
const raws: WebSocket[] = [];

function seen(clientSeen: Set<string>, key: string, sentAt: number) {
  deliveries++;
  if (clientSeen.has(key)) {
    duplicates++;
    return;
  }
  clientSeen.add(key);
  latencies.push(Date.now() - sentAt);
}

async function connectSocketIo(url: string, sessionId: string | undefined, count: number) {
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const socket = connect(url, { transports: ["websocket"], extraHeaders: { origin: url }, reconnection: false, forceNew: true });
    const clientSeen = new Set<string>();
    socket.on("qa:update", (update: { questions: { id: number; text: string }[] }) => {
      for (const question of update.questions) {
        if (!question.text.startsWith(BENCH_PREFIX)) continue;
        seen(clientSeen, String(question.id), Number(question.text.slice(BENCH_PREFIX.length).split(":")[0]));
      }
    });
    sockets.push(socket);
    pending.push(
      new Promise<void>((resolve, reject) => {
        socket.once("connect_error", reject);
        socket.once("connect", () => {
          if (sessionId === undefined) return resolve();
          socket.emit("qa:join", { sessionId }, (reply: { ok: boolean }) => (reply.ok ? resolve() : reject(new Error(JSON.stringify(reply)))));
        });
      }),
    );
    // Connecting thousands at once overruns the accept queue: a few hundred at a time.
    if (pending.length % 200 === 0) await Promise.all(pending.slice(-200));
  }
  await Promise.all(pending);
}

async function connectRaw(url: string, count: number) {
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const ws = new WebSocket(url);
    const clientSeen = new Set<string>();
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as { questions: { id: number; text: string }[] };
      for (const question of message.questions) seen(clientSeen, String(question.id), Number(question.text.slice(BENCH_PREFIX.length).split(":")[0]));
    });
    raws.push(ws);
    pending.push(new Promise<void>((resolve, reject) => (ws.once("open", () => resolve()), ws.once("error", reject))));
    if (pending.length % 200 === 0) await Promise.all(pending.slice(-200));
  }
  await Promise.all(pending);
}

process.on("message", async (command: Command) => {
  try {
    if (command.cmd === "connect") {
      if (command.kind === "socketio") await connectSocketIo(command.url, command.sessionId, command.count);
      else await connectRaw(command.url, command.count);
      process.send!({ ok: true, connected: sockets.length + raws.length });
    } else if (command.cmd === "report") {
      process.send!({ ok: true, latencies: latencies.splice(0), deliveries, duplicates });
      deliveries = duplicates = 0;
    } else {
      for (const socket of sockets.splice(0)) socket.disconnect();
      for (const ws of raws.splice(0)) ws.terminate();
      process.send!({ ok: true });
      process.disconnect();
    }
  } catch (error) {
    process.send!({ ok: false, error: (error as Error).message });
  }
});
