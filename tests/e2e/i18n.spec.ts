// Language: zh-CN by default, English by choice (a cookie) or by the browser's Accept-Language.
import { en, expect, test, zh } from "./fixtures.ts";

test("the header switcher changes the language, keeps it across pages, and switches back", async ({ page, context }) => {
  await page.goto("/trades");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: zh("trades.title") })).toBeVisible();

  const header = page.getByRole("banner");
  await header.getByLabel(zh("locale.label")).selectOption({ label: en("locale.en") });
  await header.getByRole("button", { name: zh("locale.switch") }).click();

  // Back on the same page, now in English.
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/trades$/);
  await expect(page.getByRole("heading", { level: 1, name: en("trades.title") })).toBeVisible();
  await expect(header.getByRole("link", { name: en("nav.login"), exact: true })).toBeVisible();
  await expect(header.getByLabel(en("locale.label"))).toHaveValue("en");
  expect((await context.cookies()).find((cookie) => cookie.name === "jx_locale")?.value).toBe("en");

  // The choice holds on other pages, whether reached by a link or typed in.
  await page.getByRole("navigation", { name: en("nav.main") }).getByRole("link", { name: en("nav.home") }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: en("home.title") })).toBeVisible();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: en("login.title") })).toBeVisible();
  await expect(page.getByLabel(en("field.account"))).toBeVisible();

  await header.getByLabel(en("locale.label")).selectOption({ label: zh("locale.zh-CN") });
  await header.getByRole("button", { name: en("locale.switch") }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("login.title") })).toBeVisible();
  await expect(page.getByLabel(zh("field.account"))).toBeVisible();
});

test.describe("a browser that asks for English", () => {
  test.use({ locale: "en-US" });

  test("gets English without a cookie, and the cookie still wins", async ({ page, context }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: en("home.title") })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: en("nav.register") })).toBeVisible();

    const { hostname } = new URL(page.url());
    await context.addCookies([{ name: "jx_locale", value: "zh-CN", domain: hostname, path: "/" }]);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: zh("home.title") })).toBeVisible();
  });
});

test("Accept-Language decides the server-rendered language when there is no cookie", async ({ request }) => {
  const english = await request.get("/", { headers: { "Accept-Language": "en" } });
  expect(english.headers()["vary"]).toMatch(/Accept-Language/i);
  expect(await english.text()).toMatch(/<html lang="en"/);
  const chinese = await request.get("/", { headers: { "Accept-Language": "zh-TW,zh;q=0.9,en;q=0.5" } });
  expect(await chinese.text()).toMatch(/<html lang="zh-CN"/);
  const unknown = await request.get("/", { headers: { "Accept-Language": "fr" } });
  expect(await unknown.text()).toMatch(/<html lang="zh-CN"/);
});
