// The demo library a fresh Jiangxin starts with (prisma/seed/books.ts): enough published books and
// periodicals over many trades, the two fixed books the end-to-end tests open, real files on disk
// that pass the upload checks, search outbox rows, and a seed that runs once.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed.ts";
import { DEMO_BOOKS, DEMO_EPUB_ID, DEMO_PDF_ID, DEMO_PERIODICALS, seedDemoBooks } from "../../prisma/seed/books.ts";
import { parseEpub } from "../../server/books/epub.ts";
import { BOOK_FILE_REGEX, COVER_NAME_REGEX } from "../../server/books/files.ts";
import { parsePdf } from "../../server/books/pdf.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { listFiles } from "../support/media.ts";

const NOW = new Date("2026-11-20T08:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;

let db: TestDatabase;
let dataDir: string;
const warnings: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-seed-books-"));
  // As server/main.ts seeds a new data directory (courses without ffmpeg: they are not the subject).
  await seedDemoData(db.prisma, {
    dataDir,
    courses: { now: NOW, ffmpegPath: null, warn: () => {} },
    books: { now: NOW, warn: (message) => warnings.push(message) },
  });
});

afterAll(async () => {
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function snapshot() {
  const books = await db.prisma.book.findMany({ orderBy: { id: "asc" }, select: { id: true, updatedAt: true, fileName: true, readCount: true } });
  return {
    books,
    outbox: await db.prisma.searchOutbox.count({ where: { docId: { startsWith: "book-" } } }),
    files: await listFiles(path.join(dataDir, "books")),
    covers: await listFiles(path.join(dataDir, "covers")),
  };
}

describe("the demo book seed", () => {
  it("publishes about 30 books over at least ten trades, without warnings", async () => {
    const books = await db.prisma.book.findMany({ where: { kind: "BOOK" }, include: { trade: { select: { code: true } } } });
    expect(books.length).toBe(DEMO_BOOKS.length);
    expect(books.length).toBeGreaterThanOrEqual(28);
    expect(new Set(books.map((book) => book.trade?.code)).size).toBeGreaterThanOrEqual(10);
    expect(books.every((book) => book.status === "PUBLISHED" && book.publishedAt !== null)).toBe(true);
    expect(books.every((book) => book.title.length > 0 && book.authors.length > 0 && (book.publisher ?? "").length > 0 && book.description.length > 10)).toBe(true);
    expect(new Set(books.map((book) => book.format))).toEqual(new Set(["EPUB", "PDF"]));
    expect(new Set(books.map((book) => book.language))).toEqual(new Set(["zh-CN", "en"]));
    expect(books.filter((book) => book.isbn !== null).every((book) => /^97[89]\d{10}$/.test(book.isbn!))).toBe(true);
    expect(books.filter((book) => book.isbn !== null).length).toBeGreaterThanOrEqual(20);
    // Read counts differ, so "most read" has an order; dates spread over the past year, none ahead.
    expect(new Set(books.map((book) => book.readCount)).size).toBeGreaterThan(20);
    const published = books.map((book) => book.publishedAt!.getTime());
    expect(Math.max(...published)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.min(...published)).toBeGreaterThanOrEqual(NOW.getTime() - 366 * DAY_MS);
    expect(Math.max(...published) - Math.min(...published)).toBeGreaterThan(180 * DAY_MS);
    expect(warnings).toEqual([]);
  });

  it("has periodicals with 4–8 published issues each, titled by year and number", async () => {
    const periodicals = await db.prisma.book.findMany({ where: { kind: "PERIODICAL" }, include: { issues: true } });
    expect(periodicals.map((periodical) => periodical.title).sort()).toEqual(DEMO_PERIODICALS.map((seed) => seed.title).sort());
    expect(periodicals.length).toBeGreaterThanOrEqual(3);
    for (const periodical of periodicals) {
      expect(periodical).toMatchObject({ status: "PUBLISHED", fileName: null, format: null });
      expect(periodical.coverImage).toMatch(COVER_NAME_REGEX);
      expect(periodical.issues.length).toBeGreaterThanOrEqual(4);
      expect(periodical.issues.length).toBeLessThanOrEqual(8);
      for (const issue of periodical.issues) {
        expect(issue).toMatchObject({ kind: "ISSUE", status: "PUBLISHED", periodicalId: periodical.id });
        expect(issue.issueYear).toBe(2026);
        expect(issue.issueNumber).toBeGreaterThanOrEqual(1);
        expect(issue.title).toMatch(issue.language === "en" ? /^2026 No\. \d+$/ : /^2026年第\d+期$/);
        expect(issue.fileName).toMatch(BOOK_FILE_REGEX);
        expect(issue.publishedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
    }
    expect(periodicals.map((periodical) => periodical.title)).toEqual(expect.arrayContaining(["焊接技术", "电工技术", "现代班组"]));
  });

  it("gives every row with a file its own file on disk, which passes the upload checks", async () => {
    const rows = await db.prisma.book.findMany({ where: { kind: { in: ["BOOK", "ISSUE"] } } });
    const names = rows.map((row) => row.fileName!);
    expect(new Set(names).size).toBe(rows.length); // never two rows on one file
    expect(await listFiles(path.join(dataDir, "books"))).toEqual([...names].sort());
    for (const row of rows) {
      expect(row.fileName).toMatch(row.format === "EPUB" ? /\.epub$/ : /\.pdf$/);
      const bytes = await readFile(path.join(dataDir, "books", row.fileName!));
      expect(row.fileSize).toBe(bytes.length);
      const metadata = row.format === "EPUB" ? parseEpub(bytes) : await parsePdf(bytes);
      if (row.format === "EPUB") {
        expect(metadata.chapterCount).toBe(row.chapterCount);
        expect(metadata.toc.length).toBe(row.chapterCount);
      } else {
        expect(metadata.pageCount).toBe(row.pageCount);
      }
      expect(row.coverImage).toMatch(COVER_NAME_REGEX);
    }
    // Covers: one per row (books, issues and periodicals), all distinct.
    const covers = (await db.prisma.book.findMany({ select: { coverImage: true } })).map((row) => row.coverImage);
    expect(await listFiles(path.join(dataDir, "covers"))).toEqual([...covers].sort());
  });

  it("has the fixed end-to-end EPUB: at least four chapters of Chinese text, long enough to page on a phone", async () => {
    const book = await db.prisma.book.findUniqueOrThrow({ where: { id: DEMO_EPUB_ID }, include: { trade: { select: { code: true } } } });
    expect(book).toMatchObject({ kind: "BOOK", status: "PUBLISHED", format: "EPUB", language: "zh-CN" });
    expect(book.trade?.code).toBe("welder");
    expect(book.chapterCount).toBeGreaterThanOrEqual(4);
    const bytes = await readFile(path.join(dataDir, "books", book.fileName!));
    const metadata = parseEpub(bytes);
    expect(metadata.title).toBe(book.title);
    expect(metadata.toc.length).toBeGreaterThanOrEqual(4);
    expect(metadata.cover?.mediaType).toBe("image/png");
    // Every chapter is more than a phone screen of Chinese text (~400 characters a page at 390 px),
    // the book many screens in all.
    const { unzipSync, strFromU8 } = await import("fflate");
    const files = unzipSync(new Uint8Array(bytes));
    const hanzi = metadata.toc.map((entry) => (strFromU8(files[entry.href]!).replace(/<[^>]+>/g, "").match(/[\u4e00-\u9fff]/g) ?? []).length);
    expect(Math.min(...hanzi)).toBeGreaterThan(400);
    expect(hanzi.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(3000);
  });

  it("has the fixed end-to-end PDF with at least five pages", async () => {
    const book = await db.prisma.book.findUniqueOrThrow({ where: { id: DEMO_PDF_ID } });
    expect(book).toMatchObject({ kind: "BOOK", status: "PUBLISHED", format: "PDF" });
    expect(book.pageCount).toBeGreaterThanOrEqual(5);
    const metadata = await parsePdf(await readFile(path.join(dataDir, "books", book.fileName!)));
    expect(metadata.pageCount).toBe(book.pageCount);
    expect(metadata.title).toBe(book.title);
  });

  it("queues every book, periodical and issue for the search index", async () => {
    const ids = (await db.prisma.book.findMany({ select: { id: true } })).map((row) => `book-${row.id}`);
    const queued = new Set((await db.prisma.searchOutbox.findMany({ select: { docId: true } })).map((row) => row.docId));
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id) => !queued.has(id))).toEqual([]);
  });

  it("changes nothing when it runs again", async () => {
    const before = await snapshot();
    expect(before.books.length).toBeGreaterThan(40);
    expect(await seedDemoBooks(db.prisma, { dataDir, now: NOW })).toBe(0);
    await seedDemoData(db.prisma, { dataDir, courses: { now: NOW, ffmpegPath: null }, books: { now: NOW } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the demo book seed when files cannot be written", () => {
  it("warns, leaves no rows, and does not throw", async () => {
    const bare = await createTestDatabase();
    const blocked = await mkdtemp(path.join(os.tmpdir(), "jx-seed-books-blocked-"));
    try {
      // A file where the books folder should be: every write below it fails.
      const { writeFile } = await import("node:fs/promises");
      await writeFile(path.join(blocked, "books"), "not a folder");
      const said: string[] = [];
      expect(await seedDemoBooks(bare.prisma, { dataDir: blocked, now: NOW, warn: (message) => said.push(message) })).toBe(0);
      expect(said).toEqual([expect.stringContaining("Demo books could not be seeded")]);
      expect(await bare.prisma.book.count()).toBe(0);
      expect(await listFiles(path.join(blocked, "covers"))).toEqual([]);
    } finally {
      await bare.cleanup();
      await rm(blocked, { recursive: true, force: true });
    }
  });
});
