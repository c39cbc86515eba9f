// The scale-out engine: a Meilisearch server through the official client. Every write is a task
// that can fail only after it was accepted, so each one is awaited and its status checked; a
// rebuild fills a second index and swaps it in, so searches never see a half-built index.
import { Meilisearch, type EnqueuedTaskPromise, type MultiSearchQuery, type Settings } from "meilisearch";
import { assertValidDocuments } from "./document.ts";
import { FACETS, HIGHLIGHT_POST, HIGHLIGHT_PRE, toFacets, toFilter, toFilters, toHit, withoutMarkers, type FacetName, type Filters } from "./meilisearch-mapping.ts";
import { indexSettings, QUERY_LOCALES } from "./meilisearch-settings.ts";
import { clampPage, sanitizePaging } from "./paging.ts";
import { MAX_QUERY_CHARS } from "./query-plan.ts";
import { tradeSynonyms, type Synonyms } from "./synonyms.ts";
import { tokenize } from "./tokenize.ts";
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from "./types.ts";

export interface MeilisearchEngineConfig {
  host: string;
  /** A key allowed to write and change settings; it stays on the server. */
  apiKey: string;
  indexName?: string;
  synonyms?: Synonyms;
  /** How long one task may run before its write counts as failed. */
  taskTimeoutMs?: number;
  taskPollMs?: number;
}

export const DEFAULT_INDEX_NAME = "jiangxin";
/** Documents per write request during a rebuild. */
const BATCH_SIZE = 5000;

