// Book files over real HTTP (server/http/book-files.ts in the Express app, a real database): the
// admin upload with its checks by bytes and structure, what is left on disk after every refusal,
// and the authorizing downloads (ranges, types, drafts, OPDS tokens, paths that try to escape).
import { randomBytes } from "node:crypto";
import { readFile, rm, mkdtemp, writeFile, mkdir, stat } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import { normalizeIsbn, parseEpub } from "../../server/books/epub.ts";
import { BOOK_FILE_REGEX, COVER_NAME_REGEX, removeBookFiles } from "../../server/books/files.ts";
import type { Services } from "../../server/context.ts";
import { contentDisposition } from "../../server/http/book-files.ts";
import {
  epubEntries,
  epubDeclaringSize,
  epubWithoutContainer,
  epubWithTooManyEntries,
  epubWithTraversalEntry,
  garbagePdf,
  plainZip,
  pngFile,
  sampleEpub,
  sampleEpubSpec,
  samplePdf,
  startBookApp,
  truncatedPdf,
  zipEpub,
} from "../support/books.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createMediaTestServices, listFiles } from "../support/media.ts";

const BOOK_MAX_BYTES = 256 * 1024;

let db: TestDatabase;
let dataDir: string;
let services: Services;
let app: Awaited<ReturnType<typeof startBookApp>>;
let admin: { token: string; viewer: Viewer };
let worker: { token: string; viewer: Viewer };

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-book-files-"));
  services = createMediaTestServices(db, dataDir);
  app = await startBookApp(services, BOOK_MAX_BYTES);
  admin = await signedInUser(db.prisma, services.sessions, { role: "ADMIN" });
  worker = await signedInUser(db.prisma, services.sessions, { role: "WORKER" });
});

