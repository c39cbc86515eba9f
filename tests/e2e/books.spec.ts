// Books from a worker's and an admin's side: the catalog (with and without JavaScript), periodicals
// and their issues, the shelf on /me/books, reading needs an account, the admin's upload of an EPUB
// (progress bar, metadata read from the file, publishing) and what non-admins and bad files get.
// Seeded data: prisma/seed/book-catalog.ts (demo-epub-welding, demo-pdf-electrical, periodicals).
import type { Page } from "@playwright/test";
import { strToU8, zipSync } from "fflate";
import { BOOKS, DEMO_EPUB_ID, DEMO_PDF_ID, PERIODICALS } from "../../prisma/seed/book-catalog.ts";
import { ADMIN, expect, expectNoBlockingViolations, httpErrorStatus, login, registerUser, test, waitForHydration, zh } from "./fixtures.ts";

const demoEpub = BOOKS.find((book) => book.id === DEMO_EPUB_ID)!;
const demoPdf = BOOKS.find((book) => book.id === DEMO_PDF_ID)!;
const welderPeriodical = PERIODICALS.find((periodical) => periodical.trade === "welder")!;
const WELDER = "焊工";

/** A minimal valid EPUB 3: mimetype first (stored), container, package document, nav, one chapter. */
function buildEpub(title: string, author: string): Buffer {
  const xhtml = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="zh-CN"><head><title>${title}</title></head><body>${body}</body></html>`;
  const files = {
    mimetype: [strToU8("application/epub+zip"), { level: 0 }] as [Uint8Array, { level: 0 }],
    "META-INF/container.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
    ),
    "OEBPS/content.opf": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">urn:uuid:7d1f0c2e-5b1a-4f7e-9c1d-000000000005</dc:identifier><dc:title>${title}</dc:title><dc:creator>${author}</dc:creator><dc:language>zh-CN</dc:language><meta property="dcterms:modified">2026-11-30T00:00:00Z</meta></metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="c1" href="chapter1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>`,
    ),
    "OEBPS/nav.xhtml": strToU8(xhtml(`<nav epub:type="toc"><h1>目录</h1><ol><li><a href="chapter1.xhtml">第一章 安全第一</a></li></ol></nav>`)),
    "OEBPS/chapter1.xhtml": strToU8(xhtml(`<h1>第一章 安全第一</h1><p>上岗之前，先检查防护用品。</p>`)),
  };
  return Buffer.from(zipSync(files));
}

/** Chooses `trade` (and optionally a kind) in the catalog's form and submits it. */
async function filterCatalog(page: Page, options: { trade?: string; kind?: string }) {
  await page.goto("/books");
  await expect(page.getByRole("heading", { level: 1, name: zh("books.title") })).toBeVisible();
  if (options.trade) await page.getByLabel(zh("books.filter.trade")).selectOption(options.trade);
  if (options.kind) await page.getByLabel(zh("books.filter.kind")).selectOption(options.kind);
  await page.getByRole("button", { name: zh("books.filter.submit"), exact: true }).click();
}