export class SearchEngineError extends Error {
  override name = "SearchEngineError";
  constructor(
    message: string,
    /** Meilisearch's error code (index_not_found, invalid_document_id…), when there is one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Connects, creates the index if needed and applies the settings; resolves when they are live. */
export async function openMeilisearchEngine(config: MeilisearchEngineConfig): Promise<SearchEngine> {
  const client = new Meilisearch({
    host: config.host,
    apiKey: config.apiKey,
    defaultWaitOptions: { timeout: config.taskTimeoutMs ?? 60_000, interval: config.taskPollMs ?? 50 },
  });
  const engine = new MeilisearchEngine(client, config.indexName ?? DEFAULT_INDEX_NAME, config.synonyms ?? tradeSynonyms);
  await engine.prepare();
  return engine;
}

class MeilisearchEngine implements SearchEngine {
  readonly kind = "meilisearch";
  readonly #client: Meilisearch;
  readonly #live: string;
  readonly #settings: Settings;
  /** Rebuilds share one temporary index name, so they run one at a time. */
  #rebuilds: Promise<void> = Promise.resolve();

  constructor(client: Meilisearch, indexName: string, synonyms: Synonyms) {
    this.#client = client;
    this.#live = indexName;
    this.#settings = indexSettings(synonyms);
  }

  async prepare(): Promise<void> {
    await this.#createIndex(this.#live);
  }

  async upsert(docs: readonly SearchDocument[]): Promise<void> {
    assertValidDocuments(docs);
    await this.#write(this.#live, docs);
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await settle(this.#client.index(this.#live).deleteDocuments([...ids]), "delete documents");
  }

  async replaceAll(docs: readonly SearchDocument[]): Promise<void> {
    assertValidDocuments(docs);
    const run = this.#rebuilds.then(() => this.#rebuild(docs));
    this.#rebuilds = run.catch(() => undefined);
    await run;
  }

  async #rebuild(docs: readonly SearchDocument[]): Promise<void> {
    const next = `${this.#live}_tmp`;
    // A rebuild that died half-way leaves its index behind; start clean.
    await settle(this.#client.deleteIndex(next), `delete ${next}`, ["index_not_found"]);
    await this.#createIndex(next);
    await this.#write(next, docs);
    // rename: false exchanges the two indexes' contents atomically; both names keep existing.
    await settle(this.#client.swapIndexes([{ indexes: [this.#live, next], rename: false }]), "swap indexes");
    await settle(this.#client.deleteIndex(next), `delete the previous index (now ${next})`);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { page, perPage } = sanitizePaging(query.page, query.perPage);
    const text = typeof query.q === "string" ? query.q.slice(0, MAX_QUERY_CHARS) : "";
    // Nothing searchable (empty, punctuation, emoji): browse newest first, like the embedded engine.
    const browsing = tokenize(text).length === 0;
    const request: SearchRequest = { q: browsing ? "" : text, browsing, filters: toFilters(query), page, perPage };
    // Every word must match ("all"); when nothing does under these filters, fall back to "last"
    // (drop words from the end) — the embedded engine's AND-then-OR.
    let strategy: Strategy = "all";
    let answer = await this.#run(request, strategy, true);
    if (!browsing && answer.total === 0) {
      strategy = "last";
      answer = await this.#run(request, strategy, true);
    }
    const paging = clampPage(page, answer.total, perPage);
    // Past the end: fetch the last page; total and facets stay those already counted.
    const hits = paging.page === page ? answer.hits : (await this.#run({ ...request, page: paging.page }, strategy, false)).hits;
    return { hits, total: answer.total, ...paging, facets: answer.facets };
  }

  /**
   * One multi-search: the page of hits with facets, plus one facet-only query for each facet
   * whose own filter is set (its counts must ignore that filter).
   */
  async #run(request: SearchRequest, strategy: Strategy, withFacets: boolean): Promise<Omit<SearchResult, "page" | "pageCount">> {
    const { filters } = request;
    const main: MultiSearchQuery = {
      indexUid: this.#live,
      q: request.q,
      filter: toFilter(filters),
      facets: withFacets ? [...FACETS] : [],
      page: request.page,
      hitsPerPage: request.perPage,
      attributesToHighlight: ["title", "body"],
      attributesToCrop: ["body"],
      cropLength: 40,
      cropMarker: "…",
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
      showRankingScore: true,
      matchingStrategy: strategy,
      locales: QUERY_LOCALES,
      ...(request.browsing ? { sort: ["publishedAt:desc"] } : {}),
    };
    const ownFilter = { type: filters.types, tradeCode: filters.tradeCode, city: filters.city };
    const separate = !withFacets ? [] : FACETS.filter((facet) => ownFilter[facet] !== undefined);
    const facetQueries = separate.map(
      (facet): MultiSearchQuery => ({
        indexUid: this.#live,
        q: request.q,
        filter: toFilter({ ...filters, [facet === "type" ? "types" : facet]: undefined }),
        facets: [facet],
        limit: 0,
        matchingStrategy: strategy,
        locales: QUERY_LOCALES,
      }),
    );
    const { results } = await this.#client.multiSearch<{ queries: MultiSearchQuery[] }, SearchDocument>({ queries: [main, ...facetQueries] });
    const found = results[0]!;
    const distribution = (facet: FacetName): Record<string, number> => {
      const from = separate.includes(facet) ? results[1 + separate.indexOf(facet)]! : found;
      return from.facetDistribution?.[facet] ?? {};
    };
    return { hits: found.hits.map(toHit), total: found.totalHits ?? 0, facets: toFacets(distribution) };
  }

  async count(): Promise<number> {
    return (await this.#client.index(this.#live).getStats()).numberOfDocuments;
  }

  async close(): Promise<void> {
    // Nothing to release: the client holds no connections of its own.
  }

  async #createIndex(uid: string): Promise<void> {
    await settle(this.#client.createIndex(uid, { primaryKey: "id" }), `create index ${uid}`, ["index_already_exists"]);
    await settle(this.#client.index(uid).updateSettings(this.#settings), `settings of ${uid}`);
  }

  /** addDocuments replaces whole documents with the same id (updateDocuments would merge fields). */
  async #write(uid: string, docs: readonly SearchDocument[]): Promise<void> {
    for (let start = 0; start < docs.length; start += BATCH_SIZE) {
      const batch = docs.slice(start, start + BATCH_SIZE).map(withoutMarkers);
      await settle(this.#client.index(uid).addDocuments(batch, { primaryKey: "id" }), `add documents to ${uid}`);
    }
  }
}

/** Waits for a task and throws unless it succeeded (or failed only in a way the caller expects). */
async function settle(pending: EnqueuedTaskPromise, what: string, tolerated: readonly string[] = []): Promise<void> {
  const task = await pending.waitTask();
  if (task.status === "succeeded") return;
  if (task.status === "failed" && task.error && tolerated.includes(task.error.code)) return;
  const reason = task.error ? `${task.error.code}: ${task.error.message}` : "no error reported";
  throw new SearchEngineError(`Meilisearch task ${task.uid} (${what}) ${task.status} — ${reason}`, task.error?.code);
}

type Strategy = "all" | "last";

interface SearchRequest {
  q: string;
  browsing: boolean;
  filters: Filters;
  page: number;
  perPage: number;
}
