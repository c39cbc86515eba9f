// Books and periodicals through the book service, as routes call it: the catalog, book pages,
// reading progress across devices, the shelf, highlights, file access, OPDS tokens, and the
// admin side with its permissions.
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { BookService } from "../../server/books/service.ts";
import { createBookService } from "../../server/books/service.ts";
import type { ExtractedMetadata } from "../../server/books/types.ts";
import type { Services } from "../../server/context.ts";
import { createEmbeddedEngine } from "../../search/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let books: BookService;
let clock: TestClock;
let dataDir: string;
let admin: Viewer;
let worker: Viewer;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock();
  const engine = createEmbeddedEngine();
  services = createTestServices(db, { clock, searchEngine: engine });
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-books-"));
  // The same service with a data directory of this test's own, to watch files being removed.
  books = createBookService({ prisma: db.prisma, clock, engine, dataDir });
  admin = await viewer("ADMIN");
  worker = await viewer();
});

afterAll(async () => {
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function viewer(role: Viewer["role"] = "WORKER"): Promise<Viewer> {
  return (await signedInUser(db.prisma, services.sessions, { role })).viewer;
}

const rejection = (kind: string, messageKey?: string) => expect.objectContaining({ name: "AppError", kind, ...(messageKey ? { messageKey } : {}) });

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

const metadata = (overrides: Partial<ExtractedMetadata> = {}): ExtractedMetadata => ({
  format: "EPUB",
  title: "焊接安全手册",
  authors: ["王建国", "李明"],
  language: "zh",
  publisher: "机械工业出版社",
  isbn: null,
  description: "焊接作业的安全要点。",
  pageCount: null,
  chapterCount: 4,
  toc: [
    { label: "第一章 防护", href: "ch1.xhtml", level: 1 },
    { label: "第二章 引弧", href: "ch2.xhtml", level: 1 },
  ],
  cover: null,
  ...overrides,
});

let fileCounter = 0;
/** An uploaded book as the upload route leaves it: a file in books/ and a DRAFT row. */
async function uploaded(overrides: Partial<ExtractedMetadata> = {}) {
  const fileName = `test-${++fileCounter}.${overrides.format === "PDF" ? "pdf" : "epub"}`;
  await mkdir(path.join(dataDir, "books"), { recursive: true });
  await writeFile(path.join(dataDir, "books", fileName), "file bytes");
  const { id } = await books.createFromUpload(admin, { fileName, fileSize: 10, metadata: metadata(overrides), coverFileName: null });
  return { id, fileName };
}

async function publishedBook(overrides: Partial<ExtractedMetadata> = {}, fields: Record<string, string> = {}) {
  const book = await uploaded(overrides);
  ok(await books.updateMetadata(admin, book.id, { title: overrides.title ?? "焊接安全手册", authors: "王建国、李明", language: "zh-CN", trade: "welder", ...fields }));
  ok(await books.setPublished(admin, book.id, true));
  return book;
}

async function periodicalWithIssues(count: number) {
  const { id } = ok(await books.createPeriodical(admin, { title: "焊接技术", publisher: "焊接学会", language: "zh-CN", trade: "welder" }));
  const issues: string[] = [];
  for (let n = 1; n <= count; n++) {
    const issue = await uploaded({ format: "PDF", title: `2026年第${n}期`, pageCount: 40 });
    ok(await books.updateMetadata(admin, issue.id, { title: `2026年第${n}期`, language: "zh-CN", kind: "ISSUE", periodicalId: id, issueNumber: String(n), issueYear: "2026" }));
    ok(await books.setPublished(admin, issue.id, true));
    issues.push(issue.id);
  }
  ok(await books.setPublished(admin, id, true));
  return { id, issues };
}

describe("admins", () => {
  it("are the only ones who may upload, edit, publish or delete", async () => {
    const craftsman = await viewer("CRAFTSMAN");
    const { id } = await uploaded();
    for (const who of [worker, craftsman]) {
      await expect(books.createFromUpload(who, { fileName: "x.epub", fileSize: 1, metadata: metadata(), coverFileName: null })).rejects.toEqual(rejection("forbidden"));
      await expect(books.updateMetadata(who, id, { title: "改" })).rejects.toEqual(rejection("forbidden"));
      await expect(books.setPublished(who, id, true)).rejects.toEqual(rejection("forbidden"));
      await expect(books.remove(who, id)).rejects.toEqual(rejection("forbidden"));
      await expect(books.adminList(who, {})).rejects.toEqual(rejection("forbidden"));
    }
    await expect(books.adminList(null, {})).rejects.toEqual(rejection("unauthorized"));
  });

  it("prefills a draft from the file's metadata", async () => {
    const { id } = await uploaded({ language: "en-GB", title: "Welding Safety" });
    const book = await books.adminBook(admin, id);
    expect(book).toMatchObject({ status: "DRAFT", title: "Welding Safety", authors: ["王建国", "李明"], language: "en", format: "EPUB", chapterCount: 4 });
    expect(book.toc).toHaveLength(2);
  });

  it("reports each bad metadata field and keeps the book as it was", async () => {
    const { id } = await uploaded();
    const result = await books.updateMetadata(admin, id, { title: "", isbn: "12345", language: "fr", trade: "astronaut" });
    expect(result).toEqual({ ok: false, fieldErrors: { title: "bookadmin.title.required", isbn: "bookadmin.isbn.invalid", language: "bookadmin.language.invalid" } });
    expect(await books.updateMetadata(admin, id, { title: "书", trade: "astronaut" })).toEqual({ ok: false, fieldErrors: { trade: "bookadmin.trade.invalid" } });
    expect(await books.updateMetadata(admin, id, { title: "书", kind: "ISSUE" })).toEqual({
      ok: false,
      fieldErrors: { periodicalId: "bookadmin.periodical.invalid", issueNumber: "bookadmin.issueNumber.invalid", issueYear: "bookadmin.issueYear.invalid" },
    });
    expect((await books.adminBook(admin, id)).title).toBe("焊接安全手册");
    ok(await books.updateMetadata(admin, id, { title: "新书名", isbn: "978-7-111-12345-6", authors: "甲, 乙；丙", language: "zh-CN" }));
    expect(await books.adminBook(admin, id)).toMatchObject({ title: "新书名", isbn: "9787111123456", authors: ["甲", "乙", "丙"] });
  });

  it("writes search outbox rows with every change, and deletes a book with its file", async () => {
    const { id, fileName } = await publishedBook();
    expect(await db.prisma.searchOutbox.count({ where: { docId: `book-${id}` } })).toBeGreaterThan(0);
    const files = await books.remove(admin, id);
    expect(files).toEqual({ fileNames: [fileName], coverFileNames: [] });
    await expect(stat(path.join(dataDir, "books", fileName))).rejects.toThrow(/ENOENT/);
    expect(await db.prisma.book.findUnique({ where: { id } })).toBeNull();
  });

  it("deletes a periodical with its issues and their files", async () => {
    const { id, issues } = await periodicalWithIssues(2);
    const files = await books.remove(admin, id);
    expect(files.fileNames).toHaveLength(2);
    expect(await db.prisma.book.count({ where: { id: { in: [id, ...issues] } } })).toBe(0);
  });
});

describe("the catalog", () => {
  it("lists published books and periodicals, not drafts or single issues, and filters", async () => {
    const book = await publishedBook({}, { trade: "electrician" });
    const draft = await uploaded();
    const periodical = await periodicalWithIssues(2);
    const all = await books.catalog(null, {});
    const ids = all.items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([book.id, periodical.id]));
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(periodical.issues[0]);
    expect(all.items.find((item) => item.id === periodical.id)).toMatchObject({ kind: "PERIODICAL", issueCount: 2 });

    const periodicals = await books.catalog(null, { kind: "PERIODICAL" });
    expect(periodicals.items.every((item) => item.kind === "PERIODICAL")).toBe(true);
    const electrical = await books.catalog(null, { trade: "electrician" });
    expect(electrical.items.map((item) => item.id)).toContain(book.id);
    expect(electrical.items.every((item) => item.trade?.code === "electrician")).toBe(true);
    expect((await books.catalog(null, { language: "en" })).items.map((item) => item.id)).not.toContain(book.id);
  });

  it("drops unknown filters with a notice", async () => {
    const page = await books.catalog(null, { trade: "astronaut", kind: "MAGAZINE", language: "fr", sort: "x", page: "-1" });
    expect(page.notices).toEqual(["books.notice.unknownTrade"]);
    expect(page.query).toMatchObject({ trade: null, kind: null, language: null, sort: "newest" });
  });

  it("finds books through the search engine, and a periodical through its issues", async () => {
    const book = await publishedBook({ title: "数控车床编程入门" }, { title: "数控车床编程入门", trade: "cnc-lathe-operator" });
    const periodical = await periodicalWithIssues(1);
    await db.prisma.book.update({ where: { id: periodical.issues[0] }, data: { title: "2026年第1期 起重专刊" } });
    const { enqueueSearchUpdates } = await import("../../server/search/outbox.ts");
    await enqueueSearchUpdates(db.prisma, [`book-${periodical.issues[0]}`]);
    await services.searchSync.drain();
    expect((await books.catalog(null, { q: "数控" })).items.map((item) => item.id)).toContain(book.id);
    expect((await books.catalog(null, { q: "起重专刊" })).items.map((item) => item.id)).toContain(periodical.id);
  });

  it("sorts by most read", async () => {
    const quiet = await publishedBook({}, { trade: "boiler-operator" });
    const popular = await publishedBook({}, { trade: "boiler-operator" });
    for (let i = 0; i < 2; i++) await books.reader(await viewer(), popular.id);
    const ids = (await books.catalog(null, { trade: "boiler-operator", sort: "popular" })).items.map((item) => item.id);
    expect(ids.indexOf(popular.id)).toBeLessThan(ids.indexOf(quiet.id));
  });
});

describe("reading", () => {
  it("hides drafts from readers but not from admins", async () => {
    const draft = await uploaded();
    await expect(books.detail(worker, draft.id)).rejects.toEqual(rejection("notFound"));
    await expect(books.reader(worker, draft.id)).rejects.toEqual(rejection("notFound"));
    await expect(books.fileFor(worker, draft.id)).rejects.toEqual(rejection("notFound"));
    expect((await books.detail(admin, draft.id)).status).toBe("DRAFT");
    expect(await books.fileFor(admin, draft.id)).toMatchObject({ fileName: draft.fileName, format: "EPUB" });
  });

  it("needs an account to read or download", async () => {
    const book = await publishedBook();
    await expect(books.reader(null, book.id)).rejects.toEqual(rejection("unauthorized"));
    await expect(books.fileFor(null, book.id)).rejects.toEqual(rejection("unauthorized"));
    expect((await books.detail(null, book.id)).viewer).toMatchObject({ signedIn: false, shelf: null, progress: null });
  });

  it("keeps the place across devices, counts a reader once and puts the book on the shelf", async () => {
    const book = await publishedBook();
    const reader = await viewer();
    const first = await books.reader(reader, book.id);
    expect(first).toMatchObject({ format: "EPUB", fileUrl: `/books/${book.id}/file`, progress: null, highlights: [] });
    await books.saveProgress(reader, book.id, { location: "epubcfi(/6/8!/4/2/10)", fraction: "0.42" });
    // "Another device": the same account opens the reader again.
    const again = await books.reader(reader, book.id);
    expect(again.progress).toEqual({ location: "epubcfi(/6/8!/4/2/10)", fraction: 0.42 });
    expect((await db.prisma.book.findUniqueOrThrow({ where: { id: book.id } })).readCount).toBe(1);
    const detail = await books.detail(reader, book.id);
    expect(detail.viewer).toMatchObject({ shelf: "READING", progress: { fraction: 0.42 } });
    const mine = await books.myBooks(reader);
    expect(mine.continueReading.map((entry) => entry.book.id)).toEqual([book.id]);
    expect(mine.shelf.READING.map((entry) => entry.book.id)).toEqual([book.id]);
  });

  it("refuses bad positions, and progress on books the reader cannot read", async () => {
    const book = await publishedBook({ format: "PDF" });
    const draft = await uploaded();
    const periodical = await periodicalWithIssues(1);
    for (const input of [{ location: "javascript:x", fraction: 0.1 }, { location: "page:0", fraction: 0.1 }, { location: "page:3", fraction: 2 }, { location: "x".repeat(600), fraction: 0 }, { location: "page:2", fraction: "" }, { location: "page:2", fraction: "NaN" }, {}]) {
      await expect(books.saveProgress(worker, book.id, input)).rejects.toEqual(rejection("invalid", "books.progress.invalid"));
    }
    await books.saveProgress(worker, book.id, { location: "page:3", fraction: 0.3 });
    await expect(books.saveProgress(worker, draft.id, { location: "page:1", fraction: 0 })).rejects.toEqual(rejection("notFound"));
    await expect(books.saveProgress(worker, periodical.id, { location: "page:1", fraction: 0 })).rejects.toEqual(rejection("notFound"));
    await expect(books.saveProgress(null, book.id, { location: "page:1", fraction: 0 })).rejects.toEqual(rejection("unauthorized"));
  });

  it("moves books between shelves and off them", async () => {
    const book = await publishedBook();
    const reader = await viewer();
    ok(await books.setShelf(reader, book.id, { status: "WANT_TO_READ" }));
    expect((await books.myBooks(reader)).shelf.WANT_TO_READ.map((entry) => entry.book.id)).toEqual([book.id]);
    ok(await books.setShelf(reader, book.id, { status: "FINISHED" }));
    const mine = await books.myBooks(reader);
    expect(mine.shelf.FINISHED.map((entry) => entry.book.id)).toEqual([book.id]);
    expect(mine.shelf.WANT_TO_READ).toEqual([]);
    ok(await books.setShelf(reader, book.id, { status: "NONE" }));
    expect(Object.values((await books.myBooks(reader)).shelf).flat()).toEqual([]);
    expect(await books.setShelf(reader, book.id, { status: "LOST" })).toEqual({ ok: false, fieldErrors: { status: "books.shelf.invalid" } });
    await expect(books.myBooks(null)).rejects.toEqual(rejection("unauthorized"));
  });

  it("keeps highlights per reader in EPUB books", async () => {
    const book = await publishedBook();
    const pdf = await publishedBook({ format: "PDF" });
    const reader = await viewer();
    const other = await viewer();
    const highlight = ok(await books.addHighlight(reader, book.id, { cfi: "epubcfi(/6/4!/4/2,/1:0,/1:12)", text: "戴好防护面罩", note: "重要" }));
    expect(await books.highlights(reader, book.id)).toEqual([highlight]);
    expect(await books.highlights(other, book.id)).toEqual([]);
    expect(await books.addHighlight(reader, book.id, { cfi: "nope", text: "" })).toEqual({
      ok: false,
      fieldErrors: { cfi: "books.highlight.invalid", text: "books.highlight.textRequired" },
    });
    expect(await books.addHighlight(reader, pdf.id, { cfi: "epubcfi(/6/4)", text: "x" })).toEqual({ ok: false, fieldErrors: {}, formError: "books.highlight.epubOnly" });
    await expect(books.removeHighlight(other, highlight.id)).rejects.toEqual(rejection("notFound"));
    await books.removeHighlight(reader, highlight.id);
    expect(await books.highlights(reader, book.id)).toEqual([]);
  });

  it("lists a periodical's published issues, newest first, and links an issue to its periodical", async () => {
    const { id, issues } = await periodicalWithIssues(3);
    await books.setPublished(admin, issues[1]!, false);
    const detail = await books.detail(worker, id);
    expect(detail.issues.map((issue) => issue.issueNumber)).toEqual([3, 1]);
    expect((await books.detail(admin, id)).issues).toHaveLength(3);
    expect((await books.detail(worker, issues[0]!)).periodical).toEqual({ id, title: "焊接技术" });
  });
});

describe("OPDS tokens", () => {
  it("give each user a token that reaches their books until it is reset", async () => {
    const book = await publishedBook();
    const reader = await viewer();
    const { token } = await books.opdsToken(reader);
    expect((await books.opdsToken(reader)).token).toBe(token);
    expect(await books.viewerByOpdsToken(token)).toMatchObject({ id: reader.id });
    expect(await books.fileForToken(token, book.id)).toMatchObject({ format: "EPUB" });
    const { token: fresh } = await books.resetOpdsToken(reader);
    expect(fresh).not.toBe(token);
    expect(await books.viewerByOpdsToken(token)).toBeNull();
    await expect(books.fileForToken(token, book.id)).rejects.toEqual(rejection("unauthorized"));
    expect(await books.viewerByOpdsToken("../../etc/passwd")).toBeNull();
    await expect(books.opdsToken(null)).rejects.toEqual(rejection("unauthorized"));
  });
});
