// The tokenizer shared by indexing, queries and highlighting (search/tokenize.ts).
import { describe, expect, it } from "vitest";
import { cjkBigrams, hasLetters, tokenize } from "../../../search/tokenize.ts";

describe("tokenize", () => {
  it("cuts runs of Chinese characters into overlapping bigrams", () => {
    expect(tokenize("数控车床")).toEqual(["数控", "控车", "车床"]);
    expect(tokenize("焊")).toEqual(["焊"]);
    expect(tokenize("焊 工")).toEqual(["焊", "工"]);
  });

  it("keeps Latin letters and digits as one lower-case word, folding full-width forms (NFKC)", () => {
    expect(tokenize("CNC Lathe-Operator")).toEqual(["cnc", "lathe", "operator"]);
    expect(tokenize("ＣＮＣ２０２５")).toEqual(["cnc2025"]);
    expect(tokenize("6S管理")).toEqual(["6s", "管理"]);
    expect(tokenize("CO₂焊")).toEqual(["co2", "焊"]);
    expect(tokenize("Électricien")).toEqual(["électricien"]);
  });

  it("treats punctuation, operators, quotes, emoji and control characters as separators", () => {
    expect(tokenize("焊工（持证）")).toEqual(["焊工", "持证"]);
    expect(tokenize("\"'()[]{}*+?|^$\\ ; DROP TABLE --")).toEqual(["drop", "table"]);
    expect(tokenize("焊😀工\u0000\u200b电工")).toEqual(["焊", "工", "电工"]);
    expect(tokenize("\ud800\udfff\ud800")).toEqual([]);
    expect(tokenize("")).toEqual([]);
  });

  it("keeps characters outside the basic plane whole", () => {
    expect(cjkBigrams("𠮷野家")).toEqual(["𠮷野", "野家"]);
  });

  it("allows typos only in words with letters", () => {
    expect(hasLetters("welding")).toBe(true);
    expect(hasLetters("2025")).toBe(false);
    expect(hasLetters("焊工")).toBe(false);
  });
});
