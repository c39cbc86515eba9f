// Search for people: one query over every section, with notices instead of errors for odd input.
import { DOC_TYPES, MAX_QUERY_CHARS, type DocType, type SearchEngine, type SearchHit, type SearchResult } from "../../search/index.ts";
import type { TradeService } from "../trades/service.ts";
import { SEARCH_PER_PAGE, SUGGEST_LIMIT, ZSearchParamsSchema, type SearchNotice } from "./schema.ts";
import type { OutboxLag, SearchSync } from "./sync.ts";

/** Shown when nothing matched: searches people make most, until query logs can rank them. */
export const POPULAR_SEARCHES = ["焊工", "电工", "叉车", "数控车床", "起重", "锅炉", "钳工", "质检"] as const;

const CITY_MAX_CHARS = 40;
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}]/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

function emptyResult(): SearchResult {
  const type = Object.fromEntries(DOC_TYPES.map((docType) => [docType, 0])) as Record<DocType, number>;
  return { hits: [], total: 0, page: 1, pageCount: 0, facets: { type, tradeCode: {}, city: {} } };
}

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

  /**
   * Trades near a query that found nothing: first the query itself among trades (it may have
   * been narrowed by filters), then each of its Chinese characters on its own (焊接机器人编程 →
   * 焊, 接, 机 …), which reaches trades the whole phrase missed.
   */
  async function closestTrades(q: string, known: Map<string, { code: string; nameZh: string; nameEn: string }>) {
    const pick = (hits: SearchResult["hits"]) => hits.flatMap((hit) => (hit.doc.tradeCode && known.get(hit.doc.tradeCode)) || []);
    const direct = pick((await engine.search({ q, types: ["trade"], page: 1, perPage: 5 })).hits);
    if (direct.length > 0) return direct;
    const characters = [...new Set(q.match(/\p{Script=Han}/gu) ?? [])].slice(0, 8);
    if (characters.length === 0) return [];
    return pick((await engine.search({ q: characters.join(" "), types: ["trade"], page: 1, perPage: 5 })).hits);
  }

  async function tradeNames(): Promise<Map<string, { code: string; nameZh: string; nameEn: string }>> {
    return new Map((await trades.options()).map((trade) => [trade.code, trade]));
  }

  return {
    async search(params: unknown): Promise<SearchPage> {
      const input = ZSearchParamsSchema.parse(params ?? {});
      const notices: SearchNotice[] = [];
      // Control and format characters (NUL, bidi overrides) are never meant as search text.
      const q = input.q.replace(CONTROL_CHARACTERS, "").trim();
      const cut = [...q].length > MAX_QUERY_CHARS ? [...q].slice(0, MAX_QUERY_CHARS).join("") : q;
      if (cut !== q) notices.push("search.notice.truncated");

      const type = input.type === "" ? null : (DOC_TYPES as readonly string[]).includes(input.type) ? (input.type as DocType) : null;
      if (input.type !== "" && type === null) notices.push("search.notice.unknownType");

      const known = await tradeNames();
      const trade = input.trade === "" ? null : known.has(input.trade) ? input.trade : null;
      if (input.trade !== "" && trade === null) notices.push("search.notice.unknownTrade");

      let city: string | null = input.city.trim() === "" ? null : input.city.trim().slice(0, CITY_MAX_CHARS);
      const base = { q: cut, ...(type ? { types: [type] } : {}), ...(trade ? { tradeCode: trade } : {}), perPage: SEARCH_PER_PAGE };
      // Text without a letter or digit (only emoji or punctuation) matches nothing, rather than everything.
      const isSearchable = cut === "" || HAS_WORD.test(cut);
      let result = isSearchable ? await engine.search({ ...base, ...(city ? { city } : {}), page: input.page }) : emptyResult();
      if (isSearchable && city && result.total === 0 && !(city in result.facets.city)) {
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
        suggestions = { trades: await closestTrades(cut, known), popular: POPULAR_SEARCHES };
      }
      return { query: { q: cut, type, trade, city }, notices, result, tradeNames: names, suggestions };
    },

    /** As-you-type results for the header search box. */
    async suggest(q: unknown): Promise<Suggestion[]> {
      const text = typeof q === "string" ? [...q.replace(CONTROL_CHARACTERS, "").trim()].slice(0, MAX_QUERY_CHARS).join("") : "";
      if (!HAS_WORD.test(text)) return [];
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
