// The core flows work as plain HTML forms, before (or without) JavaScript: slow phones, old browsers.
import { en, expect, httpErrorStatus, newAccount, registerUser, submitLogin, test, zh } from "./fixtures.ts";

test.use({ javaScriptEnabled: false });

test("without JavaScript a visitor registers, logs out, and logs in again", async ({ page }) => {
  const account = await registerUser(page, newAccount());
  await expect(page.getByRole("heading", { level: 1, name: zh("me.title") })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: account.displayName })).toBeVisible();
  expect(await page.evaluate(() => "__reactRouterDataRouter" in window)).toBe(false);

  await page.getByRole("banner").getByRole("button", { name: zh("nav.logout") }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner").getByRole("link", { name: zh("nav.login"), exact: true })).toBeVisible();

  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme$/);
  await submitLogin(page, account.phone, account.password);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("banner").getByRole("link", { name: account.displayName })).toBeVisible();
});

test.describe("refused forms without JavaScript", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(400) });

  test("a wrong password shows the error, keeps the account and empties the password", async ({ page }) => {
    const account = newAccount();
    await page.goto("/login");
    await submitLogin(page, account.phone, account.password);
    await expect(page.getByRole("alert")).toHaveText(zh("auth.invalidCredentials"));
    await expect(page.getByLabel(zh("field.account"))).toHaveValue(account.phone);
    await expect(page.getByLabel(zh("field.password"))).toHaveValue("");
  });
});

test("without JavaScript the language switcher still works", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel(zh("locale.label")).selectOption("en");
  await page.getByRole("button", { name: zh("locale.switch") }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: en("login.title") })).toBeVisible();
});
