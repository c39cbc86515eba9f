// Quiz challenges in the admin area: an admin creates a challenge covering every trade (with and
// without JavaScript) and finds it listed; the report of the demo challenge draws its charts with
// the numbers in tables, and links to the players who answer too fast; an employer, who may enter
// the admin area for job posts, is refused here, and a worker the whole admin area.
// Seeded data: prisma/seed/quiz.ts (DEMO_QUIZ_ID, running since three days, with 60 players whose
// simulated answers are never flagged: the fast answers list is empty unless another spec's player
// on the same server answered too fast).
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO_QUIZ_ID } from "../../prisma/seed/quiz.ts";
import { TRADE_CATEGORIES, TRADES } from "../../prisma/seed/trades.ts";
import { HUMAN_MINIMUM_MS } from "../../server/quiz/scoring.ts";
import { ADMIN, EMPLOYER, expect, expectNoBlockingViolations, httpErrorStatus, login, test, waitForHydration, WORKER, zh } from "./fixtures.ts";

const allTradesLabel = zh("quizadmin.field.allTrades", { count: TRADES.length });

/** Fills the form's text fields: a challenge starting in a few years (so it stays upcoming). */
async function fillChallenge(page: Page, name: string) {
  await page.getByLabel(zh("quizadmin.field.name")).fill(name);
  await page.getByLabel(zh("quizadmin.field.startDate")).fill("2030-05-01");
  await page.getByLabel(zh("quizadmin.field.days")).fill("10");
  await page.getByLabel(zh("quizadmin.field.levelsPerDay")).fill("3");
}

/** The list's row of the challenge called `name`. */
const listRow = (page: Page, name: string) => page.getByTestId("quiz-challenge-row").filter({ has: page.getByRole("link", { name, exact: true }) });

