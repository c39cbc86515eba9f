// What /search accepts. Nothing here fails: unknown or oversized values are dropped or cut, and
// the page says so with a notice.
import { z } from "zod";
import { DOC_TYPES, MAX_QUERY_CHARS } from "../../search/index.ts";

const asText = (value: unknown) => (typeof value === "string" ? value : "");

export const ZSearchParamsSchema = z.object({
  q: z.preprocess(asText, z.string()),
  type: z.preprocess(asText, z.string()),
  trade: z.preprocess(asText, z.string()),
  city: z.preprocess(asText, z.string()),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const SEARCH_PER_PAGE = 10;
export const SUGGEST_LIMIT = 6;
export { DOC_TYPES, MAX_QUERY_CHARS };

export type SearchNotice = "search.notice.truncated" | "search.notice.unknownType" | "search.notice.unknownTrade" | "search.notice.unknownCity";
