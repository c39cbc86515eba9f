// Uploads that are too big for React Router actions: lesson videos and the covers of courses and live
// sessions, streamed with busboy to DATA_DIR/tmp, checked by their bytes, then handed to the
// services. Mounted before the global body cap (each route has its own limit). Answers JSON when
// the client accepts it (the studio's script), else a 303 back to the studio page, so the plain
// HTML form works as well.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { Request, Response } from "express";
import express from "express";
import busboy from "busboy";
import { z } from "zod";
import { translateKey, translator, type Params } from "../../app/i18n/index.ts";
import { localeFromHeaders } from "../../app/i18n/locale.server.ts";
import type { Viewer } from "../auth/permissions.ts";
import type { Services } from "../context.ts";
import { isAppError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { IMAGE_CONTENT_TYPES, SNIFF_BYTES, sniffImage, sniffVideo } from "../video/sniff.ts";
import { readSessionToken } from "./cookies.ts";
import { expectedOrigin } from "./security.ts";

const ERROR_STATUS = { unauthorized: 401, forbidden: 403, notFound: 404, conflict: 409, invalid: 400, rateLimited: 429 } as const;
/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

const ZId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const ZVideoQuery = z.object({ lesson: ZId, direct: z.literal("1").optional() });
const ZCoverQuery = z.object({ course: ZId });
const ZLiveCoverQuery = z.object({ session: ZId });
const ZVideoParams = z.object({ videoId: ZId });

/** A failure the route answers with: its status, message key and the key's parameters. */
export class UploadFailure extends Error {
  constructor(
    readonly status: number,
    readonly messageKey: string,
    readonly params?: Params,
  ) {
    super(messageKey);
  }
}

function failureOf(error: unknown): UploadFailure | null {
  if (error instanceof UploadFailure) return error;
  if (isAppError(error)) return new UploadFailure(ERROR_STATUS[error.kind], error.messageKey);
  return null;
}

export const wantsJson = (req: Request) => (req.get("accept") ?? "").includes("application/json");

export function localizedMessage(req: Request, key: string, params?: Params): string {
  const t = translator(localeFromHeaders(req.get("cookie"), req.get("accept-language")));
  const text = translateKey(t, key) ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
}

/** The error answer: JSON for scripts, a redirect when the page is known, plain text otherwise. */
function sendFailure(req: Request, res: Response, failure: UploadFailure, redirectTo?: (key: string) => string) {
  const message = localizedMessage(req, failure.messageKey, failure.params);
  // The rest of an abandoned body is not read: close the connection instead of keeping it alive.
  if (!req.complete) res.set("Connection", "close");
  if (wantsJson(req)) return res.status(failure.status).json({ ok: false, error: failure.messageKey, message });
  // The message's parameters (the size limit) ride along, so the page can say the whole sentence.
  if (redirectTo) {
    const params = failure.params ? `&${new URLSearchParams(Object.entries(failure.params).map(([k, v]) => [k, String(v)]))}` : "";
    return res.redirect(303, redirectTo(failure.messageKey) + params);
  }
  res.status(failure.status).type("text/plain; charset=utf-8").send(message);
}

export interface ReceivedFile {
  tempFile: string;
  /** The first bytes (up to SNIFF_BYTES), which `accept` looked at. */
  head: Buffer;
  size: number;
  /** As the browser sent it: for display and download names only. */
  fileName: string;
}

export interface ReceiveOptions {
  field: string;
  maxBytes: number;
  tempFile: string;
  accept: (head: Buffer) => boolean;
  badType: UploadFailure;
  tooLarge: UploadFailure;
  /** Text fields to keep (the first value of each named one), written as they arrive so that a failure later in the body still knows them. */
  textFields?: { names: ReadonlySet<string>; into: Record<string, string>; maxBytes: number };
  /** A malformed body, and a body the client stopped sending, in the form's own words. */
  badRequest?: UploadFailure;
  aborted?: UploadFailure;
}

/**
 * Streams the file field of a multipart request to `tempFile` (and keeps the text fields asked
 * for). Stops early, removing the partial file, when the file outgrows maxBytes or its first bytes
 * say it is not what `accept` wants. No file part, or an empty one (a form sent with no file
 * chosen), resolves to null.
 */
export function receiveUpload(req: Request, options: ReceiveOptions): Promise<ReceivedFile | null> {
  const badRequest = options.badRequest ?? new UploadFailure(400, "video.upload.badRequest");
  const aborted = options.aborted ?? new UploadFailure(400, "video.upload.failed");
  const textFieldBytes = options.textFields?.maxBytes ?? 0;
  const declared = Number(req.get("content-length"));
  if (Number.isFinite(declared) && declared > options.maxBytes + textFieldBytes + MULTIPART_OVERHEAD) return Promise.reject(options.tooLarge);
  let parser: busboy.Busboy;
  try {
    // Browsers send file names as raw UTF-8 (Chinese names would otherwise arrive as Latin-1 garbage).
    parser = busboy({
      headers: req.headers,
      defParamCharset: "utf8",
      limits: { files: 1, fileSize: options.maxBytes, fields: 20, fieldSize: Math.max(4096, textFieldBytes), parts: 30 },
    });
  } catch {
    return Promise.reject(badRequest);
  }

  return new Promise<ReceivedFile | null>((resolve, reject) => {
    let settled = false;
    let sawFile = false;
    let head = Buffer.alloc(0);
    let size = 0;
    let fileName = "";
    let written: Promise<void> = Promise.resolve();
    let out: ReturnType<typeof createWriteStream> | undefined;
    const removeThen = (settle: () => void) => void rm(options.tempFile, { force: true }).finally(settle);

    const finish = (error: UploadFailure | Error | null) => {
      if (settled) return;
      settled = true;
      if (error) {
        req.unpipe(parser);
        out?.destroy();
        void written.catch(() => {}).finally(() => removeThen(() => reject(error)));
        return;
      }
      written.then(
        () => (size > 0 ? resolve({ tempFile: options.tempFile, head, size, fileName }) : removeThen(() => resolve(null))),
        // The disk failed after the body was read: settled already, so reject here rather than through finish.
        (writeError: Error) => removeThen(() => reject(writeError)),
      );
    };

    parser.on("field", (name, value) => {
      const wanted = options.textFields;
      if (wanted?.names.has(name) && !(name in wanted.into)) wanted.into[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== options.field || sawFile || settled) return void stream.resume();
      sawFile = true;
      fileName = info.filename ?? "";
      out = createWriteStream(options.tempFile, { flags: "wx" });
      const target = out;
      written = new Promise((done, failed) => {
        target.on("close", done);
        target.on("error", failed);
      });
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (head.length < SNIFF_BYTES) {
          head = Buffer.concat([head, chunk]).subarray(0, SNIFF_BYTES);
          if (head.length >= SNIFF_BYTES && !options.accept(head)) return finish(options.badType);
        }
      });
      stream.on("limit", () => finish(options.tooLarge));
      stream.pipe(target);
    });
    parser.on("close", () => {
      if (size > 0 && !options.accept(head)) return finish(options.badType);
      finish(null);
    });
    parser.on("error", () => finish(badRequest));
    req.on("aborted", () => finish(aborted));
    req.pipe(parser);
  });
}

