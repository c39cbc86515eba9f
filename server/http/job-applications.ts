// Applying to a job post over HTTP, and downloading a résumé. The apply form is multipart (message,
// phone, an optional résumé file up to RESUME_MAX_BYTES), too big for React Router actions behind
// the global body cap, so this router is mounted before it. It answers JSON to the page's script
// ({ ok, fieldErrors }) and a 303 back to the post (#apply) to the plain HTML form, with the error
// key and the typed text in the query so the form can show both.
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Request, Response } from "express";
import express from "express";
import { z } from "zod";
import type { Viewer } from "../auth/permissions.ts";
import type { Services } from "../context.ts";
import { isAppError, type FieldErrors } from "../errors.ts";
import { RESUME_MAX_BYTES, sniffResume } from "../jobs/applications.ts";
import type { Logger } from "../logger.ts";
import { readSessionToken } from "./cookies.ts";
import { localizedMessage, receiveUpload, UploadFailure, wantsJson } from "./uploads.ts";

const ERROR_STATUS = { unauthorized: 401, forbidden: 403, notFound: 404, conflict: 409, invalid: 400, rateLimited: 429 } as const;
const ZJobParams = z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const ZApplicationParams = z.object({ applicationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
/** What the plain form's redirect carries back of the typed text (the textarea allows 1000 characters). */
const ECHO_MAX_CHARS = 1000;
/** The fields of the apply form; anything else in the body is ignored. */
const FORM_FIELDS = new Set(["message", "phone"]);

/** An apply that did not go through: field errors and/or a form-level error, as message keys. */
class ApplyFailure extends Error {
  constructor(
    readonly status: number,
    readonly fieldErrors: FieldErrors,
    readonly formError?: string,
  ) {
    super(formError ?? Object.values(fieldErrors)[0] ?? "form.invalid");
  }
}

function applyFailureOf(error: unknown): ApplyFailure | null {
  if (error instanceof ApplyFailure) return error;
  // The file's own failures (type, size) belong to the résumé field.
  if (error instanceof UploadFailure) {
    return error.status === 413 || error.status === 415 ? new ApplyFailure(error.status, { resume: error.messageKey }) : new ApplyFailure(error.status, {}, error.messageKey);
  }
  if (isAppError(error)) return new ApplyFailure(ERROR_STATUS[error.kind], {}, error.messageKey);
  return null;
}

/**
 * `attachment; filename="…"` with an ASCII stand-in for old clients and the real (often Chinese)
 * name in RFC 5987's filename*. The name was cleaned when it was stored; this makes it header-safe.
 */
export function attachmentDisposition(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f/\\]/g, " ").replace(/\s+/g, " ").trim().slice(0, 150) || "resume";
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_").replace(/["%;]/g, "_");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export interface JobApplicationRouteDeps {
  services: Services;
  logger: Logger;
}

