// Search from a phone: the header box suggests as the user types (keyboard and screen-reader
// accessible), /search shows tabs, facets, highlights and pages, odd input becomes notices (never
// an error), and everything works as plain links and GET forms without JavaScript.
import type { Page } from "@playwright/test";
import { containing, en, expect, expectNoBlockingViolations, test, waitForHydration, zh } from "./fixtures.ts";

const WELDER = { code: "welder", zh: "焊工", en: "Welder" };
const FORKLIFT = { code: "forklift-driver", zh: "叉车司机" };

const searchUrl = (params: Record<string, string>) => `/search?${new URLSearchParams(params)}`;
const headerBox = (page: Page) => page.getByRole("banner").getByRole("combobox", { name: zh("search.box.label") });
const suggestions = (page: Page) => page.getByRole("listbox", { name: zh("search.box.suggestions") });
const pageInput = (page: Page) => page.getByRole("main").getByRole("searchbox", { name: zh("search.label") });
const tabs = (page: Page) => page.getByRole("navigation", { name: zh("search.tabs.label") });
const tab = (page: Page, label: string) => tabs(page).getByRole("link", { name: new RegExp(`^${label}\\s*\\d+$`) });
const hits = (page: Page) => page.getByTestId("search-hit");
const notice = (page: Page, key: Parameters<typeof zh>[0]) =>
  page.getByRole("status", { name: zh("search.notices.label") }).getByText(zh(key), { exact: true });
const tabCount = async (page: Page, label: string) => Number(await tab(page, label).locator(".tab-count").textContent());

test.describe("the header search box", () => {
  test("suggests trades as the user types 焊 and 焊工, and opens one with the keyboard", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    const box = headerBox(page);
    await expect(box).toBeVisible();
    await expect(box).toHaveAttribute("aria-autocomplete", "list");
    await expect(box).toHaveAttribute("aria-expanded", "false");

    await box.fill("焊");
    const list = suggestions(page);
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);
    const options = list.getByRole("option");
    await expect(options.first()).toContainText("焊");
    await expect(options.first().locator("mark").first()).toHaveText("焊");
    const count = await options.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(6);
    await expect(page.getByRole("banner").getByTestId("search-box-announcement")).toHaveText(zh("search.box.count", { count }));

    await box.fill("焊工");
    // The list now answers 焊工 (the whole word marked), not 焊.
    await expect(options.first().locator("mark").first()).toHaveText("焊工");
    await expect(options.filter({ hasText: WELDER.zh }).first()).toBeVisible();

    // Arrow keys move the active option; Escape closes the list; Enter opens the active one.
    await box.press("ArrowDown");
    const first = options.first();
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await box.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await box.press("ArrowUp");
    await expect(first).toHaveAttribute("aria-selected", "true");
    await box.press("Escape");
    await expect(list).toBeHidden();
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(box).not.toHaveAttribute("aria-activedescendant");

    await box.press("ArrowDown");
    await expect(list).toBeVisible();
    const title = (await first.locator(".suggest-title").textContent())!;
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?trade=[\w-]+$/);
    await expect(page.locator('[data-filter="trade"]')).toContainText(zh("search.filter.trade", { name: title }));
    await expect(page.getByRole("link", { name: new RegExp(`^${zh("search.filter.remove")}`) })).toBeVisible();
    // Everything of that trade is listed (its courses and books, newest first; the trade itself after them).
    await expect(hits(page).first()).toBeVisible();
  });

  test("a tap on a suggestion opens it, and Enter without a choice searches", async ({ page }) => {
    await page.goto("/trades");
    await waitForHydration(page);
    const box = headerBox(page);
    await box.fill("焊工");
    const option = suggestions(page).getByRole("option").filter({ hasText: new RegExp(`^${zh("search.kind.trade")}${WELDER.zh}$`) });
    await option.click();
    await expect(page).toHaveURL(`/search?trade=${WELDER.code}`);
    await expect(page.locator('[data-filter="trade"]')).toContainText(zh("search.filter.trade", { name: WELDER.zh }));
    await expect(page.getByRole("heading", { level: 1, name: zh("search.title") })).toBeVisible();

    await page.goto("/");
    await waitForHydration(page);
    await headerBox(page).fill("叉车");
    await expect(suggestions(page)).toBeVisible();
    await headerBox(page).press("Enter");
    await expect(page).toHaveURL(searchUrl({ q: "叉车" }));
    await expect(page.getByRole("heading", { level: 1, name: zh("search.resultsFor", { q: "叉车" }) })).toBeVisible();
    await expect(hits(page).first().locator("mark").first()).toBeVisible();
  });

  test("the open suggestion list has no serious accessibility violations", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    await headerBox(page).fill("焊");
    await expect(suggestions(page)).toBeVisible();
    await headerBox(page).press("ArrowDown");
    await expectNoBlockingViolations(page);
  });
});

