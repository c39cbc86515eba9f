// The workers' quiz challenge on the demo data (a running challenge with question banks per trade).
// With JavaScript: a worker picks a trade, plays a level to the end seeing right or wrong and the
// explanation after every answer, gets the summary, and finds their rank on the leaderboard; a
// question whose countdown runs out turns into its "time's up" result by itself; and a second
// worker's finished level moves the first worker's open leaderboard live (no reload). Without
// JavaScript: the whole level is a sequence of form posts, the deadline is the server's (a late
// answer is refused and counts as wrong), and an answer sent twice (two tabs) is refused with its
// message. Visitors see the challenge and a way to sign in; an unknown certificate says so.
// Every worker here is freshly registered (demo accounts are shared with other specs), and each
// test plays its own trade so that tests running side by side do not move each other's boards.
import type { Browser, Page } from "@playwright/test";
import { parseAnswer, type QuestionKind } from "../../server/quiz/schema.ts";
import { QUIZ_BANK } from "../../prisma/seed/quiz-bank/index.ts";
import {
  type ConsoleGuard,
  containing,
  en,
  expect,
  expectNoBlockingViolations,
  httpErrorStatus,
  newAccount,
  registerUser,
  test,
  waitForHydration,
  zh,
} from "./fixtures.ts";

const TRUE_FALSE = ["正确", "错误"];

interface KnownQuestion {
  options: string[];
  answer: number[];
  explanation: string;
}

/** The demo banks by stem: what the test needs to answer right (or wrong) on purpose. */
const BANK = new Map<string, KnownQuestion>(
  QUIZ_BANK.flatMap((bank) => bank.questions).map((question) => {
    const options = question.kind === "TRUE_FALSE" ? TRUE_FALSE : [...question.options];
    const answer = parseAnswer(question.kind as QuestionKind, question.answer, options.length);
    if (!answer) throw new Error(`demo question without a valid answer: ${question.stem}`);
    return [question.stem, { options, answer, explanation: question.explanation }];
  }),
);

async function newWorker(browser: Browser, consoleGuard: ConsoleGuard, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  consoleGuard.watch(context);
  const page = await context.newPage();
  const account = await registerUser(page, newAccount());
  return { page, account };
}

/** Chooses the worker's trade on /quiz (the form works with and without JavaScript). */
async function chooseTrade(page: Page, code: string) {
  await page.goto("/quiz");
  await page.getByLabel(zh("quizui.trade.label"), { exact: true }).selectOption(code);
  await page.getByRole("button", { name: zh("quizui.trade.submit"), exact: true }).click();
  await expect(page.getByTestId("quiz-trade-saved")).toHaveText(zh("quizui.trade.saved"));
}

/** Today's challenge day, as /quiz says it. */
async function today(page: Page): Promise<number> {
  return Number(await page.getByTestId("quiz-phase").getAttribute("data-today"));
}

const levelItem = (page: Page, day: number, level: number) => page.locator(`[data-testid="quiz-level"][data-day="${day}"][data-level="${level}"]`);

/** Starts today's `level` from /quiz and waits for its first question. */
async function startLevel(page: Page, level: number) {
  await page.goto("/quiz");
  const day = await today(page);
  const item = levelItem(page, day, level);
  await expect(item).toHaveAttribute("data-state", "open");
  await item.getByRole("button", { name: containing(zh("quizui.level.start")) }).click();
  await expect(page).toHaveURL(/\/quiz\/play\/[a-z0-9]+$/);
  await expect(page.getByTestId("quiz-question")).toBeVisible();
  return day;
}

/** The question on the page, from the demo bank (found by its stem). */
async function shownQuestion(page: Page): Promise<{ stem: string; known: KnownQuestion; position: number; count: number }> {
  const stem = (await page.getByTestId("quiz-stem").textContent())!.trim();
  const known = BANK.get(stem);
  if (!known) throw new Error(`a question that is not in the demo banks: ${stem}`);
  const progress = page.getByTestId("quiz-progress");
  return { stem, known, position: Number(await progress.getAttribute("data-number")) - 1, count: Number(await progress.getAttribute("data-count")) };
}

