// The composition root: builds every service once from configuration. server/main.ts and the
// tests call it; routes reach the services through getLoadContext, sockets through attachRealtime.
import { createAccountService } from "./accounts/service.ts";
import { createSessionService } from "./auth/sessions.ts";
import { systemClock, type Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { createHealthService } from "./health/service.ts";
import { createRateLimits } from "./security/rate-limits.ts";
import { createStatsService } from "./stats/service.ts";
import { createTradeService } from "./trades/service.ts";

export type ServiceConfig = Pick<Config, "sessionTtlMs" | "authRateLimit">;

export function createServices(deps: { db: Database; config: ServiceConfig; clock?: Clock }) {
  const { db, config } = deps;
  const clock = deps.clock ?? systemClock;
  const prisma = db.prisma;
  const sessions = createSessionService({ prisma, clock, ttlMs: config.sessionTtlMs });
  const rateLimits = createRateLimits(config.authRateLimit);
  return {
    accounts: createAccountService({ prisma, clock, sessions, rateLimits }),
    sessions,
    trades: createTradeService({ prisma, clock }),
    stats: createStatsService({ prisma, clock }),
    health: createHealthService({ raw: db.raw, startedAt: clock.now() }),
  };
}

export type Services = ReturnType<typeof createServices>;
