// Courses from a worker's side: the catalog (with and without JavaScript), enrolling, watching a
// video lesson that resumes where it stopped, finishing the course and its public certificate.
// The seeded demo course "demo-welding-basics" holds a ~12 s video lesson, then a text lesson.
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { COURSES, DEMO_COURSE_SLUG } from "../../prisma/seed/course-catalog.ts";
import { expect, httpErrorStatus, newAccount, registerUser, test, waitForHydration, zh } from "./fixtures.ts";

const demo = COURSES.find((course) => course.slug === DEMO_COURSE_SLUG)!;
const [videoLesson, textLesson] = demo.chapters[0]!.lessons;
const COURSE_URL = `/courses/${DEMO_COURSE_SLUG}`;
const LESSON_URL = /\/courses\/demo-welding-basics\/lessons\/([^/?#]+)$/;
const WELDER = "焊工";

/** Chooses the welder trade in the catalog's filter form and submits it. */
async function filterByWelder(page: Page) {
  await page.goto("/courses");
  await expect(page.getByRole("heading", { level: 1, name: zh("courses.title") })).toBeVisible();
  await page.getByLabel(zh("courses.filter.trade")).selectOption("welder");
  await page.getByRole("button", { name: zh("courses.filter.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/courses\?(.*&)?trade=welder/);
  const cards = page.getByTestId("course-card");
  // Retried as a whole: with JavaScript the new list renders just after the URL changes.
  const tradeTags = cards.locator(".course-card-tags > .course-tag:first-child");
  await expect.poll(async () => [...new Set(await tradeTags.allTextContents())]).toEqual([WELDER]);
  await expect(page.getByLabel(zh("courses.filter.trade"))).toHaveValue("welder");
  return cards;
}

/** The lesson's <video> once its metadata has loaded; reloads while the seeded clip is still transcoding. */
async function readyVideo(page: Page): Promise<Locator> {
  const video = page.getByTestId("lesson-video");
  await expect(async () => {
    if ((await video.count()) === 0) await page.reload();
    await expect(video).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await waitForHydration(page);
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  return video;
}

/** Starts playback muted (Chromium lets muted media play without a user gesture). */
const play = (video: Locator) =>
  video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
  });
const currentTime = (video: Locator) => video.evaluate((element: HTMLVideoElement) => element.currentTime);

/** Waits for the player's next position save and returns the saved ProgressResult. */
const nextSave = (page: Page) =>
  page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith("/progress"));

test("a worker filters the catalog by trade and opens a course", async ({ page }) => {
  const cards = await filterByWelder(page);
  await cards.filter({ hasText: demo.title }).getByRole("link", { name: demo.title }).click();
  await expect(page).toHaveURL(new RegExp(`${COURSE_URL}$`));
  await expect(page.getByRole("heading", { level: 1, name: demo.title })).toBeVisible();
  await expect(page.getByRole("link", { name: zh("courses.detail.signInToEnroll") })).toHaveAttribute(
    "href",
    `/login?redirectTo=${encodeURIComponent(COURSE_URL)}`,
  );
  // Search engines get the course as schema.org data, with `<` never raw inside the script.
  const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(jsonLd!)).toMatchObject({ "@type": "Course", name: demo.title, provider: { name: zh("app.name") } });
});

test("the catalog ignores filters it does not understand and says so", async ({ page }) => {
  await page.goto("/courses?trade=no-such-trade&level=EXPERT&format=%3Cscript%3E&page=abc&sort=random");
  await expect(page.getByRole("heading", { level: 1, name: zh("courses.title") })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: zh("courses.notice.unknownTrade") })).toBeVisible();
  await expect(page.getByLabel(zh("courses.filter.trade"))).toHaveValue("");
  await expect(page.getByLabel(zh("courses.filter.level"))).toHaveValue("");
  await expect(page.getByTestId("course-card").first()).toBeVisible();
});

test("a worker enrolls, watches a video that resumes, finishes the course and gets a verifiable certificate", async ({
  page,
  browser,
  consoleGuard,
}) => {
  test.setTimeout(180_000);
  const worker = await registerUser(page, newAccount());

  await page.goto(COURSE_URL);
  await page.getByRole("button", { name: zh("courses.detail.enroll") }).click();
  await expect(page).toHaveURL(LESSON_URL);
  const lessonUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: videoLesson!.title })).toBeVisible();

  // Playing: the position advances; pausing saves it.
  let video = await readyVideo(page);
  await play(video);
  await expect.poll(() => currentTime(video), { timeout: 20_000 }).toBeGreaterThan(3);
  const saved = nextSave(page);
  await video.evaluate((element: HTMLVideoElement) => element.pause());
  const firstSave = await saved;
  expect(firstSave.status()).toBe(200);
  expect(await firstSave.json()).toMatchObject({ completed: false, lessonCount: 2 });
  const position = await currentTime(video);

  // Leaving and coming back: the player starts near where it stopped.
  await page.goto("/courses");
  await page.goto(lessonUrl);
  video = await readyVideo(page);
  await expect.poll(() => currentTime(video), { timeout: 20_000 }).toBeGreaterThan(position - 1.5);
  expect(await currentTime(video)).toBeLessThan(position + 1.5);

  // Past 90 % the lesson is complete, and the syllabus ticks it without a reload.
  const lessonId = LESSON_URL.exec(lessonUrl)![1]!;
  const row = page.locator(`.lesson-syllabus [data-lesson-id="${lessonId}"]`);
  await expect(row).toHaveAttribute("data-completed", "false");
  await video.evaluate((element: HTMLVideoElement) => {
    element.currentTime = element.duration * 0.8;
  });
  await play(video);
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.ended), { timeout: 30_000 }).toBe(true);
  await expect(row).toHaveAttribute("data-completed", "true");
  await expect(row.getByTestId("lesson-tick")).toHaveCount(1);

  // The text lesson: mark it done, which completes the course.
  await page.locator('.lesson-pager a[rel="next"]').click();
  await expect(page.getByRole("heading", { level: 1, name: textLesson!.title })).toBeVisible();
  await page.getByRole("button", { name: zh("courses.lesson.markDone") }).click();
  await expect(page.getByTestId("lesson-completed")).toHaveText(zh("courses.lesson.justDone"));
  await page.getByRole("link", { name: zh("courses.lesson.viewCertificate") }).click();

  await expect(page.getByRole("heading", { level: 1, name: zh("courses.certificate.title") })).toBeVisible();
  await expect(page.locator(".certificate-recipient")).toHaveText(worker.displayName);
  await expect(page.getByRole("button", { name: zh("courses.certificate.print") })).toBeVisible();
  const code = (await page.locator(".certificate-code").textContent())!.trim();
  expect(code).toMatch(/^JX(-[2-9A-HJ-NP-Z]{4}){3}$/);

  // My learning lists it at 100 % with the certificate.
  await page.goto("/me/learning");
  const item = page.getByTestId("learning-item").filter({ hasText: demo.title });
  await expect(item.getByRole("progressbar")).toHaveAttribute("value", "100");
  await expect(page.getByRole("link", { name: demo.title, exact: true }).last()).toHaveAttribute("href", `/certificates/${code}`);

  // Anyone can verify it, signed out, in another browser.
  const visitor = await browser.newContext();
  consoleGuard.watch(visitor);
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/certificates/${code}`);
  await expect(publicPage.getByRole("heading", { level: 1, name: zh("courses.certificate.title") })).toBeVisible();
  await expect(publicPage.getByTestId("certificate-verified")).toContainText(zh("courses.certificate.verified"));
  await expect(publicPage.locator(".certificate-recipient")).toHaveText(worker.displayName);
  await expect(publicPage.getByRole("link", { name: demo.title })).toHaveAttribute("href", COURSE_URL);
  await expect(publicPage.getByRole("button", { name: zh("courses.certificate.print") })).toHaveCount(0);
  await visitor.close();
});

test("where the browser has no native HLS, the lesson plays through hls.js", async ({ page }) => {
  // Chromium plays HLS itself; hide that so the hls.js path (MSE, blob: media under the CSP) runs.
  await page.addInitScript(() => {
    const canPlayType = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type: string) {
      return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
    };
  });
  await registerUser(page, newAccount());
  await page.goto(COURSE_URL);
  await page.getByRole("button", { name: zh("courses.detail.enroll") }).click();
  await expect(page).toHaveURL(LESSON_URL);
  const video = await readyVideo(page);
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentSrc), { timeout: 20_000 }).toMatch(/^blob:/);
  await play(video);
  await expect.poll(() => currentTime(video), { timeout: 20_000 }).toBeGreaterThan(2);
});

test.describe("refusals", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(400, 401, 404, 405) });

  test("an unknown certificate code is reported as not verified", async ({ page }) => {
    const response = await page.goto("/certificates/JX-AAAA-BBBB-CCCC");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: zh("courses.certificate.unknownTitle") })).toBeVisible();
  });

  test("the progress endpoint refuses GET, strangers and bad positions", async ({ page }) => {
    await page.goto(COURSE_URL);
    const lessonHref = await page.locator(".syllabus-lesson").first().getAttribute("data-lesson-id");
    const progressUrl = `${COURSE_URL}/lessons/${lessonHref}/progress`;
    expect((await page.request.get(progressUrl)).status()).toBe(405);
    expect((await page.request.post(progressUrl, { form: { positionSeconds: "3" } })).status()).toBe(401);

    await registerUser(page, newAccount());
    await page.goto(COURSE_URL);
    await page.getByRole("button", { name: zh("courses.detail.enroll") }).click();
    await expect(page).toHaveURL(LESSON_URL);
    const badForms: Record<string, string>[] = [{ positionSeconds: "-1" }, { positionSeconds: "abc" }, { positionSeconds: "1e9" }, { other: "1" }];
    for (const form of badForms) {
      const response = await page.request.post(progressUrl, { form });
      expect(response.status(), JSON.stringify(form)).toBe(400);
      expect(await response.json()).toEqual({ messageKey: "progress.invalid" });
    }
    const ok = await page.request.post(progressUrl, { form: { positionSeconds: "2.5" } });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({ completed: false, lessonCount: 2 });
  });

  test("a review without a rating is refused with a message; a rating can then be saved and edited", async ({ page }) => {
    await registerUser(page, newAccount());
    await page.goto(COURSE_URL);
    await page.getByRole("button", { name: zh("courses.detail.enroll") }).click();
    await expect(page).toHaveURL(LESSON_URL);
    await page.goto(COURSE_URL);
    await waitForHydration(page);

    await page.getByLabel(zh("courses.review.body")).fill("讲得很清楚");
    await page.getByRole("button", { name: zh("courses.review.submit") }).click();
    await expect(page.getByText(zh("review.rating.required"))).toBeVisible();
    await expect(page.getByLabel(zh("courses.review.body"))).toHaveValue("讲得很清楚");

    await page.getByLabel(zh("courses.review.stars", { count: 4 })).check();
    await page.getByRole("button", { name: zh("courses.review.submit") }).click();
    await expect(page.getByText(zh("courses.review.saved"))).toBeVisible();
    await expect(page.getByRole("heading", { name: zh("courses.review.editTitle") })).toBeVisible();
    await expect(page.getByLabel(zh("courses.review.stars", { count: 4 }))).toBeChecked();
    await expect(page.locator(".review-list")).toContainText("讲得很清楚");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a worker filters the catalog, enrolls, sees the video element and marks a text lesson done", async ({ page }) => {
    const cards = await filterByWelder(page);
    await cards.getByRole("link", { name: demo.title }).click();
    await expect(page.getByRole("heading", { level: 1, name: demo.title })).toBeVisible();

    await registerUser(page, newAccount());
    await page.goto(COURSE_URL);
    await page.getByRole("button", { name: zh("courses.detail.enroll") }).click();
    await expect(page).toHaveURL(LESSON_URL);
    expect(await page.evaluate(() => "__reactRouterDataRouter" in window)).toBe(false);
    // Before any script, the player is the plain <video> with the playlist (or a clear status).
    const video = page.getByTestId("lesson-video");
    if ((await video.count()) > 0) await expect(video).toHaveAttribute("src", /\.m3u8/);
    else await expect(page.getByTestId("video-processing")).toBeVisible();

    await page.locator('.lesson-pager a[rel="next"]').click();
    await expect(page.getByRole("heading", { level: 1, name: textLesson!.title })).toBeVisible();
    await page.getByRole("button", { name: zh("courses.lesson.markDone") }).click();
    await expect(page.getByTestId("lesson-completed")).toHaveText(zh("courses.lesson.justDone"));
    await expect(page.getByRole("button", { name: zh("courses.lesson.markDone") })).toHaveCount(0);
  });
});

test("the catalog, a course page and my learning have no serious accessibility violations", async ({ page }) => {
  const check = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
    expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  };
  await page.goto("/courses");
  await check();
  await page.goto(COURSE_URL);
  await expect(page.getByRole("heading", { level: 1, name: demo.title })).toBeVisible();
  await check();
  await registerUser(page, newAccount());
  await page.goto(COURSE_URL);
  await page.getByRole("button", { name: zh("courses.detail.enroll") }).click();
  await expect(page).toHaveURL(LESSON_URL);
  await check();
  await page.goto("/me/learning");
  await expect(page.getByRole("heading", { level: 1, name: zh("courses.learning.title") })).toBeVisible();
  await check();
});