/** Ticks the right options, or a wrong one, and submits. */
async function answer(page: Page, known: KnownQuestion, right: boolean) {
  const form = page.getByTestId("quiz-question");
  // Wrong: an option that is not an answer, or (every option right) only one of them.
  const other = known.options.findIndex((_, index) => !known.answer.includes(index));
  const picks = right ? known.answer : [other >= 0 ? other : known.answer[0]!];
  const role = known.answer.length > 1 ? "checkbox" : "radio";
  for (const index of picks) await form.getByRole(role, { name: known.options[index]!, exact: true }).check();
  await form.getByRole("button", { name: zh("quizui.play.submit"), exact: true }).click();
}

/** Checks the result shown after an answer: the verdict, the correct answer, the explanation. */
async function expectResult(page: Page, known: KnownQuestion, right: boolean) {
  const review = page.getByTestId("quiz-review");
  await expect(review).toHaveAttribute("data-correct", right ? "true" : "false");
  await expect(review.getByTestId("quiz-verdict")).toContainText(right ? zh("quizui.result.right") : zh("quizui.result.wrong"));
  await expect(review.getByTestId("quiz-correct-answer")).toHaveText(known.answer.map((index) => String.fromCharCode(65 + index)).join(""));
  await expect(review.getByTestId("quiz-explanation")).toContainText(known.explanation);
}

/** Every response a page received, in order; bodies are read as they come (none for redirects). */
function recordResponses(page: Page): { url: string; body: Promise<string> }[] {
  const responses: { url: string; body: Promise<string> }[] = [];
  page.on("response", (response) => responses.push({ url: response.url(), body: response.text().catch(() => "") }));
  return responses;
}

/**
 * Plays the level on the page to its end: right answers except at the positions in `wrongAt`.
 * With `checkFocus`, also that the focus moves to the result and to the next question (and axe on
 * a result). With `responses` (recordResponses), checks that no response the page received before
 * a question was answered — documents, loader data, scripts, anything — held its explanation.
 */
async function playToTheEnd(page: Page, options: { wrongAt?: number[]; checkFocus?: boolean; responses?: { url: string; body: Promise<string> }[] } = {}) {
  for (;;) {
    const { known, position, count } = await shownQuestion(page);
    // Nothing of the answer is on the page before it is answered (its HTML and the loader data in it).
    expect(await page.content()).not.toContain(known.explanation);
    if (options.responses) {
      const before = options.responses.slice();
      expect(before.length).toBeGreaterThan(0);
      for (const response of before) expect(await response.body, `${response.url} before answering "${known.explanation}"`).not.toContain(known.explanation);
    }
    const right = !options.wrongAt?.includes(position);
    await answer(page, known, right);
    if (position === count - 1) {
      // The last answer ends the level: the summary lists it with the others.
      await expect(page.getByTestId("quiz-summary")).toBeVisible();
      const last = page.getByTestId("quiz-review").last();
      await expect(last).toHaveAttribute("data-correct", right ? "true" : "false");
      await expect(last.getByTestId("quiz-explanation")).toContainText(known.explanation);
      return count;
    }
    await expectResult(page, known, right);
    if (options.checkFocus) {
      await expect(page.getByTestId("quiz-verdict")).toBeFocused();
      if (position === 0) await expectNoBlockingViolations(page);
    }
    await page.getByRole("button", { name: zh("quizui.play.next"), exact: true }).click();
    await expect(page.getByTestId("quiz-progress")).toHaveAttribute("data-number", String(position + 2));
    if (options.checkFocus) await expect(page.getByTestId("quiz-question-title")).toBeFocused();
  }
}

