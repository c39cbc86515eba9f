// The default engine: MiniSearch in this process, over CJK bigrams (docs/decisions/005). No
// server to run; the index lives in memory and is rebuilt from the database at start.
//
// Matching is AND with an OR fallback. One MiniSearch lookup fetches every planned term (OR);
// a hit is "complete" when it satisfies every clause of the plan (every typed word, or one of
// its synonyms). The complete hits are the answer — 东莞 叉车 means forklift work in Dongguan —
// unless none of them passes the filters; then all hits are, best first, so a query never
// dead-ends on one odd word. That is MiniSearch's `combineWith: "AND"` falling back to "OR",
// computed from a single lookup instead of two: lookups and scoring are the whole cost, and a
// fallback would otherwise pay them twice.
import MiniSearch, { type Query, type SearchResult as MiniSearchHit } from "minisearch";
import { assertValidDocuments } from "./document.ts";
import { highlight, highlightSnippet, unmarked, type Marks } from "./highlight.ts";
import { clampPage, emptyTypeFacets, sanitizePaging } from "./paging.ts";
import { planQuery, type QueryPlan } from "./query-plan.ts";
import { tradeSynonyms, type Synonyms } from "./synonyms.ts";
import { normalize, tokenize } from "./tokenize.ts";
import type { SearchDocument, SearchEngine, SearchFacets, SearchHit, SearchQuery, SearchResult } from "./types.ts";

/** Title words matter most; the trade name next (a 焊工 course may not say 焊工 in its title). */
const FIELD_BOOSTS = { title: 3, tradeName: 2, body: 1, city: 1.5 } as const;
const FIELDS = Object.keys(FIELD_BOOSTS);
/** Documents per slice of a rebuild, between which the event loop serves requests. */
const REBUILD_CHUNK = 1000;

export interface EmbeddedEngineOptions {
  synonyms?: Synonyms;
}

export function createEmbeddedEngine(options: EmbeddedEngineOptions = {}): SearchEngine {
  return new EmbeddedSearchEngine(options.synonyms ?? tradeSynonyms);
}

type Write = { upsert: SearchDocument } | { remove: string };

interface Filters {
  types?: ReadonlySet<string>;
  tradeCode?: string;
  city?: string;
}

