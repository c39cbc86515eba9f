// Typed failures of the service layer. Services throw AppError for what the caller cannot fix by
// editing a form (not signed in, not allowed, not found); they return a FormResult for what the
// user can fix. HTTP and socket mappings live in one place each: server/http/service-errors.ts and
// server/realtime (acknowledgements).
import type { z } from "zod";

export type AppErrorKind = "unauthorized" | "forbidden" | "notFound" | "conflict" | "invalid" | "rateLimited";

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly kind: AppErrorKind,
    /** A key of the message files (app/i18n), never a sentence. */
    readonly messageKey: string,
  ) {
    super(`${kind}: ${messageKey}`);
  }
}

export const unauthorized = () => new AppError("unauthorized", "error.unauthorized");
export const forbidden = () => new AppError("forbidden", "error.forbidden");
export const notFound = () => new AppError("notFound", "error.notFound");

/** Duck-typed so that it holds across module copies (the route bundle has its own). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && error.name === "AppError" && "kind" in error && "messageKey" in error;
}

/** Field name → message key. */
export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; value: T }
  | { ok: false; fieldErrors: FieldErrors; formError?: string };

export const formOk = <T>(value: T): FormResult<T> => ({ ok: true, value });
export const formFailed = (fieldErrors: FieldErrors, formError?: string): FormResult<never> => ({
  ok: false,
  fieldErrors,
  ...(formError ? { formError } : {}),
});

/** The first issue per field, as message keys (the schemas carry keys as their messages). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message.includes(".") ? issue.message : "form.invalid";
  }
  return errors;
}
