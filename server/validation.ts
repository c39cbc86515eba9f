// Zod pieces shared by the form and URL schemas of every feature (server/*/schema.ts). Messages are
// keys of the message files, passed in by each schema.
import { z } from "zod";

/** A required form field: absent or not a string counts as empty; surrounding space is dropped. */
export const requiredText = (requiredKey: string, max: number, tooLongKey: string) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().min(1, requiredKey).max(max, tooLongKey));

/** An optional form field: empty becomes null. */
export const optionalText = (max: number, tooLongKey: string) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null), z.string().max(max, tooLongKey).nullable());

/** A URL parameter dropped (not an error) when it is not one of the allowed values: a stale shared link still opens. */
export const lenientEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (typeof value === "string" && (values as readonly string[]).includes(value) ? value : null), z.enum(values).nullable());

/** A list page number from the URL: anything that is not 1–10,000 is page 1. */
export const pageNumber = z.preprocess((value) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}, z.number());

/** A catalog's text query from the URL: at most 100 characters, trimmed. */
export const queryText = z.preprocess((value) => (typeof value === "string" ? value.slice(0, 100).trim() : ""), z.string());

/** A trade code from the URL, or null (whether it exists is the service's question). */
export const tradeCodeParam = z.preprocess((value) => (typeof value === "string" && /^[a-z0-9-]{1,40}$/.test(value) ? value : null), z.string().nullable());

/**
 * A whole number from a form field. A blank field is `blank` when given (an optional number), else
 * missing, which fails with `invalidKey`. (zod's `.default()` would not do: it applies to undefined
 * input only, and forms send "".)
 */
export const wholeNumber = (invalidKey: string, min: number, max: number, blank?: number) =>
  z.preprocess(
    (value) => {
      if (typeof value === "number") return value;
      if (typeof value === "string" && value.trim() !== "") return Number(value.trim());
      return blank;
    },
    z.number(invalidKey).int(invalidKey).min(min, invalidKey).max(max, invalidKey),
  );
