// The embedded engine's index: an inverted index over our tokens (CJK bigrams and words) that
// scores exactly as MiniSearch 7.2.0 did (docs/decisions/005) — BM25+ with k 1.2, b 0.7, d 0.5,
// field boosts, prefix matches weighted 0.375·len/(len + 0.3·extra), typos 0.45·len/(len + distance),
// one sum per query term, added in query order — but stores postings in typed arrays and scores
// into dense per-document arrays. Measured at 100k documents (docs/benchmarks.md), MiniSearch's
// Map-of-Maps postings and per-hit result objects made a search cost p99 > 1 s and a rebuild
// > 60 s; nearly all of it was allocation and hashing, not arithmetic.
//
// Documents get an ordinal (0, 1, 2, … in the order they are added; an upsert gets a new one).
// Per-ordinal facts (field lengths, facet ids, the compact title) live in flat arrays. A term's
// postings are one Int32Array of (ordinal, packed term frequencies) pairs in ordinal order; removed
// documents are skipped by a liveness flag and compacted away once they make up a quarter of a list.
//
// Searching is synchronous and reuses scratch arrays owned by the index, so results read from the
// scratch (`Scored`) are valid only until the next search.
import { normalize, tokenize } from "./tokenize.ts";

/** MiniSearch's defaults, which the relevance suite was tuned on. */
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** Term frequencies of up to 4 fields packed 7 bits each into one int (a frequency above 127 counts as 127). */
const TF_BITS = 7;
const TF_MAX = (1 << TF_BITS) - 1;
export const MAX_FIELDS = 4;

/** Expansions (prefix and typo lookups over the vocabulary) remembered until the vocabulary grows. */
const EXPANSION_CACHE_SIZE = 4096;

export interface IndexedField<D> {
  name: string;
  boost: number;
  extract: (doc: D) => string | undefined;
}

export interface TermQuery {
  term: string;
  /** Multiplies every score this term contributes (synonyms count half). */
  weight: number;
  prefix: boolean;
  /** Maximum edit distance (0: exact). */
  fuzzy: number;
}

/** A vocabulary term reached from a query term: itself, a longer term it prefixes, or a near miss. */
export interface Expansion {
  term: string;
  /** 1 for the term itself, less for prefix and typo matches. */
  weight: number;
  postings: Postings;
}

class Postings {
  /** (ordinal, packed term frequencies) pairs, ordinals ascending. */
  data: Int32Array = new Int32Array(4);
  length = 0;
  /** Entries whose document was removed, still in `data`. */
  dead = 0;
  /** Live documents containing the term, per field (BM25's document frequency). */
  readonly df: number[];
  constructor(fields: number) {
    this.df = new Array<number>(fields).fill(0);
  }

  push(ordinal: number, packed: number): void {
    if (this.length * 2 + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length * 2] = ordinal;
    this.data[this.length * 2 + 1] = packed;
    this.length += 1;
  }

  compact(alive: Uint8Array): void {
    let kept = 0;
    const data = this.data;
    for (let i = 0; i < this.length; i++) {
      const ordinal = data[i * 2]!;
      if (alive[ordinal] === 0) continue;
      data[kept * 2] = ordinal;
      data[kept * 2 + 1] = data[i * 2 + 1]!;
      kept += 1;
    }
    this.length = kept;
    this.dead = 0;
    this.trim();
  }

  trim(): void {
    if (this.data.length > this.length * 2 + 8) this.data = this.data.slice(0, Math.max(4, this.length * 2));
  }
}

/** Small integer ids for facet values (types, trades, cities), so counting is array indexing. */
export class Interner {
  readonly #ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.#ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
  /** -1 when the value was never seen: it matches no document. */
  find(value: string): number {
    return this.#ids.get(value) ?? -1;
  }
}

