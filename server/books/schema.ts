// What book requests and forms may contain. Messages are keys of the message files (app/i18n).
import { z } from "zod";
import { lenientEnum, optionalText, pageNumber, queryText, requiredText, tradeCodeParam } from "../validation.ts";
import { BOOK_LANGUAGES, BOOK_SORTS, SHELF_STATUSES } from "./types.ts";


export const ZBookCatalogQuerySchema = z.object({
  q: queryText,
  trade: tradeCodeParam,
  kind: lenientEnum(["BOOK", "PERIODICAL"] as const),
  language: lenientEnum(BOOK_LANGUAGES),
  sort: z.preprocess((value) => (value === "popular" ? "popular" : "newest"), z.enum(BOOK_SORTS)),
  page: pageNumber,
});

export const ZAdminBookQuerySchema = z.object({
  q: queryText,
  status: lenientEnum(["DRAFT", "PUBLISHED"] as const),
  kind: lenientEnum(["BOOK", "PERIODICAL", "ISSUE"] as const),
  page: pageNumber,
});

export const ZProgressSchema = z.object({
  location: z
    .string("books.progress.invalid")
    .trim()
    .min(1, "books.progress.invalid")
    .max(500, "books.progress.invalid")
    .refine((value) => /^epubcfi\(.+\)$/.test(value) || /^page:[1-9]\d{0,5}$/.test(value), "books.progress.invalid"),
  // Not z.coerce: an empty field must be refused, not read as 0.
  fraction: z.preprocess(
    (value) => (typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN),
    z.number("books.progress.invalid").min(0, "books.progress.invalid").max(1, "books.progress.invalid"),
  ),
});

export const ZShelfSchema = z.object({
  status: z.enum([...SHELF_STATUSES, "NONE"], "books.shelf.invalid"),
});

export const ZHighlightSchema = z.object({
  cfi: z.string("books.highlight.invalid").trim().min(1, "books.highlight.invalid").max(1000, "books.highlight.invalid").regex(/^epubcfi\(.+\)$/, "books.highlight.invalid"),
  text: requiredText("books.highlight.textRequired", 2000, "books.highlight.textTooLong"),
  note: optionalText(1000, "books.highlight.noteTooLong"),
});

const authorsList = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(/[,，、;；]/)
          .map((author) => author.trim())
          .filter(Boolean)
      : Array.isArray(value)
        ? value
        : [],
  z.array(z.string().max(80, "bookadmin.authors.tooLong")).max(20, "bookadmin.authors.tooMany"),
);

const optionalInt = (min: number, max: number, key: string) =>
  z.preprocess((value) => (value === undefined || value === null || value === "" ? null : Number(value)), z.number(key).int(key).min(min, key).max(max, key).nullable());

const language = z.preprocess((value) => (typeof value === "string" && value ? value : "zh-CN"), z.enum(BOOK_LANGUAGES, "bookadmin.language.invalid"));

export const ZMetadataSchema = z.object({
  title: requiredText("bookadmin.title.required", 200, "bookadmin.title.tooLong"),
  authors: authorsList,
  publisher: optionalText(120, "bookadmin.publisher.tooLong"),
  isbn: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.replace(/[\s-]/g, "").toUpperCase() : null),
    z.string().regex(/^(97[89]\d{10}|\d{9}[\dX])$/, "bookadmin.isbn.invalid").nullable(),
  ),
  description: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().max(10_000, "bookadmin.description.tooLong")),
  language,
  trade: optionalText(40, "bookadmin.trade.invalid"),
  kind: z.preprocess((value) => (value === "ISSUE" ? "ISSUE" : "BOOK"), z.enum(["BOOK", "ISSUE"])),
  periodicalId: optionalText(40, "bookadmin.periodical.invalid"),
  issueNumber: optionalInt(1, 999, "bookadmin.issueNumber.invalid"),
  issueYear: optionalInt(1900, 2200, "bookadmin.issueYear.invalid"),
});

export const ZPeriodicalSchema = z.object({
  title: requiredText("bookadmin.title.required", 200, "bookadmin.title.tooLong"),
  publisher: optionalText(120, "bookadmin.publisher.tooLong"),
  description: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().max(10_000, "bookadmin.description.tooLong")),
  language,
  trade: optionalText(40, "bookadmin.trade.invalid"),
});
