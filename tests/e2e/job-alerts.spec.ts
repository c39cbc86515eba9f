// Job alerts end to end: a fresh worker filters /jobs and saves the search; the demo admin publishes
// a matching post through /admin/jobs/new; the alert task (run after every publish) puts a
// notification in the worker's header and on /me/notifications, and opening it goes to the post.
// Also: saving and deleting without JavaScript, and what visitors are offered.
// Other specs share the server: the cities here (Lhasa, Xining) are ones no other spec posts in, one
// per test that publishes, and titles are unique.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { ADMIN, expect, expectNoBlockingViolations, httpErrorStatus, login, registerUser, test, zh } from "./fixtures.ts";

const WELDER = { code: "welder", zh: "焊工" };
const LHASA = { code: "540100", name: "拉萨市" };
const XINING = { code: "630100", name: "西宁市" };

const uniqueTitle = (prefix: string) => `${prefix}${randomBytes(4).toString("hex")}`;
const bell = (page: Page) => page.getByRole("banner").getByTestId("notification-bell");
/** The bell's accessible name, as screen readers announce it. */
const expectBellName = (page: Page, name: string, options?: { timeout?: number }) =>
  expect(page.getByRole("banner").getByRole("link", { name, exact: true })).toHaveAttribute("data-testid", "notification-bell", options);

