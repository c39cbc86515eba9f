// The default engine: an inverted index in this process, over CJK bigrams (docs/decisions/005).
// No server to run; the index lives in memory and is rebuilt from the database at start. It scores
// as MiniSearch did (search/inverted-index.ts), with storage and bookkeeping built for 100k
// documents on a shared 2-core machine (docs/benchmarks.md).
//
// Matching is AND with an OR fallback. One lookup fetches every planned term (OR); a hit is
// "complete" when it satisfies every clause of the plan (every typed word, or one of its
// synonyms). The complete hits are the answer — 东莞 叉车 means forklift work in Dongguan —
// unless none of them passes the filters; then all hits are, best first, so a query never
// dead-ends on one odd word. That is `combineWith: "AND"` falling back to "OR", computed from a
// single lookup instead of two: lookups and scoring are the whole cost, and a fallback would
// otherwise pay them twice.
//
// Where the time goes, and what keeps it short: every document a term reaches is scored, so
// scoring is array arithmetic over typed postings (no per-hit objects); which terms a document
// matched is a bitmask, so "complete" is a few AND operations; facets are counted in integer
// arrays; only the requested page is ever sorted (top-k selection over the kept hits), and only
// its hits are highlighted.
import { assertValidDocuments } from "./document.ts";
import { highlight, highlightSnippet, unmarked, type Marks } from "./highlight.ts";
import { compact, InvertedIndex, type Scored } from "./inverted-index.ts";
import { clampPage, emptyTypeFacets, sanitizePaging } from "./paging.ts";
import { planQuery, type QueryPlan } from "./query-plan.ts";
import { tradeSynonyms, type Synonyms } from "./synonyms.ts";
import type { DocType, SearchDocument, SearchEngine, SearchFacets, SearchHit, SearchQuery, SearchResult } from "./types.ts";

/** Title words matter most; the trade name next (a 焊工 course may not say 焊工 in its title). */
const FIELD_BOOSTS = { title: 3, tradeName: 2, body: 1, city: 1.5 } as const;
/** Documents per slice of a rebuild, between which the event loop serves requests. */
const REBUILD_CHUNK = 1000;
/** Query plans are pure functions of the text: the last few hundred are kept. */
const PLAN_CACHE_SIZE = 500;
/** Upserts give a document a new slot; a rebuild in the background reclaims the old ones. */
const DEAD_SLOTS_BEFORE_COMPACTING = 50_000;

export interface EmbeddedEngineOptions {
  synonyms?: Synonyms;
}

export function createEmbeddedEngine(options: EmbeddedEngineOptions = {}): SearchEngine {
  return new EmbeddedSearchEngine(options.synonyms ?? tradeSynonyms);
}

type Write = { upsert: SearchDocument } | { remove: string };
type Index = InvertedIndex<SearchDocument>;

interface Filters {
  types?: ReadonlySet<string>;
  tradeCode?: string;
  city?: string;
}

interface Scratch {
  flags: Uint8Array;
  pool: Int32Array;
  kept: Int32Array;
  rank: Float64Array;
  raw: Float64Array;
  exact: Uint8Array;
}

/** A plan with its terms numbered: bit i of a hit's mask means plan.terms[i] matched. */
interface CompiledPlan {
  plan: QueryPlan;
  /** Bits of the terms the user typed (synonyms do not count towards "matched more words"). */
  typed: Uint32Array;
  /** Per clause, per alternative: the bits that must all be set. */
  clauses: Uint32Array[][];
  words: number;
}

function newIndex(): Index {
  return new InvertedIndex<SearchDocument>(
    [
      { name: "title", boost: FIELD_BOOSTS.title, extract: (doc) => doc.title },
      { name: "tradeName", boost: FIELD_BOOSTS.tradeName, extract: (doc) => (doc.tradeName ? `${doc.tradeName.zh} ${doc.tradeName.en}` : undefined) },
      { name: "body", boost: FIELD_BOOSTS.body, extract: (doc) => doc.body },
      { name: "city", boost: FIELD_BOOSTS.city, extract: (doc) => doc.city },
    ],
    (doc) => ({ type: doc.type, trade: doc.tradeCode, city: doc.city, title: doc.title }),
  );
}