export function jobApplicationRoutes(deps: JobApplicationRouteDeps): express.Router {
  const { services, logger } = deps;
  const applications = services.jobApplications;
  const router = express.Router();

  const viewerOf = (req: Request): Promise<Viewer | null> => services.sessions.viewerOf(readSessionToken(req.headers.cookie));
  const loginHref = (path: string) => `/login?redirectTo=${encodeURIComponent(path)}`;

  /** JSON for the page's script; for the plain form a 303 back to the post's form, keeping the typed text. */
  function sendApplyFailure(req: Request, res: Response, jobPage: string, failure: ApplyFailure, fields: Record<string, string>) {
    // The rest of an abandoned body is not read: close the connection instead of keeping it alive.
    if (!req.complete) res.set("Connection", "close");
    const key = failure.formError ?? Object.values(failure.fieldErrors)[0] ?? "form.invalid";
    if (wantsJson(req)) {
      return res.status(failure.status).json({
        ok: false,
        fieldErrors: failure.fieldErrors,
        ...(failure.formError ? { formError: failure.formError } : {}),
        message: localizedMessage(req, key),
      });
    }
    if (failure.status === 401) return res.redirect(303, loginHref(jobPage));
    if (failure.status === 404) return res.status(404).type("text/plain; charset=utf-8").send(localizedMessage(req, "error.notFound"));
    const query = new URLSearchParams({ applyError: key });
    for (const name of FORM_FIELDS) {
      if (fields[name]) query.set(name, fields[name].slice(0, ECHO_MAX_CHARS));
    }
    res.redirect(303, `${jobPage}?${query}#apply`);
  }

  router.post("/jobs/:jobId/apply", async (req, res) => {
    const params = ZJobParams.safeParse(req.params);
    if (!params.success) return res.status(404).type("text/plain; charset=utf-8").send(localizedMessage(req, "error.notFound"));
    const { jobId } = params.data;
    const jobPage = `/jobs/${encodeURIComponent(jobId)}`;
    const fields: Record<string, string> = {};
    let tempFile: string | undefined;
    try {
      // Permission and state first: nobody makes the server read a file for a post they cannot apply to.
      const viewer = await viewerOf(req);
      if (!viewer) throw new ApplyFailure(401, {}, "error.unauthorized");
      const prepared = await applications.prepareApply(viewer, jobId);
      if (prepared.kind === "closed") throw new ApplyFailure(409, {}, "jobs.apply.error.closed");
      if (prepared.kind === "existing") {
        if (!req.complete) res.set("Connection", "close");
        if (wantsJson(req)) return res.status(200).json({ ok: true, created: false, application: prepared.application });
        return res.redirect(303, `${jobPage}#apply`);
      }
      tempFile = await applications.resumeTempFile();
      // Text fields are kept as they arrive, so that a failure later in the body can echo them back.
      const received = await receiveUpload(req, {
        field: "resume",
        maxBytes: RESUME_MAX_BYTES,
        tempFile,
        accept: (head) => sniffResume(head) !== null,
        badType: new UploadFailure(415, "jobs.apply.error.resumeType"),
        tooLarge: new UploadFailure(413, "jobs.apply.error.resumeTooLarge"),
        textFields: { names: FORM_FIELDS, into: fields, maxBytes: 16 * 1024 },
        badRequest: new UploadFailure(400, "jobs.apply.error.badRequest"),
        aborted: new UploadFailure(400, "jobs.apply.error.failed"),
      });
      const resume = received && { tempFile: received.tempFile, head: received.head, size: received.size, originalName: received.fileName };
      const result = await applications.apply(viewer, jobId, fields, resume);
      if (!result.ok) {
        const status = result.formError === "jobs.apply.error.closed" ? 409 : result.fieldErrors.resume === "jobs.apply.error.resumeType" ? 415 : 400;
        throw new ApplyFailure(status, result.fieldErrors, result.formError);
      }
      const { application, created } = result.value;
      if (wantsJson(req)) return res.status(created ? 201 : 200).json({ ok: true, created, application });
      res.redirect(303, `${jobPage}#apply`);
    } catch (error) {
      let failure = applyFailureOf(error);
      if (!failure) {
        logger.error({ err: (error as Error).message, path: req.path }, "job application failed");
        failure = new ApplyFailure(500, {}, "jobs.apply.error.failed");
      }
      // The refused file is gone before the answer leaves, so no client sees it still on disk.
      if (tempFile) await rm(tempFile, { force: true });
      sendApplyFailure(req, res, jobPage, failure, fields);
    } finally {
      // Adopted résumés were moved away; anything still here is a leftover of a failure.
      if (tempFile) await rm(tempFile, { force: true });
    }
  });

  router.get("/applications/:applicationId/resume", async (req, res, next) => {
    const params = ZApplicationParams.safeParse(req.params);
    const notFoundText = () => res.status(404).type("text/plain; charset=utf-8").send(localizedMessage(req, "error.notFound"));
    if (!params.success) return notFoundText();
    try {
      const viewer = await viewerOf(req);
      if (!viewer) {
        // A browser following a link goes to sign in and comes back; anything else is told 401.
        if ((req.get("accept") ?? "").includes("text/html")) return res.redirect(303, loginHref(req.originalUrl));
        return res.status(401).type("text/plain; charset=utf-8").send(localizedMessage(req, "error.unauthorized"));
      }
      const file = await applications.resumeFor(viewer, params.data.applicationId);
      // Private: who may read depends on who asks, and an applicant's file is nobody's cache.
      res.set("Cache-Control", "private, no-store");
      res.set("Content-Type", file.type);
      res.set("Content-Disposition", attachmentDisposition(file.name));
      res.set("X-Content-Type-Options", "nosniff");
      res.sendFile(path.basename(file.path), { root: path.dirname(file.path), dotfiles: "deny", cacheControl: false, lastModified: false }, (error?: Error) => {
        if (!error || res.headersSent) return;
        res.removeHeader("Content-Disposition");
        notFoundText();
      });
    } catch (error) {
      if (isAppError(error)) {
        return res.status(ERROR_STATUS[error.kind]).type("text/plain; charset=utf-8").send(localizedMessage(req, error.messageKey));
      }
      next(error);
    }
  });

  return router;
}
