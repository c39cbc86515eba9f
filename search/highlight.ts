// Marks the parts of a title or body that matched, as text segments (never HTML). It re-runs the
// tokenizer over the original text and marks every token the engine reported as matched — the
// document's own terms, so prefixes (weld → Welding), typos (weldng → welding) and synonyms
// (电焊 → 焊工) are marked exactly where the index found them. A prefix match marks only the
// typed part (焊 in 焊接, weld in welding), as Meilisearch does.
import type { HighlightSegment } from "./types.ts";
import { normalize, splitWords } from "./tokenize.ts";

/** Body text beyond this is neither scanned nor shown: a snippet needs only the start of a match. */
const MAX_SCANNED_CHARS = 4000;
const SNIPPET_CHARS = 120;
const SNIPPET_CONTEXT_BEFORE = 24;
const ELLIPSIS = "…";

/** Document term → how many of its leading characters (UTF-16 units) to mark; Infinity marks it all. */
export type Marks = ReadonlyMap<string, number>;

const NOTHING: Marks = new Map();

/** The whole text, with matches marked. */
export function highlight(text: string, matched: Marks): HighlightSegment[] {
  return toSegments(text, matchRanges(text, matched), 0, text.length);
}

/** A window of about SNIPPET_CHARS around the first match (or the start), with matches marked. */
export function highlightSnippet(text: string, matched: Marks = NOTHING): HighlightSegment[] {
  const scanned = text.length > MAX_SCANNED_CHARS ? text.slice(0, codePointBoundary(text, MAX_SCANNED_CHARS)) : text;
  const ranges = matchRanges(scanned, matched);
  if (text.length <= SNIPPET_CHARS) return toSegments(text, ranges, 0, text.length);
  const first = ranges[0]?.[0] ?? 0;
  const start = codePointBoundary(text, Math.max(0, first - SNIPPET_CONTEXT_BEFORE));
  const end = codePointBoundary(text, Math.min(text.length, start + SNIPPET_CHARS));
  const segments = toSegments(text, ranges, start, end);
  if (start > 0) segments.unshift({ text: ELLIPSIS, isMatch: false });
  if (end < text.length) segments.push({ text: ELLIPSIS, isMatch: false });
  return mergeNeighbours(segments);
}

/** Plain segments for browsing, where nothing matched. */
export function unmarked(text: string): HighlightSegment[] {
  return text === "" ? [] : [{ text, isMatch: false }];
}

/** [start, end) ranges of the original text whose tokens are in `matched`, sorted and merged. */
function matchRanges(text: string, matched: Marks): Array<[number, number]> {
  if (matched.size === 0 || text === "") return [];
  const { normalized, starts, ends } = normalizeWithOffsets(text);
  const ranges: Array<[number, number]> = [];
  const mark = (from: number, to: number) => {
    const length = matched.get(normalized.slice(from, to));
    if (length !== undefined) ranges.push([starts[from]!, ends[Math.min(to, from + length) - 1]!]);
  };
  for (const word of splitWords(normalized)) {
    if (word.kind === "word") {
      mark(word.start, word.end);
      continue;
    }
    // CJK: walk code points; a single character is its own token, otherwise each bigram.
    const offsets: number[] = [];
    for (let at = word.start; at < word.end; at += normalized.codePointAt(at)! > 0xffff ? 2 : 1) offsets.push(at);
    offsets.push(word.end);
    if (offsets.length === 2) mark(word.start, word.end);
    else for (let i = 0; i + 2 < offsets.length; i++) mark(offsets[i]!, offsets[i + 2]!);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * The tokenizer's normalization, one code point at a time, remembering which original code
 * point each normalized unit came from (NFKC and lower-casing can change lengths: ﬁ → fi).
 */
function normalizeWithOffsets(text: string): { normalized: string; starts: number[]; ends: number[] } {
  let normalized = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const piece = isStable(codePoint) ? text[i]!.toLowerCase() : normalize(text.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    normalized += piece;
    i += width;
  }
  return { normalized, starts, ends };
}

/** ASCII and common CJK ideographs: NFKC leaves them alone (the fast path for almost every character). */
function isStable(codePoint: number): boolean {
  return codePoint < 0x80 || (codePoint >= 0x4e00 && codePoint <= 0x9fff);
}

function toSegments(text: string, ranges: Array<[number, number]>, from: number, to: number): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e <= s) continue;
    if (s > at) segments.push({ text: text.slice(at, s), isMatch: false });
    segments.push({ text: text.slice(s, e), isMatch: true });
    at = e;
  }
  if (at < to) segments.push({ text: text.slice(at, to), isMatch: false });
  return segments;
}

function mergeNeighbours(segments: HighlightSegment[]): HighlightSegment[] {
  const merged: HighlightSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && last.isMatch === segment.isMatch) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

/** Moves an index off the second half of a surrogate pair, so a cut never splits a character. */
function codePointBoundary(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff && index > 0 ? index - 1 : index;
}
