// Job posts from both sides: an admin writes and publishes a post through the form; a visitor finds
// it on /jobs by trade and city without JavaScript, opens it and gets its JobPosting data; the form
// warns about deposit wording; a worker reports a post and the admin closes it from the moderation
// queue; and the whole way from a published post to an application the worker sees "viewed".
// Other specs share the server and database: every post here has a title of its own.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { ADMIN, containing, EMPLOYER, expect, expectNoBlockingViolations, httpErrorStatus, login, registerUser, test, zh } from "./fixtures.ts";

const BOILER = { code: "boiler-operator", zh: "锅炉操作工" };
const HARBIN = { code: "230100", name: "哈尔滨市" };

const uniqueTitle = (prefix: string) => `${prefix}${randomBytes(4).toString("hex")}`;

interface PostFields {
  title: string;
  description?: string;
  trade?: string;
  city?: string;
  district?: string;
}

/** Fills /admin/jobs/new (signed in as an admin) and submits it with `button`; returns the post's id. */
async function createPost(page: Page, fields: PostFields, button: "jobs.form.savePublish" | "jobs.form.saveDraft" = "jobs.form.savePublish") {
  await page.goto("/admin/jobs/new");
  await expect(page.getByRole("heading", { level: 1, name: zh("jobs.form.newTitle") })).toBeVisible();
  await page.getByLabel(zh("jobs.field.title")).fill(fields.title);
  await page.getByLabel(zh("jobs.field.organization")).fill("哈尔滨锅炉厂测试分厂");
  await page.getByLabel(zh("jobs.field.trade")).selectOption(fields.trade ?? BOILER.code);
  await page.getByLabel(zh("jobs.field.description")).fill(fields.description ?? "负责工业锅炉的日常运行与巡检，持证上岗。");
  await page.getByLabel(zh("jobs.field.city")).selectOption(fields.city ?? HARBIN.code);
  await page.getByLabel(zh("jobs.field.district")).fill(fields.district ?? "南岗区");
  await page.getByLabel(zh("jobs.field.salaryMin")).fill("6500");
  await page.getByLabel(zh("jobs.field.salaryMax")).fill("8000");
  await page.getByLabel(zh("jobs.field.openings")).fill("2");
  await page.getByLabel(zh("jobs.field.certificates")).fill("特种设备作业人员证（锅炉）");
  await page.getByLabel(zh("jobs.field.validThrough")).fill("2099-12-31");
  await page.getByRole("button", { name: zh(button), exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/jobs\/[^/?]+\?saved=(published|draft)$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("an admin publishes a post through the form; a visitor without JavaScript finds it by trade and city and gets its JobPosting data", async ({
  page,
  browser,
  consoleGuard,
}) => {
  // Two browsers, a long form and a closing step: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const title = uniqueTitle("锅炉工");
  await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/jobs" });
  await expect(page.getByRole("heading", { level: 1, name: zh("jobs.admin.title") })).toBeVisible();
  const jobId = await createPost(page, { title });
  await expect(page.getByTestId("job-admin-done")).toHaveText(zh("jobs.manage.published"));
  await expect(page.getByText(zh("jobs.manage.openNote"))).toBeVisible();

  const visitorContext = await browser.newContext({ javaScriptEnabled: false });
  consoleGuard.watch(visitorContext);
  const visitor = await visitorContext.newPage();
  await visitor.goto("/jobs");
  await expect(visitor.getByRole("heading", { level: 1, name: zh("jobs.title") })).toBeVisible();
  await visitor.getByLabel(zh("jobs.filter.trade")).selectOption(BOILER.code);
  await visitor.getByLabel(zh("jobs.filter.city")).selectOption(HARBIN.code);
  await visitor.getByRole("button", { name: zh("jobs.filter.submit"), exact: true }).click();
  // The URL holds the filters, so the search can be shared.
  await expect(visitor).toHaveURL(new RegExp(`/jobs\\?(?=.*trade=${BOILER.code})(?=.*city=${HARBIN.code})`));
  await expect(visitor.getByLabel(zh("jobs.filter.city"))).toHaveValue(HARBIN.code);
  const card = visitor.locator(`[data-testid="job-card"][data-id="${jobId}"]`);
  await expect(card).toContainText("6,500–8,000 元/月");
  await expect(card).toContainText(`黑龙江省 ${HARBIN.name} 南岗区`);
  for (const text of await visitor.getByTestId("job-card").locator(".course-card-tags .course-tag:first-child").allTextContents()) {
    expect(text).toBe(BOILER.zh);
  }

  await card.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByTestId("job-facts")).toContainText("特种设备作业人员证（锅炉）");
  const jsonLd = (await visitor.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as Record<string, unknown>);
  const posting = jsonLd.find((data) => data["@type"] === "JobPosting");
  expect(posting).toMatchObject({
    title,
    employmentType: "FULL_TIME",
    hiringOrganization: { "@type": "Organization", name: "哈尔滨锅炉厂测试分厂" },
    jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", addressRegion: "黑龙江省", addressLocality: HARBIN.name, addressCountry: "CN" } },
    baseSalary: { "@type": "MonetaryAmount", currency: "CNY", value: { "@type": "QuantitativeValue", minValue: 6500, maxValue: 8000, unitText: "MONTH" } },
    occupationalCategory: BOILER.zh,
    totalJobOpenings: 2,
    validThrough: "2099-12-31T15:59:59.999Z",
  });
  expect(typeof posting!.datePosted).toBe("string");
  await visitorContext.close();

  // Closed, it leaves the listing and its page says so (without JobPosting data).
  await page.getByRole("button", { name: zh("jobs.manage.close"), exact: true }).click();
  await expect(page.getByTestId("job-admin-done")).toHaveText(zh("jobs.manage.closed"));
  await page.goto(`/jobs?trade=${BOILER.code}&city=${HARBIN.code}`);
  await expect(page.locator(`[data-testid="job-card"][data-id="${jobId}"]`)).toHaveCount(0);
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("job-closed")).toContainText(zh("jobs.detail.closed"));
  await expect(page.locator('script[type="application/ld+json"]').filter({ hasText: "JobPosting" })).toHaveCount(0);
});

test.describe("the post form", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(400) });

  test("warns about a deposit, saves anyway, and marks the post in the admin list and on its page", async ({ page }) => {
    const title = uniqueTitle("锅炉辅工");
    await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/jobs" });
    const jobId = await createPost(page, { title, description: "包吃住，入职需交押金500元，干满三个月退还。" });
    await expect(page.getByTestId("job-fee-warning")).toContainText(zh("jobs.form.feeWarning", { phrase: "押金" }));

    await page.goto(`/admin/jobs?q=${encodeURIComponent(title)}`);
    const row = page.locator(`[data-testid="job-admin-row"][data-id="${jobId}"]`);
    await expect(row.getByTestId("job-admin-fee-warning")).toHaveText(zh("jobs.admin.feeWarning"));
    await expect(row.getByRole("link", { name: zh("jobs.admin.applicants", { count: 0 }) })).toHaveAttribute("href", `/admin/jobs/${jobId}/applicants`);

    await page.goto(`/jobs/${jobId}`);
    await expect(page.getByTestId("job-fee-warning")).toContainText(zh("jobs.feeWarning.title"));
  });

  test("shows each bad field's message and keeps what was typed", async ({ page }) => {
    const title = uniqueTitle("锅炉工");
    await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/jobs/new" });
    await page.getByLabel(zh("jobs.field.title")).fill(title);
    await page.getByLabel(zh("jobs.field.salaryMin")).fill("9000");
    await page.getByLabel(zh("jobs.field.salaryMax")).fill("6000");
    await page.getByLabel(zh("jobs.field.validThrough")).fill("2020-01-01");
    await page.getByRole("button", { name: zh("jobs.form.saveDraft"), exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: zh("form.errorSummary") })).toBeVisible();
    for (const key of ["jobs.error.salaryRange", "jobs.error.validThroughPast", "jobs.error.tradeRequired", "jobs.error.cityRequired", "jobs.error.organizationRequired", "jobs.error.descriptionRequired"] as const) {
      await expect(page.getByText(zh(key), { exact: true })).toBeVisible();
    }
    await expect(page.getByLabel(zh("jobs.field.salaryMax"))).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(zh("jobs.field.title"))).toHaveValue(title);
    await expect(page).toHaveURL(/\/admin\/jobs\/new$/);
    await expectNoBlockingViolations(page);
  });
});