afterAll(async () => {
  await app?.close();
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const cookie = (token: string) => `jx_session=${token}`;

function form(bytes: Buffer, fileName: string, field = "file"): FormData {
  const body = new FormData();
  body.set(field, new Blob([new Uint8Array(bytes)], { type: "application/octet-stream" }), fileName);
  return body;
}

function upload(body: FormData, options: { token?: string; json?: boolean; language?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.cookie = cookie(options.token);
  if (options.json !== false) headers.accept = "application/json";
  if (options.language) headers["accept-language"] = options.language;
  return fetch(`${app.url}/admin/books/upload`, { method: "POST", headers, body, redirect: "manual" });
}

/** A GET sent as written: fetch would resolve `%2e%2e` segments before sending, this does not. */
function rawGet(pathname: string, token: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(app.url);
    const request = http.get({ host: hostname, port, path: pathname, headers: { cookie: cookie(token) } }, (response) => {
      let body = "";
      response.setEncoding("latin1");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"], body }));
    });
    request.on("error", reject);
  });
}

function get(pathname: string, options: { token?: string; range?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.cookie = cookie(options.token);
  if (options.range) headers.range = options.range;
  return fetch(`${app.url}${pathname}`, { headers, redirect: "manual" });
}

/** Everything under tmp/, books/ and covers/, and the number of Book rows. */
async function storedState() {
  return {
    tmp: await listFiles(path.join(dataDir, "tmp")),
    books: await listFiles(path.join(dataDir, "books")),
    covers: await listFiles(path.join(dataDir, "covers")),
    rows: await db.prisma.book.count(),
  };
}

async function uploadOk(bytes: Buffer, fileName: string): Promise<string> {
  const response = await upload(form(bytes, fileName), { token: admin.token });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { ok: true; id: string };
  return body.id;
}

describe("POST /admin/books/upload", () => {
  it("stores a good EPUB as a DRAFT book with its metadata, table of contents and cover", async () => {
    // Bigger than the app's global body cap (64 KB here): the upload route has its own limit.
    const entries = epubEntries(sampleEpubSpec());
    entries["OEBPS/images/noise.bin"] = randomBytes(100 * 1024);
    const bytes = Buffer.from(zipEpub(entries));
    expect(bytes.length).toBeGreaterThan(100 * 1024);

    const id = await uploadOk(bytes, "welding.epub");

    const book = await db.prisma.book.findUniqueOrThrow({ where: { id } });
    expect(book).toMatchObject({
      kind: "BOOK",
      status: "DRAFT",
      format: "EPUB",
      title: "焊接安全手册",
      authors: ["张师傅", "李工"],
      language: "zh-CN",
      publisher: "中国劳动社会保障出版社",
      isbn: "9787516723012",
      description: "焊接作业的安全要点 & 操作步骤。",
      chapterCount: 3,
      fileSize: bytes.length,
      publishedAt: null,
    });
    expect(book.toc).toEqual([
      { label: "第一章 安全总则", href: "OEBPS/text/ch01.xhtml", level: 1 },
      { label: "第二章 引弧与运条", href: "OEBPS/text/ch02.xhtml", level: 1 },
      { label: "第三章 焊后检查", href: "OEBPS/text/ch03.xhtml", level: 1 },
    ]);
    expect(book.fileName).toMatch(BOOK_FILE_REGEX);
    expect(book.fileName!.endsWith(".epub")).toBe(true);
    expect(await readFile(path.join(dataDir, "books", book.fileName!))).toEqual(bytes);
    expect(book.coverImage).toMatch(COVER_NAME_REGEX);
    expect(book.coverImage!.endsWith(".png")).toBe(true);
    expect(await readFile(path.join(dataDir, "covers", book.coverImage!))).toEqual(Buffer.from(sampleEpubSpec().cover!));
    expect(await listFiles(path.join(dataDir, "tmp"))).toEqual([]);
  });

  it("stores a good PDF with its page count, and redirects a plain form to the book's admin page", async () => {
    const bytes = await samplePdf();
    const response = await upload(form(bytes, "safety.pdf"), { token: admin.token, json: false });

    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    const id = /^\/admin\/books\/([a-z0-9]+)\?upload=ok$/.exec(location)?.[1];
    expect(id).toBeDefined();
    const book = await db.prisma.book.findUniqueOrThrow({ where: { id: id! } });
    expect(book).toMatchObject({ status: "DRAFT", format: "PDF", title: "Workshop Safety", authors: ["Li Wei", "Sarah Brown"], pageCount: 4, coverImage: null });
    expect(await readFile(path.join(dataDir, "books", book.fileName!))).toEqual(bytes);
  });

  it("reads an EPUB 2 book: its NCX table of contents and <meta name=\"cover\">", async () => {
    const id = await uploadOk(sampleEpub({ legacy: true, title: "旧版电子书" }), "legacy.epub");
    const book = await db.prisma.book.findUniqueOrThrow({ where: { id } });
    expect(book.title).toBe("旧版电子书");
    expect((book.toc as unknown[]).length).toBe(3);
    expect(book.coverImage).toMatch(COVER_NAME_REGEX);
  });

  it("titles a PDF without a title after the uploaded file's name", async () => {
    const { PDFDocument } = await import("pdf-lib");
    const document = await PDFDocument.create();
    document.addPage();
    const id = await uploadOk(Buffer.from(await document.save()), "电工手册.pdf");
    expect((await db.prisma.book.findUniqueOrThrow({ where: { id } })).title).toBe("电工手册");
  });

  const refusals: Array<[string, () => Promise<Buffer> | Buffer, string, number, string]> = [
    ["a zip that is not an EPUB", plainZip, "report.epub", 415, "bookfile.error.notEpub"],
    ["an EPUB without META-INF/container.xml", epubWithoutContainer, "book.epub", 422, "bookfile.error.corrupt"],
    ["an EPUB with a ../ entry name", epubWithTraversalEntry, "book.epub", 422, "bookfile.error.corrupt"],
    ["an EPUB declaring 2 GB of content (a zip bomb's directory)", () => epubDeclaringSize(0x7fff_ffff), "book.epub", 422, "bookfile.error.corrupt"],
    ["a truncated PDF", () => truncatedPdf(), "book.pdf", 422, "bookfile.error.corrupt"],
    ["a PDF header over garbage", garbagePdf, "book.pdf", 422, "bookfile.error.corrupt"],
    ["a PNG named .epub", pngFile, "cover.epub", 415, "bookfile.error.badType"],
    ["an empty file", () => Buffer.alloc(0), "empty.epub", 400, "bookfile.error.missingFile"],
  ];

  it.each(refusals)("refuses %s with its status and key, leaving nothing behind", async (_name, make, fileName, status, key) => {
    const before = await storedState();
    const response = await upload(form(await make(), fileName), { token: admin.token });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { ok: boolean; error: string; message: string };
    expect(body).toMatchObject({ ok: false, error: key });
    expect(body.message).not.toBe(key); // localized, not the bare key
    expect(await storedState()).toEqual(before);
  });

  it("refuses a file over BOOK_MAX_BYTES with 413 and the limit in the message", async () => {
    const before = await storedState();
    const entries = epubEntries(sampleEpubSpec());
    entries["OEBPS/images/noise.bin"] = randomBytes(BOOK_MAX_BYTES + 1024);
    const response = await upload(form(Buffer.from(zipEpub(entries)), "huge.epub"), { token: admin.token, language: "en" });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ ok: false, error: "bookfile.error.tooLarge", message: "The file is too large (at most 256 KB)." });
    expect(await storedState()).toEqual(before);
  });

  it("refuses a form without the file field", async () => {
    const before = await storedState();
    const response = await upload(form(sampleEpub(), "book.epub", "other"), { token: admin.token });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: "bookfile.error.missingFile" });
    expect(await storedState()).toEqual(before);
  });

  it("refuses workers (403) and signed-out visitors (401) before reading the body", async () => {
    const before = await storedState();
    const asWorker = await upload(form(sampleEpub(), "book.epub"), { token: worker.token });
    expect(asWorker.status).toBe(403);
    expect(await asWorker.json()).toMatchObject({ ok: false, error: "error.forbidden" });
    const anonymous = await upload(form(sampleEpub(), "book.epub"));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: "error.unauthorized" });
    // A plain form from a non-admin gets the message, not a redirect into the admin area.
    const plain = await upload(form(sampleEpub(), "book.epub"), { token: worker.token, json: false });
    expect(plain.status).toBe(403);
    expect(await storedState()).toEqual(before);
  });

  it("redirects an admin's plain form back to the list with the key (and the limit)", async () => {
    const bad = await upload(form(pngFile(), "x.epub"), { token: admin.token, json: false });
    expect(bad.status).toBe(303);
    expect(bad.headers.get("location")).toBe("/admin/books?upload=bookfile.error.badType");

    const entries = epubEntries(sampleEpubSpec());
    entries["OEBPS/images/noise.bin"] = randomBytes(BOOK_MAX_BYTES + 1024);
    const big = await upload(form(Buffer.from(zipEpub(entries)), "huge.epub"), { token: admin.token, json: false });
    expect(big.status).toBe(303);
    expect(big.headers.get("location")).toBe("/admin/books?upload=bookfile.error.tooLarge&size=256+KB");
  });

  it("removes the stored file and cover when the row cannot be created", async () => {
    const before = await storedState();
    const original = services.books.createFromUpload;
    services.books.createFromUpload = async () => {
      throw new Error("database went away");
    };
    try {
      const response = await upload(form(sampleEpub(), "book.epub"), { token: admin.token });
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ ok: false, error: "bookfile.error.failed" });
    } finally {
      services.books.createFromUpload = original;
    }
    expect(await storedState()).toEqual(before);
  });
});

