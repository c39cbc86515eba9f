// The Express application: logging, security, health, static files, then React Router.
import path from "node:path";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import type { ServerBuild } from "react-router";
import type { Config } from "../config.ts";
import type { Services } from "../context.ts";
import type { Logger } from "../logger.ts";
import { bookFileRoutes, DEFAULT_BOOK_MAX_BYTES } from "./book-files.ts";
import { jobApplicationRoutes } from "./job-applications.ts";
import { liveMediaRoutes } from "./live-media.ts";
import { loadContextFactory } from "./load-context.ts";
import { requestLog } from "./logging.ts";
import { mediaRoutes } from "./media.ts";
import { opdsRouter } from "./opds.ts";
import { bodyLimit, MUX_ORIGINS, sameOriginMutations, securityHeaders } from "./security.ts";
import { withHttpErrors } from "./service-errors.ts";
import { uploadRoutes } from "./uploads.ts";
import { webhookRoutes } from "./webhooks.ts";

export const CLIENT_BUILD_DIR = path.resolve(import.meta.dirname, "../../build/client");

export interface HttpAppOptions {
  /** `books` is optional (tests that never upload books leave it out): BOOK_MAX_BYTES' default then. */
  config: Pick<Config, "isProduction" | "publicOrigin" | "trustProxy" | "maxBodyBytes" | "sessionTtlMs"> & Partial<Pick<Config, "books">>;
  services: Services;
  logger: Logger;
  /** The React Router server build, or a function that loads it (Vite in development). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Vite's middleware in development; the built client files are served otherwise. */
  devMiddleware?: express.RequestHandler;
}

export function createHttpApp(options: HttpAppOptions): express.Express {
  const { config, services, logger } = options;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);

  app.use(requestLog(logger));
  // With Mux, players fetch from and browsers upload to Mux's hosts.
  app.use(securityHeaders({ isProduction: config.isProduction, videoOrigins: services.videos.provider === "mux" ? MUX_ORIGINS : [] }));
  app.use(compression());

  app.get("/healthz", (_req, res) => {
    res.json(services.health.live());
  });
  app.get("/readyz", async (_req, res) => {
    const { ok, body } = await services.health.ready();
    res.status(ok ? 200 : 503).json(body);
  });

  if (options.devMiddleware) {
    app.use(options.devMiddleware);
  } else {
    app.use("/assets", express.static(path.join(CLIENT_BUILD_DIR, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(CLIENT_BUILD_DIR, { maxAge: "1h", index: false }));
  }

  // Provider webhooks come from other sites by design; they are verified by signature instead.
  app.use(webhookRoutes({ services, logger }));
  app.use(sameOriginMutations(config.publicOrigin));
  // Uploads and media stream their own bodies and files, with per-route limits (before the global cap).
  app.use(uploadRoutes({ services, publicOrigin: config.publicOrigin, logger }));
  app.use(mediaRoutes({ services }));
  app.use(liveMediaRoutes({ services }));
  app.use(opdsRouter(services, { publicOrigin: config.publicOrigin }));
  // Book files live beside the other media, under the data directory the video storage was given.
  app.use(bookFileRoutes({ services, logger, dataDir: services.videos.storage.root, maxBytes: config.books?.maxBytes ?? DEFAULT_BOOK_MAX_BYTES }));
  // Applications carry an optional résumé (RESUME_MAX_BYTES), over the global cap.
  app.use(jobApplicationRoutes({ services, logger }));
  app.use(bodyLimit(config.maxBodyBytes));

  const routeServices = withHttpErrors(services);
  app.all(
    "/{*path}",
    createRequestHandler({
      build: options.build,
      mode: config.isProduction ? "production" : "development",
      getLoadContext: loadContextFactory(routeServices, {
        alwaysSecure: config.publicOrigin?.startsWith("https:") === true,
        sessionTtlMs: config.sessionTtlMs,
      }),
    }),
  );
  return app;
}