class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = "embedded";
  readonly #synonyms: Synonyms;
  #index: Index = newIndex();
  /** Browse order (newest first), rebuilt on the first browse after a write. */
  #newestFirst: Int32Array | undefined;
  readonly #plans = new Map<string, CompiledPlan>();
  /**
   * Writes made after a replaceAll was called, one log per pending rebuild, replayed onto its new
   * index before it goes live (they are newer than the documents it was given).
   */
  readonly #writeLogs = new Set<Write[]>();
  #rebuilds: Promise<void> = Promise.resolve();
  #compacting = false;
  #closed = false;
  #scratch: Scratch | undefined;

  constructor(synonyms: Synonyms) {
    this.#synonyms = synonyms;
  }

  async upsert(docs: readonly SearchDocument[]): Promise<void> {
    this.#assertOpen();
    assertValidDocuments(docs);
    for (const doc of docs) {
      this.#index.put(doc);
      for (const log of this.#writeLogs) log.push({ upsert: doc });
    }
    this.#newestFirst = undefined;
    this.#compactIfNeeded();
  }

  async remove(ids: readonly string[]): Promise<void> {
    this.#assertOpen();
    for (const id of ids) {
      this.#index.remove(id);
      for (const log of this.#writeLogs) log.push({ remove: id });
    }
    this.#newestFirst = undefined;
    this.#compactIfNeeded();
  }

  async replaceAll(docs: readonly SearchDocument[]): Promise<void> {
    this.#assertOpen();
    assertValidDocuments(docs);
    await this.#scheduleRebuild([...docs]);
  }

  /** One rebuild at a time; each starts from its own snapshot of `docs`. */
  #scheduleRebuild(snapshot: SearchDocument[]): Promise<void> {
    const writes: Write[] = [];
    this.#writeLogs.add(writes);
    const run = this.#rebuilds.then(() => this.#rebuild(snapshot, writes)).finally(() => this.#writeLogs.delete(writes));
    this.#rebuilds = run.catch(() => undefined);
    return run;
  }

  async #rebuild(docs: SearchDocument[], writes: readonly Write[]): Promise<void> {
    const byId = new Map(docs.map((doc) => [doc.id, doc])); // a repeated id: the last one wins
    const index = newIndex();
    let added = 0;
    for (const doc of byId.values()) {
      index.put(doc);
      if (++added % REBUILD_CHUNK === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.#closed) return;
      }
    }
    if (this.#closed) return;
    index.trim();
    for (const write of writes) {
      if ("upsert" in write) index.put(write.upsert);
      else index.remove(write.remove);
    }
    this.#index = index;
    this.#newestFirst = undefined;
  }

  /** Upserts leave dead slots behind; past a threshold a background rebuild reclaims them. */
  #compactIfNeeded(): void {
    const index = this.#index;
    if (this.#compacting || index.deadOrdinals < Math.max(DEAD_SLOTS_BEFORE_COMPACTING, index.size)) return;
    this.#compacting = true;
    void this.#scheduleRebuild([...index.documents()]).finally(() => {
      this.#compacting = false;
    });
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    this.#assertOpen();
    const { page, perPage } = sanitizePaging(query.page, query.perPage);
    const filters = toFilters(query);
    const q = typeof query.q === "string" ? query.q : "";
    const compiled = this.#plan(q);
    if (compiled.plan.clauses.length === 0) return this.#browse(filters, page, perPage);

    const index = this.#index;
    const scored = index.score(compiled.plan.terms);
    try {
      return this.#answer(index, scored, compiled, compact(q), filters, page, perPage);
    } finally {
      index.release();
    }
  }

  #answer(index: Index, scored: Scored, compiled: CompiledPlan, typed: string, filters: Filters, page: number, perPage: number): SearchResult {
    const { touched, count, sum, mask, words: stride, order } = scored;
    const scratch = this.#scratchFor(index);
    const filter = resolveFilters(index, filters);

    // Pass 1: which hits are complete, and does any complete hit pass the filters?
    const complete = scratch.flags;
    let anyComplete = false;
    for (let i = 0; i < count; i++) {
      const ordinal = touched[i]!;
      if (isComplete(compiled, mask, ordinal * stride)) {
        complete[i] = 1;
        if (!anyComplete && filter.passes(ordinal)) anyComplete = true;
      } else complete[i] = 0;
    }

    // Pass 2: the pool (complete hits, or all when none passes), facets, and the hits to rank.
    const facets = new FacetCounter(index);
    const kept = scratch.kept;
    let total = 0;
    if (anyComplete) {
      let pool = 0;
      for (let i = 0; i < count; i++) if (complete[i] === 1) scratch.pool[pool++] = touched[i]!;
      total = facets.count(scratch.pool, pool, filter, kept);
    } else total = facets.count(touched, count, filter, kept);

    const paging = clampPage(page, total, perPage);
    const start = (paging.page - 1) * perPage;
    const wanted = Math.min(total, start + perPage);
    // Rank keys, as the MiniSearch engine sorted: exact title first, then the score with synonyms
    // left out of the "more words matched" factor, then MiniSearch's own score, then its order.
    const { rank, raw, exact } = scratch;
    for (let i = 0; i < total; i++) {
      const ordinal = kept[i]!;
      const quality = popcount(mask, ordinal * stride, compiled.words);
      const typedMatched = popcountAnd(mask, ordinal * stride, compiled.typed);
      raw[i] = sum[ordinal]! * quality;
      rank[i] = (raw[i]! / Math.max(1, quality)) * Math.max(1, typedMatched);
      exact[i] = typed !== "" && index.compactTitleOf(ordinal) === typed ? 1 : 0;
    }
    const before = (a: number, b: number): boolean => {
      if (exact[a] !== exact[b]) return exact[a]! > exact[b]!;
      if (rank[a] !== rank[b]) return rank[a]! > rank[b]!;
      if (raw[a] !== raw[b]) return raw[a]! > raw[b]!;
      const oa = order[kept[a]!]!;
      const ob = order[kept[b]!]!;
      if (oa !== ob) return oa < ob;
      return kept[a]! < kept[b]!;
    };
    const best = topK(total, wanted, before);
    const marks = marksFor(compiled.plan, scored);
    const hits = best.slice(start).map((i) => toHit(index.doc(kept[i]!), rank[i]!, marks));
    return { hits, total, ...paging, facets: facets.result() };
  }

  /** Per-search arrays, sized to the index and reused (a search runs start to end without yielding). */
  #scratchFor(index: Index): Scratch {
    const size = index.ordinalBound;
    if (!this.#scratch || this.#scratch.kept.length < size) {
      const capacity = Math.max(1024, Math.ceil(size * 1.25));
      this.#scratch = {
        flags: new Uint8Array(capacity),
        pool: new Int32Array(capacity),
        kept: new Int32Array(capacity),
        rank: new Float64Array(capacity),
        raw: new Float64Array(capacity),
        exact: new Uint8Array(capacity),
      };
    }
    return this.#scratch;
  }

  #plan(q: string): CompiledPlan {
    let compiled = this.#plans.get(q);
    if (!compiled) {
      compiled = compilePlan(planQuery(q, this.#synonyms));
      if (this.#plans.size >= PLAN_CACHE_SIZE) this.#plans.clear();
      this.#plans.set(q, compiled);
    }
    return compiled;
  }

  /** An empty query lists everything that passes the filters, newest first. */
  #browse(filters: Filters, page: number, perPage: number): SearchResult {
    const index = this.#index;
    this.#newestFirst ??= newestFirst(index);
    const order = this.#newestFirst;
    const facets = new FacetCounter(index);
    const kept = this.#scratchFor(index).kept;
    const total = facets.count(order, order.length, resolveFilters(index, filters), kept);
    const paging = clampPage(page, total, perPage);
    const start = (paging.page - 1) * perPage;
    const hits = Array.from(kept.subarray(start, Math.min(total, start + perPage)), (ordinal): SearchHit => {
      const doc = index.doc(ordinal);
      return {
        doc,
        score: 0,
        highlights: doc.body === undefined ? { title: unmarked(doc.title) } : { title: unmarked(doc.title), body: highlightSnippet(doc.body) },
      };
    });
    return { hits, total, ...paging, facets: facets.result() };
  }

  async count(): Promise<number> {
    this.#assertOpen();
    return this.#index.size;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#index = newIndex();
    this.#newestFirst = undefined;
    this.#plans.clear();
    this.#scratch = undefined;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error("The search engine is closed");
  }
}

