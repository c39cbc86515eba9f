// Turns what a worker typed into the terms to look up and the clauses a "complete" hit must
// satisfy. Rules (Meilisearch's, which measured well here — docs/decisions/005):
//   - every typed word must match (AND); the engine falls back to any word (OR) when no hit
//     has them all;
//   - prefix matching on the last word only, and only while it is being typed (no trailing space);
//   - typos only in words with letters: 1 edit from 5 characters, 2 from 9; none in CJK or numbers;
//   - a word (or phrase) in the synonym file also matches its siblings, at a lower weight.
import type { Synonyms } from "./synonyms.ts";
import { cjkBigrams, hasLetters, normalize, splitWords, tokenize, wordTokens, type Word } from "./tokenize.ts";

/** The engine reads at most this much of a query; the route cuts earlier and says so. */
export const MAX_QUERY_CHARS = 200;
/** Caps on lookups, because a search blocks the event loop for its whole duration. */
const MAX_TYPED_TERMS = 32;
const MAX_SYNONYM_TERMS = 48;
/** A longer "word" is pasted junk; typo matching costs grow with word length. */
const MAX_WORD_CHARS = 64;
/** A synonym counts half as much as the word typed, so exact wording ranks first. */
export const SYNONYM_WEIGHT = 0.5;

export interface PlannedTerm {
  term: string;
  /** Typed by the user (or part of what was typed), as opposed to reached only through synonyms. */
  typed: boolean;
  /** 1 for typed terms, SYNONYM_WEIGHT for synonyms. */
  weight: number;
  prefix: boolean;
  /** Maximum edit distance. */
  fuzzy: number;
}

export interface QueryPlan {
  /** Every distinct term to look up (the union: OR). */
  terms: PlannedTerm[];
  /**
   * A hit is complete when, for every clause, all terms of at least one alternative matched it.
   * Terms outside every clause (bigrams spanning two dictionary words, like 莞叉 in 东莞叉车) only
   * add to the score. No clauses means there is nothing to search for: browse.
   */
  clauses: string[][][];
}