/** The result of scoring a query, read by the engine before the next search. */
export interface Scored {
  /** Ordinals that matched at least one term, `count` of them, in first-match order. */
  readonly touched: Int32Array;
  readonly count: number;
  /** Per ordinal: the sum of every term's score (MiniSearch's raw score). */
  readonly sum: Float64Array;
  /** Per ordinal: which query terms matched, `words` 32-bit words per ordinal (bit q = query q). */
  readonly mask: Uint32Array;
  readonly words: number;
  /** Per ordinal: where MiniSearch would have put it among equal scores (lower first). */
  readonly order: Float64Array;
  /** Every expansion looked up, per query term (for highlighting). */
  readonly expansions: Expansion[][];
}

export class InvertedIndex<D extends { id: string }> {
  readonly #fields: IndexedField<D>[];
  readonly #boosts: Float64Array;
  readonly #terms = new Map<string, Postings>();
  /** Terms by their first character, for prefix lookups. */
  readonly #byFirst = new Map<string, string[]>();
  /** Terms by length (UTF-16 units), for typo lookups. */
  readonly #byLength: string[][] = [];
  readonly #expansions = new Map<string, Array<{ term: string; weight: number }>>();

  readonly #ordinalOf = new Map<string, number>();
  #docs: Array<D | undefined> = [];
  #alive = new Uint8Array(0);
  /** Unique terms per field per ordinal; -1 when the document has no such field. */
  #fieldLength = new Int32Array(0);
  readonly #avgFieldLength: Float64Array;
  #live = 0;
  #next = 0;
  #deadOrdinals = 0;

  /** Facet ids per ordinal (-1: none) and the compact title (exact-title ranking). */
  #typeId = new Int16Array(0);
  #tradeId = new Int32Array(0);
  #cityId = new Int32Array(0);
  #compactTitle: string[] = [];
  readonly types = new Interner();
  readonly trades = new Interner();
  readonly cities = new Interner();
  /** Term → packed frequencies of the document being added (reused). */
  readonly #packed = new Map<string, number>();
  readonly #facetsOf: (doc: D) => { type: string; trade?: string; city?: string; title: string };

  // Scratch, sized to the ordinal capacity.
  #sum = new Float64Array(0);
  #termSum = new Float64Array(0);
  #mask = new Uint32Array(0);
  #maskWords = 1;
  #touched = new Int32Array(0);
  #termTouched = new Int32Array(0);
  #order = new Float64Array(0);

  constructor(fields: IndexedField<D>[], facetsOf: (doc: D) => { type: string; trade?: string; city?: string; title: string }) {
    if (fields.length > MAX_FIELDS) throw new Error(`at most ${MAX_FIELDS} fields`);
    this.#fields = fields;
    this.#boosts = Float64Array.from(fields.map((field) => field.boost));
    this.#avgFieldLength = new Float64Array(fields.length);
    this.#facetsOf = facetsOf;
  }

  get size(): number {
    return this.#live;
  }

  /** Ordinals handed out, live or not: the bound for per-ordinal loops. */
  get ordinalBound(): number {
    return this.#next;
  }

  /** Ordinals of removed documents still taking space (a full rebuild reclaims them). */
  get deadOrdinals(): number {
    return this.#deadOrdinals;
  }

  has(id: string): boolean {
    return this.#ordinalOf.has(id);
  }

  get(id: string): D | undefined {
    const ordinal = this.#ordinalOf.get(id);
    return ordinal === undefined ? undefined : this.#docs[ordinal];
  }

  doc(ordinal: number): D {
    return this.#docs[ordinal]!;
  }

  isAlive(ordinal: number): boolean {
    return this.#alive[ordinal] === 1;
  }

