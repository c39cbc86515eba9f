// Mappers from domain rows to search documents. Each content section adds its own here (course,
// book, job, livestream) and owns the rule of what is searchable; trades are always searchable.
// Plain input types, not Prisma models: search/ stays a library the database layer calls into.
import type { SearchDocument } from "./types.ts";

export interface TradeForSearch {
  code: string;
  nameZh: string;
  nameEn: string;
  category?: { nameZh: string; nameEn: string };
}

/** A trade result leads to everything in that trade. */
export function tradeToSearchDocument(trade: TradeForSearch): SearchDocument {
  const doc: SearchDocument = {
    id: `trade-${trade.code}`,
    type: "trade",
    title: trade.nameZh,
    tradeCode: trade.code,
    tradeName: { zh: trade.nameZh, en: trade.nameEn },
    url: `/search?trade=${encodeURIComponent(trade.code)}`,
  };
  if (trade.category) doc.body = `${trade.category.nameZh} ${trade.category.nameEn}`;
  return doc;
}
