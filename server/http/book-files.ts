// Book files over HTTP: the admin's upload (streamed with busboy to DATA_DIR/tmp, checked by its
// bytes, parsed, stored under a generated name, then a DRAFT row via services.books), and the
// authorizing downloads the reader and OPDS apps use (range requests, so PDF.js and e-reader
// apps can fetch parts). Mounted before the global body cap: the upload has its own limit.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Request, Response } from "express";
import express from "express";
import { z } from "zod";
import type { Params } from "../../app/i18n/index.ts";
import type { Viewer } from "../auth/permissions.ts";
import { BOOK_CONTENT_TYPES, BOOK_FILE_REGEX, BOOK_ID_REGEX, BookFileError, createBookStorage, removeBookFiles, sniffBookFile } from "../books/files.ts";
import { parseEpub } from "../books/epub.ts";
import { parsePdf } from "../books/pdf.ts";
import type { BookFormat, ExtractedMetadata } from "../books/types.ts";
import type { Services } from "../context.ts";
import { isAppError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { readSessionToken } from "./cookies.ts";
import { localizedMessage, receiveFile, UploadFailure, wantsJson } from "./uploads.ts";

/** BOOK_MAX_BYTES' default: 100 MiB. */
export const DEFAULT_BOOK_MAX_BYTES = 100 * 1024 * 1024;

const ERROR_STATUS = { unauthorized: 401, forbidden: 403, notFound: 404, conflict: 409, invalid: 400, rateLimited: 429 } as const;
const ZBookParams = z.object({ bookId: z.string().regex(BOOK_ID_REGEX) });
/** OPDS tokens are URL-safe random strings; anything else cannot be one. */
const ZTokenParams = ZBookParams.extend({ token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/) });

export interface BookFileRouteDeps {
  services: Services;
  logger: Logger;
  /** The data directory (books/, covers/, tmp/ below it). */
  dataDir: string;
  maxBytes: number;
}

/** "100 MB", or "256 KB" below a megabyte, for the size-limit message. */
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} KB`);

function failureOf(error: unknown): UploadFailure | null {
  if (error instanceof UploadFailure) return error;
  if (error instanceof BookFileError) return new UploadFailure(error.messageKey === "bookfile.error.corrupt" ? 422 : 415, error.messageKey);
  if (isAppError(error)) return new UploadFailure(ERROR_STATUS[error.kind], error.messageKey);
  return null;
}

/**
 * JSON for scripts; for an admin's plain form a 303 to the admin list with the key (and the size
 * limit) in the query; plain text for everyone else (who has no admin page to go back to).
 */
function sendUploadFailure(req: Request, res: Response, failure: UploadFailure, toAdminList: boolean) {
  // The rest of an abandoned body is not read: close the connection instead of keeping it alive.
  if (!req.complete) res.set("Connection", "close");
  if (wantsJson(req)) {
    return res.status(failure.status).json({ ok: false, error: failure.messageKey, message: localizedMessage(req, failure.messageKey, failure.params) });
  }
  if (!toAdminList) return sendError(req, res, failure.status, failure.messageKey, failure.params);
  const query = new URLSearchParams({ upload: failure.messageKey });
  for (const [key, value] of Object.entries(failure.params ?? {})) query.set(key, String(value));
  res.redirect(303, `/admin/books?${query}`);
}

function sendError(req: Request, res: Response, status: number, key: string, params?: Params) {
  res.status(status).type("text/plain; charset=utf-8").send(localizedMessage(req, key, params));
}

/**
 * `inline; filename="…"` with an ASCII stand-in for old clients and the real (often Chinese) title
 * in RFC 5987's filename*.
 */
export function contentDisposition(title: string, format: BookFormat): string {
  const extension = format === "EPUB" ? "epub" : "pdf";
  const base = title.replace(/[\u0000-\u001f\u007f/\\]/g, " ").replace(/\s+/g, " ").trim().slice(0, 150) || "book";
  const ascii = base.replace(/[^\x20-\x7e]/g, "_").replace(/["%]/g, "_");
  const encoded = encodeURIComponent(`${base}.${extension}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}.${extension}"; filename*=UTF-8''${encoded}`;
}

