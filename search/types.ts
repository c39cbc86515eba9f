// The one interface every search engine implements (the embedded index, Meilisearch), and the
// shapes that cross it. Routes and the outbox worker see only these types, so swapping engines
// is configuration, never code.

export const DOC_TYPES = ["course", "book", "job", "live", "trade"] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** What a section hands to search: one row per published course, book, open job, livestream or trade. */
export interface SearchDocument {
  /** `<type>-<key>`, e.g. "course-12": only [A-Za-z0-9_-], because Meilisearch rejects anything else. */
  id: string;
  type: DocType;
  title: string;
  /** Secondary text: summary, authors, organisation, host… */
  body?: string;
  tradeCode?: string;
  tradeName?: { zh: string; en: string };
  city?: string;
  /** Where the result links to. */
  url: string;
  /** ISO 8601 date-time; browsing (an empty query) lists newest first. */
  publishedAt?: string;
  /** Shown in results (salary, status…), never searched. */
  extra?: Record<string, string | number | boolean | null>;
}

export interface SearchQuery {
  /** Free text as typed; any string is allowed (garbage never throws). Empty means browse. */
  q: string;
  types?: DocType[];
  tradeCode?: string;
  city?: string;
  /** 1-based; a page past the end is clamped to the last page. */
  page: number;
  perPage: number;
}

/**
 * Highlighted text as segments, so the UI renders them as React text nodes (escaped) and never
 * injects an HTML string. Joining every `text` gives back the original (or snippet) text.
 */
export interface HighlightSegment {
  text: string;
  isMatch: boolean;
}

export interface SearchHit {
  doc: SearchDocument;
  /** Engine-specific relevance; only the order is meaningful. 0 when browsing. */
  score: number;
  highlights: { title: HighlightSegment[]; body?: HighlightSegment[] };
}

export interface SearchFacets {
  /** Counted without the type filter, so every tab can show its count. */
  type: Record<DocType, number>;
  /** Counted with every filter except the trade filter. */
  tradeCode: Record<string, number>;
  /** Counted with every filter except the city filter. */
  city: Record<string, number>;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** The page actually returned (after clamping). */
  page: number;
  /** 0 when nothing matched. */
  pageCount: number;
  facets: SearchFacets;
}

export interface SearchEngine {
  readonly kind: "embedded" | "meilisearch";
  /** Adds documents or replaces those with the same id. */
  upsert(docs: readonly SearchDocument[]): Promise<void>;
  /** Unknown ids are ignored. */
  remove(ids: readonly string[]): Promise<void>;
  /** Full rebuild: searches keep seeing the old index until the new one is complete. */
  replaceAll(docs: readonly SearchDocument[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  count(): Promise<number>;
  close(): Promise<void>;
}
