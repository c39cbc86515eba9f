// Trades (工种): the taxonomy every section links to.
import type { PrismaClient } from "../db/client.ts";

export function createTradeService(deps: { prisma: PrismaClient }) {
  const { prisma } = deps;
  return {
    /** Every category with its trades, in catalogue order. */
    listByCategory() {
      return prisma.tradeCategory.findMany({
        orderBy: { position: "asc" },
        include: { trades: { orderBy: { position: "asc" }, select: { code: true, nameZh: true, nameEn: true } } },
      });
    },

    /** Trades for a select box, in catalogue order. */
    options() {
      return prisma.trade.findMany({
        orderBy: [{ category: { position: "asc" } }, { position: "asc" }],
        select: { code: true, nameZh: true, nameEn: true },
      });
    },
  };
}

export type TradeService = ReturnType<typeof createTradeService>;
