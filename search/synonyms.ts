// Trade synonyms from the one reviewed file, synonyms.json. Neither engine links 焊接 with 电焊 or
// 叉车 with forklift by itself (measured, stack-facts "Search"), so the embedded engine expands
// queries with these groups and the Meilisearch adapter sends them as its `synonyms` setting.
import { z } from "zod";
import synonymFile from "./synonyms.json";
import { normalize, splitWords, type Word } from "./tokenize.ts";

const ZSynonymFile = z.object({
  groups: z.array(z.array(z.string().trim().min(1)).min(2)),
});

/** A dictionary word found inside a CJK run: [start, end) in code points. */
export interface DictionaryPiece {
  start: number;
  end: number;
}

export class Synonyms {
  /** Entry key (normalized words joined by one space) → every other entry of its groups. */
  readonly #siblings = new Map<string, Set<string>>();
  /** Entry key → the entry as written in the file (normalized), which is what Meilisearch gets. */
  readonly #written = new Map<string, string>();
  /** Entries that are a single CJK run, for finding trade words inside unspaced queries (东莞叉车). */
  readonly #cjkWords = new Set<string>();
  readonly #longestCjkWord: number;
  readonly #longestPhrase: number;

  constructor(groups: readonly (readonly string[])[]) {
    let longestCjkWord = 0;
    let longestPhrase = 1;
    for (const group of groups) {
      const keys: string[] = [];
      for (const term of group) {
        const key = entryKey(term);
        if (key === "" || keys.includes(key)) continue;
        keys.push(key);
        if (!this.#written.has(key)) this.#written.set(key, normalize(term).trim());
      }
      for (const key of keys) {
        const siblings = this.#siblings.get(key) ?? new Set<string>();
        for (const other of keys) if (other !== key) siblings.add(other);
        this.#siblings.set(key, siblings);
        const words = splitWords(key);
        longestPhrase = Math.max(longestPhrase, words.length);
        if (words.length === 1 && words[0]!.kind === "cjk") {
          const length = Array.from(key).length;
          if (length >= 2) {
            this.#cjkWords.add(key);
            longestCjkWord = Math.max(longestCjkWord, length);
          }
        }
      }
    }
    this.#longestCjkWord = longestCjkWord;
    this.#longestPhrase = longestPhrase;
  }

  /** The other entries of every group that contains `key` (an entry key). */
  siblingsOf(key: string): string[] {
    return [...(this.#siblings.get(key) ?? [])];
  }

  /**
   * The longest entry made of the query words starting at `from` ("tower crane", "co2 焊", "电焊"),
   * as its key and word count, or undefined.
   */
  phraseAt(words: readonly Word[], from: number): { key: string; length: number } | undefined {
    const maxLength = Math.min(this.#longestPhrase, words.length - from);
    for (let length = maxLength; length >= 1; length--) {
      const key = words
        .slice(from, from + length)
        .map((word) => word.text)
        .join(" ");
      if (this.#siblings.has(key)) return { key, length };
    }
    return undefined;
  }

  /**
   * Dictionary words inside a CJK run, by forward maximum matching: at each position take the
   * longest entry that starts there. 东莞叉车 → [叉车 at 2–4]; 数控车床 → [数控, 车床].
   */
  findInCjkRun(run: string): DictionaryPiece[] {
    const chars = Array.from(run);
    const pieces: DictionaryPiece[] = [];
    let i = 0;
    while (i < chars.length) {
      let found = 0;
      for (let length = Math.min(this.#longestCjkWord, chars.length - i); length >= 2; length--) {
        if (this.#cjkWords.has(chars.slice(i, i + length).join(""))) {
          found = length;
          break;
        }
      }
      if (found) {
        pieces.push({ start: i, end: i + found });
        i += found;
      } else {
        i += 1;
      }
    }
    return pieces;
  }

  /** Meilisearch's map form: every entry lists all its siblings (multi-way synonyms). */
  toMeilisearch(): Record<string, string[]> {
    const map: Record<string, string[]> = {};
    const written = (key: string) => this.#written.get(key) ?? key;
    for (const [key, siblings] of this.#siblings) map[written(key)] = [...siblings].map(written);
    return map;
  }
}

/** Normalized words joined by one space, so "Tower-Crane", "tower crane" and "ＴＯＷＥＲ crane" are one key. */
export function entryKey(term: string): string {
  return splitWords(normalize(term))
    .map((word) => word.text)
    .join(" ");
}

export function loadSynonyms(file: unknown): Synonyms {
  return new Synonyms(ZSynonymFile.parse(file).groups);
}

/** The reviewed trade vocabulary; validated when first imported, so a broken file fails at start. */
export const tradeSynonyms: Synonyms = loadSynonyms(synonymFile);
