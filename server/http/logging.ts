import type { RequestHandler } from "express";
import type { Logger } from "../logger.ts";

/** OPDS download links carry the reader's token in the path (e-reader apps send no cookies). */
const OPDS_FILE_TOKEN = /^\/opds-file\/[^/]+\//;

/** The path as logged: secrets in it replaced. */
export const loggedPath = (path: string) => path.replace(OPDS_FILE_TOKEN, "/opds-file/[token]/");

/** One structured line per request: method, path, status, duration. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: req.method, path: loggedPath(req.path), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  };
}
