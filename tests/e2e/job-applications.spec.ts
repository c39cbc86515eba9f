// Applying for a job and the employer's side of it, in a real browser: a new worker applies to the
// demo welder post with a message and a PDF résumé, the admin opens the application (which marks it
// viewed) and downloads the résumé, the worker sees "viewed"; the demo employer shortlists an
// applicant of its own post; the whole apply flow as plain HTML forms without JavaScript; and an
// admin making a new user an employer, which asks for the organisation's name.
// Seeded data: prisma/seed/job-catalog.ts (DEMO_JOB_ID, owned by the demo employer's organisation).
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { DEMO_JOB_ID } from "../../prisma/seed/job-catalog.ts";
import { ADMIN, type ConsoleGuard, containing, EMPLOYER, expect, expectNoBlockingViolations, httpErrorStatus, login, registerUser, test, waitForHydration, zh } from "./fixtures.ts";

const JOB_PATH = `/jobs/${DEMO_JOB_ID}`;
const APPLICANTS_PATH = `/admin/jobs/${DEMO_JOB_ID}/applicants`;

/** A small PDF: the server checks the bytes (%PDF-), the browser only carries them. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n" +
    "trailer <</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

/** This feature's part of the page (the header is checked by a11y.spec.ts). */
/** A second person at another browser, signed in and watched by the console guard. */
async function signedInPage(browser: Browser, baseURL: string | undefined, consoleGuard: ConsoleGuard, account: { phone: string; password: string }, redirectTo: string) {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", viewport: { width: 390, height: 844 } });
  consoleGuard.watch(context);
  const page = await context.newPage();
  await login(page, account.phone, account.password, { redirectTo });
  return page;
}

const applySection = (page: Page) => page.getByTestId("job-apply");