test("a worker picks a trade, plays a level with an explanation after every answer, and finds their rank", async ({ browser, consoleGuard }) => {
  test.setTimeout(180_000);
  const { page, account } = await newWorker(browser, consoleGuard);
  await page.goto("/quiz");
  await expect(page.getByRole("heading", { level: 1, name: zh("quizui.title") })).toBeVisible();
  await expect(page.getByTestId("quiz-phase")).toHaveAttribute("data-phase", "running");
  // No trade yet: the levels are listed but cannot be started.
  const day = await today(page);
  await expect(levelItem(page, day, 1).getByRole("button")).toHaveCount(0);
  await expectNoBlockingViolations(page);

  await chooseTrade(page, "welder");
  await expect(page.getByTestId("quiz-trade")).toHaveText("焊工");
  await expect(levelItem(page, day, 1)).toHaveAttribute("data-state", "open");
  await expect(levelItem(page, day, 2)).toHaveAttribute("data-state", "locked");

  const responses = recordResponses(page);
  await startLevel(page, 1);
  await waitForHydration(page);
  await expect(page.getByTestId("quiz-mode")).toHaveText(zh("quizui.mode.scored"));
  // The countdown runs in the page, from the server's time left.
  await expect(page.getByTestId("quiz-seconds-left")).toHaveText(new RegExp(zh("quizui.play.secondsLeft", { seconds: "\\d+" })));
  await expectNoBlockingViolations(page);

  // One wrong answer on purpose (the second), the rest right: the level is still passed.
  const count = await playToTheEnd(page, { wrongAt: [1], checkFocus: true, responses });
  const summary = page.getByTestId("quiz-summary");
  await expect(summary).toHaveAttribute("data-passed", "true");
  await expect(summary).toContainText(zh("quizui.summary.scored"));
  await expect(page.getByTestId("quiz-review")).toHaveCount(count);
  await expect(page.getByTestId("quiz-summary-correct")).toContainText(`${count - 1} / ${count}`);
  const score = Number(await page.getByTestId("quiz-summary-score").textContent());
  expect(score).toBeGreaterThan(0);
  await expectNoBlockingViolations(page);

  // The leaderboard has the worker, with their score, and says their rank.
  await page.getByTestId("quiz-summary-board").click();
  await expect(page).toHaveURL(/\/quiz\/leaderboard\?challenge=/);
  const place = page.getByTestId("quiz-my-place");
  await expect(place).toHaveAttribute("data-rank", /^\d+$/);
  const rank = Number(await place.getAttribute("data-rank"));
  const mine = page.locator('[data-testid="quiz-board-row"][aria-current="true"]');
  await expect(mine).toHaveAttribute("data-rank", String(rank));
  await expect(mine).toContainText(account.displayName);
  await expect(mine.getByTestId("quiz-board-score")).toHaveText(String(score));
  // Their trade's board for today has them too.
  await page.getByTestId("quiz-tab-mine").click();
  await expect(page.getByTestId("quiz-board-title")).toContainText("焊工");
  await page.getByTestId("quiz-tab-today").click();
  await expect(page.getByTestId("quiz-board-title")).toHaveText(zh("quizui.board.boardTitle", { scope: "焊工", period: zh("quizui.day.number", { day }) }));
  await expect(page.locator('[data-testid="quiz-board-row"][aria-current="true"]')).toContainText(account.displayName);
  await expectNoBlockingViolations(page);

  // Back on /quiz: level 1 passed with its score, level 2 open, and the trade is now fixed.
  await page.goto("/quiz");
  await expect(levelItem(page, day, 1)).toHaveAttribute("data-state", "passed");
  await expect(levelItem(page, day, 1).getByTestId("quiz-level-scored")).toContainText(String(score));
  await expect(levelItem(page, day, 2)).toHaveAttribute("data-state", "open");
  await expect(page.getByLabel(zh("quizui.trade.label"), { exact: true })).toHaveCount(0);
  await expect(page.getByText(zh("quizui.trade.locked"))).toBeVisible();
  await expect(page.getByTestId("quiz-entry-score")).toHaveText(String(score));
  await page.context().close();
});

