// Shared fixtures and helpers of the end-to-end suite: the server's URL, a console guard that fails
// a test on unexpected browser errors, helpers to sign in and to register fresh users, and the
// accessibility check every spec runs.
import { randomBytes, randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { en as enMessages } from "../../app/i18n/messages/en.ts";
import { zhCN, type MessageKey } from "../../app/i18n/messages/zh-CN.ts";
import { DEMO_ACCOUNTS } from "../../prisma/seed/demo-users.ts";
import { BASE_URL_ENV } from "./global-setup.ts";

export { expect };

type Params = Record<string, string | number>;
const format = (message: string, params?: Params) =>
  params ? message.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : message;

/** The text users see in Chinese (the default language), from the app's own message file. */
export const zh = (key: MessageKey, params?: Params) => format(zhCN[key], params);
/** The English text of a message. */
export const en = (key: MessageKey, params?: Params) => format(enMessages[key], params);
/** A pattern that finds `text` anywhere, taken literally. */
export const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

const demo = (role: "ADMIN" | "CRAFTSMAN" | "EMPLOYER" | "WORKER") => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo ${role}`);
  return account;
};
/** The seeded demo accounts (SEED_DEMO_DATA=true). */
export const ADMIN = demo("ADMIN");
export const CRAFTSMAN = demo("CRAFTSMAN");
export const EMPLOYER = demo("EMPLOYER");
export const WORKER = demo("WORKER");

export interface TestAccount {
  phone: string;
  password: string;
  displayName: string;
}

/** A new, unique account (not yet registered): a 15x phone number nobody else in the run uses. */
export function newAccount(overrides: Partial<TestAccount> = {}): TestAccount {
  const phone = `15${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
  return {
    phone,
    password: `Jx-e2e-${randomBytes(6).toString("hex")}`,
    displayName: `测试工人${phone.slice(-6)}`,
    ...overrides,
  };
}

const banner = (page: Page) => page.getByRole("banner");

/** Registers `account` through the sign-up form (in zh-CN) and waits for the profile page. */
export async function registerUser(page: Page, account: TestAccount = newAccount()): Promise<TestAccount> {
  await page.goto("/register");
  await page.getByLabel(zh("field.account")).fill(account.phone);
  await page.getByLabel(zh("field.displayName")).fill(account.displayName);
  await page.getByLabel(zh("field.password")).fill(account.password);
  await page.getByRole("button", { name: zh("register.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(banner(page).getByRole("button", { name: zh("nav.logout") })).toBeVisible();
  return account;
}

/** Signs in through the login form (in zh-CN); `redirectTo` is where the form should send us back. */
export async function login(page: Page, account: string, password: string, options: { redirectTo?: string } = {}) {
  await page.goto(options.redirectTo ? `/login?redirectTo=${encodeURIComponent(options.redirectTo)}` : "/login");
  await submitLogin(page, account, password);
  await expect(banner(page).getByRole("button", { name: zh("nav.logout") })).toBeVisible();
}

/**
 * Fills and submits the login form that is already on the page, and waits for the server's answer
 * (so that the next step never sees the message of an earlier attempt).
 */
export async function submitLogin(page: Page, account: string, password: string) {
  await page.getByLabel(zh("field.account")).fill(account);
  await page.getByLabel(zh("field.password")).fill(password);
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/login"),
  );
  await page.getByRole("button", { name: zh("login.submit"), exact: true }).click();
  await answered;
}

/**
 * Waits until React Router's client has started and React has taken over the document, so that
 * links and forms are handled in the page (not by a full document request).
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(
    () => "__reactRouterDataRouter" in window && Object.keys(document).some((key) => key.startsWith("__reactContainer$")),
  );
}

/**
 * The console error Chromium logs for a response with one of these statuses: for tests that open
 * an error page on purpose, e.g. `test.use({ allowedConsoleErrors: httpErrorStatus(401, 403) })`.
 */
export const httpErrorStatus = (...statuses: number[]) =>
  new RegExp(`^console\\.error: Failed to load resource: the server responded with a status of (${statuses.join("|")}) `);

export interface ConsoleGuard {
  /** Watches another context (one the test created itself) as well. */
  watch(context: BrowserContext): void;
  /** What was reported so far, allowed or not. */
  readonly messages: readonly string[];
}

interface Fixtures {
  /**
   * Console errors that do not fail the test, matched against "console.error: text (url)". One
   * pattern (an array would read as Playwright's [value, options] fixture tuple). Set with test.use().
   */
  allowedConsoleErrors: RegExp | undefined;
  consoleGuard: ConsoleGuard;
}

export const test = base.extend<Fixtures>({
  // The server started by global-setup.ts listens on a port chosen at run time.
  baseURL: async ({}, use) => {
    const url = process.env[BASE_URL_ENV];
    if (!url) throw new Error(`${BASE_URL_ENV} is not set: run the suite through playwright.config.ts (globalSetup)`);
    await use(url);
  },

  allowedConsoleErrors: [undefined, { option: true }],

  // Fails a test whose pages logged an error to the console or threw an uncaught exception.
  consoleGuard: [
    async ({ context, allowedConsoleErrors }, use) => {
      const messages: string[] = [];
      const watched = new Set<BrowserContext>();
      const watch = (target: BrowserContext) => {
        if (watched.has(target)) return;
        watched.add(target);
        target.on("console", (message) => {
          if (message.type() !== "error") return;
          const { url } = message.location();
          messages.push(`console.error: ${message.text()}${url ? ` (${url})` : ""}`);
        });
        target.on("weberror", (error) => messages.push(`pageerror: ${error.error().stack ?? error.error().message}`));
      };
      watch(context);
      await use({ watch, messages });
      const unexpected = messages.filter((message) => !allowedConsoleErrors?.test(message));
      expect(unexpected, `unexpected browser console errors:\n${unexpected.join("\n")}`).toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * axe's default rule set (WCAG 2.x A/AA and best practices, without its experimental rules) on the
 * page, or on the part `include` selects: no serious or critical violation, each reported with
 * where it is and how to fix it.
 */
export async function expectNoBlockingViolations(page: Page, options: { include?: string } = {}) {
  const builder = new AxeBuilder({ page });
  const results = await (options.include ? builder.include(options.include) : builder).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const report = blocking
    .map(
      (violation) =>
        `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
        violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\n/g, " ")}`).join("\n"),
    )
    .join("\n");
  expect(blocking.length, `axe found serious or critical violations on ${page.url()}:\n${report}`).toBe(0);
}
