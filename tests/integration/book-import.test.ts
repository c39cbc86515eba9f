// CSV import of book metadata (admins): the CSV reader itself, good rows imported as drafts
// without files, bad rows reported by line without stopping the others, nothing written by a
// preview, limits, and who may import.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import { createBookImport, IMPORT_MAX_ROWS, type BookImport } from "../../server/books/import.ts";
import { withHttpErrors } from "../../server/http/service-errors.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createUser } from "../support/fixtures.ts";
import { testClock } from "../support/services.ts";

let db: TestDatabase;
let bookImport: BookImport;
let admin: Viewer;
let worker: Viewer;
let craftsman: Viewer;

beforeAll(async () => {
  db = await createTestDatabase();
  bookImport = createBookImport({ prisma: db.prisma, clock: testClock() });
  const asViewer = (user: { id: string; displayName: string; role: Viewer["role"] }): Viewer => ({ id: user.id, displayName: user.displayName, role: user.role });
  admin = asViewer(await createUser(db.prisma, { role: "ADMIN" }));
  worker = asViewer(await createUser(db.prisma, { role: "WORKER" }));
  craftsman = asViewer(await createUser(db.prisma, { role: "CRAFTSMAN" }));
});

afterAll(async () => {
  await db?.cleanup();
});

/** A marker unique to one test, so that rows written by other tests do not count. */
let seq = 0;
const marker = () => `导入测试${++seq}-${Date.now()}`;
const booksTitled = (prefix: string) => db.prisma.book.findMany({ where: { title: { startsWith: prefix } }, orderBy: { title: "asc" } });