test("a question whose time runs out shows its result by itself, and a second worker's finish moves the first one's leaderboard live", async ({ browser, consoleGuard }) => {
  test.setTimeout(240_000);
  const first = await newWorker(browser, consoleGuard);
  await chooseTrade(first.page, "electrician");
  const day = await startLevel(first.page, 1);
  await waitForHydration(first.page);
  // The first question is left alone: when the countdown reaches zero the page asks the server
  // again, which records it as expired, and the result appears (no click, no reload).
  const { known } = await shownQuestion(first.page);
  const verdict = first.page.getByTestId("quiz-verdict");
  await expect(verdict).toHaveText(containing(zh("quizui.result.expired")), { timeout: 60_000 });
  await expect(first.page.getByTestId("quiz-review")).toHaveAttribute("data-correct", "false");
  await expect(first.page.getByTestId("quiz-explanation")).toContainText(known.explanation);
  await first.page.getByRole("button", { name: zh("quizui.play.next"), exact: true }).click();
  // The rest wrong: the first worker ends on 0 points, below anyone who scores.
  const count = Number(await first.page.getByTestId("quiz-progress").getAttribute("data-count"));
  await playToTheEnd(first.page, { wrongAt: Array.from({ length: count }, (_, index) => index) });
  await expect(first.page.getByTestId("quiz-summary")).toHaveAttribute("data-passed", "false");
  await expect(first.page.getByTestId("quiz-summary-score")).toHaveText("0");

  // The first worker watches their trade's board for today.
  await first.page.goto(`/quiz/leaderboard?trade=electrician&day=${day}`);
  await waitForHydration(first.page);
  await expect(first.page.getByTestId("quiz-board-connection")).toHaveAttribute("data-state", "connected");
  await expect(first.page.getByTestId("quiz-board-connection")).toHaveText(zh("quizui.board.connected"));
  const players = Number(await first.page.getByTestId("quiz-board-players").getAttribute("data-count"));
  const rankBefore = Number(await first.page.getByTestId("quiz-my-place").getAttribute("data-rank"));
  await first.page.evaluate(() => ((window as unknown as { stayedOnPage: boolean }).stayedOnPage = true));

  // A second worker, in a browser of their own, plays the same trade's level 1, all right.
  const second = await newWorker(browser, consoleGuard);
  await chooseTrade(second.page, "electrician");
  await startLevel(second.page, 1);
  await playToTheEnd(second.page);
  await expect(second.page.getByTestId("quiz-summary")).toHaveAttribute("data-passed", "true");

  // The first worker's page follows: one more player, the second worker's row, their own rank one
  // lower, announced politely — all without a reload.
  await expect(first.page.getByTestId("quiz-board-players")).toHaveAttribute("data-count", String(players + 1));
  await expect(first.page.getByTestId("quiz-board").getByText(second.account.displayName)).toBeVisible();
  await expect(first.page.getByTestId("quiz-my-place")).toHaveAttribute("data-rank", String(rankBefore + 1));
  await expect(first.page.getByTestId("quiz-board-announce")).toHaveText(zh("quizui.board.rankChanged", { rank: rankBefore + 1 }));
  expect(await first.page.evaluate(() => (window as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(true);
  for (const page of [first.page, second.page]) await page.context().close();
});

test.describe("without JavaScript", () => {
  // The refused posts answer 400 (no trade chosen) and 409 (already answered, too late).
  test.use({ allowedConsoleErrors: httpErrorStatus(400, 409) });

  test("a level is a sequence of form posts: the server's deadline, and an answer sent twice is refused with its message", async ({ browser, consoleGuard }) => {
    test.setTimeout(240_000);
    const { page } = await newWorker(browser, consoleGuard, false);
    // No trade chosen: the form says so, and nothing can be started yet.
    await page.goto("/quiz");
    await page.getByRole("button", { name: zh("quizui.trade.submit"), exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText(zh("quiz.error.tradeRequired"));
    await expect(page.getByLabel(zh("quizui.trade.label"), { exact: true })).toHaveAttribute("aria-invalid", "true");
    await chooseTrade(page, "turner");
    await startLevel(page, 1);
    const url = page.url();
    // No script: the time limit and the deadline on the challenge's clock are plain text.
    const seconds = page.getByTestId("quiz-seconds-left");
    await expect(seconds).toHaveText(/\d+/);
    const limit = Number(await seconds.getAttribute("data-seconds"));
    await expect(seconds).toHaveText(zh("quizui.play.secondsLimit", { seconds: limit }));
    await expect(page.getByTestId("quiz-countdown")).toContainText(new RegExp(zh("quizui.play.deadline", { time: "\\d{2}:\\d{2}:\\d{2}" })));

    // The same question open in a second tab: the first answer counts, the second is refused.
    const other = await page.context().newPage();
    await other.goto(url);
    const { known } = await shownQuestion(page);
    await answer(page, known, true);
    await expectResult(page, known, true);
    const score = await page.getByTestId("quiz-score").textContent();
    await answer(other, known, false);
    await expect(other.getByRole("alert")).toHaveText(zh("quiz.error.alreadyAnswered"));
    // …and that tab now shows the recorded result, the score unchanged.
    await expectResult(other, known, true);
    await expect(other.getByTestId("quiz-score")).toHaveText(score!);
    await other.close();

    // The next question, answered after its deadline: refused, and counted as wrong.
    await page.getByRole("button", { name: zh("quizui.play.next"), exact: true }).click();
    await expect(page.getByTestId("quiz-progress")).toHaveAttribute("data-number", "2");
    const late = await shownQuestion(page);
    // Waiting out the question's whole window (the server's clock decides, not the page).
    await page.waitForTimeout((limit + 1) * 1000);
    await answer(page, late.known, true);
    await expect(page.getByRole("alert")).toHaveText(zh("quiz.error.tooLate"));
    await expect(page.getByTestId("quiz-review")).toHaveAttribute("data-correct", "false");
    await expect(page.getByTestId("quiz-verdict")).toContainText(zh("quizui.result.expired"));
    await expect(page.getByTestId("quiz-explanation")).toContainText(late.known.explanation);
    await expect(page.getByTestId("quiz-score")).toHaveText(score!);

    // The rest, right, to the summary.
    await page.getByRole("button", { name: zh("quizui.play.next"), exact: true }).click();
    await playToTheEnd(page);
    await expect(page.getByTestId("quiz-summary")).toBeVisible();
    await expect(page.getByTestId("quiz-review").nth(1)).toHaveAttribute("data-correct", "false");
    await page.getByTestId("quiz-back").click();
    // One of five wrong (the late one): still passed, and the next level is open.
    const day = await today(page);
    await expect(levelItem(page, day, 1)).toHaveAttribute("data-state", "passed");
    await expect(levelItem(page, day, 2)).toHaveAttribute("data-state", "open");
    await page.context().close();
  });
});

test.describe("visitors and certificates", () => {
  test.use({ allowedConsoleErrors: httpErrorStatus(404) });

  test("a visitor sees the challenge and a way to sign in (also in English); an unknown certificate cannot be verified; the profile lists badges", async ({ page, browser, consoleGuard, baseURL }) => {
    await page.goto("/quiz");
    await expect(page.getByTestId("quiz-challenge")).toBeVisible();
    await expect(page.getByTestId("quiz-sign-in")).toHaveAttribute("href", /\/login\?redirectTo=/);
    await expect(page.getByLabel(zh("quizui.trade.label"), { exact: true })).toHaveCount(0);
    await expectNoBlockingViolations(page);
    await page.context().addCookies([{ name: "jx_locale", value: "en", url: baseURL! }]);
    await page.goto("/quiz");
    await expect(page.getByRole("heading", { level: 1, name: en("quizui.title") })).toBeVisible();
    await expect(page.getByTestId("quiz-sign-in")).toHaveText(en("quizui.visitor.signIn"));
    await page.context().clearCookies();
    await page.goto("/quiz/leaderboard");
    await expect(page.getByRole("heading", { level: 1, name: zh("quizui.board.title") })).toBeVisible();
    await expect(page.getByRole("link", { name: zh("quizui.board.signIn") })).toBeVisible();

    await page.goto("/quiz/certificates/0123456789abcdef");
    await expect(page.getByRole("heading", { level: 1, name: zh("quizui.certificate.unknownTitle") })).toBeVisible();

    const worker = await newWorker(browser, consoleGuard);
    await worker.page.goto("/me");
    await expect(worker.page.getByTestId("quiz-badges")).toContainText(zh("quizui.badges.none"));
    await expectNoBlockingViolations(worker.page);
    await worker.page.context().close();
  });
});
