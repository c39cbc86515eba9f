// Security behaviour seen from outside: headers, CSRF and size limits, error pages, escaping.
import {
  containing,
  expect,
  httpErrorStatus,
  newAccount,
  registerUser,
  test,
  waitForHydration,
  WORKER,
  zh,
  en,
} from "./fixtures.ts";

const nonceOf = (csp: string | undefined) => /script-src[^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

test("the home page sends a Content-Security-Policy whose fresh nonce is on every inline script", async ({ request }) => {
  const response = await request.get("/");
  expect(response.status()).toBe(200);
  const csp = response.headers()["content-security-policy"];
  expect(csp, "Content-Security-Policy header").toBeTruthy();
  const nonce = nonceOf(csp);
  expect(nonce, `a nonce in script-src: ${csp}`).toBeTruthy();
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(csp).toMatch(/object-src 'none'/);
  expect(csp).toMatch(/frame-ancestors 'none'/);

  const html = await response.text();
  const inlineScripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\ssrc=/.test(tag));
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const tag of inlineScripts) expect(tag).toContain(`nonce="${nonce}"`);

  const again = await request.get("/");
  expect(nonceOf(again.headers()["content-security-policy"])).not.toBe(nonce);
});

test("pages run under the policy without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });

  await page.goto("/");
  await waitForHydration(page);
  // A link followed in the page (no document request) proves the app's scripts run.
  await page.evaluate(() => ((window as unknown as { stayedOnPage: boolean }).stayedOnPage = true));
  await page.getByRole("navigation", { name: zh("nav.main") }).getByRole("link", { name: zh("nav.quiz") }).click();
  await expect(page).toHaveURL(/\/quiz$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("quizui.title") })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(true);

  await page.goto("/login");
  await waitForHydration(page);
  expect(violations, violations.join("\n")).toEqual([]);
});

test("a form post from another site is refused with 403", async ({ request, baseURL }) => {
  const form = { account: WORKER.phone, password: WORKER.password };
  const foreign = await request.post("/login", { form, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toBe(zh("http.crossSite"));
  expect(foreign.headers()["set-cookie"]).toBeUndefined();

  // Without Origin, the browser's Sec-Fetch-Site says the same.
  const crossSite = await request.post("/login", { form, headers: { "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);

  // The same post from the site itself goes through (and signs in: a redirect with the session cookie).
  const own = await request.post("/login", { form, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(own.status()).toBe(302);
  expect(own.headers()["set-cookie"]).toMatch(/jx_session=[^;]+;.*HttpOnly/i);
});

test("a request body over 1 MiB is refused with 413 and a readable message", async ({ request, baseURL }) => {
  const body = `account=${"1".repeat(1024 * 1024)}`;
  const response = await request.post("/register", {
    data: body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(baseURL!).origin },
  });
  expect(response.status()).toBe(413);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await response.text()).toBe(zh("http.tooLarge", { kb: 1024 }));

  // In the reader's language.
  const english = await request.post("/register", {
    data: body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(baseURL!).origin, "Accept-Language": "en" },
  });
  expect(english.status()).toBe(413);
  expect(await english.text()).toBe(en("http.tooLarge", { kb: 1024 }));
});

test.describe("error pages", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(404) });

  test("an unknown address shows the localized 404 page", async ({ page, request }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: zh("error.404.title") })).toBeVisible();
    await expect(page.getByText(zh("error.404.body"))).toBeVisible();
    await expect(page).toHaveTitle(containing(zh("error.404.title")));
    await page.getByRole("link", { name: zh("error.backHome") }).click();
    await expect(page.getByRole("heading", { level: 1, name: zh("home.title") })).toBeVisible();

    const english = await request.get("/no/such/page", { headers: { "Accept-Language": "en" } });
    expect(english.status()).toBe(404);
    expect(await english.text()).toContain(en("error.404.title"));
  });
});

test("/healthz and /readyz answer JSON", async ({ request }) => {
  const live = await request.get("/healthz");
  expect(live.status()).toBe(200);
  expect(live.headers()["content-type"]).toMatch(/^application\/json/);
  expect(await live.json()).toMatchObject({ status: "ok" });

  const ready = await request.get("/readyz");
  expect(ready.status()).toBe(200);
  expect(ready.headers()["content-type"]).toMatch(/^application\/json/);
  expect(await ready.json()).toMatchObject({
    status: "ready",
    database: { status: "ok" },
    media: { provider: "local", ffmpeg: "ok" },
  });
});

test("markup in a display name is shown as text, never run", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const markup = "<script>alert(1)</script>";
  await registerUser(page, newAccount({ displayName: markup }));

  await expect(page.getByRole("banner").getByRole("link", { name: markup })).toBeVisible();
  await expect(page.getByLabel(zh("field.displayName"))).toHaveValue(markup);
  await page.goto("/");
  await expect(page.getByText(zh("home.welcomeBack", { name: markup }))).toBeVisible();

  // The server-rendered HTML carries it escaped, in the markup and in the embedded loader data.
  const html = await (await page.request.get("/me")).text();
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).not.toContain(markup);
  expect(dialogs).toEqual([]);
});