/** receiveUpload for forms that are a file alone: no file is `missing`. */
export async function receiveFile(req: Request, options: ReceiveOptions & { missing: UploadFailure }): Promise<ReceivedFile> {
  const received = await receiveUpload(req, options);
  if (!received) throw options.missing;
  return received;
}

export interface UploadRouteDeps {
  services: Services;
  publicOrigin: string | undefined;
  logger: Logger;
}

export function uploadRoutes(deps: UploadRouteDeps): express.Router {
  const { services, logger } = deps;
  const { videos, courses, live } = services;
  const router = express.Router();
  /** "500 MB", or "256 KB" below a megabyte, for the size-limit messages. */
  const size = (bytes: number) =>
    bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} KB`;

  async function viewerOf(req: Request): Promise<Viewer> {
    const viewer = await services.sessions.viewerOf(readSessionToken(req.headers.cookie));
    if (!viewer) throw new UploadFailure(401, "error.unauthorized");
    return viewer;
  }

  /** Unexpected errors: logged, answered as a failed upload (never a half-stored video). */
  function unexpected(req: Request, error: unknown): UploadFailure {
    logger.error({ err: (error as Error).message, path: req.path }, "upload failed");
    return new UploadFailure(500, "video.upload.failed");
  }

  router.post("/studio/uploads/video", async (req, res) => {
    const query = ZVideoQuery.safeParse(req.query);
    if (!query.success) return sendFailure(req, res, new UploadFailure(400, "video.upload.badRequest"));
    const { lesson: lessonId, direct } = query.data;
    let lessonPage: ((key: string) => string) | undefined;
    try {
      const viewer = await viewerOf(req);
      // Permission first: nobody may make the server read a large body for a lesson they cannot edit.
      const lesson = await courses.authorizeLessonEdit(viewer, lessonId);
      lessonPage = (key) => `/studio/courses/${lesson.courseId}/lessons/${lesson.lessonId}?upload=${encodeURIComponent(key)}`;
      if (lesson.kind !== "VIDEO") throw new UploadFailure(409, "video.upload.notVideoLesson");
      if (direct) {
        const upload = await videos.createDirectUpload(viewer, lessonId, expectedOrigin(req, deps.publicOrigin));
        return res.status(201).json({ ok: true, ...upload });
      }
      const received = await receiveFile(req, {
        field: "video",
        maxBytes: videos.limits.videoBytes,
        tempFile: await videos.storage.tempFile(),
        accept: (head) => sniffVideo(head) !== null,
        badType: new UploadFailure(415, "video.upload.badType"),
        tooLarge: new UploadFailure(413, "video.upload.tooLarge", { size: size(videos.limits.videoBytes) }),
        missing: new UploadFailure(400, "video.upload.missingFile"),
      });
      try {
        const { videoId } = await videos.storeUpload(viewer, lessonId, received.tempFile);
        if (wantsJson(req)) return res.status(201).json({ ok: true, videoId });
        return res.redirect(303, lessonPage("ok"));
      } finally {
        await rm(received.tempFile, { force: true });
      }
    } catch (error) {
      sendFailure(req, res, failureOf(error) ?? unexpected(req, error), lessonPage);
    }
  });

  /**
   * A cover image for something the viewer edits (a course, a live session): the permission check
   * first (nobody may make the server read a body for something they cannot edit), then the file,
   * checked by its bytes, stored under a new random name; the old cover goes once the new one is set.
   */
  function coverRoute<Q extends z.ZodType>(target: {
    query: Q;
    /** Checks the viewer may change this cover; returns the page the plain form comes back to. */
    authorize(req: Request, viewer: Viewer, query: z.infer<Q>): Promise<(key: string) => string>;
    setCover(viewer: Viewer, query: z.infer<Q>, fileName: string): Promise<{ previous: string | null }>;
  }): express.RequestHandler {
    return async (req, res) => {
      const query = target.query.safeParse(req.query);
      if (!query.success) return sendFailure(req, res, new UploadFailure(400, "video.upload.badRequest"));
      let backTo: ((key: string) => string) | undefined;
      try {
        const viewer = await viewerOf(req);
        backTo = await target.authorize(req, viewer, query.data);
        const received = await receiveFile(req, {
          field: "cover",
          maxBytes: videos.limits.coverBytes,
          tempFile: await videos.storage.tempFile(),
          accept: (head) => sniffImage(head) !== null,
          badType: new UploadFailure(415, "video.cover.badType"),
          tooLarge: new UploadFailure(413, "video.cover.tooLarge", { size: size(videos.limits.coverBytes) }),
          missing: new UploadFailure(400, "video.cover.missingFile"),
        });
        const type = sniffImage(received.head)!;
        const name = `${randomBytes(16).toString("hex")}.${type}`;
        try {
          await videos.storage.adoptCover(name, received.tempFile);
          const { previous } = await target.setCover(viewer, query.data, name);
          await videos.storage.removeCover(previous);
        } catch (error) {
          await videos.storage.removeCover(name);
          throw error;
        } finally {
          await rm(received.tempFile, { force: true });
        }
        if (wantsJson(req)) return res.status(201).json({ ok: true, cover: name, url: `/media/covers/${name}` });
        return res.redirect(303, backTo("ok"));
      } catch (error) {
        sendFailure(req, res, failureOf(error) ?? unexpected(req, error), backTo);
      }
    };
  }

  router.post(
    "/studio/uploads/cover",
    coverRoute({
      query: ZCoverQuery,
      async authorize(_req, viewer, { course }) {
        await courses.authorizeCourseEdit(viewer, course);
        return (key) => `/studio/courses/${course}?cover=${encodeURIComponent(key)}`;
      },
      setCover: (viewer, { course }, fileName) => courses.setCover(viewer, course, fileName),
    }),
  );

  router.post(
    "/studio/uploads/live-cover",
    coverRoute({
      query: ZLiveCoverQuery,
      async authorize(req, viewer, { session }) {
        // The host's view is the service's own "may this viewer manage this session" (404 otherwise).
        await live.hostView(viewer, session, expectedOrigin(req, deps.publicOrigin));
        return (key) => `/live/studio/${session}?cover=${encodeURIComponent(key)}`;
      },
      setCover: (viewer, { session }, fileName) => live.setCover(viewer, session, fileName),
    }),
  );

  router.get("/studio/videos/:videoId/status", async (req, res) => {
    res.set("Cache-Control", "no-store");
    const params = ZVideoParams.safeParse(req.params);
    try {
      if (!params.success) throw new UploadFailure(404, "video.error.notFound");
      const view = await videos.status(await viewerOf(req), params.data.videoId);
      res.json({ ...view, errorMessage: view.error ? localizedMessage(req, view.error) : null });
    } catch (error) {
      const failure = failureOf(error) ?? unexpected(req, error);
      res.status(failure.status).json({ ok: false, error: failure.messageKey, message: localizedMessage(req, failure.messageKey) });
    }
  });

  router.post("/studio/videos/:videoId/retry", async (req, res) => {
    const params = ZVideoParams.safeParse(req.params);
    let lessonPage: ((key: string) => string) | undefined;
    try {
      if (!params.success) throw new UploadFailure(404, "video.error.notFound");
      const viewer = await viewerOf(req);
      const place = await videos.lessonOf(params.data.videoId);
      if (place) lessonPage = (key) => `/studio/courses/${place.courseId}/lessons/${place.lessonId}?retry=${encodeURIComponent(key)}`;
      const view = await videos.retry(viewer, params.data.videoId);
      if (wantsJson(req)) return res.json({ ok: true, ...view });
      if (lessonPage) return res.redirect(303, lessonPage("ok"));
      res.redirect(303, "/studio");
    } catch (error) {
      sendFailure(req, res, failureOf(error) ?? unexpected(req, error), lessonPage);
    }
  });

  return router;
}