function compilePlan(plan: QueryPlan): CompiledPlan {
  const words = Math.max(1, Math.ceil(plan.terms.length / 32));
  const bitOf = new Map(plan.terms.map((term, i) => [term.term, i]));
  const bits = (indices: Iterable<number>) => {
    const mask = new Uint32Array(words);
    for (const i of indices) mask[i >>> 5]! |= 1 << (i & 31);
    return mask;
  };
  return {
    plan,
    words,
    typed: bits(plan.terms.flatMap((term, i) => (term.typed ? [i] : []))),
    clauses: plan.clauses.map((alternatives) => alternatives.map((terms) => bits(terms.map((term) => bitOf.get(term)!)))),
  };
}

/** Every clause has an alternative whose terms all matched (MiniSearch's queryTerms, as bits). */
function isComplete(compiled: CompiledPlan, mask: Uint32Array, at: number): boolean {
  clauses: for (const alternatives of compiled.clauses) {
    alternatives: for (const required of alternatives) {
      for (let w = 0; w < required.length; w++) if ((mask[at + w]! & required[w]!) !== required[w]) continue alternatives;
      continue clauses;
    }
    return false;
  }
  return true;
}

function popcount(mask: Uint32Array, at: number, words: number): number {
  let n = 0;
  for (let w = 0; w < words; w++) n += bitCount(mask[at + w]!);
  return n;
}