  *documents(): IterableIterator<D> {
    for (let ordinal = 0; ordinal < this.#next; ordinal++) if (this.#alive[ordinal] === 1) yield this.#docs[ordinal]!;
  }

  /** Per-ordinal facet ids (valid until the next write): for loops that must not call per hit. */
  facetIds(): { type: Int16Array; trade: Int32Array; city: Int32Array } {
    return { type: this.#typeId, trade: this.#tradeId, city: this.#cityId };
  }

  typeOf(ordinal: number): number {
    return this.#typeId[ordinal]!;
  }
  tradeOf(ordinal: number): number {
    return this.#tradeId[ordinal]!;
  }
  cityOf(ordinal: number): number {
    return this.#cityId[ordinal]!;
  }
  compactTitleOf(ordinal: number): string {
    return this.#compactTitle[ordinal]!;
  }

  /** Adds a document, or replaces the one with the same id. */
  put(doc: D): void {
    this.remove(doc.id);
    const ordinal = this.#next++;
    this.#ensureCapacity(this.#next);
    this.#ordinalOf.set(doc.id, ordinal);
    this.#docs[ordinal] = doc;
    this.#alive[ordinal] = 1;
    const facets = this.#facetsOf(doc);
    this.#typeId[ordinal] = this.types.id(facets.type);
    this.#tradeId[ordinal] = facets.trade ? this.trades.id(facets.trade) : -1;
    this.#cityId[ordinal] = facets.city ? this.cities.id(facets.city) : -1;
    this.#compactTitle[ordinal] = compact(facets.title);

    // MiniSearch's running average: over the documents before this one, updated only by fields
    // the document has (field lengths count unique terms).
    const before = this.#live;
    this.#live += 1;
    const fieldCount = this.#fields.length;
    const packed = this.#packed;
    packed.clear();
    for (let f = 0; f < fieldCount; f++) {
      const value = this.#fields[f]!.extract(doc);
      if (value == null) {
        this.#fieldLength[ordinal * fieldCount + f] = -1;
        continue;
      }
      const tokens = tokenize(value);
      let unique = 0;
      const shift = f * TF_BITS;
      for (const token of tokens) {
        const current = packed.get(token) ?? 0;
        const tf = (current >>> shift) & TF_MAX;
        if (tf === 0) unique += 1;
        if (tf < TF_MAX) packed.set(token, current + (1 << shift));
      }
      this.#fieldLength[ordinal * fieldCount + f] = unique;
      this.#avgFieldLength[f] = (this.#avgFieldLength[f]! * before + unique) / (before + 1);
    }
    for (const [term, tfs] of packed) {
      let postings = this.#terms.get(term);
      if (!postings) {
        postings = new Postings(fieldCount);
        this.#addTerm(term, postings);
      }
      postings.push(ordinal, tfs);
      for (let f = 0; f < fieldCount; f++) if ((tfs >>> (f * TF_BITS)) & TF_MAX) postings.df[f]! += 1;
    }
  }

  /** Unknown ids are ignored. */
  remove(id: string): boolean {
    const ordinal = this.#ordinalOf.get(id);
    if (ordinal === undefined) return false;
    const doc = this.#docs[ordinal]!;
    this.#ordinalOf.delete(id);
    this.#alive[ordinal] = 0;
    this.#docs[ordinal] = undefined;
    this.#compactTitle[ordinal] = "";
    this.#deadOrdinals += 1;
    const fieldCount = this.#fields.length;
    const count = this.#live;
    const terms = new Set<string>();
    for (let f = 0; f < fieldCount; f++) {
      const length = this.#fieldLength[ordinal * fieldCount + f]!;
      if (length < 0) continue;
      this.#avgFieldLength[f] = count === 1 ? 0 : (this.#avgFieldLength[f]! * count - length) / (count - 1);
      // The stored document is re-read; a caller that changed it after the upsert must not make
      // this throw (its old terms' counts then stay a little high until the next rebuild).
      for (const term of new Set(tokenize(this.#fields[f]!.extract(doc) ?? ""))) {
        const postings = this.#terms.get(term);
        if (!postings || postings.df[f]! <= 0) continue;
        postings.df[f]! -= 1;
        terms.add(term);
      }
    }
    this.#live -= 1;
    for (const term of terms) {
      const postings = this.#terms.get(term)!;
      postings.dead += 1;
      if (postings.dead * 4 > postings.length) postings.compact(this.#alive);
    }
    return true;
  }

  /** Shrinks every postings list to its length (after a bulk build). */
  trim(): void {
    for (const postings of this.#terms.values()) postings.trim();
  }

  /**
   * Scores every document matching any of `queries` (OR), as MiniSearch's
   * `search({ combineWith: "OR", queries: [...] })` did, down to the order of floating-point
   * additions: per query term, a sum over its expansions, fields and documents in that order;
   * then the terms' sums added in query order.
   */
  score(queries: readonly TermQuery[]): Scored {
    this.release();
    this.#ensureScratch(Math.max(1, Math.ceil(queries.length / 32)));
    const words = this.#maskWords;
    const sum = this.#sum;
    const termSum = this.#termSum;
    const mask = this.#mask;
    const order = this.#order;
    const touched = this.#touched;
    const termTouched = this.#termTouched;
    const alive = this.#alive;
    const fieldLength = this.#fieldLength;
    const fieldCount = this.#fields.length;
    const boosts = this.#boosts;
    const avg = this.#avgFieldLength;
    const total = this.#live;
    const idf = new Float64Array(fieldCount);
    let count = 0;
    const expansions: Expansion[][] = [];

    for (let q = 0; q < queries.length; q++) {
      const query = queries[q]!;
      const word = q >>> 5;
      const bit = 1 << (q & 31);
      const found = this.#expand(query);
      expansions.push(found);
      let termCount = 0;
      for (let e = 0; e < found.length; e++) {
        const { weight, postings } = found[e]!;
        const termWeight = weight * query.weight;
        for (let f = 0; f < fieldCount; f++) {
          const df = postings.df[f]!;
          idf[f] = Math.log(1 + (total - df + 0.5) / (df + 0.5));
        }
        const data = postings.data;
        const length = postings.length;
        for (let i = 0; i < length; i++) {
          const ordinal = data[i * 2]!;
          if (alive[ordinal] === 0) continue;
          const tfs = data[i * 2 + 1]!;
          const m = ordinal * words + word;
          for (let f = 0; f < fieldCount; f++) {
            const tf = (tfs >>> (f * TF_BITS)) & TF_MAX;
            if (tf === 0) continue;
            const len = fieldLength[ordinal * fieldCount + f]!;
            const raw = idf[f]! * (BM25_D + (tf * (BM25_K + 1)) / (tf + BM25_K * (1 - BM25_B + (BM25_B * len) / avg[f]!)));
            const weighted = termWeight * boosts[f]! * 1 * raw;
            if ((mask[m]! & bit) === 0) {
              if (!isTouched(mask, ordinal, words)) {
                // MiniSearch's result order: first query term, then expansion, then field.
                order[ordinal] = q * 2 ** 32 + e * 8 + f;
                touched[count++] = ordinal;
              }
              mask[m]! |= bit;
              termTouched[termCount++] = ordinal;
              termSum[ordinal] = weighted;
            } else termSum[ordinal]! += weighted;
          }
        }
      }
      for (let i = 0; i < termCount; i++) {
        const ordinal = termTouched[i]!;
        sum[ordinal]! += termSum[ordinal]!;
        termSum[ordinal] = 0;
      }
    }
    this.#lastCount = count;
    return { touched, count, sum, mask, words, order, expansions };
  }

  #lastCount = 0;

  /** Clears what the last `score` wrote into the scratch (done by the next `score` anyway). */
  release(): void {
    const words = this.#maskWords;
    for (let i = 0; i < this.#lastCount; i++) {
      const ordinal = this.#touched[i]!;
      this.#sum[ordinal] = 0;
      for (let w = 0; w < words; w++) this.#mask[ordinal * words + w] = 0;
    }
    this.#lastCount = 0;
  }

  /** The term itself, then longer terms it prefixes, then terms within its edit distance. */
  #expand(query: TermQuery): Expansion[] {
    const key = `${query.prefix ? "p" : "-"}${query.fuzzy}${query.term}`;
    let terms = this.#expansions.get(key);
    if (!terms) {
      terms = [];
      const exact = this.#terms.has(query.term);
      if (exact) terms.push({ term: query.term, weight: 1 });
      const prefixed = new Set<string>();
      if (query.prefix && query.term.length > 0) {
        const bucket = this.#byFirst.get(firstChar(query.term)) ?? [];
        for (const term of bucket) {
          if (term.length > query.term.length && term.startsWith(query.term)) {
            prefixed.add(term);
            const distance = term.length - query.term.length;
            terms.push({ term, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance) });
          }
        }
      }
      if (query.fuzzy > 0) {
        const n = query.term.length;
        for (let length = Math.max(1, n - query.fuzzy); length <= n + query.fuzzy; length++) {
          for (const term of this.#byLength[length] ?? []) {
            if (term === query.term || prefixed.has(term)) continue;
            const distance = editDistance(query.term, term, query.fuzzy);
            if (distance <= query.fuzzy) terms.push({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) });
          }
        }
      }
      if (this.#expansions.size >= EXPANSION_CACHE_SIZE) this.#expansions.clear();
      this.#expansions.set(key, terms);
    }
    return terms.map(({ term, weight }) => ({ term, weight, postings: this.#terms.get(term)! }));
  }

  #addTerm(term: string, postings: Postings): void {
    this.#terms.set(term, postings);
    const first = firstChar(term);
    let bucket = this.#byFirst.get(first);
    if (!bucket) this.#byFirst.set(first, (bucket = []));
    bucket.push(term);
    (this.#byLength[term.length] ??= []).push(term);
    if (this.#expansions.size > 0) this.#expansions.clear(); // a new term may expand any cached query
  }

  #ensureCapacity(needed: number): void {
    if (needed <= this.#alive.length) return;
    const capacity = Math.max(1024, this.#alive.length * 2, needed);
    const grow = <T extends Uint8Array | Int16Array | Int32Array>(old: T, make: (n: number) => T, size: number): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    const fields = this.#fields.length;
    this.#alive = grow(this.#alive, (n) => new Uint8Array(n), capacity);
    this.#fieldLength = grow(this.#fieldLength, (n) => new Int32Array(n), capacity * fields);
    this.#typeId = grow(this.#typeId, (n) => new Int16Array(n), capacity);
    this.#tradeId = grow(this.#tradeId, (n) => new Int32Array(n), capacity);
    this.#cityId = grow(this.#cityId, (n) => new Int32Array(n), capacity);
  }

  /** Scratch arrays follow the ordinal capacity; the mask only ever widens. */
  #ensureScratch(words: number): void {
    const capacity = this.#alive.length;
    if (this.#sum.length !== capacity) {
      this.#sum = new Float64Array(capacity);
      this.#termSum = new Float64Array(capacity);
      this.#order = new Float64Array(capacity);
      this.#touched = new Int32Array(capacity);
      this.#termTouched = new Int32Array(capacity);
      this.#maskWords = Math.max(this.#maskWords, words);
      this.#mask = new Uint32Array(capacity * this.#maskWords);
    } else if (words > this.#maskWords) {
      this.#maskWords = words;
      this.#mask = new Uint32Array(capacity * words);
    }
  }
}

function isTouched(mask: Uint32Array, ordinal: number, words: number): boolean {
  for (let w = 0; w < words; w++) if (mask[ordinal * words + w] !== 0) return true;
  return false;
}

function firstChar(term: string): string {
  const code = term.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdbff ? term.slice(0, 2) : term.slice(0, 1);
}

/** Levenshtein distance (UTF-16 units, as MiniSearch counted), or max + 1 once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let previous = new Array<number>(n + 1);
  let current = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    const cb = b.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(j - 1) === cb ? 0 : 1;
      const value = Math.min(previous[j - 1]! + cost, previous[j]! + 1, current[j - 1]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[n]!;
}

/** What "titled exactly what was typed" compares: normalized, without whitespace. */
export function compact(text: string): string {
  return normalize(typeof text === "string" ? text : "").replace(/\s+/g, "");
}
