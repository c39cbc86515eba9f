// Figures for the home page: what the community holds today.
import type { PrismaClient } from "../db/client.ts";

export function createStatsService(deps: { prisma: PrismaClient }) {
  const { prisma } = deps;
  return {
    async overview() {
      const [trades, categories, members, craftsmen] = await Promise.all([
        prisma.trade.count(),
        prisma.tradeCategory.count(),
        prisma.user.count(),
        prisma.user.count({ where: { role: "CRAFTSMAN" } }),
      ]);
      return { trades, categories, members, craftsmen };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