test("a worker filters the catalog by trade and finds the welding book", async ({ page }) => {
  await filterCatalog(page, { trade: "welder" });
  await expect(page).toHaveURL(/\/books\?(.*&)?trade=welder/);
  const cards = page.getByTestId("book-card");
  // Retried as a whole: with JavaScript the new list renders just after the URL changes.
  const tradeTags = cards.locator(".course-card-tags > .course-tag:first-child");
  await expect.poll(async () => [...new Set(await tradeTags.allTextContents())]).toEqual([WELDER]);
  await expect(page.getByLabel(zh("books.filter.trade"))).toHaveValue("welder");
  await expect(cards.filter({ hasText: demoEpub.title })).toHaveCount(1);
  await expect(cards.filter({ hasText: welderPeriodical.title })).toHaveCount(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reader lists periodicals, opens one and one of its issues, and goes back", async ({ page }) => {
    await filterCatalog(page, { kind: "PERIODICAL" });
    await expect(page).toHaveURL(/\/books\?(.*&)?kind=PERIODICAL/);
    const cards = page.getByTestId("book-card");
    await expect(cards).toHaveCount(PERIODICALS.length);
    for (const kind of await cards.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-kind")))) {
      expect(kind).toBe("PERIODICAL");
    }
    await expect(cards.filter({ hasText: welderPeriodical.title })).toContainText(zh("books.card.issues", { count: welderPeriodical.issues.length }));

    await cards.getByRole("link", { name: welderPeriodical.title, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: welderPeriodical.title })).toBeVisible();
    const issues = page.getByTestId("book-issue");
    await expect(issues).toHaveCount(welderPeriodical.issues.length);
    const [year, number] = welderPeriodical.issues[0]!;
    const issueName = zh("books.card.issue", { year, number });
    await issues.getByRole("link", { name: issueName }).click();

    await expect(page.getByText(issueName, { exact: true })).toBeVisible();
    const back = page.getByRole("link", { name: zh("books.detail.periodical", { title: welderPeriodical.title }) });
    await back.click();
    await expect(page.getByRole("heading", { level: 1, name: welderPeriodical.title })).toBeVisible();
  });

  test("the shelf buttons work as plain forms", async ({ page }) => {
    await registerUser(page);
    await page.goto(`/books/${DEMO_EPUB_ID}`);
    const want = page.getByRole("button", { name: zh("books.shelf.WANT_TO_READ"), exact: true });
    await want.click();
    await expect(want).toHaveAttribute("aria-pressed", "true");
    await page.goto("/me/books");
    await expect(page.getByTestId("shelf-WANT_TO_READ").getByRole("link", { name: demoEpub.title, exact: true })).toBeVisible();
  });
});

test("the shelf buttons move a book between the sections of my books", async ({ page }) => {
  await registerUser(page);
  await page.goto("/me/books");
  await expect(page.getByTestId("my-books-empty")).toBeVisible();

  await page.goto(`/books/${DEMO_PDF_ID}`);
  await expect(page.getByRole("heading", { level: 1, name: demoPdf.title })).toBeVisible();
  await waitForHydration(page);
  const shelfButton = (status: "WANT_TO_READ" | "READING" | "FINISHED") =>
    page.getByRole("button", { name: zh(`books.shelf.${status}`), exact: true });
  await shelfButton("WANT_TO_READ").click();
  await expect(shelfButton("WANT_TO_READ")).toHaveAttribute("aria-pressed", "true");
  await expect(shelfButton("FINISHED")).toHaveAttribute("aria-pressed", "false");

  await page.goto("/me/books");
  const section = (status: string) => page.getByTestId(`shelf-${status}`);
  await expect(section("WANT_TO_READ").getByRole("link", { name: demoPdf.title, exact: true })).toBeVisible();
  await expect(section("FINISHED")).toContainText(zh("books.my.empty.FINISHED"));

  await page.goto(`/books/${DEMO_PDF_ID}`);
  await waitForHydration(page);
  await shelfButton("FINISHED").click();
  await expect(shelfButton("FINISHED")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status").filter({ hasText: zh("books.shelf.saved") })).toBeVisible();

  await page.goto("/me/books");
  await expect(section("FINISHED").getByRole("link", { name: demoPdf.title, exact: true })).toBeVisible();
  await expect(section("WANT_TO_READ")).toContainText(zh("books.my.empty.WANT_TO_READ"));

  await page.goto(`/books/${DEMO_PDF_ID}`);
  await waitForHydration(page);
  await page.getByRole("button", { name: zh("books.shelf.NONE"), exact: true }).click();
  await expect(shelfButton("FINISHED")).toHaveAttribute("aria-pressed", "false");
});

test.describe("refused input", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(400) });

  test("a shelf status that does not exist gets a 400 with its message", async ({ page }) => {
    await registerUser(page);
    const response = await page.request.post(`/books/${DEMO_PDF_ID}`, { form: { intent: "shelf", status: "LOST" } });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain(zh("books.shelf.invalid"));
  });
});

test("a signed-out reader is sent to the login page from Read, and the book page describes the book", async ({ page }) => {
  await page.goto(`/books/${DEMO_EPUB_ID}`);
  await expect(page.getByRole("heading", { level: 1, name: demoEpub.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: zh("books.detail.toc") })).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "Book", name: demoEpub.title, bookFormat: "https://schema.org/EBook", inLanguage: "zh-CN" });
  await page.getByRole("link", { name: zh("books.detail.signInToRead") }).click();
  await expect(page).toHaveURL(`/login?redirectTo=${encodeURIComponent(`/books/${DEMO_EPUB_ID}/read`)}`);
});