class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = "embedded";
  readonly #synonyms: Synonyms;
  #index = newIndex();
  #docs = new Map<string, SearchDocument>();
  /** Browse order (newest first), rebuilt on the first browse after a write. */
  #newestFirst: SearchDocument[] | undefined;
  /**
   * Writes made after a replaceAll was called, one log per pending rebuild, replayed onto its new
   * index before it goes live (they are newer than the documents it was given).
   */
  readonly #writeLogs = new Set<Write[]>();
  #rebuilds: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(synonyms: Synonyms) {
    this.#synonyms = synonyms;
  }

  async upsert(docs: readonly SearchDocument[]): Promise<void> {
    this.#assertOpen();
    assertValidDocuments(docs);
    for (const doc of docs) {
      put(this.#index, this.#docs, doc);
      for (const log of this.#writeLogs) log.push({ upsert: doc });
    }
    this.#newestFirst = undefined;
  }

  async remove(ids: readonly string[]): Promise<void> {
    this.#assertOpen();
    for (const id of ids) {
      drop(this.#index, this.#docs, id);
      for (const log of this.#writeLogs) log.push({ remove: id });
    }
    this.#newestFirst = undefined;
  }

  async replaceAll(docs: readonly SearchDocument[]): Promise<void> {
    this.#assertOpen();
    assertValidDocuments(docs);
    // One rebuild at a time; each starts from its own snapshot of `docs`.
    const snapshot = [...docs];
    const writes: Write[] = [];
    this.#writeLogs.add(writes);
    const run = this.#rebuilds.then(() => this.#rebuild(snapshot, writes)).finally(() => this.#writeLogs.delete(writes));
    this.#rebuilds = run.catch(() => undefined);
    await run;
  }

  async #rebuild(docs: SearchDocument[], writes: readonly Write[]): Promise<void> {
    const byId = new Map(docs.map((doc) => [doc.id, doc])); // a repeated id: the last one wins
    const index = newIndex();
    await index.addAllAsync([...byId.values()], { chunkSize: REBUILD_CHUNK });
    if (this.#closed) return;
    for (const write of writes) {
      if ("upsert" in write) put(index, byId, write.upsert);
      else drop(index, byId, write.remove);
    }
    this.#index = index;
    this.#docs = byId;
    this.#newestFirst = undefined;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    this.#assertOpen();
    const { page, perPage } = sanitizePaging(query.page, query.perPage);
    const filters = toFilters(query);
    const plan = planQuery(typeof query.q === "string" ? query.q : "", this.#synonyms);
    if (plan.clauses.length === 0) return this.#browse(filters, page, perPage);

    // The index and the map change together, so every hit has its document.
    const found = rank(plan, this.#index.search(toMiniSearchQuery(plan))).map((hit) => ({ hit, doc: this.#docs.get(hit.id as string)! }));
    preferExactTitles(query.q, found);
    const complete = found.filter(({ hit }) => isComplete(plan, hit));
    const pool = complete.some(({ doc }) => passes(doc, filters)) ? complete : found;
    const { kept, facets } = filterAndCount(pool, ({ doc }) => doc, filters);
    const paging = clampPage(page, kept.length, perPage);
    const start = (paging.page - 1) * perPage;
    const hits = kept.slice(start, start + perPage).map(({ hit, doc }) => toHit(doc, hit, plan));
    return { hits, total: kept.length, ...paging, facets };
  }

  /** An empty query lists everything that passes the filters, newest first. */
  #browse(filters: Filters, page: number, perPage: number): SearchResult {
    this.#newestFirst ??= newestFirst([...this.#docs.values()]);
    const { kept, facets } = filterAndCount(this.#newestFirst, (doc) => doc, filters);
    const paging = clampPage(page, kept.length, perPage);
    const start = (paging.page - 1) * perPage;
    const hits = kept.slice(start, start + perPage).map(
      (doc): SearchHit => ({
        doc,
        score: 0,
        highlights: doc.body === undefined ? { title: unmarked(doc.title) } : { title: unmarked(doc.title), body: highlightSnippet(doc.body) },
      }),
    );
    return { hits, total: kept.length, ...paging, facets };
  }

  async count(): Promise<number> {
    this.#assertOpen();
    return this.#docs.size;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#index = newIndex();
    this.#docs = new Map();
    this.#newestFirst = undefined;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error("The search engine is closed");
  }
}

function newIndex(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>({
    idField: "id",
    fields: FIELDS,
    storeFields: [], // documents live in the engine's map; the index holds only postings
    extractField: (doc, field) =>
      field === "tradeName" ? (doc.tradeName ? `${doc.tradeName.zh} ${doc.tradeName.en}` : undefined) : doc[field as keyof SearchDocument],
    tokenize,
    processTerm: (term) => term, // tokenize already normalized
    searchOptions: {
      boost: { ...FIELD_BOOSTS },
      // Query terms arrive already tokenized by the plan.
      tokenize: (term) => [term],
      processTerm: (term) => term,
    },
  });
}

function put(index: MiniSearch<SearchDocument>, docs: Map<string, SearchDocument>, doc: SearchDocument): void {
  if (docs.has(doc.id)) index.discard(doc.id); // MiniSearch refuses a second add of one id
  index.add(doc);
  docs.set(doc.id, doc);
}

function drop(index: MiniSearch<SearchDocument>, docs: Map<string, SearchDocument>, id: string): void {
  if (!docs.has(id)) return;
  index.discard(id);
  docs.delete(id);
}

/** Every planned term, each with its own weight, prefix and typo budget, combined with OR. */
function toMiniSearchQuery(plan: QueryPlan): Query {
  return {
    combineWith: "OR",
    queries: plan.terms.map((term) => ({
      queries: [term.term],
      prefix: term.prefix,
      fuzzy: term.fuzzy,
      boostTerm: () => term.weight,
    })),
  };
}

/**
 * MiniSearch multiplies a hit's score by the number of distinct query terms it matched. Synonym
 * terms must not count: a trade page listing 电焊, 焊工, welder and 焊接 would outrank "Modern
 * Welding Technology" for "welding". So the factor becomes the number of typed terms matched.
 */
function rank(plan: QueryPlan, hits: MiniSearchHit[]): MiniSearchHit[] {
  const typed = new Set(plan.terms.filter((term) => term.typed).map((term) => term.term));
  for (const hit of hits) {
    const typedMatched = hit.queryTerms.filter((term: string) => typed.has(term)).length;
    hit.score = (hit.score / Math.max(1, hit.queryTerms.length)) * Math.max(1, typedMatched);
  }
  return hits.sort((a, b) => b.score - a.score);
}

/**
 * A document titled exactly what was typed (焊工 for 焊工, not 电焊工 that also contains it) comes
 * first: people type the name of the thing they want. Stable sort keeps the rest in score order.
 */
function preferExactTitles(q: string, found: Array<{ hit: MiniSearchHit; doc: SearchDocument }>): void {
  const typed = compact(q);
  if (typed === "") return;
  const isExact = (doc: SearchDocument) => compact(doc.title) === typed;
  found.sort((a, b) => Number(isExact(b.doc)) - Number(isExact(a.doc)));
}

const compact = (text: string) => normalize(typeof text === "string" ? text : "").replace(/\s+/g, "");

/** MiniSearch reports which query terms a hit matched (prefix and fuzzy matches count as their query term). */
function isComplete(plan: QueryPlan, hit: MiniSearchHit): boolean {
  const matched = new Set(hit.queryTerms);
  return plan.clauses.every((alternatives) => alternatives.some((terms) => terms.every((term) => matched.has(term))));
}

function toFilters(query: SearchQuery): Filters {
  return {
    types: query.types && query.types.length > 0 ? new Set(query.types) : undefined,
    tradeCode: query.tradeCode || undefined,
    city: query.city || undefined,
  };
}

function passes(doc: SearchDocument, filters: Filters): boolean {
  return (
    (!filters.types || filters.types.has(doc.type)) &&
    (!filters.tradeCode || doc.tradeCode === filters.tradeCode) &&
    (!filters.city || doc.city === filters.city)
  );
}

/**
 * Keeps the items that pass every filter and counts facets in the same pass: types ignoring the
 * type filter (tabs), trades ignoring the trade filter, cities ignoring the city filter.
 */
function filterAndCount<T>(items: readonly T[], docOf: (item: T) => SearchDocument, filters: Filters): { kept: T[]; facets: SearchFacets } {
  const facets: SearchFacets = { type: emptyTypeFacets(), tradeCode: {}, city: {} };
  const kept: T[] = [];
  for (const item of items) {
    const doc = docOf(item);
    const typeOk = !filters.types || filters.types.has(doc.type);
    const tradeOk = !filters.tradeCode || doc.tradeCode === filters.tradeCode;
    const cityOk = !filters.city || doc.city === filters.city;
    if (tradeOk && cityOk) facets.type[doc.type] += 1;
    if (typeOk && cityOk && doc.tradeCode) facets.tradeCode[doc.tradeCode] = (facets.tradeCode[doc.tradeCode] ?? 0) + 1;
    if (typeOk && tradeOk && doc.city) facets.city[doc.city] = (facets.city[doc.city] ?? 0) + 1;
    if (typeOk && tradeOk && cityOk) kept.push(item);
  }
  return { kept, facets };
}

/** Highlights come from the document terms the hit matched (after prefix, typo and synonym expansion). */
function toHit(doc: SearchDocument, hit: MiniSearchHit, plan: QueryPlan): SearchHit {
  const matched = marksFor(hit, plan);
  return {
    doc,
    score: hit.score,
    highlights:
      doc.body === undefined ? { title: highlight(doc.title, matched) } : { title: highlight(doc.title, matched), body: highlightSnippet(doc.body, matched) },
  };
}

/** Terms found as such are marked whole; terms reached by a typed prefix only for the prefix's length. */
function marksFor(hit: MiniSearchHit, plan: QueryPlan): Marks {
  const planned = new Set(plan.terms.map((term) => term.term));
  const prefixes = plan.terms.filter((term) => term.prefix).map((term) => term.term);
  const marks = new Map<string, number>();
  for (const term of Object.keys(hit.match)) {
    const prefix = planned.has(term) ? undefined : prefixes.find((p) => term.startsWith(p));
    marks.set(term, prefix ? prefix.length : Number.POSITIVE_INFINITY);
  }
  return marks;
}

/** Newest first; undated documents last; ties by id, so pages are stable. */
function newestFirst(docs: SearchDocument[]): SearchDocument[] {
  const time = new Map(docs.map((doc) => [doc, doc.publishedAt ? Date.parse(doc.publishedAt) : Number.NEGATIVE_INFINITY]));
  return docs.sort((a, b) => time.get(b)! - time.get(a)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