test("an admin creates a challenge covering every trade and finds it listed", async ({ page }) => {
  const name = `全工种练兵 ${randomBytes(3).toString("hex")}`;
  await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/quiz" });
  await expect(page.getByRole("heading", { level: 1, name: zh("quizadmin.list.title") })).toBeVisible();
  await page.getByRole("link", { name: zh("quizadmin.list.new") }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh("quizadmin.form.newTitle") })).toBeVisible();
  await waitForHydration(page);
  await expectNoBlockingViolations(page);

  await fillChallenge(page, name);
  // "Every trade" ticks every trade's box on the page; the industries' counts follow.
  const picker = page.getByTestId("quiz-trade-picker");
  await picker.getByLabel(allTradesLabel).check();
  const welding = TRADE_CATEGORIES[0];
  const weldingTrades = TRADES.filter((trade) => trade.category === welding.code);
  const weldingGroup = picker.locator("details").filter({ hasText: welding.nameZh }).first();
  await expect(weldingGroup.locator("summary")).toContainText(zh("quizadmin.field.categoryCount", { selected: weldingTrades.length, total: weldingTrades.length }));
  await weldingGroup.locator("summary").click();
  await expect(weldingGroup.getByRole("checkbox")).toHaveCount(weldingTrades.length);
  for (const box of await weldingGroup.getByRole("checkbox").all()) await expect(box).toBeChecked();
  // Unticking one trade unticks "every trade" (which would otherwise still cover it).
  await weldingGroup.getByRole("checkbox").first().uncheck();
  await expect(picker.getByLabel(allTradesLabel)).not.toBeChecked();
  await picker.getByLabel(allTradesLabel).check();
  await expect(weldingGroup.getByRole("checkbox").first()).toBeChecked();

  await page.getByRole("button", { name: zh("quizadmin.form.create") }).click();
  await expect(page).toHaveURL(/\/admin\/quiz\/[a-z0-9]+\?saved=created$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("quiz-admin-done")).toHaveText(zh("quizadmin.form.created"));
  // Most trades have no demo questions: the page lists them as short of questions (a warning).
  await expect(page.getByRole("heading", { level: 2, name: zh("quizadmin.form.shortBanks") })).toBeVisible();
  await expect(page.getByTestId("quiz-trade-picker").getByLabel(allTradesLabel)).toBeChecked();
  await expectNoBlockingViolations(page);

  await page.getByRole("link", { name: zh("quizadmin.form.back") }).click();
  const row = listRow(page, name);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(zh("quizadmin.phase.upcoming"));
  await expect(row).toContainText(zh("quizadmin.list.trades", { count: TRADES.length }));
  await expect(row).toContainText(zh("quizadmin.list.participants", { count: 0 }));
  await expect(row.getByRole("link", { name: new RegExp(`^${zh("quizadmin.list.report")}`) })).toHaveAttribute("href", /\/admin\/quiz\/[a-z0-9]+\/report$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, allowedConsoleErrors: httpErrorStatus(400) });

  test("the challenge form shows its errors, and \"every trade\" covers them all", async ({ page }) => {
    const name = `无脚本练兵 ${randomBytes(3).toString("hex")}`;
    await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/quiz/new" });
    await expect(page.getByRole("heading", { level: 1, name: zh("quizadmin.form.newTitle") })).toBeVisible();
    // The industry buttons need JavaScript; without it they are not offered.
    await expect(page.getByRole("button", { name: zh("quizadmin.field.categoryAll") })).toHaveCount(0);

    await fillChallenge(page, name);
    await page.getByLabel(zh("quizadmin.field.passPercent")).fill("150");
    await page.getByRole("button", { name: zh("quizadmin.form.create") }).click();
    await expect(page.getByRole("alert")).toHaveText(zh("form.errorSummary"));
    await expect(page.getByText(zh("quizadmin.error.passPercentInvalid"))).toBeVisible();
    await expect(page.getByText(zh("quizadmin.error.tradesRequired"))).toBeVisible();
    await expect(page.getByLabel(zh("quizadmin.field.name"))).toHaveValue(name);

    await page.getByLabel(zh("quizadmin.field.passPercent")).fill("60");
    await page.getByLabel(allTradesLabel).check();
    await page.getByRole("button", { name: zh("quizadmin.form.create") }).click();
    await expect(page.getByRole("status")).toHaveText(zh("quizadmin.form.created"));
    await page.goto("/admin/quiz");
    await expect(listRow(page, name)).toContainText(zh("quizadmin.list.trades", { count: TRADES.length }));
  });
});

