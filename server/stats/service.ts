// Figures for the home page: what the community holds today. Recounted at most once a minute:
// the home page is the busiest page and the figures need not be exact to the second.
import { cached } from "../cache.ts";
import type { Clock } from "../clock.ts";
import type { PrismaClient } from "../db/client.ts";

const RECOUNT_MS = 60 * 1000;

export function createStatsService(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;
  const overview = cached(
    async () => {
      const [trades, categories, members, craftsmen, courses] = await Promise.all([
        prisma.trade.count(),
        prisma.tradeCategory.count(),
        prisma.user.count(),
        prisma.user.count({ where: { role: "CRAFTSMAN" } }),
        prisma.course.count({ where: { status: "PUBLISHED" } }),
      ]);
      return { trades, categories, members, craftsmen, courses };
    },
    { ttlMs: RECOUNT_MS, clock },
  );
  return {
    overview: () => overview.get(),
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