describe("preview and import", () => {
  it("imports good rows as DRAFT books without files, with their fields and search outbox rows", async () => {
    const m = marker();
    const csv = [
      "title,authors,publisher,isbn,language,trade,description,kind",
      `${m}-A 焊接工艺,张三；李四、王五,机械工业出版社,978-7-111-12345-6,zh-CN,welder,"讲 MIG, TIG 焊",BOOK`,
      `${m}-B Forklift Safety,Jane Doe;John Roe,,,en,,,`,
      `${m}-C 焊接月刊,,焊接学会,,,,,PERIODICAL`,
    ].join("\n");

    const preview = await bookImport.preview(admin, csv);
    expect(preview).toEqual({ valid: 3, errors: [], ignoredColumns: [] });

    const outboxBefore = await db.prisma.searchOutbox.count();
    const result = await bookImport.importRows(admin, csv);
    expect(result).toEqual({ valid: 3, errors: [], ignoredColumns: [], imported: 3 });

    const [a, b, c] = await booksTitled(m);
    const welder = await db.prisma.trade.findUniqueOrThrow({ where: { code: "welder" } });
    expect(a).toMatchObject({
      kind: "BOOK",
      status: "DRAFT",
      format: null,
      fileName: null,
      authors: ["张三", "李四", "王五"],
      publisher: "机械工业出版社",
      isbn: "9787111123456",
      language: "zh-CN",
      tradeId: welder.id,
      description: "讲 MIG, TIG 焊",
    });
    expect(b).toMatchObject({ kind: "BOOK", authors: ["Jane Doe", "John Roe"], publisher: null, isbn: null, language: "en", tradeId: null, description: "" });
    expect(c).toMatchObject({ kind: "PERIODICAL", status: "DRAFT", publisher: "焊接学会", language: "zh-CN" });
    const outbox = await db.prisma.searchOutbox.findMany({ where: { docId: { in: [a, b, c].map((book) => `book-${book!.id}`) } } });
    expect(outbox).toHaveLength(3);
    expect(await db.prisma.searchOutbox.count()).toBe(outboxBefore + 3);
  });

  it("reports bad rows by the line they start on and still imports the good ones", async () => {
    const m = marker();
    const csv = [
      "title,authors,language,trade,isbn,kind,description", // line 1
      `${m}-1 good,"Smith, J.",en,,,,`, // line 2: the comma is inside quotes
      `,nobody,zh-CN,,,,`, // line 3: no title
      `${m}-2 bad trade,,zh-CN,no-such-trade,,,`, // line 4
      `${m}-3 bad language,,fr,,,,`, // line 5
      `${m}-4 long title ${"长".repeat(200)},,,,,,`, // line 6
      `"${m}-5 multi`, // line 7: a title over two lines…
      `line title",,,,,,"desc with ""quotes"""`, // …so the next record starts on line 9
      `${m}-6 bad isbn,,,,12345,,`, // line 9
      `${m}-7 bad kind,,,,,MAGAZINE,`, // line 10
      `${m}-8 too many,,,,,,,extra`, // line 11
      `"${m}-9 bad quote"x,,,,,,`, // line 12
      `${m}-10 good too,王师傅,,welder,,book,`, // line 13: kind is case-insensitive
      `,,fr,nope,,,`, // line 14: every problem of a row is reported at once
    ].join("\r\n");

    const report = await bookImport.preview(admin, csv);
    expect(report.errors).toEqual([
      { line: 3, field: "title", messageKey: "bookImport.error.titleRequired" },
      { line: 4, field: "trade", messageKey: "bookImport.error.unknownTrade" },
      { line: 5, field: "language", messageKey: "bookImport.error.badLanguage" },
      { line: 6, field: "title", messageKey: "bookImport.error.tooLong" },
      { line: 9, field: "isbn", messageKey: "bookImport.error.badIsbn" },
      { line: 10, field: "kind", messageKey: "bookImport.error.badKind" },
      { line: 11, field: "", messageKey: "bookImport.error.tooManyFields" },
      { line: 12, field: "", messageKey: "bookImport.error.badQuotes" },
      { line: 14, field: "title", messageKey: "bookImport.error.titleRequired" },
      { line: 14, field: "language", messageKey: "bookImport.error.badLanguage" },
      { line: 14, field: "trade", messageKey: "bookImport.error.unknownTrade" },
    ]);
    expect(report.valid).toBe(3);

    const result = await bookImport.importRows(admin, csv);
    expect(result.imported).toBe(3);
    const titles = (await booksTitled(m)).map((book) => book.title);
    expect(titles.sort()).toEqual([`${m}-1 good`, `${m}-10 good too`, `${m}-5 multi\r\nline title`].sort());
    const multi = (await booksTitled(`${m}-5`))[0]!;
    expect(multi.description).toBe('desc with "quotes"');
    const smith = (await booksTitled(`${m}-1 `))[0]!;
    expect(smith.authors).toEqual(["Smith, J."]);
  });

  it("reports over-long fields other than the title, too many authors and duplicate ISBNs", async () => {
    const m = marker();
    const many = Array.from({ length: 21 }, (_, i) => `作者${i}`).join(";");
    const csv = [
      "title,authors,publisher,description,isbn",
      `${m}-a,,${"社".repeat(121)},,`,
      `${m}-b,,,${"x".repeat(10_001)},`,
      `${m}-c,${many},,,`,
      `${m}-d,${"名".repeat(81)},,,`,
      `${m}-e,,,,0-306-40615-2`,
      `${m}-f,,,,0306406152`,
    ].join("\n");
    const report = await bookImport.preview(admin, csv);
    expect(report.errors).toEqual([
      { line: 2, field: "publisher", messageKey: "bookImport.error.tooLong" },
      { line: 3, field: "description", messageKey: "bookImport.error.tooLong" },
      { line: 4, field: "authors", messageKey: "bookImport.error.tooManyAuthors" },
      { line: 5, field: "authors", messageKey: "bookImport.error.tooLong" },
      { line: 7, field: "isbn", messageKey: "bookImport.error.duplicateIsbn" },
    ]);
    expect(report.valid).toBe(1);
  });

  it("refuses an ISBN already in the catalog, so importing the same file twice does not double it", async () => {
    const m = marker();
    const csv = `title,isbn\n${m},9787040000017\n`;
    expect((await bookImport.importRows(admin, csv)).imported).toBe(1);
    const again = await bookImport.importRows(admin, csv);
    expect(again).toMatchObject({ imported: 0, valid: 0, errors: [{ line: 2, field: "isbn", messageKey: "bookImport.error.isbnExists" }] });
    expect(await booksTitled(m)).toHaveLength(1);
  });

  it("writes nothing in a preview", async () => {
    const m = marker();
    const [books, outbox] = [await db.prisma.book.count(), await db.prisma.searchOutbox.count()];
    const report = await bookImport.preview(admin, `title\n${m}-1\n${m}-2\n`);
    expect(report.valid).toBe(2);
    expect(await db.prisma.book.count()).toBe(books);
    expect(await db.prisma.searchOutbox.count()).toBe(outbox);
  });

  it("lists unknown columns as ignored and refuses a file without a title column", async () => {
    const m = marker();
    const withExtra = await bookImport.preview(admin, `title,year,file\n${m},2020,a.epub\n`);
    expect(withExtra).toEqual({ valid: 1, errors: [], ignoredColumns: ["year", "file"] });

    const noTitle = await bookImport.importRows(admin, "name,authors\nx,y\n");
    expect(noTitle).toMatchObject({ formError: "bookImport.error.noTitleColumn", valid: 0, imported: 0 });
  });

  it("refuses empty input, non-text input, over 5 MB and over 20,000 rows as a whole, writing nothing", async () => {
    const before = await db.prisma.book.count();
    expect(await bookImport.preview(admin, "")).toMatchObject({ formError: "bookImport.error.empty" });
    expect(await bookImport.preview(admin, "\uFEFF  \n")).toMatchObject({ formError: "bookImport.error.empty" });
    expect(await bookImport.preview(admin, { csv: "title\nx" })).toMatchObject({ formError: "bookImport.error.empty" });

    const huge = `title,description\n${`x,${"y".repeat(1000)}\n`.repeat(5300)}`;
    expect(await bookImport.importRows(admin, huge)).toMatchObject({ formError: "bookImport.error.tooLarge", imported: 0 });

    const manyRows = `title\n${"t\n".repeat(IMPORT_MAX_ROWS + 1)}`;
    expect(await bookImport.importRows(admin, manyRows)).toMatchObject({ formError: "bookImport.error.tooManyRows", imported: 0 });
    expect(await db.prisma.book.count()).toBe(before);
  });
});

describe("who may import", () => {
  it("refuses workers and craftsmen (403) and visitors (401), writing nothing", async () => {
    const before = await db.prisma.book.count();
    const csv = `title\n${marker()}\n`;
    await expect(bookImport.importRows(worker, csv)).rejects.toMatchObject({ name: "AppError", kind: "forbidden" });
    await expect(bookImport.preview(craftsman, csv)).rejects.toMatchObject({ name: "AppError", kind: "forbidden" });
    await expect(bookImport.importRows(null, csv)).rejects.toMatchObject({ name: "AppError", kind: "unauthorized" });

    // As routes see it (services wrapped by withHttpErrors): a 403 response.
    const routes = withHttpErrors({ bookImport });
    const refused = await routes.bookImport.importRows(worker, csv).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    expect(await db.prisma.book.count()).toBe(before);
  });
});
