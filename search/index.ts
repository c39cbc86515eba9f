// The search layer's front door: the composition root calls createSearchEngine once and hands the
// engine to routes and to the outbox worker. Meilisearch when configured, embedded otherwise.
import { createEmbeddedEngine } from "./embedded-engine.ts";
import { openMeilisearchEngine } from "./meilisearch-engine.ts";
import type { SearchEngine } from "./types.ts";

export interface SearchEngineConfig {
  /** From MEILI_HOST and MEILI_API_KEY; absent means the embedded engine. */
  meili?: { host: string; apiKey: string; indexName?: string };
}

/** Resolves once the engine is ready to take writes (for Meilisearch: index created, settings applied). */
export async function createSearchEngine(config: SearchEngineConfig = {}): Promise<SearchEngine> {
  if (config.meili) return openMeilisearchEngine(config.meili);
  return createEmbeddedEngine();
}

export { createEmbeddedEngine } from "./embedded-engine.ts";
export { openMeilisearchEngine, SearchEngineError } from "./meilisearch-engine.ts";
export { InvalidSearchDocumentError } from "./document.ts";
export { MAX_QUERY_CHARS } from "./query-plan.ts";
export { tradeToSearchDocument } from "./documents.ts";
export * from "./types.ts";
