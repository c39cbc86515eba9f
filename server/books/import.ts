// Bulk import of book metadata from CSV (admins): large catalogs arrive as spreadsheets before their
// files do. Every row becomes a DRAFT book without a file; the admin uploads files and publishes
// later. Bad rows are reported per line and never stop the good ones.
import { z } from "zod";
import { requireRole, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import type { DB, PrismaClient } from "../db/client.ts";
import { parseCsv } from "../csv.ts";
import { enqueueSearchUpdates } from "../search/outbox.ts";
import { BOOK_LANGUAGES } from "./types.ts";

/** UTF-8 bytes of the pasted or uploaded text. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Data rows (the header not counted). */
export const IMPORT_MAX_ROWS = 20_000;
/** Rows written per statement: keeps each INSERT's parameter count well under PostgreSQL's limit. */
const INSERT_CHUNK = 500;

export const IMPORT_COLUMNS = ["title", "authors", "publisher", "isbn", "language", "trade", "description", "kind"] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export interface ImportError {
  /** The line of the file where the record starts (1 = the header). */
  line: number;
  field: string;
  messageKey: string;
}

export interface ImportReport {
  /** Rows that would be (or were) imported. */
  valid: number;
  errors: ImportError[];
  /** Header names we do not know; their values are ignored. */
  ignoredColumns: string[];
  /** A problem with the whole file (too large, too many rows, no title column): nothing is imported. */
  formError?: string;
}

export interface ImportResult extends ImportReport {
  imported: number;
}

// ---------------------------------------------------------------------------------------------
// One row's validation, with the limits of the book form (schema.ts). Messages are keys of
// app/i18n/messages/opds.*.ts.

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "bookImport.error.tooLong")
    .transform((value) => (value === "" ? null : value));

/** ISBN-13 (978/979…) or ISBN-10 (the last may be X), after hyphens and spaces are dropped; as the book form accepts. */
const ISBN_REGEX = /^(?:97[89]\d{10}|\d{9}[\dX])$/;

const ZImportRow = z.object({
  title: z.string().trim().min(1, "bookImport.error.titleRequired").max(200, "bookImport.error.tooLong"),
  authors: z
    .string()
    .trim()
    .max(2000, "bookImport.error.tooLong")
    .transform((value) =>
      value
        .split(/[;；、]/)
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(80, "bookImport.error.tooLong")).max(20, "bookImport.error.tooManyAuthors")),
  publisher: text(120),
  isbn: z
    .string()
    .trim()
    .max(20, "bookImport.error.tooLong")
    .transform((value) => value.replace(/[-\s]/g, "").toUpperCase())
    .refine((value) => value === "" || ISBN_REGEX.test(value), "bookImport.error.badIsbn")
    .transform((value) => (value === "" ? null : value)),
  language: z
    .string()
    .trim()
    .transform((value) => value || "zh-CN")
    .pipe(z.enum(BOOK_LANGUAGES, { message: "bookImport.error.badLanguage" })),
  trade: text(40),
  description: z.string().trim().max(10_000, "bookImport.error.tooLong"),
  kind: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase() || "BOOK")
    .pipe(z.enum(["BOOK", "PERIODICAL"], { message: "bookImport.error.badKind" })),
});

type ImportRow = z.infer<typeof ZImportRow>;

const ZCsvText = z.string({ message: "bookImport.error.empty" });

interface CheckedFile {
  report: ImportReport;
  rows: { line: number; row: ImportRow; tradeId: number | null }[];
}