test("a worker reports a post; the admin sees the report in the moderation queue and closes the post", async ({ page, browser, consoleGuard }) => {
  test.setTimeout(120_000);
  const title = uniqueTitle("锅炉司炉工");
  await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/jobs" });
  const jobId = await createPost(page, { title });

  const workerContext = await browser.newContext();
  consoleGuard.watch(workerContext);
  const worker = await workerContext.newPage();
  await registerUser(worker);
  await worker.goto(`/jobs/${jobId}`);
  await expect(worker.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectNoBlockingViolations(worker);
  await worker.locator("summary").filter({ hasText: zh("jobs.report.title") }).click();
  await worker.getByLabel(zh("jobs.report.reason.FEE")).check();
  await worker.getByLabel(zh("jobs.report.details")).fill("电话里说要先交300元服装费");
  await worker.getByRole("button", { name: zh("jobs.report.submit"), exact: true }).click();
  await expect(worker).toHaveURL(new RegExp(`/jobs/${jobId}\\?reported=1$`));
  await expect(worker.getByTestId("job-report-done")).toHaveText(zh("jobs.report.done"));
  await worker.goto(`/jobs/${jobId}`);
  await expect(worker.getByTestId("job-reported")).toHaveText(zh("jobs.report.already"));
  await workerContext.close();

  await page.goto("/admin/jobs");
  await page.getByRole("link", { name: zh("jobs.admin.moderation") }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh("jobs.moderation.title") })).toBeVisible();
  const row = page.locator(`[data-testid="moderation-row"][data-id="${jobId}"]`);
  await expect(row).toContainText(zh("jobs.report.reason.FEE"));
  await expect(row).toContainText("电话里说要先交300元服装费");
  await expectNoBlockingViolations(page);
  await row.getByRole("button", { name: zh("jobs.moderation.close") }).click();
  await expect(page.getByRole("status").filter({ hasText: zh("jobs.moderation.closedDone") })).toBeVisible();
  await expect(row).toHaveCount(0);

  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("job-closed")).toContainText(zh("jobs.closeReason.MODERATION"));
});

