// The live Q&A panel on a session's page, from the viewers' and the host's side. The Q&A is open
// while a session is scheduled, so every session here is one a craftsman schedules through the form
// (no video needed). With JavaScript: two workers and the host in three browser contexts see each
// other's questions, votes, answers and pins arrive over the socket without a reload, and a worker
// whose socket dropped catches up when it reconnects. Without JavaScript: asking (with its
// refusals), voting, deleting one's own question, hiding, muting and pre-moderation all work as
// plain forms. And the panel has no serious accessibility violations for a worker or for the host.
// Other specs share the server: every session and question here has a text of its own.
import { randomBytes } from "node:crypto";
import type { Browser, Page, WebSocketRoute } from "@playwright/test";
import { type ConsoleGuard, CRAFTSMAN, expect, expectNoBlockingViolations, login, newAccount, registerUser, test, waitForHydration, WORKER, zh } from "./fixtures.ts";

const HOUR = 60 * 60 * 1000;
const unique = (prefix: string) => `${prefix}${randomBytes(4).toString("hex")}`;
/** A datetime-local value `fromNowMs` from now, in China time (how the schedule form reads it). */
const chinaInput = (fromNowMs: number) => new Date(Date.now() + fromNowMs + 8 * HOUR).toISOString().slice(0, 16);

