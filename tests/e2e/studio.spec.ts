// The course studio: a craftsman writes a course (details, chapters, lessons, cover), publishes it
// and a worker learns from it; refusals (bad input, empty course, stale order, wrong file, workers)
// are shown as localized messages next to the right form.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { CRAFTSMAN, expect, httpErrorStatus, login, newAccount, registerUser, test, waitForHydration, WORKER, zh } from "./fixtures.ts";

/** A 1×1 PNG, small enough to write inline. */
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const unique = () => randomBytes(3).toString("hex");
const EDIT_PAGE = /\/studio\/courses\/(?!new$)[^/?]+$/;

/** Creates a draft course through the "new course" form and waits for its edit page. */
async function createCourse(page: Page, title = `焊接入门 ${unique()}`) {
  await page.goto("/studio/courses");
  await page.getByRole("link", { name: zh("studio.courses.new") }).click();
  await expect(page).toHaveURL(/\/studio\/courses\/new$/);
  await page.getByLabel(zh("studio.field.title")).fill(title);
  await page.getByLabel(zh("studio.field.summary")).fill("从引弧到平焊，一步步学会氩弧焊。");
  await page.getByLabel(zh("studio.field.description")).fill("## 适合谁\n\n刚入行的**焊工**学徒。");
  await page.getByLabel(zh("studio.field.trade")).selectOption({ index: 1 });
  await page.getByLabel(zh("studio.field.level")).selectOption("BEGINNER");
  await page.getByRole("button", { name: zh("studio.new.submit") }).click();
  await expect(page).toHaveURL(EDIT_PAGE);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return { title, url: new URL(page.url()).pathname };
}

const chapterItem = (page: Page, title: string) => page.locator(".studio-chapter").filter({ hasText: title });

async function addChapter(page: Page, title: string) {
  await page.getByLabel(zh("studio.chapter.addTitle")).fill(title);
  await page.getByRole("button", { name: zh("studio.chapter.add"), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: zh("studio.chapter.added") })).toBeVisible();
  await expect(chapterItem(page, title).getByRole("heading", { level: 3 })).toContainText(title);
}

async function addLesson(page: Page, chapter: string, title: string, kind: "TEXT" | "VIDEO" = "TEXT") {
  const item = chapterItem(page, chapter);
  await item.getByLabel(zh("studio.lesson.addTitle")).fill(title);
  await item.getByLabel(zh(`studio.lesson.kind.${kind}`)).check();
  await item.getByRole("button", { name: zh("studio.lesson.add"), exact: true }).click();
  await expect(item.getByRole("status").filter({ hasText: zh("studio.lesson.added") })).toBeVisible();
  await expect(lessonLink(page, title)).toBeVisible();
}

const lessonLink = (page: Page, title: string) => page.locator(".studio-lesson-title").filter({ hasText: title });
const lessonTitles = (page: Page) => page.locator(".studio-lesson-title");
const moveButton = (scope: Page | Locator, direction: "up" | "down", title: string) => {
  const action = zh(direction === "up" ? "studio.move.up" : "studio.move.down");
  return scope.getByRole("button", { name: zh("studio.move.label", { action, title }) });
};

