// Search for people: one query over every section, with notices instead of errors for odd input.
import { DOC_TYPES, MAX_QUERY_CHARS, type DocType, type SearchEngine, type SearchHit, type SearchResult } from "../../search/index.ts";
import type { TradeService } from "../trades/service.ts";
import { SEARCH_PER_PAGE, SUGGEST_LIMIT, ZSearchParamsSchema, type SearchNotice } from "./schema.ts";
import type { OutboxLag, SearchSync } from "./sync.ts";

/** Shown when nothing matched: searches people make most, until query logs can rank them. */
export const POPULAR_SEARCHES = ["焊工", "电工", "叉车", "数控车床", "起重", "锅炉", "钳工", "质检"] as const;

const CITY_MAX_CHARS = 40;

export interface SearchPage {
  query: { q: string; type: DocType | null; trade: string | null; city: string | null };
  notices: SearchNotice[];
  result: SearchResult;
  /** Names of the trades in the trade facet (and the active filter), for labels. */
  tradeNames: Record<string, { zh: string; en: string }>;
  /** Filled when nothing matched a non-empty query. */
  suggestions: { trades: Array<{ code: string; nameZh: string; nameEn: string }>; popular: readonly string[] } | null;
}

export interface Suggestion {
  id: string;
  type: DocType;
  url: string;
  title: SearchHit["highlights"]["title"];
}

export function createSearchService(deps: { engine: SearchEngine; trades: TradeService; sync: SearchSync }) {
  const { engine, trades, sync } = deps;

  async function tradeNames(): Promise<Map<string, { code: string; nameZh: string; nameEn: string }>> {
    return new Map((await trades.options()).map((trade) => [trade.code, trade]));
  }

  return {
    async search(params: unknown): Promise<SearchPage> {
      const input = ZSearchParamsSchema.parse(params ?? {});
      const notices: SearchNotice[] = [];
      const q = input.q.trim();
      const cut = [...q].length > MAX_QUERY_CHARS ? [...q].slice(0, MAX_QUERY_CHARS).join("") : q;
      if (cut !== q) notices.push("search.notice.truncated");

      const type = input.type === "" ? null : (DOC_TYPES as readonly string[]).includes(input.type) ? (input.type as DocType) : null;
      if (input.type !== "" && type === null) notices.push("search.notice.unknownType");

      const known = await tradeNames();
      const trade = input.trade === "" ? null : known.has(input.trade) ? input.trade : null;
      if (input.trade !== "" && trade === null) notices.push("search.notice.unknownTrade");

      let city: string | null = input.city.trim() === "" ? null : input.city.trim().slice(0, CITY_MAX_CHARS);
      const base = { q: cut, ...(type ? { types: [type] } : {}), ...(trade ? { tradeCode: trade } : {}), perPage: SEARCH_PER_PAGE };
      let result = await engine.search({ ...base, ...(city ? { city } : {}), page: input.page });
      if (city && result.total === 0 && !(city in result.facets.city)) {
        // The city facet is counted without the city filter: a city that appears nowhere is unknown.
        notices.push("search.notice.unknownCity");
        city = null;
        result = await engine.search({ ...base, page: input.page });
      }

      const names: SearchPage["tradeNames"] = {};
      for (const code of [...Object.keys(result.facets.tradeCode), ...(trade ? [trade] : [])]) {
        const found = known.get(code);
        if (found) names[code] = { zh: found.nameZh, en: found.nameEn };
      }

      let suggestions: SearchPage["suggestions"] = null;
      if (result.total === 0 && cut !== "") {
        const close = await engine.search({ q: cut, types: ["trade"], page: 1, perPage: 5 });
        suggestions = {
          trades: close.hits.flatMap((hit) => (hit.doc.tradeCode && known.get(hit.doc.tradeCode)) || []),
          popular: POPULAR_SEARCHES,
        };
      }
      return { query: { q: cut, type, trade, city }, notices, result, tradeNames: names, suggestions };
    },

    /** As-you-type results for the header search box. */
    async suggest(q: unknown): Promise<Suggestion[]> {
      const text = typeof q === "string" ? [...q.trim()].slice(0, MAX_QUERY_CHARS).join("") : "";
      if (text === "") return [];
      const { hits } = await engine.search({ q: text, page: 1, perPage: SUGGEST_LIMIT });
      return hits.map((hit) => ({ id: hit.doc.id, type: hit.doc.type, url: hit.doc.url, title: hit.highlights.title }));
    },

    async status(): Promise<{ engine: SearchEngine["kind"]; documents: number; outbox: OutboxLag }> {
      const [documents, outbox] = await Promise.all([engine.count(), sync.lag()]);
      return { engine: engine.kind, documents, outbox };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
