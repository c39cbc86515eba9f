// The page's Socket.IO connection, as the live Q&A panel and the quiz leaderboards open it: after
// hydration, socket.io-client is loaded (a chunk of its own, never part of the first paint) and
// connects by WebSocket only (the server checks the Origin header, which a same-origin polling
// request does not carry). A connection the server closed on purpose (a restart) is opened again,
// which socket.io-client does not do by itself; other drops it retries on its own.
import type { Socket } from "socket.io-client";

export interface PageSocketHandlers<S> {
  /** How long an acknowledgement may take (ms); also the connection timeout. */
  ackMs: number;
  /** True once the page left (the effect was cleaned up): nothing more is reported. */
  isStopped(): boolean;
  /** The socket exists (not yet connected): keep it and register the page's events on it. */
  created(socket: S): void;
  /** Connected, the first time and after every reconnection: join or watch again. */
  connected(socket: S): void;
  /** The connection dropped or could not be made; socket.io-client keeps trying. */
  reconnecting(): void;
  /** The client script could not be loaded (offline): the page stays as the server rendered it. */
  unavailable(): void;
}

export function openPageSocket<S extends Socket>(handlers: PageSocketHandlers<S>): void {
  import("socket.io-client")
    .then(({ io }) => {
      if (handlers.isStopped()) return;
      const socket = io({ transports: ["websocket"], timeout: handlers.ackMs }) as unknown as S;
      handlers.created(socket);
      socket.on("connect", () => handlers.connected(socket));
      socket.on("disconnect", (reason) => {
        if (handlers.isStopped()) return;
        handlers.reconnecting();
        if (reason === "io server disconnect") socket.connect();
      });
      socket.on("connect_error", () => {
        if (!handlers.isStopped()) handlers.reconnecting();
      });
    })
    .catch(() => {
      if (!handlers.isStopped()) handlers.unavailable();
    });
}