export function createBookImport(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;

  const failedFile = (formError: string, ignoredColumns: string[] = []): CheckedFile => ({
    report: { valid: 0, errors: [], ignoredColumns, formError },
    rows: [],
  });

  /** Parses and validates everything; writes nothing. */
  async function check(csvText: unknown): Promise<CheckedFile> {
    const parsedText = ZCsvText.safeParse(csvText);
    if (!parsedText.success || parsedText.data.trim() === "") return failedFile("bookImport.error.empty");
    if (Buffer.byteLength(parsedText.data, "utf8") > IMPORT_MAX_BYTES) return failedFile("bookImport.error.tooLarge");

    const [header, ...records] = parseCsv(parsedText.data);
    if (!header) return failedFile("bookImport.error.empty");
    const names = header.fields.map((name) => name.trim().toLowerCase());
    const ignoredColumns = names.filter((name) => !(IMPORT_COLUMNS as readonly string[]).includes(name));
    if (!names.includes("title")) return failedFile("bookImport.error.noTitleColumn", ignoredColumns);
    if (records.length > IMPORT_MAX_ROWS) return failedFile("bookImport.error.tooManyRows", ignoredColumns);
    const columnIndex = new Map(IMPORT_COLUMNS.map((column) => [column, names.indexOf(column)]));

    const trades = new Map((await prisma.trade.findMany({ select: { id: true, code: true } })).map((trade) => [trade.code, trade.id]));
    const errors: ImportError[] = [];
    const rows: CheckedFile["rows"] = [];
    const seenIsbns = new Map<string, number>();

    for (const record of records) {
      if (record.malformed) {
        errors.push({ line: record.line, field: "", messageKey: "bookImport.error.badQuotes" });
        continue;
      }
      if (record.fields.length > names.length) {
        errors.push({ line: record.line, field: "", messageKey: "bookImport.error.tooManyFields" });
        continue;
      }
      const values = Object.fromEntries(
        IMPORT_COLUMNS.map((column) => [column, record.fields[columnIndex.get(column)!] ?? ""]),
      ) as Record<ImportColumn, string>;
      const parsed = ZImportRow.safeParse(values);
      const rowErrors: ImportError[] = parsed.success
        ? []
        : firstIssuePerField(parsed.error).map(([field, messageKey]) => ({ line: record.line, field, messageKey }));
      // The trade is checked even when other fields failed, so one pass shows every fix a row needs.
      const tradeCode = values.trade.trim();
      const tradeId = tradeCode ? (trades.get(tradeCode) ?? null) : null;
      if (tradeCode && tradeId === null && !rowErrors.some((error) => error.field === "trade")) {
        rowErrors.push({ line: record.line, field: "trade", messageKey: "bookImport.error.unknownTrade" });
      }
      if (parsed.success && parsed.data.isbn !== null) {
        if (seenIsbns.has(parsed.data.isbn)) rowErrors.push({ line: record.line, field: "isbn", messageKey: "bookImport.error.duplicateIsbn" });
        else seenIsbns.set(parsed.data.isbn, record.line);
      }
      if (rowErrors.length > 0 || !parsed.success) errors.push(...rowErrors);
      else rows.push({ line: record.line, row: parsed.data, tradeId });
    }

    // ISBNs already in the catalog: importing the same list twice must not double it.
    const isbns = [...seenIsbns.keys()];
    const existing = new Set<string>();
    for (let start = 0; start < isbns.length; start += INSERT_CHUNK) {
      const found = await prisma.book.findMany({ where: { isbn: { in: isbns.slice(start, start + INSERT_CHUNK) } }, select: { isbn: true } });
      for (const book of found) if (book.isbn) existing.add(book.isbn);
    }
    const fresh = rows.filter(({ line, row }) => {
      if (row.isbn === null || !existing.has(row.isbn)) return true;
      errors.push({ line, field: "isbn", messageKey: "bookImport.error.isbnExists" });
      return false;
    });

    errors.sort((a, b) => a.line - b.line);
    return { report: { valid: fresh.length, errors, ignoredColumns }, rows: fresh };
  }

  return {
    /** What an import would do: counts and errors per line, nothing written. */
    async preview(viewer: Viewer | null, csvText: unknown): Promise<ImportReport> {
      requireRole(viewer, "ADMIN");
      return (await check(csvText)).report;
    },

    /** Writes the valid rows as DRAFT books in one transaction (with their search outbox rows). */
    async importRows(viewer: Viewer | null, csvText: unknown): Promise<ImportResult> {
      requireRole(viewer, "ADMIN");
      const { report, rows } = await check(csvText);
      if (rows.length === 0) return { ...report, imported: 0 };
      const now = clock.now();
      const data: DB.Prisma.BookCreateManyInput[] = rows.map(({ row, tradeId }) => ({
        kind: row.kind,
        title: row.title,
        authors: row.kind === "BOOK" ? row.authors : [],
        publisher: row.publisher,
        isbn: row.isbn,
        description: row.description,
        language: row.language,
        tradeId,
        status: "DRAFT",
        createdAt: now,
        updatedAt: now,
      }));
      const imported = await prisma.$transaction(
        async (tx) => {
          let count = 0;
          for (let start = 0; start < data.length; start += INSERT_CHUNK) {
            const created = await tx.book.createManyAndReturn({ data: data.slice(start, start + INSERT_CHUNK), select: { id: true } });
            // Drafts are not searchable, so the worker removes nothing real; the rows keep the rule
            // "every write to something searchable goes through the outbox".
            await enqueueSearchUpdates(tx, created.map((book) => `book-${book.id}`));
            count += created.length;
          }
          return count;
        },
        // 20,000 rows take a few seconds on PGlite; the default 5 s would cut large files short.
        { timeout: 120_000, maxWait: 10_000 },
      );
      return { ...report, imported };
    },
  };
}

export type BookImport = ReturnType<typeof createBookImport>;

/** Zod issues as (field, message key) pairs, the first per field. */
function firstIssuePerField(error: z.ZodError): [string, string][] {
  const seen = new Map<string, string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (!seen.has(field)) seen.set(field, issue.message.startsWith("bookImport.") ? issue.message : "bookImport.error.invalid");
  }
  return [...seen];
}