/** Filters /jobs by trade and city through the filter form. */
async function filterJobs(page: Page) {
  await page.goto("/jobs");
  await page.getByLabel(zh("jobs.filter.trade")).selectOption(WELDER.code);
  await page.getByLabel(zh("jobs.filter.city")).selectOption(LHASA.code);
  await page.getByRole("button", { name: zh("jobs.filter.submit"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs\\?(.*&)?trade=${WELDER.code}&city=${LHASA.code}`));
}

/** Publishes a welder post in `city` through /admin/jobs/new (signed in as an admin); returns its id. */
async function publishPost(page: Page, title: string, city: { code: string }) {
  await page.goto("/admin/jobs/new");
  await expect(page.getByRole("heading", { level: 1, name: zh("jobs.form.newTitle") })).toBeVisible();
  await page.getByLabel(zh("jobs.field.title")).fill(title);
  await page.getByLabel(zh("jobs.field.organization")).fill("拉萨高原钢构测试公司");
  await page.getByLabel(zh("jobs.field.trade")).selectOption(WELDER.code);
  await page.getByLabel(zh("jobs.field.description")).fill("钢结构件焊接，持焊工证上岗，包食宿。");
  await page.getByLabel(zh("jobs.field.city")).selectOption(city.code);
  await page.getByLabel(zh("jobs.field.salaryMin")).fill("7000");
  await page.getByLabel(zh("jobs.field.salaryMax")).fill("9500");
  await page.getByLabel(zh("jobs.field.validThrough")).fill("2099-12-31");
  await page.getByRole("button", { name: zh("jobs.form.savePublish"), exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/jobs\/[^/?]+\?saved=published$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("a worker saves a search; a matching post published by the admin shows up in the worker's notifications and opens the post", async ({
  page,
  browser,
  consoleGuard,
}) => {
  await registerUser(page);
  await expectBellName(page, zh("notifications.menu"));
  await filterJobs(page);

  // The name is prefilled with the filters' names.
  const searchName = `${WELDER.zh}${zh("jobs.alerts.summary.separator")}${LHASA.name}`;
  const saveBox = page.getByTestId("save-search");
  await expect(saveBox.getByLabel(zh("jobs.alerts.save.name"))).toHaveValue(searchName);
  await saveBox.getByRole("button", { name: zh("jobs.alerts.save.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/me\/searches\?saved=1$/);
  await expect(page.getByRole("status").filter({ hasText: zh("jobs.alerts.saved") })).toBeVisible();
  const saved = page.getByTestId("saved-search");
  await expect(saved).toHaveCount(1);
  await expect(saved.getByRole("heading", { level: 2 })).toHaveText(searchName);
  await expect(saved.getByRole("link", { name: zh("jobs.alerts.my.view") })).toHaveAttribute("href", `/jobs?trade=${WELDER.code}&city=${LHASA.code}`);
  await expectNoBlockingViolations(page);

  const adminContext = await browser.newContext({ javaScriptEnabled: true });
  consoleGuard.watch(adminContext);
  const admin = await adminContext.newPage();
  await login(admin, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/jobs" });
  const title = uniqueTitle("高原焊工");
  const jobId = await publishPost(admin, title, LHASA);
  await adminContext.close();

  // The alert task runs right after the publish; the header shows it from the next page load on.
  await expect(async () => {
    await page.goto("/me/searches");
    await expectBellName(page, zh("notifications.menu.unread", { count: 1 }), { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(bell(page).locator(".notification-count")).toHaveText("1");

  await bell(page).click();
  await expect(page).toHaveURL(/\/me\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("notifications.title") })).toBeVisible();
  const notification = page.getByTestId("notification").filter({ hasText: title });
  await expect(notification).toHaveCount(1);
  await expect(notification).toHaveAttribute("data-read", "false");
  await expect(notification.getByRole("link")).toHaveText(zh("notifications.kind.job.alert", { searchName, title }));
  await expect(notification).toContainText(zh("notifications.unread"));
  await expectNoBlockingViolations(page);

  await notification.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectBellName(page, zh("notifications.menu"));

  await page.goto("/me/notifications");
  await expect(page.getByTestId("notification").filter({ hasText: title })).toHaveAttribute("data-read", "true");
});

test("visitors are asked to sign in to get alerts, and come back to the same search", async ({ page }) => {
  await page.goto(`/jobs?trade=${WELDER.code}&city=${LHASA.code}`);
  await expect(bell(page)).toHaveCount(0);
  const signIn = page.getByTestId("save-search").getByRole("link", { name: zh("jobs.alerts.save.signIn") });
  await expect(signIn).toHaveAttribute("href", `/login?redirectTo=${encodeURIComponent(`/jobs?trade=${WELDER.code}&city=${LHASA.code}`)}`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test.describe("a failed save", () => {
    // The failed save answers 400 (with the form and its message), which Chromium logs.
    test.use({ allowedConsoleErrors: httpErrorStatus(400) });

    test("a worker saves a search, is told about a missing name, and deletes the search", async ({ page }) => {
      await registerUser(page);
      await page.goto(`/jobs?trade=${WELDER.code}&city=${LHASA.code}&salary=8000&sort=salary`);
      const saveBox = page.getByTestId("save-search");
      const name = saveBox.getByLabel(zh("jobs.alerts.save.name"));
      await expect(name).toHaveValue(new RegExp(`^${WELDER.zh}.*${LHASA.name}`));

      // A name of spaces passes the browser's `required` check; the server trims it and says what is wrong.
      await name.fill("   ");
      await saveBox.getByRole("button", { name: zh("jobs.alerts.save.submit"), exact: true }).click();
      await expect(page).toHaveURL(/\/me\/searches$/);
      await expect(page.getByText(zh("jobs.alerts.error.nameRequired"), { exact: true })).toBeVisible();

      await page.getByLabel(zh("jobs.alerts.save.name")).fill("拉萨高薪焊工");
      await page.getByRole("button", { name: zh("jobs.alerts.save.submit"), exact: true }).click();
      await expect(page).toHaveURL(/\/me\/searches\?saved=1$/);
      const saved = page.getByTestId("saved-search").filter({ hasText: "拉萨高薪焊工" });
      await expect(saved).toHaveCount(1);
      await expect(saved.getByRole("link", { name: zh("jobs.alerts.my.view") })).toHaveAttribute(
        "href",
        `/jobs?trade=${WELDER.code}&city=${LHASA.code}&salary=8000`,
      );

      await saved.getByRole("button", { name: zh("jobs.alerts.my.delete") }).click();
      await expect(page).toHaveURL(/\/me\/searches\?deleted=1$/);
      await expect(page.getByRole("status").filter({ hasText: zh("jobs.alerts.deleted") })).toBeVisible();
      await expect(page.getByTestId("saved-searches-empty")).toBeVisible();
    });
  });

  test("a worker is alerted and marks all notifications read with a plain form", async ({ page, browser, consoleGuard }) => {
    await registerUser(page);
    await page.goto("/me/notifications");
    await expect(page.getByTestId("notifications-empty")).toBeVisible();
    await expect(page.getByRole("button", { name: zh("notifications.markAllRead") })).toHaveCount(0);

    await page.goto(`/jobs?trade=${WELDER.code}&city=${XINING.code}`);
    await page
      .getByTestId("save-search")
      .getByRole("button", { name: zh("jobs.alerts.save.submit"), exact: true })
      .click();
    await expect(page).toHaveURL(/\/me\/searches\?saved=1$/);

    const adminContext = await browser.newContext({ javaScriptEnabled: true });
    consoleGuard.watch(adminContext);
    const admin = await adminContext.newPage();
    await login(admin, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/jobs" });
    const title = uniqueTitle("西宁焊工");
    await publishPost(admin, title, XINING);
    await adminContext.close();

    const notification = page.getByTestId("notification").filter({ hasText: title });
    await expect(async () => {
      await page.goto("/me/notifications");
      await expect(notification).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("notifications-unread")).toHaveText(zh("notifications.unreadCount", { count: 1 }));
    await expectBellName(page, zh("notifications.menu.unread", { count: 1 }));

    await page.getByRole("button", { name: zh("notifications.markAllRead") }).click();
    await expect(page).toHaveURL(/\/me\/notifications\?read=all$/);
    await expect(page.getByRole("status").filter({ hasText: zh("notifications.markedAllRead") })).toBeVisible();
    await expect(notification).toHaveAttribute("data-read", "true");
    await expectBellName(page, zh("notifications.menu"));
  });
});