test.describe("the search page", () => {
  test("焊工 shows the trade tab with a count, highlighted matches and a result that opens", async ({ page }) => {
    await page.goto(searchUrl({ q: "焊工" }));
    await expect(page.getByRole("heading", { level: 1, name: zh("search.resultsFor", { q: "焊工" }) })).toBeVisible();
    await expect(page).toHaveTitle(`${zh("search.resultsFor", { q: "焊工" })} · ${zh("app.name")}`);
    await expect(pageInput(page)).toHaveValue("焊工");
    await expect(tab(page, zh("search.type.all"))).toHaveAttribute("aria-current", "page");
    expect(await tabCount(page, zh("search.type.trade"))).toBeGreaterThan(0);
    for (const type of ["course", "book", "job", "live"] as const) {
      await expect(tab(page, zh(`search.type.${type}`))).toBeVisible();
    }
    await expect(hits(page).first().locator("mark").first()).toContainText("焊");
    await expect(hits(page).getByRole("link", { name: WELDER.zh, exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: zh("search.facet.trade"), exact: true })).toBeVisible();

    await tab(page, zh("search.type.trade")).click();
    await expect(page).toHaveURL(searchUrl({ q: "焊工", type: "trade" }));
    await expect(tab(page, zh("search.type.trade"))).toHaveAttribute("aria-current", "page");
    await expect(tab(page, zh("search.type.all"))).not.toHaveAttribute("aria-current");

    await hits(page).getByRole("link", { name: WELDER.zh, exact: true }).click();
    await expect(page).toHaveURL(`/search?trade=${WELDER.code}`);
    await expect(page.locator('[data-filter="trade"]')).toContainText(zh("search.filter.trade", { name: WELDER.zh }));
    await page.getByRole("link", { name: new RegExp(`^${zh("search.filter.remove")}`) }).click();
    await expect(page).toHaveURL(/\/search$/);
    await expect(page.locator('[data-filter="trade"]')).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 2, name: zh("search.browse.title") })).toBeVisible();
  });

  test("English words and typos find the Chinese trade, in the English interface too", async ({ page, context, baseURL }) => {
    for (const q of ["welder", "weldr"]) {
      await page.goto(searchUrl({ q }));
      await expect(hits(page).getByRole("link", { name: WELDER.zh, exact: true })).toBeVisible();
    }
    await context.addCookies([{ name: "jx_locale", value: "en", url: baseURL! }]);
    await page.goto(searchUrl({ q: "weldr" }));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: en("search.resultsFor", { q: "weldr" }) })).toBeVisible();
    const welder = hits(page).filter({ has: page.getByRole("link", { name: WELDER.zh, exact: true }) });
    await expect(welder.getByText(WELDER.en, { exact: true })).toBeVisible();
    await expect(welder.getByText(en("search.kind.trade"), { exact: true })).toBeVisible();
    const englishTabs = page.getByRole("navigation", { name: en("search.tabs.label") });
    await expect(englishTabs.getByRole("link", { name: new RegExp(`^${en("search.type.trade")} \\d+$`) })).toHaveAttribute(
      "href",
      searchUrl({ q: "weldr", type: "trade" }),
    );
  });

  test("a mixed query (city and trade) answers without an error", async ({ page }) => {
    const response = await page.goto(searchUrl({ q: "东莞 叉车" }));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: zh("search.resultsFor", { q: "东莞 叉车" }) })).toBeVisible();
    await expect(hits(page).first().locator("mark").first()).toBeVisible();
  });

  test("browsing (an empty query) shows trades to pick and everything, page by page", async ({ page }) => {
    await page.goto("/search");
    await expect(page.getByRole("heading", { level: 1, name: zh("search.title") })).toBeVisible();
    const browse = page.locator('[data-facet="facet-trade"]');
    await expect(browse.getByRole("heading", { name: zh("search.browse.title") })).toBeVisible();
    const welder = browse.getByRole("link", { name: new RegExp(`^${WELDER.zh} \\d+$`) });
    if (!(await welder.isVisible())) await browse.locator("summary").click(); // the long tail is folded
    await expect(welder).toBeVisible();
    await expect(hits(page)).toHaveCount(10);
    const pagination = page.getByRole("navigation", { name: zh("pagination.label") });
    await pagination.getByRole("link", { name: zh("pagination.next") }).click();
    await expect(page).toHaveURL(/[?&]page=2$/);
    await expect(pagination).toContainText(/第 2 \/ \d+ 页/);
    await expect(pagination.getByRole("link", { name: zh("pagination.previous") })).toBeVisible();
  });

  test("no results says so and offers popular searches and the closest trades", async ({ page }) => {
    await page.goto(searchUrl({ q: "zzzzqqqq" }));
    await expect(page.getByText(zh("search.empty.title", { q: "zzzzqqqq" }))).toBeVisible();
    await expect(hits(page)).toHaveCount(0);
    const popular = page.locator("section.facet").filter({ has: page.getByRole("heading", { name: zh("search.empty.popular") }) });
    await expect(popular.getByRole("link", { name: "焊工", exact: true })).toHaveAttribute("href", searchUrl({ q: "焊工" }));
    await expectNoBlockingViolations(page);
    await popular.getByRole("link", { name: "电工", exact: true }).click();
    await expect(page).toHaveURL(searchUrl({ q: "电工" }));
    await expect(hits(page).first()).toBeVisible();

    // Nothing of this type for the query (no demo livestream is about forklifts): the closest trades lead to the trade filter.
    await page.goto(searchUrl({ q: "叉车司机", type: "live" }));
    await expect(page.getByText(zh("search.empty.title", { q: "叉车司机" }))).toBeVisible();
    const closest = page.locator("section.facet").filter({ has: page.getByRole("heading", { name: zh("search.empty.trades") }) });
    await expect(closest.getByRole("link", { name: FORKLIFT.zh, exact: true })).toHaveAttribute("href", `/search?trade=${FORKLIFT.code}`);
    expect(await tabCount(page, zh("search.type.trade"))).toBeGreaterThan(0);
  });

  test("finds livestream classes with where they stand", async ({ page }) => {
    await page.goto(searchUrl({ q: "焊接", type: "live" }));
    const upcoming = hits(page).filter({ hasText: "火箭发动机喷管" });
    await expect(upcoming).toHaveCount(1);
    await expect(upcoming).toContainText(zh("search.result.live.SCHEDULED"));
    await expect(hits(page).filter({ hasText: zh("search.result.live.REPLAY_READY") }).first()).toBeVisible();
    await upcoming.getByRole("link").click();
    await expect(page).toHaveURL(/\/live\/ldemowelderupcoming00000$/);
  });

  test("the results page has no serious accessibility violations", async ({ page }) => {
    await page.goto(searchUrl({ q: "焊工" }));
    await expect(hits(page).first()).toBeVisible();
    await expectNoBlockingViolations(page);
  });
});

