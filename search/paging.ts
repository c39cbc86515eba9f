// Paging and facet helpers both engines share, so they clamp and count the same way.
import { DOC_TYPES, type DocType } from "./types.ts";

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;

/** Whatever arrives (NaN, negative, fractional), a usable page size and a page ≥ 1. */
export function sanitizePaging(page: number, perPage: number): { page: number; perPage: number } {
  const size = Number.isFinite(perPage) ? Math.trunc(perPage) : DEFAULT_PER_PAGE;
  return {
    page: Number.isFinite(page) ? Math.max(1, Math.trunc(page)) : 1,
    perPage: Math.min(MAX_PER_PAGE, Math.max(1, size)),
  };
}

/** A page past the end shows the last page; with no hits, page 1 of 0. */
export function clampPage(requested: number, total: number, perPage: number): { page: number; pageCount: number } {
  const pageCount = Math.ceil(total / perPage);
  return { page: Math.min(requested, Math.max(1, pageCount)), pageCount };
}

export function emptyTypeFacets(): Record<DocType, number> {
  return Object.fromEntries(DOC_TYPES.map((type) => [type, 0])) as Record<DocType, number>;
}
