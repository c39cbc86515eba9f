// Trades (工种): the taxonomy every section links to. It changes only when prisma/seed/trades.ts
// does (synced at start), so it is read once and kept; `invalidate` is for code that edits it.
import { cached } from "../cache.ts";
import type { Clock } from "../clock.ts";
import type { PrismaClient } from "../db/client.ts";

const KEEP_MS = 10 * 60 * 1000;

export function createTradeService(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;

  const byCategory = cached(
    () =>
      prisma.tradeCategory.findMany({
        orderBy: { position: "asc" },
        include: { trades: { orderBy: { position: "asc" }, select: { code: true, nameZh: true, nameEn: true } } },
      }),
    { ttlMs: KEEP_MS, clock },
  );

  return {
    /** Every category with its trades, in catalogue order. */
    listByCategory: () => byCategory.get(),

    /** Trades for a select box, in catalogue order. */
    async options() {
      return (await byCategory.get()).flatMap((category) => category.trades);
    },

    invalidate: () => byCategory.invalidate(),
  };
}

export type TradeService = ReturnType<typeof createTradeService>;
