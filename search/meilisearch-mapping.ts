// Translation between our search types and Meilisearch's: filter expressions, documents going
// in, hits, highlights and facet counts coming out.
import type { Hit } from "meilisearch";
import { unmarked } from "./highlight.ts";
import { emptyTypeFacets } from "./paging.ts";
import { DOC_TYPES, type DocType, type HighlightSegment, type SearchDocument, type SearchFacets, type SearchQuery, type SearchResult } from "./types.ts";

/**
 * Highlight markers: private-use characters, which never occur in our text (they are removed
 * from documents on the way in), so formatted strings split into segments unambiguously.
 */
export const HIGHLIGHT_PRE = "\uE000";
export const HIGHLIGHT_POST = "\uE001";
const MARKERS = /[\uE000\uE001]/g;

export const FACETS = ["type", "tradeCode", "city"] as const;
export type FacetName = (typeof FACETS)[number];

export interface Filters {
  types?: DocType[];
  tradeCode?: string;
  city?: string;
}

export function toFilters(query: SearchQuery): Filters {
  return {
    types: query.types && query.types.length > 0 ? query.types : undefined,
    tradeCode: query.tradeCode || undefined,
    city: query.city || undefined,
  };
}

/** Filter expressions as an array (AND of its items; an inner array is an OR), values quoted. */
export function toFilter(filters: Filters): Array<string | string[]> | undefined {
  const filter: Array<string | string[]> = [];
  if (filters.types) filter.push(filters.types.map((type) => `type = ${quote(type)}`));
  if (filters.tradeCode) filter.push(`tradeCode = ${quote(filters.tradeCode)}`);
  if (filters.city) filter.push(`city = ${quote(filters.city)}`);
  return filter.length > 0 ? filter : undefined;
}

/** User-supplied values go inside double quotes with backslashes and quotes escaped. */
function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

export function withoutMarkers(doc: SearchDocument): SearchDocument {
  return {
    ...doc,
    title: doc.title.replace(MARKERS, ""),
    ...(doc.body === undefined ? {} : { body: doc.body.replace(MARKERS, "") }),
  };
}

export function toHit(hit: Hit<SearchDocument>): SearchResult["hits"][number] {
  const doc = toDocument(hit);
  const formatted = hit._formatted ?? {};
  const title = typeof formatted.title === "string" ? segments(formatted.title) : unmarked(doc.title);
  if (doc.body === undefined) return { doc, score: hit._rankingScore ?? 0, highlights: { title } };
  const body = typeof formatted.body === "string" ? segments(formatted.body) : unmarked(doc.body);
  return { doc, score: hit._rankingScore ?? 0, highlights: { title, body } };
}

/** Only the fields of a SearchDocument: a hit also carries _formatted, _rankingScore… */
function toDocument(hit: Hit<SearchDocument>): SearchDocument {
  const { id, type, title, body, tradeCode, tradeName, city, url, publishedAt, extra } = hit;
  const doc: SearchDocument = { id, type, title, url };
  if (body !== undefined) doc.body = body;
  if (tradeCode !== undefined) doc.tradeCode = tradeCode;
  if (tradeName !== undefined) doc.tradeName = tradeName;
  if (city !== undefined) doc.city = city;
  if (publishedAt !== undefined) doc.publishedAt = publishedAt;
  if (extra !== undefined) doc.extra = extra;
  return doc;
}

/** "a\uE000b\uE001c" → a, [b], c. */
export function segments(formatted: string): HighlightSegment[] {
  const result: HighlightSegment[] = [];
  let isMatch = false;
  for (const part of formatted.split(/([\uE000\uE001])/)) {
    if (part === HIGHLIGHT_PRE) isMatch = true;
    else if (part === HIGHLIGHT_POST) isMatch = false;
    else if (part !== "") {
      const last = result[result.length - 1];
      if (last && last.isMatch === isMatch) last.text += part;
      else result.push({ text: part, isMatch });
    }
  }
  return result;
}

export function toFacets(distribution: (facet: FacetName) => Record<string, number>): SearchFacets {
  const type = emptyTypeFacets();
  for (const [value, count] of Object.entries(distribution("type"))) {
    if ((DOC_TYPES as readonly string[]).includes(value)) type[value as DocType] = count;
  }
  return { type, tradeCode: { ...distribution("tradeCode") }, city: { ...distribution("city") } };
}