describe("GET /books/:bookId/file", () => {
  let epubId: string;
  let epubBytes: Buffer;
  let pdfId: string;
  let pdfBytes: Buffer;
  let draftId: string;

  beforeAll(async () => {
    epubBytes = sampleEpub({ title: "焊工手册 \"第2版\"" });
    epubId = await uploadOk(epubBytes, "a.epub");
    pdfBytes = await samplePdf();
    pdfId = await uploadOk(pdfBytes, "b.pdf");
    draftId = await uploadOk(sampleEpub({ title: "草稿" }), "c.epub");
    await db.prisma.book.updateMany({ where: { id: { in: [epubId, pdfId] } }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  });

  it("serves a published EPUB to a signed-in worker: type, inline title, ranges accepted, private cache", async () => {
    const response = await get(`/books/${epubId}/file`, { token: worker.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/epub+zip");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(response.headers.get("content-disposition")).toBe(
      `inline; filename="____ __2__.epub"; filename*=UTF-8''${encodeURIComponent('焊工手册 "第2版".epub')}`,
    );
    expect(Buffer.from(await response.arrayBuffer())).toEqual(epubBytes);
    // What it serves is a book the parser accepts, byte for byte.
    expect(parseEpub(epubBytes).title).toBe('焊工手册 "第2版"');
  });

  it("serves a PDF as application/pdf", async () => {
    const response = await get(`/books/${pdfId}/file`, { token: worker.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdfBytes);
  });

  it("answers a range request with 206 and exactly those bytes", async () => {
    const response = await get(`/books/${pdfId}/file`, { token: worker.token, range: "bytes=100-1123" });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 100-1123/${pdfBytes.length}`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdfBytes.subarray(100, 1124));

    const tail = await get(`/books/${pdfId}/file`, { token: worker.token, range: "bytes=-16" });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(pdfBytes.subarray(pdfBytes.length - 16));
  });

  it("answers an unsatisfiable range with 416 and the file's size", async () => {
    const response = await get(`/books/${pdfId}/file`, { token: worker.token, range: `bytes=${pdfBytes.length + 10}-` });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${pdfBytes.length}`);
    expect(response.headers.get("content-disposition")).toBeNull();
  });

  it("asks signed-out visitors to sign in (401)", async () => {
    const response = await get(`/books/${epubId}/file`);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toBe("error.unauthorized");
  });

  it("hides a draft from workers (404) and serves it to admins", async () => {
    expect((await get(`/books/${draftId}/file`, { token: worker.token })).status).toBe(404);
    const asAdmin = await get(`/books/${draftId}/file`, { token: admin.token });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get("content-type")).toBe("application/epub+zip");
    expect((await asAdmin.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("answers 404 for unknown books and for a periodical (which has no file)", async () => {
    expect((await get("/books/cnotabook000000000000000/file", { token: worker.token })).status).toBe(404);
    const periodical = await db.prisma.book.create({ data: { kind: "PERIODICAL", title: "期刊", status: "PUBLISHED", publishedAt: new Date() } });
    expect((await get(`/books/${periodical.id}/file`, { token: worker.token })).status).toBe(404);
  });

  it.each([
    "/books/..%2F..%2Fetc%2Fpasswd/file",
    "/books/%2e%2e/file",
    "/books/..%252F..%252Fpasswd/file",
    "/books/A-UPPER/file",
    "/books/a.b/file",
    `/books/${"a".repeat(80)}/file`,
    "/opds-file/..%2F..%2Fxxxxxxxxxxxxxxxxxxxx/demo-epub-welding",
    "/opds-file/xxxxxxxxxxxxxxxxxxxxxxxx/..%2Fdemo",
    "/opds-file/xxxxxxxxxxxxxxxxxxxxxxxx/%2e%2e",
  ])("answers %s with 404, serving nothing", async (url) => {
    const response = await rawGet(url, admin.token);
    expect(response.status).toBe(404);
    expect(response.type).toBe("text/plain; charset=utf-8");
    expect(response.body).not.toContain("root:");
  });

  it("never serves a stored name that is not ours, even from a row", async () => {
    const outside = path.join(dataDir, "secret.txt");
    await writeFile(outside, "secret");
    const row = await db.prisma.book.create({
      data: { kind: "BOOK", title: "坏行", status: "PUBLISHED", publishedAt: new Date(), format: "EPUB", fileName: "../secret.txt" },
    });
    const response = await get(`/books/${row.id}/file`, { token: admin.token });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("secret");
  });
});

describe("GET /opds-file/:token/:bookId", () => {
  it("serves a published book to the holder of an OPDS token, with ranges", async () => {
    const bytes = sampleEpub({ title: "OPDS 书" });
    const id = await uploadOk(bytes, "opds.epub");
    await db.prisma.book.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    const { token } = await services.books.opdsToken(worker.viewer);

    const whole = await get(`/opds-file/${token}/${id}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("application/epub+zip");
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);

    const part = await get(`/opds-file/${token}/${id}`, { range: "bytes=0-3" });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(0, 4));
  });

  it("refuses a wrong token (401) and malformed ones (404)", async () => {
    const id = await uploadOk(sampleEpub(), "t.epub");
    await db.prisma.book.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect((await get(`/opds-file/${"x".repeat(32)}/${id}`)).status).toBe(401);
    expect((await get(`/opds-file/short/${id}`)).status).toBe(404);
    expect((await get(`/opds-file/..%2F..%2F${"x".repeat(20)}/${id}`)).status).toBe(404);
    expect((await get(`/opds-file/${"x".repeat(32)}/..%2F${id}`)).status).toBe(404);
  });
});

describe("removeBookFiles", () => {
  it("removes the named book files and covers, ignores names that are not ours, and may run twice", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "jx-remove-books-"));
    try {
      await mkdir(path.join(dir, "books"), { recursive: true });
      await mkdir(path.join(dir, "covers"), { recursive: true });
      const book = `${"a".repeat(32)}.epub`;
      const cover = `${"b".repeat(32)}.png`;
      await writeFile(path.join(dir, "books", book), "x");
      await writeFile(path.join(dir, "covers", cover), "x");
      await writeFile(path.join(dir, "keep.epub"), "x");

      await removeBookFiles(dir, { fileNames: [book, "../keep.epub"], coverFileNames: [cover, "../keep.epub"] });
      await removeBookFiles(dir, { fileNames: [book], coverFileNames: [cover] });

      expect(await listFiles(dir)).toEqual(["keep.epub"]);
      expect((await stat(path.join(dir, "keep.epub"))).isFile()).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("EPUB checks without HTTP", () => {
  it("refuses an archive declaring more entries than any book has", () => {
    expect(() => parseEpub(epubWithTooManyEntries(10_001))).toThrow(/bookfile.error.corrupt: more than 10000 entries/);
  });

  it("refuses an archive whose declared sizes add up past the limit, before inflating anything", () => {
    expect(() => parseEpub(epubDeclaringSize(0x7fff_ffff))).toThrow(/bookfile.error.corrupt: uncompressed size over the limit/);
  });
});

describe("metadata helpers", () => {
  it("keeps only identifiers that are real ISBNs", () => {
    expect(normalizeIsbn("urn:isbn:978-7-5167-2301-2")).toBe("9787516723012");
    expect(normalizeIsbn("978-7-5167-2301-1")).toBeNull(); // wrong check digit
    expect(normalizeIsbn("0-306-40615-2")).toBe("0306406152");
    expect(normalizeIsbn("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427")).toBeNull();
  });

  it("encodes any title for Content-Disposition (RFC 5987), with an ASCII stand-in", () => {
    expect(contentDisposition("Safety", "PDF")).toBe(`inline; filename="Safety.pdf"; filename*=UTF-8''Safety.pdf`);
    expect(contentDisposition("焊接/技术\r\n", "EPUB")).toBe(`inline; filename="__ __.epub"; filename*=UTF-8''${encodeURIComponent("焊接 技术.epub")}`);
    expect(contentDisposition("", "PDF")).toBe(`inline; filename="book.pdf"; filename*=UTF-8''book.pdf`);
  });
});