export function bookFileRoutes(deps: BookFileRouteDeps): express.Router {
  const { services, logger } = deps;
  const storage = createBookStorage(deps.dataDir);
  const router = express.Router();

  async function viewerOf(req: Request): Promise<Viewer | null> {
    return services.sessions.viewerOf(readSessionToken(req.headers.cookie));
  }

  function unexpected(req: Request, error: unknown): UploadFailure {
    logger.error({ err: (error as Error).message, path: req.path }, "book upload failed");
    return new UploadFailure(500, "bookfile.error.failed");
  }

  /** Parses a received file, stores it and its cover, creates the draft row; undoes the files on any failure. */
  async function storeUpload(viewer: Viewer, tempFile: string, format: BookFormat, originalName: string): Promise<string> {
    const bytes = await readFile(tempFile);
    let metadata: ExtractedMetadata;
    try {
      metadata = format === "EPUB" ? parseEpub(bytes) : await parsePdf(bytes);
    } catch (error) {
      if (error instanceof BookFileError) logger.info({ err: error.message, file: originalName.slice(0, 200) }, "book upload refused");
      throw error;
    }
    const written = { fileNames: [] as string[], coverFileNames: [] as string[] };
    try {
      const fileName = await storage.adoptBook(tempFile, format);
      written.fileNames.push(fileName);
      const coverFileName = metadata.cover ? await storage.writeCover(metadata.cover.bytes) : null;
      if (coverFileName) written.coverFileNames.push(coverFileName);
      // The file name stands in for a missing title, so the draft is never nameless.
      const title = metadata.title ?? (path.parse(originalName).name.trim().slice(0, 200) || null);
      const { id } = await services.books.createFromUpload(viewer, { fileName, fileSize: bytes.length, metadata: { ...metadata, title }, coverFileName });
      return id;
    } catch (error) {
      await removeBookFiles(deps.dataDir, written);
      throw error;
    }
  }

  router.post("/admin/books/upload", async (req, res) => {
    let isAdmin = false;
    try {
      // Permission first: nobody but an admin may make the server read a large body.
      const viewer = await viewerOf(req);
      if (!viewer) throw new UploadFailure(401, "error.unauthorized");
      if (viewer.role !== "ADMIN") throw new UploadFailure(403, "error.forbidden");
      isAdmin = true;
      const received = await receiveFile(req, {
        field: "file",
        maxBytes: deps.maxBytes,
        tempFile: await storage.tempFile(),
        accept: (head) => sniffBookFile(head) !== null,
        badType: new UploadFailure(415, "bookfile.error.badType"),
        tooLarge: new UploadFailure(413, "bookfile.error.tooLarge", { size: sizeText(deps.maxBytes) }),
        missing: new UploadFailure(400, "bookfile.error.missingFile"),
      });
      let id: string;
      try {
        id = await storeUpload(viewer, received.tempFile, sniffBookFile(received.head)!, received.fileName);
      } finally {
        await rm(received.tempFile, { force: true });
      }
      if (wantsJson(req)) return res.status(201).json({ ok: true, id });
      return res.redirect(303, `/admin/books/${encodeURIComponent(id)}?upload=ok`);
    } catch (error) {
      sendUploadFailure(req, res, failureOf(error) ?? unexpected(req, error), isAdmin);
    }
  });

  /** Streams a book file with its type, title and range support; 404 for any name that is not ours. */
  function serveBook(req: Request, res: Response, file: { fileName: string; format: BookFormat; title: string }) {
    if (!BOOK_FILE_REGEX.test(file.fileName)) return sendError(req, res, 404, "error.notFound");
    // Private: who may read depends on who asks. A replaced file gets a new name, so an hour is safe.
    res.set("Cache-Control", "private, max-age=3600");
    res.set("Content-Type", BOOK_CONTENT_TYPES[file.format]);
    res.set("Content-Disposition", contentDisposition(file.title, file.format));
    res.set("X-Content-Type-Options", "nosniff");
    res.sendFile(file.fileName, { root: storage.booksDir, dotfiles: "deny", cacheControl: false, acceptRanges: true }, (error?: Error & { status?: number }) => {
      if (!error || res.headersSent) return;
      res.removeHeader("Content-Disposition");
      // `send` has already set Content-Range: bytes */<size> for an unsatisfiable range.
      if (error.status === 416) return res.status(416).end();
      res.removeHeader("Content-Range");
      sendError(req, res, 404, "error.notFound");
    });
  }

  function sendServiceError(req: Request, res: Response, error: unknown, next: express.NextFunction) {
    if (isAppError(error)) return sendError(req, res, ERROR_STATUS[error.kind], error.messageKey);
    next(error);
  }

  router.get("/books/:bookId/file", async (req, res, next) => {
    const params = ZBookParams.safeParse(req.params);
    if (!params.success) return sendError(req, res, 404, "error.notFound");
    try {
      const file = await services.books.fileFor(await viewerOf(req), params.data.bookId);
      serveBook(req, res, file);
    } catch (error) {
      sendServiceError(req, res, error, next);
    }
  });

  // The OPDS acquisition link: e-reader apps send no cookies, so the reader's token is in the path.
  router.get("/opds-file/:token/:bookId", async (req, res, next) => {
    const params = ZTokenParams.safeParse(req.params);
    if (!params.success) return sendError(req, res, 404, "error.notFound");
    try {
      const file = await services.books.fileForToken(params.data.token, params.data.bookId);
      serveBook(req, res, file);
    } catch (error) {
      sendServiceError(req, res, error, next);
    }
  });

  return router;
}
