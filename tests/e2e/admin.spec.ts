// The admin area: role changes with their audit log, and what other people get there.
import { ADMIN, expect, httpErrorStatus, login, newAccount, registerUser, test, WORKER, zh } from "./fixtures.ts";

test("an admin finds a new user and makes them a craftsman; the user sees the new role", async ({
  page,
  browser,
  consoleGuard,
}) => {
  // The user registers in a browser of their own.
  const userContext = await browser.newContext();
  consoleGuard.watch(userContext);
  const userPage = await userContext.newPage();
  const user = await registerUser(userPage, newAccount());
  await expect(factValue(userPage, zh("me.role"))).toHaveText(zh("role.WORKER"));

  await login(page, ADMIN.phone, ADMIN.password);
  await page.getByRole("banner").getByRole("link", { name: zh("nav.admin"), exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("admin.users.title") })).toBeVisible();

  await page.getByRole("searchbox", { name: zh("admin.users.search") }).fill(user.phone);
  await page.getByRole("button", { name: zh("admin.users.searchSubmit"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${user.phone}`));
  await expect(page.getByText(zh("admin.users.total", { count: 1 }))).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: user.displayName });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(user.phone);

  const changeLabel = zh("admin.users.changeRole", { name: user.displayName });
  await row.getByRole("combobox", { name: changeLabel }).selectOption({ label: zh("role.CRAFTSMAN") });
  await row.getByRole("button", { name: zh("admin.users.save") }).click();

  await expect(page.getByRole("status")).toHaveText(
    zh("admin.users.roleChanged", { name: user.displayName, role: zh("role.CRAFTSMAN") }),
  );
  await expect(row.getByRole("combobox", { name: changeLabel })).toHaveValue("CRAFTSMAN");
  const audit = page.getByRole("region", { name: zh("admin.audit.title") });
  await expect(
    audit.getByRole("listitem").filter({
      hasText: zh("admin.audit.roleChange", {
        actor: ADMIN.displayName,
        target: user.displayName,
        from: zh("role.WORKER"),
        to: zh("role.CRAFTSMAN"),
      }),
    }),
  ).toHaveCount(1);

  // The change holds after a reload, and the user sees it on their own page.
  await page.reload();
  await expect(page.getByRole("combobox", { name: changeLabel })).toHaveValue("CRAFTSMAN");
  await userPage.reload();
  await expect(factValue(userPage, zh("me.role"))).toHaveText(zh("role.CRAFTSMAN"));
  await userContext.close();
});

test.describe("people who are not admins", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(401, 403) });

  test("a worker gets the 403 page", async ({ page }) => {
    await login(page, WORKER.phone, WORKER.password);
    await expect(page.getByRole("banner").getByRole("link", { name: zh("nav.admin"), exact: true })).toHaveCount(0);

    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: zh("error.403.title") })).toBeVisible();
    await expect(page.getByText(zh("error.forbidden"))).toBeVisible();
    await expect(page.getByRole("link", { name: zh("error.backHome") })).toBeVisible();
    await expect(page.getByText(WORKER.phone)).toHaveCount(0);
  });

  test("an anonymous visitor gets the 401 page with a login link that leads back", async ({ page }) => {
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(401);
    await expect(page.getByRole("heading", { level: 1, name: zh("error.401.title") })).toBeVisible();
    await expect(page.getByText(zh("error.unauthorized"))).toBeVisible();

    const loginLink = page.getByRole("link", { name: zh("error.loginToContinue") });
    await expect(loginLink).toHaveAttribute("href", "/login?redirectTo=%2Fadmin%2Fusers");
    await loginLink.click();
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fusers$/);
    await page.getByLabel(zh("field.account")).fill(ADMIN.phone);
    await page.getByLabel(zh("field.password")).fill(ADMIN.password);
    await page.getByRole("button", { name: zh("login.submit"), exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { level: 1, name: zh("admin.users.title") })).toBeVisible();
  });
});

/** The value next to a term in a definition list ("身份" → "工人"). */
function factValue(page: import("@playwright/test").Page, term: string) {
  return page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
}