export function typoBudget(term: string): number {
  if (!hasLetters(term)) return 0;
  const length = Array.from(term).length;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

export function planQuery(q: string, synonyms: Synonyms): QueryPlan {
  const text = normalize(q.slice(0, MAX_QUERY_CHARS));
  const words = splitWords(text).map(capWord);
  // "weld" is still being typed; "weld " is a finished word.
  const typingLastWord = words.length > 0 && words[words.length - 1]!.end === text.length;
  const plan = new PlanBuilder();

  for (let i = 0; i < words.length && plan.typedCount < MAX_TYPED_TERMS; ) {
    const phrase = synonyms.phraseAt(words, i);
    const isLast = (length: number) => typingLastWord && i + length === words.length;
    if (phrase) {
      const typed = words.slice(i, i + phrase.length).flatMap(wordTokens);
      plan.clause(typed, synonyms.siblingsOf(phrase.key).map(tokenize), isLast(phrase.length));
      i += phrase.length;
    } else {
      const word = words[i]!;
      if (word.kind === "cjk") planCjkRun(word, synonyms, plan, isLast(1));
      else plan.clause([word.text], [], isLast(1));
      i += 1;
    }
  }
  return plan.build();
}

/** Cuts a CJK run to the term budget (n characters make n − 1 bigrams) and other words to MAX_WORD_CHARS. */
function capWord(word: Word): Word {
  const limit = word.kind === "cjk" ? MAX_TYPED_TERMS + 1 : MAX_WORD_CHARS;
  const chars = Array.from(word.text);
  return chars.length <= limit ? word : { ...word, text: chars.slice(0, limit).join("") };
}

/**
 * A CJK run with trade words inside (东莞叉车, 叉车证, 数控车床) requires each trade word (with
 * its synonyms) and each leftover stretch of two or more characters; bigrams that straddle two
 * pieces and single leftover characters only add to the score. A run with no trade word inside
 * requires all its bigrams — and so does a run that starts with a single leftover character:
 * the small trade dictionary then most likely cut across real words (汽|车工|业 in 汽车工业).
 */
function planCjkRun(word: Word, synonyms: Synonyms, plan: PlanBuilder, typing: boolean): void {
  const chars = Array.from(word.text);
  const found = synonyms.findInCjkRun(word.text);
  if (found.length === 0) {
    plan.clause(cjkBigrams(word.text), [], typing);
    return;
  }
  // Pieces in order: dictionary words and the stretches between them.
  const pieces: Array<{ start: number; end: number; inDictionary: boolean }> = [];
  let at = 0;
  for (const piece of found) {
    if (piece.start > at) pieces.push({ start: at, end: piece.start, inDictionary: false });
    pieces.push({ ...piece, inDictionary: true });
    at = piece.end;
  }
  if (at < chars.length) pieces.push({ start: at, end: chars.length, inDictionary: false });
  if (!pieces[0]!.inDictionary && pieces[0]!.end === 1) {
    plan.clause(cjkBigrams(word.text), [], typing);
    return;
  }

  const pieceOf = new Array<number>(chars.length);
  pieces.forEach((piece, index) => pieceOf.fill(index, piece.start, piece.end));
  pieces.forEach((piece, index) => {
    const text = chars.slice(piece.start, piece.end).join("");
    const isLastPiece = typing && index === pieces.length - 1;
    if (piece.inDictionary) plan.clause(cjkBigrams(text), synonyms.siblingsOf(text).map(tokenize), isLastPiece);
    else if (piece.end - piece.start >= 2) plan.clause(cjkBigrams(text), [], isLastPiece);
    else if (isLastPiece) plan.optional(text, true); // 叉车司… → 司 as a prefix of 司机
  });
  for (let p = 0; p + 1 < chars.length; p++) {
    if (pieceOf[p] !== pieceOf[p + 1]) plan.optional(chars[p]! + chars[p + 1]!, false);
  }
}

class PlanBuilder {
  readonly #terms = new Map<string, PlannedTerm>();
  readonly #clauses: string[][][] = [];
  typedCount = 0;
  #synonymCount = 0;

  /** A required clause: the typed terms, or all terms of any synonym alternative. */
  clause(typed: string[], alternatives: string[][], prefixOnLast: boolean): void {
    if (typed.length === 0) return;
    typed.forEach((term, index) => this.#typed(term, prefixOnLast && index === typed.length - 1));
    const kept = [typed];
    for (const alternative of [...alternatives].sort((a, b) => a.length - b.length)) {
      // 叉车司机 adds nothing to 叉车 (nor "forklift driver" to forklift): every document with
      // all its terms already has all the terms of the shorter alternative.
      if (alternative.length === 0 || kept.some((shorter) => shorter.every((term) => alternative.includes(term)))) continue;
      const fresh = alternative.filter((term) => !this.#terms.has(term)).length;
      if (this.#synonymCount + fresh > MAX_SYNONYM_TERMS) continue;
      this.#synonymCount += fresh;
      for (const term of alternative) this.#add({ term, typed: false, weight: SYNONYM_WEIGHT, prefix: false, fuzzy: 0 });
      kept.push(alternative);
    }
    this.#clauses.push(kept);
  }

  /** A term that adds to the score but is never required. */
  optional(term: string, prefix: boolean): void {
    this.#typed(term, prefix);
  }

  #typed(term: string, prefix: boolean): void {
    if (!this.#terms.has(term)) this.typedCount += 1;
    this.#add({ term, typed: true, weight: 1, prefix, fuzzy: typoBudget(term) });
  }

  #add(next: PlannedTerm): void {
    const existing = this.#terms.get(next.term);
    if (!existing) {
      this.#terms.set(next.term, next);
      return;
    }
    existing.typed ||= next.typed;
    existing.weight = Math.max(existing.weight, next.weight);
    existing.prefix ||= next.prefix;
    existing.fuzzy = Math.max(existing.fuzzy, next.fuzzy);
  }

  build(): QueryPlan {
    return { terms: [...this.#terms.values()], clauses: this.#clauses };
  }
}