/** A message with a {date} in it, as a pattern that accepts any date there. */
const withAnyDate = (message: string) => new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("\\{date\\}", ".+")}$`);

test("a new worker applies with a message and a PDF; the admin opens it; the worker sees it was viewed", async ({ page, browser, baseURL, consoleGuard }) => {
  const worker = await registerUser(page);
  const message = `做过五年二氧化碳保护焊，持焊工证，随时到岗。${worker.phone.slice(-4)}`;

  await page.goto(JOB_PATH);
  await waitForHydration(page);
  const section = applySection(page);
  // The phone comes from the account the worker registered with.
  await expect(section.getByLabel(containing(zh("jobs.apply.phone")))).toHaveValue(worker.phone);
  await section.getByLabel(zh("jobs.apply.message")).fill(message);
  await section.getByLabel(zh("jobs.apply.resume")).setInputFiles({ name: "焊工简历.pdf", mimeType: "application/pdf", buffer: PDF });
  await section.getByRole("button", { name: zh("jobs.apply.submit") }).click();

  await expect(section.getByRole("heading", { name: zh("jobs.apply.yours") })).toBeVisible();
  await expect(section.getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.NEW"));
  await expect(section.getByText(message)).toBeVisible();
  await expect(section.getByRole("link", { name: "焊工简历.pdf" })).toBeVisible();
  await expect(section.getByTestId("application-viewed")).toHaveText(zh("jobs.apply.notViewed"));

  // The admin finds the application among the post's applicants and opens it.
  const adminPage = await signedInPage(browser, baseURL, consoleGuard, ADMIN, APPLICANTS_PATH);
  await expect(adminPage).toHaveURL(new RegExp(`${APPLICANTS_PATH}$`));
  const row = adminPage.getByTestId("applicant-row").filter({ hasText: worker.displayName });
  await expect(row.getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.NEW"));
  await expect(row.getByText(zh("jobs.applicants.hasResume"))).toBeVisible();
  await row.getByRole("link", { name: containing(worker.displayName) }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: zh("jobs.applicants.detailTitle", { name: worker.displayName }) })).toBeVisible();
  await expect(adminPage.getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.VIEWED"));
  await expect(adminPage.getByText(message)).toBeVisible();
  await expectNoBlockingViolations(adminPage);

  const downloading = adminPage.waitForEvent("download");
  await adminPage.getByTestId("resume-download").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("焊工简历.pdf");
  expect((await readFile(await download.path())).equals(PDF)).toBe(true);
  await adminPage.context().close();

  // The worker sees that the employer has looked, in the list and on the post.
  await page.goto("/me/applications");
  const mine = page.getByTestId("my-application-row");
  await expect(mine).toHaveCount(1);
  await expect(mine.getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.VIEWED"));
  await expect(mine.getByRole("link")).toHaveAttribute("href", JOB_PATH);
  await expectNoBlockingViolations(page, { include: "#main" });
  await page.goto(JOB_PATH);
  await expect(applySection(page).getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.VIEWED"));
  await expect(applySection(page).getByTestId("application-viewed")).toHaveText(withAnyDate(zh("jobs.apply.viewed", { date: "{date}" })));
});

test("the demo employer shortlists an applicant of its own post; the worker sees the new status", async ({ page, browser, baseURL, consoleGuard }) => {
  const worker = await registerUser(page);
  await page.goto(JOB_PATH);
  await waitForHydration(page);
  await applySection(page).getByRole("button", { name: zh("jobs.apply.submit") }).click();
  await expect(applySection(page).getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.NEW"));

  const employerPage = await signedInPage(browser, baseURL, consoleGuard, EMPLOYER, APPLICANTS_PATH);
  await employerPage.getByLabel(zh("jobs.applicants.status")).selectOption("NEW");
  await employerPage.getByRole("button", { name: zh("jobs.applicants.submit"), exact: true }).click();
  await expect(employerPage).toHaveURL(/status=NEW/);
  await employerPage.getByTestId("applicant-row").filter({ hasText: worker.displayName }).getByRole("link", { name: containing(worker.displayName) }).click();
  await employerPage.getByRole("button", { name: zh("jobs.applicants.action.SHORTLISTED") }).click();
  await expect(employerPage.getByText(zh("jobs.applicants.statusSaved", { status: zh("jobs.applicationStatus.SHORTLISTED") }))).toBeVisible();
  await expect(employerPage.getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.SHORTLISTED"));
  await employerPage.context().close();

  await page.goto("/me/applications");
  await expect(page.getByTestId("my-application-row").first().getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.SHORTLISTED"));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a visitor is asked to sign in; a worker's refused form keeps the text, then the application goes through", async ({ page }) => {
    await page.goto(JOB_PATH);
    await expect(applySection(page).getByRole("link", { name: zh("jobs.apply.signInLink") })).toHaveAttribute(
      "href",
      `/login?redirectTo=${encodeURIComponent(JOB_PATH)}`,
    );

    await registerUser(page);
    await page.goto(JOB_PATH);
    const section = applySection(page);
    const message = "没有 JavaScript 也能申请：熟练氩弧焊。";
    await section.getByLabel(zh("jobs.apply.message")).fill(message);
    await section.getByLabel(containing(zh("jobs.apply.phone"))).fill("123");
    await section.getByRole("button", { name: zh("jobs.apply.submit") }).click();

    await expect(page).toHaveURL(/applyError=jobs\.apply\.error\.phoneInvalid/);
    await expect(applySection(page).getByText(zh("jobs.apply.error.phoneInvalid"))).toBeVisible();
    await expect(applySection(page).getByLabel(zh("jobs.apply.message"))).toHaveValue(message);
    await expect(applySection(page).getByLabel(containing(zh("jobs.apply.phone")))).toHaveValue("123");

    await applySection(page).getByLabel(containing(zh("jobs.apply.phone"))).fill("13912345678");
    await applySection(page).getByLabel(zh("jobs.apply.resume")).setInputFiles({ name: "简历.pdf", mimeType: "application/pdf", buffer: PDF });
    await applySection(page).getByRole("button", { name: zh("jobs.apply.submit") }).click();

    await expect(page).toHaveURL(new RegExp(`${JOB_PATH}#apply$`));
    await expect(applySection(page).getByRole("heading", { name: zh("jobs.apply.yours") })).toBeVisible();
    await expect(applySection(page).getByText(message)).toBeVisible();
    await expect(applySection(page).getByText("13912345678")).toBeVisible();
    await expect(applySection(page).getByRole("link", { name: "简历.pdf" })).toBeVisible();
  });

  test.describe("refused forms", () => {
    test.use({ allowedConsoleErrors: httpErrorStatus(400) });

    test("an admin makes a new user an employer: the form asks for the organisation, then the list shows it", async ({ page, browser, baseURL, consoleGuard }) => {
      const userContext = await browser.newContext({ baseURL, locale: "zh-CN" });
      consoleGuard.watch(userContext);
      const user = await registerUser(await userContext.newPage());
      await userContext.close();
      const organization = `测试钢构有限公司${user.phone.slice(-6)}`;

      await login(page, ADMIN.phone, ADMIN.password, { redirectTo: `/admin/users?q=${encodeURIComponent(user.displayName)}` });
      const row = page.getByTestId("user-row").filter({ hasText: user.displayName });
      await row.getByRole("combobox", { name: zh("admin.users.changeRole", { name: user.displayName }) }).selectOption("EMPLOYER");
      await row.getByRole("button", { name: containing(zh("admin.users.save")) }).click();

      await expect(row.getByText(zh("account.error.organizationRequired"))).toBeVisible();
      await row.getByLabel(zh("admin.users.organizationFor", { name: user.displayName })).fill(organization);
      await row.getByRole("button", { name: containing(zh("admin.users.save")) }).click();

      await expect(page.getByText(zh("admin.users.employerSet", { name: user.displayName, organization }))).toBeVisible();
      await expect(row.getByTestId("user-organization")).toHaveText(containing(organization));
      await expect(row.getByRole("combobox", { name: zh("admin.users.changeRole", { name: user.displayName }) })).toHaveValue("EMPLOYER");
    });
  });
});