test("the report of the running demo challenge draws its charts, with the numbers in tables", async ({ page }) => {
  await login(page, ADMIN.phone, ADMIN.password, { redirectTo: "/admin/quiz" });
  const demo = page.locator(`[data-testid="quiz-challenge-row"][data-id="${DEMO_QUIZ_ID}"]`);
  await expect(demo.locator('[data-phase="running"]')).toBeVisible();
  await demo.getByRole("link", { name: new RegExp(`^${zh("quizadmin.list.report")}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/quiz/${DEMO_QUIZ_ID}/report$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(zh("quizadmin.report.title"));
  expect(Number(await page.getByTestId("quiz-report-players").textContent())).toBeGreaterThan(0);

  for (const [testId, title] of [
    ["quiz-chart-days", zh("quizadmin.report.perDayChart")],
    ["quiz-chart-trades", zh("quizadmin.report.topTradesChart")],
    ["quiz-chart-funnel", zh("quizadmin.report.funnelChart")],
  ] as const) {
    const chart = page.getByTestId(testId);
    const image = chart.getByRole("img", { name: title });
    await expect(image).toBeVisible();
    expect(await image.locator("rect.quiz-chart-bar").count()).toBeGreaterThan(0);
  }
  // The trade × day table is on the page; the charts' own tables open on demand.
  const tradeTable = page.getByRole("region", { name: zh("quizadmin.report.tradeTable") }).getByRole("table");
  await expect(tradeTable.getByRole("columnheader", { name: zh("quizadmin.report.dayShort", { day: 1 }) })).toBeVisible();
  expect(await tradeTable.locator("tbody tr").count()).toBeGreaterThan(0);
  const funnel = page.getByTestId("quiz-chart-funnel");
  await funnel.getByText(zh("quizadmin.report.dataTable")).click();
  await expect(funnel.getByRole("table").getByRole("columnheader", { name: zh("quizadmin.report.completedDay") })).toBeVisible();
  await expect(funnel.getByRole("table").getByRole("rowheader").first()).toContainText(zh("quizadmin.report.day", { day: 1 }));

  // Questions: the demo answers are enough to list some, drawn as a chart of the share correct.
  const questions = page.getByTestId("quiz-chart-questions");
  await expect(questions.getByRole("img")).toBeVisible();
  await questions.getByText(zh("quizadmin.report.dataTable")).click();
  expect(await questions.getByRole("table").locator("tbody tr").count()).toBeGreaterThan(0);
  await expectNoBlockingViolations(page);

  // One trade's questions through the filter form.
  const firstTrade = page.getByLabel(zh("quizadmin.report.filterTrade"));
  const option = await firstTrade.locator("option").nth(1).getAttribute("value");
  await firstTrade.selectOption(option!);
  await page.getByRole("button", { name: zh("quizadmin.report.filterSubmit") }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]trade=${option}`));
  await expect(page.getByLabel(zh("quizadmin.report.filterTrade"))).toHaveValue(option!);
});

test("an admin opens the fast answers from the report: the threshold explained, the players or the empty state", async ({ page }) => {
  const path = `/admin/quiz/${DEMO_QUIZ_ID}/fast-answers`;
  await login(page, ADMIN.phone, ADMIN.password, { redirectTo: `/admin/quiz/${DEMO_QUIZ_ID}/report` });
  await page.getByRole("link", { name: zh("quizadmin.report.fastAnswersLink") }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(zh("quizadmin.fast.title"));
  await expect(page.getByText(zh("quizadmin.fast.intro", { ms: HUMAN_MINIMUM_MS }))).toBeVisible();
  const rows = page.getByTestId("quiz-fast-row");
  const none = page.getByTestId("quiz-fast-none");
  await expect(rows.first().or(none)).toBeVisible();
  if (await none.isVisible()) {
    await expect(none).toHaveText(zh("quizadmin.fast.none"));
    await expect(rows).toHaveCount(0);
  } else {
    // A player's flagged answers open above the list, through a plain link.
    const name = (await rows.first().getByRole("rowheader").textContent())!;
    await rows.first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`${path}\\?user=[a-z0-9]+#quiz-fast-player$`));
    await expect(page.getByRole("heading", { level: 2, name: zh("quizadmin.fast.playerTitle", { name }) })).toBeVisible();
    expect(await page.getByTestId("quiz-fast-player").locator("tbody tr").count()).toBeGreaterThan(0);
  }
  // The page stays within the phone's width: the tables scroll inside their own region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoBlockingViolations(page);
});

test.describe("other roles", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(403) });

  test("an employer, let into the admin area for job posts, is refused the challenges", async ({ page }) => {
    await login(page, EMPLOYER.phone, EMPLOYER.password);
    for (const path of ["/admin/quiz", "/admin/quiz/new", `/admin/quiz/${DEMO_QUIZ_ID}/fast-answers`]) {
      expect((await page.goto(path))?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: zh("error.403.title") })).toBeVisible();
    }
    await page.goto("/admin/jobs");
    const adminNav = page.getByRole("navigation", { name: zh("admin.title") });
    await expect(adminNav.getByRole("link", { name: zh("jobs.admin.nav") })).toBeVisible();
    await expect(adminNav.getByRole("link", { name: zh("quizadmin.nav.challenges") })).toHaveCount(0);
  });

  test("a worker gets the admin area's refusal for the fast answers", async ({ page }) => {
    await login(page, WORKER.phone, WORKER.password);
    expect((await page.goto(`/admin/quiz/${DEMO_QUIZ_ID}/fast-answers`))?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: zh("error.403.title") })).toBeVisible();
    await expect(page.getByTestId("quiz-fast-none").or(page.getByTestId("quiz-fast-row"))).toHaveCount(0);
  });
});
