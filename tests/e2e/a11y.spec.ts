// Automated accessibility checks (axe-core): no "serious" or "critical" violations on the main pages.
import { ADMIN, expect, expectNoBlockingViolations, httpErrorStatus, login, registerUser, test, zh } from "./fixtures.ts";

for (const path of ["/", "/login", "/register", "/trades", "/courses", "/search"]) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoBlockingViolations(page);
  });
}

test("the English home page has no serious accessibility violations", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "jx_locale", value: "en", url: baseURL! }]);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoBlockingViolations(page);
});

test.describe("pages in other states", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(400, 404) });

  test("the 404 page has no serious accessibility violations", async ({ page }) => {
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1, name: zh("error.404.title") })).toBeVisible();
    await expectNoBlockingViolations(page);
  });

  test("the registration form showing errors has no serious accessibility violations", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel(zh("field.account")).fill("123");
    await page.getByRole("button", { name: zh("register.submit"), exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText(zh("form.errorSummary"));
    await expectNoBlockingViolations(page);
  });
});

test("the profile page and the admin's user list have no serious accessibility violations", async ({ page, browser, consoleGuard }) => {
  await registerUser(page);
  await expectNoBlockingViolations(page);

  const adminContext = await browser.newContext();
  consoleGuard.watch(adminContext);
  const adminPage = await adminContext.newPage();
  await login(adminPage, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/users" });
  await expect(adminPage.getByRole("heading", { level: 1, name: zh("admin.users.title") })).toBeVisible();
  await expectNoBlockingViolations(adminPage);
  await adminContext.close();
});