/** Schedules a session through the studio form (signed in as a host); returns its id. */
async function scheduleSession(page: Page, title: string): Promise<string> {
  await page.goto("/live/studio/new");
  await page.getByLabel(zh("live.field.title")).fill(title);
  await page.getByLabel(zh("live.field.description")).fill("现场答疑，欢迎提问。");
  await page.getByLabel(zh("live.field.trade")).selectOption("welder");
  await page.getByLabel(zh("live.field.startsAt")).fill(chinaInput(2 * HOUR));
  await page.getByRole("button", { name: zh("live.new.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/live\/studio\/[a-z0-9]+\?created=1$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** A page of its own in a new context (JavaScript on unless said), watched by the console guard. */
async function newPage(browser: Browser, consoleGuard: ConsoleGuard, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  consoleGuard.watch(context);
  return context.newPage();
}

async function signedIn(browser: Browser, consoleGuard: ConsoleGuard, account: { phone: string; password: string }, javaScriptEnabled = true) {
  const page = await newPage(browser, consoleGuard, javaScriptEnabled);
  await login(page, account.phone, account.password);
  return page;
}

/** A freshly registered worker (demo workers are shared with other specs, and asking is rate-limited per user). */
async function newWorker(browser: Browser, consoleGuard: ConsoleGuard, javaScriptEnabled = true) {
  const page = await newPage(browser, consoleGuard, javaScriptEnabled);
  const account = await registerUser(page, newAccount());
  return { page, account };
}

const panel = (page: Page) => page.getByTestId("qa-panel");
const questions = (page: Page) => panel(page).getByTestId("qa-question");
const question = (page: Page, text: string) => questions(page).filter({ hasText: text });

/** Opens the session's page; with JavaScript, waits until the panel follows the room. */
async function openLive(page: Page, sessionId: string, options: { live: boolean }) {
  await page.goto(`/live/${sessionId}`);
  await expect(panel(page).getByRole("heading", { level: 2, name: zh("qa.title") })).toBeVisible();
  if (!options.live) return;
  await waitForHydration(page);
  await expect(panel(page).getByTestId("qa-connection")).toHaveAttribute("data-state", "connected");
}

async function ask(page: Page, text: string, options: { anonymous?: boolean } = {}) {
  const form = panel(page).getByTestId("qa-ask");
  await form.getByLabel(zh("qa.ask.label")).fill(text);
  if (options.anonymous) await form.getByLabel(zh("qa.ask.anonymous")).check();
  await form.getByRole("button", { name: zh("qa.ask.submit"), exact: true }).click();
}

test("two workers and the host follow the Q&A live: ask, vote, answer, pin", async ({ browser, consoleGuard }) => {
  test.setTimeout(180_000);
  const host = await signedIn(browser, consoleGuard, CRAFTSMAN);
  const sessionId = await scheduleSession(host, unique("焊接答疑直播"));
  const first = await newWorker(browser, consoleGuard);
  const second = await newWorker(browser, consoleGuard);
  await openLive(first.page, sessionId, { live: true });
  await openLive(second.page, sessionId, { live: true });
  await openLive(host, sessionId, { live: true });
  const urls = [first.page, second.page, host].map((page) => page.url());

  // Refusals come back next to the form, without a reload: an empty question, then (after one
  // accepted) a second one too soon, said by the server in the page's language, the text kept.
  const firstForm = panel(first.page).getByTestId("qa-ask");
  await firstForm.getByRole("button", { name: zh("qa.ask.submit"), exact: true }).click();
  await expect(firstForm.getByTestId("qa-ask-error")).toHaveText(zh("qa.error.textRequired"));
  const asked = unique("仰焊时电流调多大合适？");
  await ask(first.page, asked);
  await expect(firstForm.getByTestId("qa-ask-done")).toHaveText(zh("qa.done.asked"));
  await expect(firstForm.getByLabel(zh("qa.ask.label"))).toHaveValue("");
  await expect(firstForm.getByTestId("qa-ask-error")).toHaveCount(0);
  await expect(question(first.page, asked)).toContainText(zh("qa.mine"));
  const tooSoon = unique("再问一个：");
  await ask(first.page, tooSoon);
  await expect(firstForm.getByTestId("qa-ask-error")).toHaveText(zh("qa.error.askTooFast"));
  await expect(firstForm.getByLabel(zh("qa.ask.label"))).toHaveValue(tooSoon);
  await expect(questions(first.page).filter({ hasText: tooSoon })).toHaveCount(0);

  // The other worker sees it arrive (announced politely), with its author, and votes for it.
  const seen = question(second.page, asked);
  await expect(seen).toBeVisible();
  await expect(seen.getByTestId("qa-author")).toHaveText(first.account.displayName);
  await expect(panel(second.page).getByTestId("qa-announce")).toHaveText(zh("qa.live.newQuestions", { count: 1 }));
  const vote = seen.getByRole("button", { name: zh("qa.vote"), exact: true });
  await expect(vote).toHaveAttribute("aria-pressed", "false");
  await vote.click();
  await expect(vote).toHaveAttribute("aria-pressed", "true");
  await expect(vote).toBeFocused();
  await expect(seen.getByTestId("qa-votes")).toHaveText(zh("qa.votes", { count: 1 }));
  // …and the asker's page counts it, without a reload.
  await expect(question(first.page, asked).getByTestId("qa-votes")).toHaveText(zh("qa.votes", { count: 1 }));
  // The three pages are in the room.
  await expect(panel(first.page).getByTestId("qa-viewers")).toHaveText(zh("qa.live.viewers", { count: 3 }));

  // The host answers it with a short text; both workers see it answered, with the answer.
  const answer = "电流先调到 90 A 左右，再按熔池看。";
  const hosted = question(host, asked);
  await hosted.getByLabel(zh("qa.mod.answerText")).fill(answer);
  await hosted.getByRole("button", { name: zh("qa.mod.answer"), exact: true }).click();
  for (const page of [first.page, second.page, host]) {
    const item = question(page, asked);
    await expect(item.getByTestId("qa-status")).toHaveText(zh("qa.status.ANSWERED"));
    await expect(item.getByTestId("qa-answer")).toContainText(answer);
  }

  // The second worker asks another (anonymously); the host pins it and it leads everyone's list.
  const pinned = unique("预热温度怎么定？");
  await ask(second.page, pinned, { anonymous: true });
  await expect(question(first.page, pinned).getByTestId("qa-author")).toHaveText(zh("qa.anonymous"));
  await expect(question(host, pinned)).toBeVisible();
  // Sorted by votes: the one with a vote comes first until the pin.
  await expect(questions(first.page).first()).toContainText(asked);
  await question(host, pinned).getByRole("button", { name: zh("qa.mod.pin"), exact: true }).click();
  for (const page of [first.page, second.page, host]) {
    await expect(questions(page).first()).toContainText(pinned);
    await expect(questions(page).first()).toHaveAttribute("data-pinned", "true");
    await expect(questions(page).first()).toContainText(zh("qa.pinned"));
  }
  // The host's focus stayed on the button, which moved to the top with its question.
  await expect(question(host, pinned).getByRole("button", { name: zh("qa.mod.unpin"), exact: true })).toBeFocused();

  // All of it over the socket: no page was reloaded or navigated.
  expect([first.page, second.page, host].map((page) => page.url())).toEqual(urls);
  for (const page of [first.page, second.page, host]) await page.context().close();
});

test("a worker whose connection dropped catches up on reconnecting: the questions asked meanwhile once each, and changes to older ones", async ({ browser, consoleGuard }) => {
  test.setTimeout(120_000);
  const host = await signedIn(browser, consoleGuard, CRAFTSMAN);
  const sessionId = await scheduleSession(host, unique("焊接答疑直播"));
  const worker = await newWorker(browser, consoleGuard);
  const other = await newWorker(browser, consoleGuard);
  // Only the worker's Q&A socket is cut (the page's other requests go on): while `down`, the
  // connection is closed and every new attempt refused.
  let down = false;
  const connections: WebSocketRoute[] = [];
  await worker.page.routeWebSocket(/\/socket\.io\//, (socket) => {
    if (down) return void socket.close();
    socket.connectToServer();
    connections.push(socket);
  });
  await openLive(host, sessionId, { live: true });
  await openLive(worker.page, sessionId, { live: true });
  await openLive(other.page, sessionId, { live: true });
  const before = unique("氩弧焊气流量多少？");
  await ask(host, before);
  await expect(question(worker.page, before)).toBeVisible();

  down = true;
  for (const socket of connections.splice(0)) await socket.close();
  const status = panel(worker.page).getByTestId("qa-connection");
  await expect(status).toHaveAttribute("data-state", "reconnecting");
  await expect(status).toHaveText(zh("qa.live.reconnecting"));
  // Meanwhile: a new question, and the older one answered.
  const meanwhile = unique("钨极怎么磨？");
  await ask(other.page, meanwhile);
  await expect(question(host, meanwhile)).toBeVisible();
  await question(host, before).getByRole("button", { name: zh("qa.mod.answer"), exact: true }).click();
  await expect(question(host, before).getByTestId("qa-status")).toHaveText(zh("qa.status.ANSWERED"));
  await expect(question(worker.page, meanwhile)).toHaveCount(0);

  down = false;
  await expect(status).toHaveAttribute("data-state", "connected", { timeout: 30_000 });
  await expect(status).toHaveText(zh("qa.live.connected"));
  await expect(question(worker.page, meanwhile)).toHaveCount(1);
  await expect(question(worker.page, before).getByTestId("qa-status")).toHaveText(zh("qa.status.ANSWERED"));
  await expect(questions(worker.page)).toHaveCount(2);
  for (const page of [host, worker.page, other.page]) await page.context().close();
});

test("without JavaScript: ask with refusals, vote, delete, hide, mute, and pre-moderation", async ({ browser, consoleGuard }) => {
  test.setTimeout(240_000);
  const host = await signedIn(browser, consoleGuard, CRAFTSMAN, false);
  const sessionId = await scheduleSession(host, unique("锅炉答疑直播"));
  const worker = await signedIn(browser, consoleGuard, WORKER, false);
  const other = await newWorker(browser, consoleGuard, false);
  await openLive(worker, sessionId, { live: false });
  await expect(panel(worker).getByTestId("qa-empty")).toHaveText(zh("qa.emptyOpen"));

  // A visitor sees the panel and a way to sign in that comes back to it.
  const visitor = await newPage(browser, consoleGuard, false);
  await openLive(visitor, sessionId, { live: false });
  await expect(panel(visitor).getByTestId("qa-login").getByRole("link", { name: zh("qa.ask.login") })).toHaveAttribute(
    "href",
    `/login?redirectTo=${encodeURIComponent(`/live/${sessionId}#qa`)}`,
  );
  await expect(panel(visitor).getByTestId("qa-ask")).toHaveCount(0);

  // Refused: nothing written, then too long (the text comes back to be shortened).
  const form = panel(worker).getByTestId("qa-ask");
  await ask(worker, "   ");
  await expect(form.getByTestId("qa-ask-error")).toHaveText(zh("qa.error.textRequired"));
  await expect(worker).toHaveURL(new RegExp(`/live/${sessionId}\\?.*qaError=qa\\.error\\.textRequired.*#qa-ask$`));
  const long = "焊".repeat(301);
  await ask(worker, long, { anonymous: true });
  await expect(form.getByTestId("qa-ask-error")).toHaveText(zh("qa.error.textTooLong"));
  await expect(form.getByLabel(zh("qa.ask.label"))).toHaveValue(long);
  await expect(form.getByLabel(zh("qa.ask.anonymous"))).toBeChecked();
  await expect(form.getByLabel(zh("qa.ask.label"))).toHaveAttribute("aria-invalid", "true");
  await expect(questions(worker)).toHaveCount(0);

  // Another worker's question first, then the worker's own.
  const othersQuestion = unique("水位计怎么冲洗？");
  await openLive(other.page, sessionId, { live: false });
  await ask(other.page, othersQuestion);
  await expect(panel(other.page).getByTestId("qa-ask-done")).toHaveText(zh("qa.done.asked"));
  const mine = unique("排污阀多久开一次？");
  await ask(worker, mine);
  await expect(panel(worker).getByTestId("qa-ask-done")).toHaveText(zh("qa.done.asked"));
  await expect(worker).toHaveURL(/#qa-q-\d+$/);
  await expect(questions(worker)).toHaveCount(2);
  await expect(question(worker, mine)).toContainText(zh("qa.mine"));

  // Voting and taking the vote back; the other question's count follows.
  const theirs = question(worker, othersQuestion);
  await theirs.getByRole("button", { name: zh("qa.vote"), exact: true }).click();
  await expect(theirs.getByRole("button", { name: zh("qa.vote"), exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(theirs.getByTestId("qa-votes")).toHaveText(zh("qa.votes", { count: 1 }));
  await expect(questions(worker).first()).toContainText(othersQuestion);
  await theirs.getByRole("button", { name: zh("qa.vote"), exact: true }).click();
  await expect(theirs.getByRole("button", { name: zh("qa.vote"), exact: true })).toHaveAttribute("aria-pressed", "false");
  await expect(theirs.getByTestId("qa-votes")).toHaveText(zh("qa.votes", { count: 0 }));
  // Newest first, by a link.
  await panel(worker).getByTestId("qa-sort").getByRole("link", { name: zh("qa.sort.newest") }).click();
  await expect(worker).toHaveURL(new RegExp(`/live/${sessionId}\\?qa=newest#qa$`));
  await expect(panel(worker).getByTestId("qa-sort").getByRole("link", { name: zh("qa.sort.newest") })).toHaveAttribute("aria-current", "true");
  await expect(questions(worker).first()).toContainText(mine);
  // Only one's own question can be deleted; then it is gone.
  await expect(theirs.getByRole("button", { name: zh("qa.delete") })).toHaveCount(0);
  await question(worker, mine).getByRole("button", { name: zh("qa.delete"), exact: true }).click();
  await expect(question(worker, mine)).toHaveCount(0);
  await expect(worker).toHaveURL(/\?qa=newest#qa-list-title$/);

  // The host hides the other worker's question: the worker no longer sees it, the host sees it greyed.
  await openLive(host, sessionId, { live: false });
  const hidden = question(host, othersQuestion);
  await hidden.getByRole("button", { name: zh("qa.mod.hide"), exact: true }).click();
  await expect(hidden).toHaveAttribute("data-hidden", "true");
  await expect(hidden).toContainText(zh("qa.hidden"));
  await expect(hidden.getByRole("button", { name: zh("qa.mod.restore"), exact: true })).toBeVisible();
  await worker.reload();
  await expect(question(worker, othersQuestion)).toHaveCount(0);
  await expect(panel(worker).getByTestId("qa-empty")).toBeVisible();
  await hidden.getByRole("button", { name: zh("qa.mod.restore"), exact: true }).click();
  await expect(hidden).toHaveAttribute("data-hidden", "false");

  // The host mutes its asker: they are told why they cannot ask; undone, they can again.
  await hidden.getByRole("button", { name: zh("qa.mod.mute"), exact: true }).click();
  await expect(panel(host).getByTestId("qa-muted")).toContainText(zh("qa.done.muted"));
  await other.page.reload();
  await expect(panel(other.page).getByTestId("qa-muted-note")).toHaveText(zh("qa.error.muted"));
  await expect(panel(other.page).getByTestId("qa-ask")).toHaveCount(0);
  await expect(question(other.page, othersQuestion).getByRole("button", { name: zh("qa.vote") })).toHaveCount(0);
  await panel(host).getByTestId("qa-muted").getByRole("button", { name: zh("qa.mod.unmute"), exact: true }).click();
  await expect(panel(host).getByText(zh("qa.done.unmuted"))).toBeVisible();
  await other.page.reload();
  await expect(panel(other.page).getByTestId("qa-ask")).toBeVisible();
  // A mute can also be taken back later, from the list of everyone muted in the session.
  await hidden.getByRole("button", { name: zh("qa.mod.mute"), exact: true }).click();
  await expect(panel(host).getByTestId("qa-muted")).toContainText(zh("qa.done.muted"));
  await openLive(host, sessionId, { live: false });
  const mutedList = panel(host).getByTestId("qa-muted-list");
  await expect(mutedList.getByRole("listitem")).toHaveCount(1);
  await mutedList.getByRole("button", { name: zh("qa.mod.unmuteUser", { name: other.account.displayName }), exact: true }).click();
  await expect(panel(host).getByText(zh("qa.done.unmuted"))).toBeVisible();
  await expect(panel(host).getByTestId("qa-muted-list")).toHaveCount(0);
  await other.page.reload();
  await expect(panel(other.page).getByTestId("qa-ask")).toBeVisible();

  // Pre-moderation: a new question is seen by its author (waiting) and the host, not by others, until approved.
  await panel(host).getByRole("button", { name: zh("qa.mod.premoderate.on"), exact: true }).click();
  await expect(panel(host).getByTestId("qa-premoderation-state")).toHaveText(zh("qa.mod.premoderation.on"));
  const third = await newWorker(browser, consoleGuard, false);
  await openLive(third.page, sessionId, { live: false });
  await expect(panel(third.page).getByTestId("qa-ask")).toContainText(zh("qa.ask.premoderated"));
  const waiting = unique("安全阀怎么校验？");
  await ask(third.page, waiting);
  await expect(panel(third.page).getByTestId("qa-ask-done")).toHaveText(zh("qa.done.pending"));
  await expect(question(third.page, waiting)).toContainText(zh("qa.pending"));
  await expect(question(third.page, waiting)).toContainText(zh("qa.pendingNote"));
  await worker.reload();
  await expect(question(worker, waiting)).toHaveCount(0);
  await host.reload();
  const pending = question(host, waiting);
  await expect(pending).toHaveAttribute("data-approved", "false");
  await pending.getByRole("button", { name: zh("qa.mod.approve"), exact: true }).click();
  await expect(pending).toHaveAttribute("data-approved", "true");
  await worker.reload();
  await expect(question(worker, waiting)).toBeVisible();
  await expect(question(worker, waiting)).not.toContainText(zh("qa.pending"));

  for (const page of [host, worker, other.page, third.page, visitor]) await page.context().close();
});

test("the Q&A panel has no serious accessibility violations, for a worker and for the host", async ({ browser, consoleGuard }) => {
  test.setTimeout(120_000);
  const host = await signedIn(browser, consoleGuard, CRAFTSMAN);
  const sessionId = await scheduleSession(host, unique("焊接答疑直播"));
  const worker = await newWorker(browser, consoleGuard);
  await openLive(worker.page, sessionId, { live: true });
  await ask(worker.page, unique("焊条要不要烘干？"));
  await expect(questions(worker.page)).toHaveCount(1);
  await expectNoBlockingViolations(worker.page, { include: '[data-testid="qa-panel"]' });

  // The host's view: the tools, a hidden question and a pinned one.
  await openLive(host, sessionId, { live: true });
  const other = await newWorker(browser, consoleGuard);
  await openLive(other.page, sessionId, { live: true });
  await ask(other.page, unique("坡口角度多少？"));
  await expect(questions(host)).toHaveCount(2);
  await questions(host).nth(0).getByRole("button", { name: zh("qa.mod.pin"), exact: true }).click();
  await expect(questions(host).nth(0)).toHaveAttribute("data-pinned", "true");
  await questions(host).nth(1).getByRole("button", { name: zh("qa.mod.hide"), exact: true }).click();
  await expect(questions(host).nth(1)).toHaveAttribute("data-hidden", "true");
  await expectNoBlockingViolations(host, { include: '[data-testid="qa-panel"]' });
  for (const page of [host, worker.page, other.page]) await page.context().close();
});