test.describe("admin", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(400, 403, 415) });

  test("an admin uploads an EPUB, checks the prefilled title, publishes it, and a worker finds it", async ({ page, browser, consoleGuard }) => {
    await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/books" });
    await expect(page.getByRole("heading", { level: 1, name: zh("bookadmin.title") })).toBeVisible();
    await waitForHydration(page);

    // The answer is held back until the progress bar has been seen, so the check cannot race it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/admin/books/upload", async (route) => {
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
    });
    await page.getByLabel(zh("bookadmin.upload.field")).setInputFiles({ name: "test-book.epub", mimeType: "application/epub+zip", buffer: buildEpub("测试图书", "测试作者") });
    await page.getByRole("button", { name: zh("bookadmin.upload.submit"), exact: true }).click();
    await expect(page.getByRole("progressbar")).toBeVisible();
    release();

    await expect(page).toHaveURL(/\/admin\/books\/[^/?]+\?upload=ok$/);
    const bookId = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByTestId("book-from-file")).toHaveText(zh("bookadmin.edit.fromFile"));
    await expect(page.getByLabel(zh("bookadmin.field.title"))).toHaveValue("测试图书");
    await expect(page.getByLabel(zh("bookadmin.field.authors"))).toHaveValue("测试作者");

    await page.getByRole("button", { name: zh("bookadmin.publish.submit"), exact: true }).click();
    await expect(page.getByText(zh("bookadmin.publish.publishedNote"))).toBeVisible();

    const workerContext = await browser.newContext();
    consoleGuard.watch(workerContext);
    const worker = await workerContext.newPage();
    await registerUser(worker);
    // The search index catches up within a second or two: search again until the book is there.
    await expect(async () => {
      await worker.goto(`/books?q=${encodeURIComponent("测试图书")}`);
      await expect(worker.locator(`[data-testid="book-card"][data-id="${bookId}"]`)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await worker.locator(`[data-testid="book-card"][data-id="${bookId}"]`).getByRole("link", { name: "测试图书" }).click();
    await expect(worker.getByRole("heading", { level: 1, name: "测试图书" })).toBeVisible();
    await expect(worker.getByRole("link", { name: zh("books.detail.read") })).toHaveAttribute("href", `/books/${bookId}/read`);
    await workerContext.close();

    // Clean up: delete it again (two steps, the second confirms).
    await page.getByRole("button", { name: zh("bookadmin.delete.submit"), exact: true }).click();
    await page.getByRole("button", { name: zh("bookadmin.delete.confirmSubmit"), exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/books\?deleted=1$/);
    await expect(page.getByRole("status").filter({ hasText: zh("bookadmin.delete.done") })).toBeVisible();
  });

  test("a file that is not an e-book is refused with its message", async ({ page }) => {
    await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/books" });
    await waitForHydration(page);
    await page.getByLabel(zh("bookadmin.upload.field")).setInputFiles({ name: "notes.epub", mimeType: "application/epub+zip", buffer: Buffer.from("these are just notes, not a book\n") });
    await page.getByRole("button", { name: zh("bookadmin.upload.submit"), exact: true }).click();
    await expect(page.getByTestId("book-upload-error")).toHaveText(zh("bookfile.error.badType"));
    await expect(page).toHaveURL(/\/admin\/books$/);
  });

  test("the metadata form refuses a bad ISBN with its message", async ({ page }) => {
    await login(page, ADMIN.phone, ADMIN.password, { redirectTo: `/admin/books/${DEMO_PDF_ID}` });
    await page.getByLabel(zh("bookadmin.field.isbn")).fill("12345");
    await page.getByRole("button", { name: zh("bookadmin.edit.save"), exact: true }).click();
    await expect(page.getByText(zh("bookadmin.isbn.invalid"))).toBeVisible();
    await expect(page.getByLabel(zh("bookadmin.field.isbn"))).toHaveAttribute("aria-invalid", "true");
  });

  test("a worker opening the admin's book list gets the 403 page", async ({ page }) => {
    await registerUser(page);
    const response = await page.goto("/admin/books");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: zh("error.403.title") })).toBeVisible();
  });
});

for (const path of ["/books", `/books/${DEMO_EPUB_ID}`, `/books?kind=PERIODICAL`]) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoBlockingViolations(page);
  });
}