function popcountAnd(mask: Uint32Array, at: number, bits: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) n += bitCount(mask[at + w]! & bits[w]!);
  return n;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The first `k` of `n` items in order (`before(a, b)`: a ranks higher), sorted. A bounded heap
 * whose root is the worst kept item, so most items cost one comparison; all of them when k ≥ n/4.
 */
export function topK(n: number, k: number, before: (a: number, b: number) => boolean): number[] {
  if (k <= 0) return [];
  if (k * 4 >= n) {
    const all = Array.from({ length: n }, (_, i) => i);
    return all.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, k);
  }
  const heap: number[] = [];
  const worse = (a: number, b: number) => before(b, a);
  const up = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!worse(heap[at]!, heap[parent]!)) break;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  };
  const down = (at: number) => {
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (before(i, heap[0]!)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

function toFilters(query: SearchQuery): Filters {
  return {
    types: query.types && query.types.length > 0 ? new Set(query.types) : undefined,
    tradeCode: query.tradeCode || undefined,
    city: query.city || undefined,
  };
}

/** Filters as facet ids; a value no document has (an unknown trade or city) matches nothing (-2). */
interface ResolvedFilters {
  /** Allowed per type id, or undefined for any type. */
  types: Uint8Array | undefined;
  trade: number | undefined;
  city: number | undefined;
  passes(ordinal: number): boolean;
}

function resolveFilters(index: Index, filters: Filters): ResolvedFilters {
  const types = filters.types ? new Uint8Array(index.types.values.map((type) => (filters.types!.has(type) ? 1 : 0))) : undefined;
  const known = (id: number) => (id >= 0 ? id : -2);
  const trade = filters.tradeCode === undefined ? undefined : known(index.trades.find(filters.tradeCode));
  const city = filters.city === undefined ? undefined : known(index.cities.find(filters.city));
  const ids = index.facetIds();
  return {
    types,
    trade,
    city,
    passes: (ordinal) =>
      (!types || types[ids.type[ordinal]!] === 1) && (trade === undefined || ids.trade[ordinal] === trade) && (city === undefined || ids.city[ordinal] === city),
  };
}

/**
 * Counts facets while deciding what passes every filter: types ignoring the type filter (tabs),
 * trades ignoring the trade filter, cities ignoring the city filter.
 */
class FacetCounter {
  readonly #index: Index;
  readonly #types: Int32Array;
  readonly #trades: Int32Array;
  readonly #cities: Int32Array;

  constructor(index: Index) {
    this.#index = index;
    this.#types = new Int32Array(index.types.values.length);
    this.#trades = new Int32Array(index.trades.values.length);
    this.#cities = new Int32Array(index.cities.values.length);
  }

  /** Counts the first `n` ordinals; those passing every filter go to `kept`, in order. Returns how many. */
  count(ordinals: Int32Array, n: number, filter: ResolvedFilters, kept: Int32Array): number {
    const ids = this.#index.facetIds();
    const typeIds = ids.type;
    const tradeIds = ids.trade;
    const cityIds = ids.city;
    const types = this.#types;
    const trades = this.#trades;
    const cities = this.#cities;
    const allowed = filter.types;
    const wantedTrade = filter.trade;
    const wantedCity = filter.city;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const ordinal = ordinals[i]!;
      const type = typeIds[ordinal]!;
      const trade = tradeIds[ordinal]!;
      const city = cityIds[ordinal]!;
      const typeOk = !allowed || allowed[type] === 1;
      const tradeOk = wantedTrade === undefined || trade === wantedTrade;
      const cityOk = wantedCity === undefined || city === wantedCity;
      if (tradeOk && cityOk) types[type]! += 1;
      if (typeOk && cityOk && trade >= 0) trades[trade]! += 1;
      if (typeOk && tradeOk && city >= 0) cities[city]! += 1;
      if (typeOk && tradeOk && cityOk) kept[total++] = ordinal;
    }
    return total;
  }

  result(): SearchFacets {
    const facets: SearchFacets = { type: emptyTypeFacets(), tradeCode: {}, city: {} };
    const { types, trades, cities } = this.#index;
    this.#types.forEach((n, id) => {
      if (n > 0) facets.type[types.values[id] as DocType] = n;
    });
    this.#trades.forEach((n, id) => {
      if (n > 0) facets.tradeCode[trades.values[id]!] = n;
    });
    this.#cities.forEach((n, id) => {
      if (n > 0) facets.city[cities.values[id]!] = n;
    });
    return facets;
  }
}

