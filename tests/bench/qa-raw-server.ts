// The reference for the live Q&A benchmark: a bare `ws` server that sends each broadcast it is
// told to send (one pre-serialised message) to every connected client — the least work a fan-out
// can do in Node. Prints its port; takes broadcasts over IPC.
import { WebSocketServer } from "ws";

const server = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
server.on("listening", () => {
  const address = server.address();
  process.send!({ port: address !== null && typeof address === "object" ? address.port : 0 });
});
process.on("message", (message: { payload: string }) => {
  for (const client of server.clients) client.send(message.payload);
});
