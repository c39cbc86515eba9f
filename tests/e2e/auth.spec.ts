// Registration, login and logout as a user does them, in the default language (zh-CN).
import { containing, expect, httpErrorStatus, login, newAccount, registerUser, submitLogin, test, WORKER, zh } from "./fixtures.ts";

test("a new user registers, lands on their profile, logs out and logs in again", async ({ page }) => {
  const account = await registerUser(page);

  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("me.title") })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: account.displayName })).toBeVisible();
  await expect(page.getByLabel(zh("field.displayName"))).toHaveValue(account.displayName);
  await expect(page.getByText(account.phone, { exact: true })).toBeVisible();
  await expect(page.getByText(zh("role.WORKER"), { exact: true })).toBeVisible();

  await page.getByRole("banner").getByRole("button", { name: zh("nav.logout") }).click();
  await expect(page).toHaveURL(/\/$/);
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: zh("nav.login"), exact: true })).toBeVisible();
  await expect(header.getByRole("link", { name: account.displayName })).toHaveCount(0);

  // A page that needs a login sends the visitor to the form and back after it.
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme$/);
  await submitLogin(page, account.phone, account.password);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("me.title") })).toBeVisible();
  await expect(header.getByRole("link", { name: account.displayName })).toBeVisible();
});

test.describe("refused logins", () => {
  // A refused form answers 400. Chromium logs that as a console error when the form was posted as a
  // document (when the click comes before hydration); after hydration it is a fetch and logs nothing.
  test.use({ allowedConsoleErrors: httpErrorStatus(400) });

  test("a wrong password shows the generic error and keeps the account", async ({ page }) => {
    await page.goto("/login");
    await submitLogin(page, WORKER.phone, "not-the-password");

    await expect(page.getByRole("alert")).toHaveText(zh("auth.invalidCredentials"));
    await expect(page.getByLabel(zh("field.account"))).toHaveValue(WORKER.phone);
    await expect(page).toHaveURL(/\/login/);

    // An unknown account gets the same answer (no hint which accounts exist).
    await submitLogin(page, newAccount().phone, "whatever-password");
    await expect(page.getByRole("alert")).toHaveText(zh("auth.invalidCredentials"));

    // And the right password still works afterwards.
    await login(page, WORKER.phone, WORKER.password);
    await expect(page.getByRole("banner").getByRole("link", { name: WORKER.displayName })).toBeVisible();
  });

  test("registration explains each invalid field and keeps what was typed", async ({ page }) => {
    await page.goto("/register");
    const accountField = page.getByLabel(zh("field.account"));
    const nameField = page.getByLabel(zh("field.displayName"));
    const passwordField = page.getByLabel(zh("field.password"));
    const submit = page.getByRole("button", { name: zh("register.submit"), exact: true });

    await accountField.fill("1380000");
    await nameField.fill("张师傅");
    await passwordField.fill("short7!");
    await submit.click();

    await expect(page.getByRole("alert")).toHaveText(zh("form.errorSummary"));
    await expect(page.getByText(zh("account.invalid"))).toBeVisible();
    await expect(page.getByText(zh("password.tooShort"))).toBeVisible();
    await expect(accountField).toHaveAttribute("aria-invalid", "true");
    await expect(accountField).toHaveAccessibleDescription(containing(zh("account.invalid")));
    await expect(passwordField).toHaveAttribute("aria-invalid", "true");
    await expect(nameField).not.toHaveAttribute("aria-invalid");
    await expect(accountField).toHaveValue("1380000");
    await expect(nameField).toHaveValue("张师傅");
    await expect(page).toHaveURL(/\/register$/);

    // A common password is refused with its own message.
    await passwordField.fill("12345678");
    await submit.click();
    await expect(page.getByText(zh("password.common"))).toBeVisible();
    await expect(page.getByText(zh("password.tooShort"))).toHaveCount(0);
    await expect(accountField).toHaveValue("1380000");
    await expect(nameField).toHaveValue("张师傅");
  });

  test("an account that is already registered is refused with the taken message", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel(zh("field.account")).fill(WORKER.phone);
    await page.getByLabel(zh("field.displayName")).fill("冒名者");
    await page.getByLabel(zh("field.password")).fill(newAccount().password);
    await page.getByRole("button", { name: zh("register.submit"), exact: true }).click();

    await expect(page.getByText(zh("account.taken"))).toBeVisible();
    await expect(page.getByLabel(zh("field.account"))).toHaveValue(WORKER.phone);
    await expect(page.getByLabel(zh("field.displayName"))).toHaveValue("冒名者");
    await expect(page.getByRole("banner").getByRole("link", { name: zh("nav.login"), exact: true })).toBeVisible();
  });
});
