// Security middleware: headers with a per-request CSP nonce, a same-origin rule for mutations,
// and a cap on request bodies.
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import helmet from "helmet";
import { translator, type MessageKey, type Params } from "../../app/i18n/index.ts";
import { localeFromHeaders } from "../../app/i18n/locale.server.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A plain-text refusal in the reader's language (these answers come before React Router). */
function refuse(req: Request, res: Response, status: number, key: MessageKey, params?: Params) {
  const t = translator(localeFromHeaders(req.get("cookie"), req.get("accept-language")));
  res.status(status).type("text/plain; charset=utf-8").send(t(key, params));
}

/** The in-browser book reader, whose renderer (foliate-js) needs a looser style policy. */
const READER_PATH = /^\/books\/[^/]+\/read\/?$/;
const isReaderPath = (req: { url?: string }) => READER_PATH.test((req.url ?? "").split("?")[0] ?? "");

/** Where Mux serves playlists, segments and thumbnails, and where browsers PUT direct uploads. */
export const MUX_ORIGINS = ["https://*.mux.com", "https://storage.googleapis.com"];

export function securityHeaders(options: { isProduction: boolean; videoOrigins?: string[] }): RequestHandler[] {
  const videoOrigins = options.videoOrigins ?? [];
  const setNonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  const headers = helmet({
    // Vite's dev server injects inline scripts of its own; the production build runs under the full policy.
    contentSecurityPolicy: options.isProduction
      ? {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
            // Relaxed on the reader page only: foliate-js renders chapters in blob: frames with the
            // books' own inline styles (docs/decisions/009). Scripts stay nonce-only everywhere.
            styleSrc: [(req) => (isReaderPath(req) ? ["'self'", "'unsafe-inline'", "blob:"] : ["'self'"]).join(" ")],
            imgSrc: ["'self'", "data:", "blob:", ...videoOrigins],
            mediaSrc: ["'self'", "blob:", ...videoOrigins],
            connectSrc: ["'self'", ...videoOrigins],
            fontSrc: [(req) => (isReaderPath(req) ? ["'self'", "blob:", "data:"] : ["'self'"]).join(" ")],
            frameSrc: [(req) => (isReaderPath(req) ? ["'self'", "blob:"] : ["'self'"]).join(" ")],
            objectSrc: ["'none'"],
            baseUri: ["'self'"],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
          },
        }
      : false,
    crossOriginEmbedderPolicy: false,
    // Not helmet's "no-referrer": under it browsers send `Origin: null` with plain form posts
    // (no JavaScript, or reloadDocument forms like the language switcher), which
    // sameOriginMutations then refuses as cross-site. "same-origin" still sends nothing to other sites.
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: options.isProduction,
  });
  return [setNonce, headers];
}

/** The origin this server answers for: PUBLIC_ORIGIN, or the scheme and Host of the request. */
export function expectedOrigin(req: Request, publicOrigin: string | undefined): string {
  return publicOrigin ?? `${req.protocol}://${req.get("host")}`;
}

/**
 * Refuses state-changing requests that another site's page sent (CSRF). Browsers send Origin on
 * every POST; where it is missing, Sec-Fetch-Site still tells a cross-site request.
 */
export function sameOriginMutations(publicOrigin: string | undefined): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin");
    const isForeign =
      origin !== undefined ? origin !== expectedOrigin(req, publicOrigin) : req.get("sec-fetch-site") === "cross-site";
    if (isForeign) return refuse(req, res, 403, "http.crossSite");
    next();
  };
}

/** 413 for bodies over the limit; 411 for bodies whose length is not declared up front. */
export function bodyLimit(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = req.get("content-length");
    if (declared === undefined) {
      if (req.get("transfer-encoding") === undefined || SAFE_METHODS.has(req.method)) return next();
      return refuse(req, res, 411, "http.lengthRequired");
    }
    const length = Number(declared);
    if (!Number.isFinite(length) || length > maxBytes) {
      return refuse(req, res, 413, "http.tooLarge", { kb: Math.floor(maxBytes / 1024) });
    }
    next();
  };
}
