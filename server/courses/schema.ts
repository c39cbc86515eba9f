// What course forms and requests may contain. Messages are keys of the message files (app/i18n).
import { z } from "zod";
import { lenientEnum, pageNumber, queryText, tradeCodeParam } from "../validation.ts";
import { CATALOG_SORTS, COURSE_FORMATS, COURSE_LEVELS } from "./types.ts";

/** A form field: absent or not a string counts as empty; surrounding space is dropped. */
const text = (requiredKey: string, max: number, tooLongKey: string) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().min(1, requiredKey).max(max, tooLongKey));

/** Optional text: absent becomes "". */
const optionalText = (max: number, tooLongKey: string) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().max(max, tooLongKey));

/** A checkbox: "on", "true" or true when ticked. */
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());


export const ZCatalogQuerySchema = z.object({
  q: queryText,
  trade: tradeCodeParam,
  level: lenientEnum(COURSE_LEVELS),
  format: lenientEnum(COURSE_FORMATS),
  sort: z.preprocess((value) => (value === "popular" ? "popular" : "newest"), z.enum(CATALOG_SORTS)),
  page: pageNumber,
});

export const ZCourseInputSchema = z.object({
  title: text("course.title.required", 80, "course.title.tooLong").pipe(z.string().min(2, "course.title.tooShort")),
  summary: text("course.summary.required", 300, "course.summary.tooLong"),
  description: optionalText(20_000, "course.description.tooLong"),
  trade: text("course.trade.required", 40, "course.trade.invalid"),
  level: z.preprocess((value) => (typeof value === "string" ? value : ""), z.enum(COURSE_LEVELS, "course.level.invalid")),
});
export type CourseInput = z.infer<typeof ZCourseInputSchema>;

export const ZChapterInputSchema = z.object({
  title: text("chapter.title.required", 80, "chapter.title.tooLong"),
});

export const ZNewLessonSchema = z.object({
  title: text("lesson.title.required", 80, "lesson.title.tooLong"),
  kind: z.preprocess((value) => (typeof value === "string" ? value : ""), z.enum(["VIDEO", "TEXT"], "lesson.kind.invalid")),
  body: optionalText(50_000, "lesson.body.tooLong"),
  isPreview: checkbox,
});

export const ZLessonUpdateSchema = ZNewLessonSchema.omit({ kind: true });

const version = z.coerce.number("studio.reorder.stale").int("studio.reorder.stale").min(0, "studio.reorder.stale");

export const ZMoveSchema = z.object({
  target: z.enum(["chapter", "lesson"], "form.invalid"),
  id: z.string().min(1, "form.invalid").max(40, "form.invalid"),
  direction: z.enum(["up", "down"], "form.invalid"),
  version,
});

export const ZReorderSchema = z.object({
  version,
  chapters: z
    .array(z.object({ id: z.string().min(1).max(40), lessonIds: z.array(z.string().min(1).max(40)).max(500) }), "form.invalid")
    .min(1, "form.invalid")
    .max(100, "form.invalid"),
});

export const ZProgressSchema = z.object({
  positionSeconds: z.coerce
    .number("progress.invalid")
    .min(0, "progress.invalid")
    .max(24 * 60 * 60, "progress.invalid")
    .refine(Number.isFinite, "progress.invalid"),
});

export const ZReviewSchema = z.object({
  rating: z.coerce.number("review.rating.required").int("review.rating.required").min(1, "review.rating.required").max(5, "review.rating.required"),
  body: optionalText(1000, "review.body.tooLong"),
});

/** Certificate verification codes: JX- and three groups of four (no 0/O/1/I). */
export const CERTIFICATE_CODE = /^JX(-[2-9A-HJ-NP-Z]{4}){3}$/;
