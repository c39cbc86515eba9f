// The boundary where documents enter an engine: both engines reject the same bad documents with
// the same error, instead of Meilisearch failing a task later (it refuses ids like "course:12").
import { z } from "zod";
import { DOC_TYPES, type SearchDocument } from "./types.ts";

/** Meilisearch's rule for document ids (at most 511 bytes of A–Z a–z 0–9 - _). */
export const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/;

const ZSearchDocument = z.object({
  id: z.string().regex(DOCUMENT_ID, "only A-Z a-z 0-9 - _ (e.g. course-12)"),
  type: z.enum(DOC_TYPES),
  title: z.string(),
  body: z.string().optional(),
  tradeCode: z.string().min(1).optional(),
  tradeName: z.object({ zh: z.string(), en: z.string() }).optional(),
  city: z.string().min(1).optional(),
  url: z.string().min(1),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  extra: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

export class InvalidSearchDocumentError extends Error {
  override name = "InvalidSearchDocumentError";
}

/** Throws one error naming every bad document (up to five) and what is wrong with each. */
export function assertValidDocuments(docs: readonly SearchDocument[]): void {
  const problems: string[] = [];
  for (const doc of docs) {
    const parsed = ZSearchDocument.safeParse(doc);
    if (parsed.success) continue;
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    problems.push(`${JSON.stringify((doc as { id?: unknown })?.id)} (${detail})`);
    if (problems.length === 5) break;
  }
  if (problems.length > 0) throw new InvalidSearchDocumentError(`Invalid search documents: ${problems.join(", ")}`);
}
