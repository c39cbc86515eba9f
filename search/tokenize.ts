// One tokenizer for indexing, queries and highlighting, so the three always agree.
//
// Chinese has no spaces between words. Dictionary segmenters split partial input typed on a phone
// (氩弧 → 氩|弧, 维修电 → 维修|电) and then miss; overlapping two-character pieces (bigrams) match
// any substring of two or more characters instead, so as-you-type prefixes and compound trade
// names (数控车床) work with no dictionary at all. Measured: docs/decisions/005.

const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Bopomofo}";
const CJK_CHAR = new RegExp(`^[${CJK}]`, "u");
const LETTER = /\p{L}/u;

/**
 * A run of CJK characters, or a word of other letters and digits (combining marks included).
 * Everything else — spaces, punctuation, emoji, control characters, operators, quotes, lone
 * surrogates — only separates runs.
 */
const RUNS = new RegExp(`([${CJK}]+)|((?:(?![${CJK}])[\\p{L}\\p{N}])(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])*)`, "gu");

export interface Word {
  text: string;
  kind: "cjk" | "word";
  /** Offsets in the normalized string. */
  start: number;
  end: number;
}

/** NFKC folds full-width letters and digits (ＣＮＣ, ２０２４) and ligatures; then lower case. */
export function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The runs of an already normalized string, in order. */
export function splitWords(normalized: string): Word[] {
  const words: Word[] = [];
  for (const match of normalized.matchAll(RUNS)) {
    const text = match[0];
    const start = match.index;
    words.push({ text, kind: match[1] ? "cjk" : "word", start, end: start + text.length });
  }
  return words;
}

/** Overlapping two-character pieces of a CJK run; a single character stays one token. */
export function cjkBigrams(run: string): string[] {
  const chars = Array.from(run); // by code point: rare characters (𠮷) are surrogate pairs
  if (chars.length < 2) return chars;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
  return bigrams;
}

export function wordTokens(word: Pick<Word, "text" | "kind">): string[] {
  return word.kind === "cjk" ? cjkBigrams(word.text) : [word.text];
}

/** The tokens of any text, for indexing and for queries. Never throws. */
export function tokenize(text: string): string[] {
  return splitWords(normalize(text)).flatMap(wordTokens);
}

export function isCjkToken(token: string): boolean {
  return CJK_CHAR.test(token);
}

/** Typos are tolerated only in words with letters: not in CJK (a "typo" there is another word) nor in numbers. */
export function hasLetters(token: string): boolean {
  return !isCjkToken(token) && LETTER.test(token);
}
