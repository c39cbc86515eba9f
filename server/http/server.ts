// Starts one http.Server carrying the Express app and Socket.IO, in production or development mode.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "react-router";
import type { Config } from "../config.ts";
import type { Services } from "../context.ts";
import type { Logger } from "../logger.ts";
import { attachRealtime } from "../realtime/index.ts";
import type { RedisHandle } from "../redis.ts";
import { createHttpApp } from "./app.ts";

/** Pending connections the kernel may queue before the app accepts them. */
export const LISTEN_BACKLOG = 4096;

export interface RunningServer {
  httpServer: HttpServer;
  url: string;
  close(): Promise<void>;
}

type ServerConfig = Pick<
  Config,
  "isProduction" | "publicOrigin" | "trustProxy" | "maxBodyBytes" | "sessionTtlMs" | "host" | "port" | "books"
> &
  Partial<Pick<Config, "qa">>;

export async function startServer(deps: {
  config: ServerConfig;
  services: Services;
  logger: Logger;
  /** Shared Socket.IO rooms across app processes (REDIS_URL); the caller closes it after close(). */
  redis?: RedisHandle | null;
}): Promise<RunningServer> {
  const { config } = deps;
  const httpServer = createServer();
  // Idle keep-alive connections stay open longer than a client or proxy keeps them (load balancers
  // commonly 60 s): with Node's 5 s a client that reuses a connection as the server closes it gets
  // ECONNRESET (seen in the e2e suite). headersTimeout must exceed keepAliveTimeout.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  let closeDev = async () => {};

  let app;
  if (config.isProduction) {
    const buildPath = new URL("../../build/server/index.js", import.meta.url).href;
    const build = (await import(buildPath)) as ServerBuild;
    app = createHttpApp({ ...deps, build });
  } else {
    const vite = await import("vite").then(({ createServer: createViteServer }) =>
      createViteServer({ server: { middlewareMode: true, ws: { server: httpServer } } }),
    );
    closeDev = () => vite.close();
    app = createHttpApp({
      ...deps,
      build: () => vite.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>,
      devMiddleware: vite.middlewares,
    });
  }
  httpServer.on("request", app);
  const io = attachRealtime(httpServer, { ...deps, publicOrigin: config.publicOrigin, qaTickMs: config.qa?.tickMs, redis: deps.redis });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    // A long accept queue: when thousands of phones connect at once (a quiz day opening), a short
    // one (Node's default is 511) drops handshakes, and each dropped one waits a second or more
    // to retry. The kernel caps it at net.core.somaxconn.
    httpServer.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  // After listening, an accept error (EMFILE when out of file descriptors) is logged, not fatal.
  httpServer.on("error", (error) => deps.logger.error({ err: error }, "http server error"));

  const address = httpServer.address() as AddressInfo;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  return {
    httpServer,
    url: `http://${host}:${address.port}`,
    async close() {
      await io.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await closeDev();
    },
  };
}