test("a craftsman writes and publishes a course; a worker finds it, enrolls and reads the lesson", async ({ page, browser, consoleGuard }) => {
  await login(page, CRAFTSMAN.phone, CRAFTSMAN.password);
  await page.goto("/me");
  await page.getByRole("link", { name: zh("studio.nav") }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh("studio.courses.title") })).toBeVisible();

  const { title } = await createCourse(page);
  await expect(page.getByText(zh("studio.status.DRAFT"), { exact: true }).first()).toBeVisible();
  await addChapter(page, "第一章 安全与准备");
  await addLesson(page, "第一章 安全与准备", "防护用品怎么穿");

  // The lesson's own page: a Markdown body, saved.
  await lessonLink(page, "防护用品怎么穿").click();
  await expect(page.getByRole("heading", { level: 1, name: "防护用品怎么穿" })).toBeVisible();
  await page.getByLabel(zh("studio.field.body")).fill("## 面罩\n\n焊接时**必须**戴好面罩。\n\n- 手套\n- 工作服");
  await page.getByRole("button", { name: zh("studio.lessonPage.save") }).click();
  await expect(page.getByRole("status")).toHaveText(zh("studio.lessonPage.saved"));
  await page.reload();
  await expect(page.getByLabel(zh("studio.field.body"))).toHaveValue(/焊接时\*\*必须\*\*戴好面罩/);

  await page.getByRole("link", { name: zh("studio.lessonPage.back", { title }) }).click();
  await page.getByRole("button", { name: zh("studio.publish.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: zh("studio.publish.done") })).toBeVisible();
  await expect(page.getByRole("button", { name: zh("studio.unpublish.submit") })).toBeVisible();
  const publicHref = await page.getByRole("link", { name: zh("studio.course.viewPublic") }).getAttribute("href");
  expect(publicHref).toMatch(/^\/courses\/[^/]+$/);

  // The list shows the course as published with its one lesson.
  await page.goto("/studio/courses");
  const row = page.getByTestId("studio-course-row").filter({ hasText: title });
  await expect(row).toContainText(zh("studio.status.PUBLISHED"));
  await expect(row).toContainText(zh("studio.courses.lessons", { count: 1 }));

  // A worker, in a browser of their own.
  const workerContext = await browser.newContext();
  consoleGuard.watch(workerContext);
  const workerPage = await workerContext.newPage();
  await registerUser(workerPage, newAccount());
  await workerPage.goto(publicHref!);
  await expect(workerPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await workerPage.getByRole("button", { name: zh("courses.detail.enroll") }).click();
  await expect(workerPage).toHaveURL(/\/courses\/[^/]+\/lessons\/[^/]+$/);
  await expect(workerPage.getByRole("heading", { name: "面罩" })).toBeVisible();
  await expect(workerPage.locator("strong", { hasText: "必须" })).toBeVisible();
  await workerContext.close();
});

test("the studio course page has no serious accessibility violations", async ({ page }) => {
  await login(page, CRAFTSMAN.phone, CRAFTSMAN.password);
  await createCourse(page);
  await addChapter(page, "第一章");
  await addLesson(page, "第一章", "第一课", "VIDEO");
  await expect(chapterItem(page, "第一章")).toContainText(zh("studio.video.none"));
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a chapter is deleted only after the confirmation", async ({ page }) => {
  await login(page, CRAFTSMAN.phone, CRAFTSMAN.password);
  await createCourse(page);
  await addChapter(page, "要删的章");
  await addLesson(page, "要删的章", "要删的课");
  const item = chapterItem(page, "要删的章");
  await item.getByRole("button", { name: zh("studio.chapter.delete") }).click();
  await expect(item.getByText(zh("studio.chapter.deleteConfirm", { title: "要删的章", count: 1 }))).toBeVisible();
  await expect(lessonLink(page, "要删的课")).toBeVisible();
  await item.getByRole("button", { name: zh("studio.confirm.yes") }).click();
  // The chapter goes first (the page reloads its data), then the one confirmation remains.
  await expect(chapterItem(page, "要删的章")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: zh("studio.chapter.deleted") })).toBeVisible();
  await expect(page.getByText(zh("studio.syllabus.empty"))).toBeVisible();
});