test.describe("access", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(403, 404) });

  test("a worker gets the 403 page on /admin/jobs; a draft, and for an employer another organisation's post, is a 404", async ({ page, browser, consoleGuard }) => {
    test.setTimeout(120_000);
    const title = uniqueTitle("锅炉草稿");
    await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/jobs" });
    const jobId = await createPost(page, { title }, "jobs.form.saveDraft");
    await expect(page.getByTestId("job-admin-done")).toHaveText(zh("jobs.form.saved"));
    await page.goto(`/jobs/${jobId}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(zh("jobs.detail.draft"))).toBeVisible();

    const workerContext = await browser.newContext();
    consoleGuard.watch(workerContext);
    const worker = await workerContext.newPage();
    await registerUser(worker);
    expect((await worker.goto(`/jobs/${jobId}`))?.status()).toBe(404);
    expect((await worker.goto("/admin/jobs"))?.status()).toBe(403);
    await expect(worker.getByRole("heading", { level: 1, name: zh("error.403.title") })).toBeVisible();
    expect((await worker.goto("/admin/jobs/moderation"))?.status()).toBe(403);
    await workerContext.close();

    // An employer manages their own organisation's posts only: another's is "not found", not "forbidden".
    const employerContext = await browser.newContext();
    consoleGuard.watch(employerContext);
    const employer = await employerContext.newPage();
    await login(employer, EMPLOYER.phone, EMPLOYER.password, { redirectTo: "/admin/jobs" });
    await expect(employer.getByRole("heading", { level: 1, name: zh("jobs.admin.title") })).toBeVisible();
    await expect(employer.getByRole("link", { name: zh("jobs.admin.moderation") })).toHaveCount(0);
    expect((await employer.goto(`/admin/jobs/${jobId}`))?.status()).toBe(404);
    expect((await employer.goto(`/jobs/${jobId}`))?.status()).toBe(404);
    expect((await employer.goto("/admin/jobs/moderation"))?.status()).toBe(403);
    await employer.goto("/admin/jobs/new");
    await expect(employer.getByTestId("job-form-organization")).toHaveText(zh("jobs.field.organizationFixed", { name: EMPLOYER.employer }));
    await expect(employer.getByLabel(zh("jobs.field.organization"))).toHaveCount(0);
    await employerContext.close();
  });
});

test("/jobs with filters has no serious accessibility violations", async ({ page }) => {
  await page.goto(`/jobs?trade=${BOILER.code}&city=${HARBIN.code}&sort=salary`);
  await expect(page.getByRole("heading", { level: 1, name: zh("jobs.title") })).toBeVisible();
  await expectNoBlockingViolations(page);
});

test("the whole way: an admin publishes, a worker finds the post by filters and applies, the admin opens the application, the worker sees it viewed", async ({
  page,
  browser,
  consoleGuard,
}) => {
  test.setTimeout(120_000);
  const title = uniqueTitle("锅炉运行工");
  await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/jobs" });
  const jobId = await createPost(page, { title });

  const workerContext = await browser.newContext();
  consoleGuard.watch(workerContext);
  const worker = await workerContext.newPage();
  const account = await registerUser(worker);
  await worker.goto("/jobs");
  await worker.getByLabel(zh("jobs.filter.trade")).selectOption(BOILER.code);
  await worker.getByLabel(zh("jobs.filter.city")).selectOption(HARBIN.code);
  await worker.getByRole("button", { name: zh("jobs.filter.submit"), exact: true }).click();
  await expect(worker).toHaveURL(new RegExp(`/jobs\\?(?=.*trade=${BOILER.code})(?=.*city=${HARBIN.code})`));
  await worker.locator(`[data-testid="job-card"][data-id="${jobId}"]`).getByRole("link", { name: title }).click();
  await expect(worker.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const apply = worker.getByTestId("job-apply");
  await apply.getByLabel(zh("jobs.apply.message")).fill("持锅炉操作证，三年经验。");
  await apply.getByRole("button", { name: zh("jobs.apply.submit") }).click();
  await expect(apply.getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.NEW"));

  // The admin opens it from the post's applicants, which marks it viewed.
  await page.goto(`/admin/jobs/${jobId}/applicants`);
  await page.getByTestId("applicant-row").filter({ hasText: account.displayName }).getByRole("link", { name: containing(account.displayName) }).click();
  await expect(page.getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.VIEWED"));

  await worker.goto("/me/applications");
  const row = worker.getByTestId("my-application-row").filter({ hasText: title });
  await expect(row.getByTestId("application-status")).toHaveText(zh("jobs.applicationStatus.VIEWED"));
  await workerContext.close();
});
