// Index settings for Meilisearch, mirroring the embedded engine's rules (docs/decisions/005) as
// far as Meilisearch can express them. Applied to the live index at start and to every index a
// rebuild creates, so a swap never brings in an index with other settings.
// Needs Meilisearch ≥ 1.13 (localizedAttributes, typoTolerance.disableOnNumbers).
import type { Settings } from "meilisearch";
import type { Synonyms } from "./synonyms.ts";

export function indexSettings(synonyms: Synonyms): Settings {
  return {
    // Order is the attribute ranking: title first, then the trade name, as in the embedded boosts.
    searchableAttributes: ["title", "tradeName.zh", "tradeName.en", "body", "city"],
    filterableAttributes: ["type", "tradeCode", "city"],
    sortableAttributes: ["publishedAt"],
    // Meilisearch's defaults; "sort" applies only to browsing (an empty query sorts by date).
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnNumbers: true, // 2024 is not 2025
    },
    synonyms: synonyms.toMeilisearch(),
    // Titles and bodies mix Chinese and English; naming both keeps Meilisearch from reading a
    // short Chinese title as Japanese and segmenting it differently from the query.
    localizedAttributes: [
      { attributePatterns: ["tradeName.zh"], locales: ["cmn"] },
      { attributePatterns: ["tradeName.en"], locales: ["eng"] },
      { attributePatterns: ["title", "body", "city"], locales: ["cmn", "eng"] },
    ],
    // Exact totals and complete facets: the default caps (1000 hits, 100 values per facet) are
    // below our page counts and the ~170 trades.
    pagination: { maxTotalHits: 10_000 },
    faceting: { maxValuesPerFacet: 500 },
  };
}

/** The locales queries are read in (see localizedAttributes). */
export const QUERY_LOCALES = ["cmn", "eng"];
