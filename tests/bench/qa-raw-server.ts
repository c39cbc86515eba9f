// The references for the live Q&A benchmark, started as a child process: `ws` (argv[2] = "ws") is a
// bare `ws` server that sends each broadcast it is told to send (one pre-serialised message) to
// every connected client — the least work a fan-out can do in Node; "socketio" is a bare Socket.IO
// server (the app's options, no rooms, no auth, no database) that emits the same update to every
// socket — what the library itself costs. Prints its port; takes broadcasts over IPC.
import { createServer } from "node:http";
import { Server } from "socket.io";
import { WebSocketServer } from "ws";

const kind = process.argv[2] === "socketio" ? "socketio" : "ws";
const httpServer = createServer();
const wss = kind === "ws" ? new WebSocketServer({ server: httpServer, perMessageDeflate: false }) : null;
const io = kind === "socketio" ? new Server(httpServer, { serveClient: false, perMessageDeflate: false }) : null;

httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address();
  process.send!({ port: address !== null && typeof address === "object" ? address.port : 0 });
});
process.on("message", (message: { payload: string }) => {
  if (wss) for (const client of wss.clients) client.send(message.payload);
  else io!.emit("qa:update", JSON.parse(message.payload));
});
