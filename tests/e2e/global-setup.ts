// Starts one production server for the whole run and hands its URL to the workers through the
// environment (Playwright copies env set here into every worker); the returned function stops it.
import type { FullConfig } from "@playwright/test";
import { startServer } from "./support/server.ts";

export const BASE_URL_ENV = "JIANGXIN_E2E_BASE_URL";

export default async function globalSetup(_config: FullConfig) {
  const server = await startServer({ name: "jiangxin" });
  process.env[BASE_URL_ENV] = server.url;
  return async () => {
    await server.stop();
  };
}