/** Highlights come from the document terms the hit matched (after prefix, typo and synonym expansion). */
function toHit(doc: SearchDocument, score: number, matched: Marks): SearchHit {
  return {
    doc,
    score,
    highlights:
      doc.body === undefined ? { title: highlight(doc.title, matched) } : { title: highlight(doc.title, matched), body: highlightSnippet(doc.body, matched) },
  };
}

/**
 * Terms found as such are marked whole; terms reached by a typed prefix only for the prefix's
 * length. Built over every expansion of the query: a page's text can only contain the expansions
 * its document matched, so one map serves every hit.
 */
function marksFor(plan: QueryPlan, scored: Scored): Marks {
  const planned = new Set(plan.terms.map((term) => term.term));
  const prefixes = plan.terms.filter((term) => term.prefix).map((term) => term.term);
  const marks = new Map<string, number>();
  for (const expansions of scored.expansions) {
    for (const { term } of expansions) {
      if (marks.has(term)) continue;
      const prefix = planned.has(term) ? undefined : prefixes.find((p) => term.startsWith(p));
      marks.set(term, prefix ? prefix.length : Number.POSITIVE_INFINITY);
    }
  }
  return marks;
}

/** Newest first; undated documents last; ties by id, so pages are stable. */
function newestFirst(index: Index): Int32Array {
  const ordinals: number[] = [];
  const time = new Float64Array(index.ordinalBound);
  for (let ordinal = 0; ordinal < index.ordinalBound; ordinal++) {
    if (!index.isAlive(ordinal)) continue;
    const published = index.doc(ordinal).publishedAt;
    ordinals.push(ordinal);
    time[ordinal] = published ? Date.parse(published) : Number.NEGATIVE_INFINITY;
  }
  ordinals.sort((a, b) => {
    const byTime = time[b]! - time[a]!;
    if (byTime) return byTime;
    const idA = index.doc(a).id;
    const idB = index.doc(b).id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  return Int32Array.from(ordinals);
}
