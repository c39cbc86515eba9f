// End-to-end tests: a real Chromium against the production build (see tests/e2e/global-setup.ts,
// which starts the server on a free port with a fresh database).
import fs from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's Chromium where it exists (never `npx playwright install` on these machines);
// CHROMIUM_PATH overrides it, and elsewhere Playwright's own browser is used.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = fs.existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  globalSetup: "./tests/e2e/global-setup.ts",
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  // The machines have two cores shared with the server under test: generous, but bounded.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    // The app is mobile-first, and zh-CN is its default language (headless Chromium would send en-US).
    viewport: { width: 390, height: 844 },
    locale: "zh-CN",
    navigationTimeout: 30_000,
    actionTimeout: 15_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            // Lesson videos start when asked by the page, as after a tap on a phone.
            "--autoplay-policy=no-user-gesture-required",
          ],
        },
      },
    },
  ],
});