test.describe("bad input never breaks the page", () => {
  test("a query over 200 characters is cut, with a notice", async ({ page }) => {
    await page.goto("/search");
    await waitForHydration(page);
    const long = "焊工叉车数控".repeat(50); // 300 characters
    await pageInput(page).fill(long);
    await pageInput(page).press("Enter");
    await expect(notice(page, "search.notice.truncated")).toBeVisible();
    await expect(pageInput(page)).toHaveValue(long.slice(0, 200));
  });

  test("unknown filters are ignored with a notice", async ({ page }) => {
    await page.goto(searchUrl({ type: "nonsense", q: "焊工" }));
    await expect(notice(page, "search.notice.unknownType")).toBeVisible();
    await expect(tab(page, zh("search.type.all"))).toHaveAttribute("aria-current", "page");
    await expect(hits(page).first()).toBeVisible();

    await page.goto(searchUrl({ trade: "no-such-trade", city: "火星" }));
    await expect(notice(page, "search.notice.unknownTrade")).toBeVisible();
    await expect(notice(page, "search.notice.unknownCity")).toBeVisible();
    await expect(page.locator("[data-filter]")).toHaveCount(0);
  });

  const oddQueries = [
    "/search?q=%22'()[]{}*+?|^$\\%00",
    searchUrl({ q: "\"'()[]{}*+?|^$\\\u0000" }),
    searchUrl({ q: "' OR 1=1; DROP TABLE users; --" }),
    searchUrl({ q: "(a+)+$ .* [^x] \\d{2,}" }),
    searchUrl({ q: "<script>alert(1)</script>" }),
    searchUrl({ q: "👷‍♂️焊工🔥" }),
    searchUrl({ q: "🔥" }),
    searchUrl({ q: "\u0007\u001b[31m焊\r\n工\t" }),
    "/search?q=%E7%84%8A&q=%E5%B7%A5&page=abc&type=&trade=&city=%00",
    "/search?page=-5&q=%",
  ];
  for (const url of oddQueries) {
    test(`${url} renders a page`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(tabs(page)).toBeVisible();
      await waitForHydration(page);
      // The query is echoed back as text, never as markup.
      expect(await page.locator("main script").count()).toBe(0);
    });
  }

  test("a page past the end shows the last page", async ({ page }) => {
    await page.goto(searchUrl({ page: "9999" }));
    const pagination = page.getByRole("navigation", { name: zh("pagination.label") });
    await expect(pagination).toContainText(/第 (\d+) \/ \1 页/);
    await expect(pagination.getByRole("link", { name: zh("pagination.next") })).toHaveCount(0);
    await expect(pagination.getByRole("link", { name: zh("pagination.previous") })).toBeVisible();
    await expect(hits(page).first()).toBeVisible();
  });

  test("the suggestion endpoint answers JSON for any input, uncached", async ({ request }) => {
    for (const q of ["焊", "", "%00", "' OR 1=1 --", "🔥".repeat(300)]) {
      const response = await request.get(`/search/suggest?q=${encodeURIComponent(q)}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toBe("no-store");
      const body = (await response.json()) as { suggestions: unknown[] };
      expect(Array.isArray(body.suggestions)).toBe(true);
    }
    const welding = (await (await request.get(`/search/suggest?q=${encodeURIComponent("焊工")}`)).json()) as {
      suggestions: Array<{ url: string }>;
    };
    expect(welding.suggestions[0]?.url).toMatch(/^\/search\?trade=/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header form and the page's links and forms work as plain HTML", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("banner").getByRole("searchbox", { name: zh("search.box.label") });
    await box.fill("焊工");
    await box.press("Enter");
    await expect(page).toHaveURL(searchUrl({ q: "焊工" }));
    expect(await page.evaluate(() => "__reactRouterDataRouter" in window)).toBe(false);
    await expect(hits(page).first().locator("mark").first()).toBeVisible();

    await pageInput(page).fill("电工");
    await page.getByRole("main").getByRole("button", { name: zh("search.submit"), exact: true }).click();
    await expect(page).toHaveURL(searchUrl({ q: "电工" }));
    await tab(page, zh("search.type.trade")).click();
    await expect(page).toHaveURL(searchUrl({ q: "电工", type: "trade" }));
    await expect(tab(page, zh("search.type.trade"))).toHaveAttribute("aria-current", "page");

    await page.goto(searchUrl({ q: "焊工" }));
    await hits(page).getByRole("link", { name: WELDER.zh, exact: true }).click();
    await expect(page).toHaveURL(`/search?trade=${WELDER.code}`);
    await expect(page.locator('[data-filter="trade"]')).toContainText(containing(zh("search.filter.trade", { name: WELDER.zh })));
  });
});