test.describe("refusals", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(400, 403, 409, 413, 415, 422) });

  test("a worker opening the studio gets the 403 page; a visitor is sent to log in", async ({ page, browser }) => {
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto("/studio/courses");
    await expect(visitor).toHaveURL(/\/login\?redirectTo=%2Fstudio%2Fcourses$/);
    await visitorContext.close();

    await login(page, WORKER.phone, WORKER.password);
    await page.goto("/me");
    await expect(page.getByRole("link", { name: zh("studio.nav") })).toHaveCount(0);
    const response = await page.goto("/studio/courses");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: zh("error.403.title") })).toBeVisible();
    await expect(page.getByText(zh("error.forbidden"))).toBeVisible();
    expect((await page.goto("/studio/courses/new"))?.status()).toBe(403);
  });

  test("an empty title is refused next to the field, and the other values are kept", async ({ page }) => {
    await login(page, CRAFTSMAN.phone, CRAFTSMAN.password);
    await page.goto("/studio/courses/new");
    await page.getByLabel(zh("studio.field.summary")).fill("只写了简介");
    await page.getByLabel(zh("studio.field.trade")).selectOption({ index: 2 });
    await page.getByRole("button", { name: zh("studio.new.submit") }).click();
    const title = page.getByLabel(zh("studio.field.title"));
    await expect(page.getByText(zh("course.title.required"))).toBeVisible();
    await expect(title).toHaveAttribute("aria-invalid", "true");
    await expect(title).toHaveAccessibleDescription(new RegExp(zh("course.title.required")));
    await expect(page.getByRole("alert")).toHaveText(zh("form.errorSummary"));
    await expect(page.getByLabel(zh("studio.field.summary"))).toHaveValue("只写了简介");
    await expect(page).toHaveURL(/\/studio\/courses\/new$/);

    // An empty chapter title is refused next to its own field too.
    await createCourse(page);
    await page.getByRole("button", { name: zh("studio.chapter.add"), exact: true }).click();
    await expect(page.getByText(zh("chapter.title.required"))).toBeVisible();
  });

  test("publishing a course without lessons shows why", async ({ page }) => {
    await login(page, CRAFTSMAN.phone, CRAFTSMAN.password);
    await createCourse(page);
    await page.getByRole("button", { name: zh("studio.publish.submit") }).click();
    await expect(page.getByRole("alert")).toHaveText(zh("studio.publish.noLessons"));
    await expect(page.getByRole("button", { name: zh("studio.publish.submit") })).toBeVisible();
  });

  test("a move from a page showing an older order is refused as stale and the current order is shown", async ({ page, context }) => {
    await login(page, CRAFTSMAN.phone, CRAFTSMAN.password);
    const { url } = await createCourse(page);
    await addChapter(page, "第一章");
    await addLesson(page, "第一章", "课时甲");
    await addLesson(page, "第一章", "课时乙");
    await expect(lessonTitles(page)).toHaveText([/课时甲/, /课时乙/]);

    const other = await context.newPage();
    await other.goto(url);
    await expect(lessonTitles(other)).toHaveText([/课时甲/, /课时乙/]);

    await moveButton(page, "down", "课时甲").click();
    await expect(page.getByRole("status").filter({ hasText: zh("studio.moved") })).toBeVisible();
    await expect(lessonTitles(page)).toHaveText([/课时乙/, /课时甲/]);

    // The other page still shows the old order (and version): its move is refused.
    await moveButton(other, "down", "课时甲").click();
    await expect(other.getByRole("alert")).toHaveText(zh("studio.reorder.stale"));
    await expect(lessonTitles(other)).toHaveText([/课时乙/, /课时甲/]);
    await other.close();
  });

  test("a cover image is uploaded with progress; a file that is not an image is refused", async ({ page }) => {
    await login(page, CRAFTSMAN.phone, CRAFTSMAN.password);
    await createCourse(page);
    await waitForHydration(page);
    const cover = page.getByRole("region", { name: zh("studio.cover.title") });
    await expect(cover.getByText(zh("studio.cover.none"))).toBeVisible();

    await cover.getByLabel(zh("studio.cover.field")).setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: TINY_PNG });
    await cover.getByRole("button", { name: zh("studio.cover.submit") }).click();
    await expect(cover.getByRole("status")).toHaveText(zh("studio.cover.ok"));
    const image = cover.getByRole("img", { name: zh("studio.cover.alt") });
    await expect(image).toHaveAttribute("src", /^\/media\/covers\//);
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(1);

    await cover
      .getByLabel(zh("studio.cover.field"))
      .setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("这不是图片，只是一段文字。") });
    await cover.getByRole("button", { name: zh("studio.cover.submit") }).click();
    await expect(cover.getByRole("alert")).toHaveText(zh("video.cover.badType"));
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, allowedConsoleErrors: httpErrorStatus(400) });

  test("the syllabus and the cover forms work as plain HTML forms", async ({ page }) => {
    await login(page, CRAFTSMAN.phone, CRAFTSMAN.password);
    await createCourse(page);
    await addChapter(page, "第一章");
    await addLesson(page, "第一章", "课时甲");
    await addLesson(page, "第一章", "课时乙");
    await moveButton(page, "up", "课时乙").click();
    await expect(lessonTitles(page)).toHaveText([/课时乙/, /课时甲/]);

    const cover = page.getByRole("region", { name: zh("studio.cover.title") });
    await cover.getByLabel(zh("studio.cover.field")).setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: TINY_PNG });
    await cover.getByRole("button", { name: zh("studio.cover.submit") }).click();
    await expect(page).toHaveURL(/[?&]cover=ok/);
    await expect(cover.getByRole("status")).toHaveText(zh("studio.cover.ok"));
    await expect(cover.getByRole("img", { name: zh("studio.cover.alt") })).toBeVisible();
  });
});

test.describe("video lessons", () => {
  // In the embedded setup the browser first asks for a direct upload (Mux), which is refused (400).
  test.use({ allowedConsoleErrors: httpErrorStatus(400) });

  test("a small MP4 is uploaded with progress, transcoded and shown as ready", async ({ page }) => {
    test.setTimeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jiangxin-studio-"));
    try {
      const file = path.join(dir, "clip.mp4");
      execFileSync("ffmpeg", [
        "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=duration=1:size=160x120:rate=10",
        "-pix_fmt", "yuv420p", "-c:v", "libx264", "-y", file,
      ]);
      await login(page, CRAFTSMAN.phone, CRAFTSMAN.password);
      await createCourse(page);
      await addChapter(page, "第一章");
      await addLesson(page, "第一章", "看视频学引弧", "VIDEO");
      await lessonLink(page, "看视频学引弧").click();
      await expect(page.getByRole("heading", { level: 1, name: "看视频学引弧" })).toBeVisible();
      await waitForHydration(page);
      const status = page.getByTestId("video-status");
      await expect(status).toHaveText(zh("studio.video.none"));

      await page.getByLabel(zh("studio.upload.field")).setInputFiles(file);
      await page.getByRole("button", { name: zh("studio.upload.submit") }).click();
      await expect(page.getByRole("status").filter({ hasText: zh("studio.upload.ok") })).toBeVisible();
      await expect(status).toHaveText(zh("studio.video.READY"), { timeout: 90_000 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
