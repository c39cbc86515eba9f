// Services as server/main.ts builds them, with test configuration and a clock the test controls.
import os from "node:os";
import path from "node:path";
import type { Clock } from "../../server/clock.ts";
import { createServices, type Services } from "../../server/context.ts";
import type { Database } from "../../server/db/client.ts";
import type { AuthRateLimitConfig } from "../../server/security/rate-limits.ts";
import type { SearchEngine } from "../../search/index.ts";

export const TEST_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const TEST_AUTH_RATE_LIMIT: AuthRateLimitConfig = { points: 10, windowSeconds: 900 };

export interface TestClock extends Clock {
  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void;
  set(date: Date): void;
}

/** A clock that stands still until told to move. */
export function testClock(start: Date = new Date("2026-03-02T08:00:00.000Z")): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(date) {
      current = date.getTime();
    },
  };
}

export function createTestServices(
  db: Database,
  options: { clock?: Clock; authRateLimit?: AuthRateLimitConfig; sessionTtlMs?: number; searchEngine?: SearchEngine } = {},
): Services {
  return createServices({
    db,
    clock: options.clock,
    searchEngine: options.searchEngine,
    config: {
      // Media never lands in the working tree; tests about media pass their own (tests/support/media.ts).
      dataDir: path.join(os.tmpdir(), `jiangxin-test-${process.pid}`),
      sessionTtlMs: options.sessionTtlMs ?? TEST_SESSION_TTL_MS,
      authRateLimit: options.authRateLimit ?? TEST_AUTH_RATE_LIMIT,
    },
  });
}
