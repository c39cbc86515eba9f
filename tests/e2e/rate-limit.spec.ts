// The sign-in and sign-up limits, against a server of its own started with a low
// AUTH_RATE_LIMIT_POINTS (the shared server allows many, since the whole suite comes from one IP).
import { expect, httpErrorStatus, newAccount, registerUser, submitLogin, test as base, WORKER, zh } from "./fixtures.ts";
import { startServer, type E2EServer } from "./support/server.ts";

const LIMIT = 3;

const test = base.extend<object, { limitedServer: E2EServer }>({
  limitedServer: [
    async ({}, use) => {
      const server = await startServer({ name: "jiangxin-limited", env: { AUTH_RATE_LIMIT_POINTS: String(LIMIT) } });
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ limitedServer }, use) => {
    await use(limitedServer.url);
  },
});

test.use({ allowedConsoleErrors: httpErrorStatus(400, 429) });

test("after too many failed logins even the right password is refused for a while", async ({ page, baseURL }) => {
  await page.goto("/login");
  for (let attempt = 1; attempt <= LIMIT; attempt++) {
    await submitLogin(page, WORKER.phone, `wrong-password-${attempt}`);
    await expect(page.getByRole("alert")).toHaveText(zh("auth.invalidCredentials"));
  }
  await submitLogin(page, WORKER.phone, WORKER.password);
  await expect(page.getByRole("alert")).toHaveText(zh("auth.rateLimited"));
  await expect(page.getByRole("banner").getByRole("link", { name: WORKER.displayName })).toHaveCount(0);

  const direct = await page.request.post("/login", {
    form: { account: WORKER.phone, password: WORKER.password },
    headers: { Origin: new URL(baseURL!).origin },
    maxRedirects: 0,
  });
  expect(direct.status()).toBe(429);
  expect(direct.headers()["set-cookie"]).toBeUndefined();
});

test("one address may register only a few accounts per window", async ({ browser, consoleGuard }) => {
  for (let i = 0; i < LIMIT; i++) {
    const context = await browser.newContext();
    consoleGuard.watch(context);
    await registerUser(await context.newPage());
    await context.close();
  }
  const context = await browser.newContext();
  consoleGuard.watch(context);
  const page = await context.newPage();
  const account = newAccount();
  await page.goto("/register");
  await page.getByLabel(zh("field.account")).fill(account.phone);
  await page.getByLabel(zh("field.displayName")).fill(account.displayName);
  await page.getByLabel(zh("field.password")).fill(account.password);
  await page.getByRole("button", { name: zh("register.submit"), exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText(zh("auth.rateLimited"));
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByLabel(zh("field.account"))).toHaveValue(account.phone);
  await context.close();
});
