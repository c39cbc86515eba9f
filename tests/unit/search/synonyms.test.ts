// The reviewed synonym file (search/synonyms.json) and how it is read (search/synonyms.ts).
import { describe, expect, it } from "vitest";
import synonymFile from "../../../search/synonyms.json";
import { entryKey, loadSynonyms, tradeSynonyms } from "../../../search/synonyms.ts";
import { splitWords } from "../../../search/tokenize.ts";

describe("the synonym file", () => {
  it("has at least 30 groups of two or more distinct words", () => {
    expect(synonymFile.groups.length).toBeGreaterThanOrEqual(30);
    for (const group of synonymFile.groups) {
      const keys = group.map(entryKey);
      expect(keys.every((key) => key !== ""), JSON.stringify(group)).toBe(true);
      expect(new Set(keys).size, `duplicate entry in ${JSON.stringify(group)}`).toBe(group.length);
    }
  });

  it("links the trade words workers use", () => {
    expect(tradeSynonyms.siblingsOf("电焊")).toEqual(expect.arrayContaining(["焊工", "焊接", "电焊工", "welding", "welder"]));
    expect(tradeSynonyms.siblingsOf("forklift")).toEqual(expect.arrayContaining(["叉车", "铲车"]));
    expect(tradeSynonyms.siblingsOf("cnc")).toContain("数控");
  });

  it("gives Meilisearch a symmetric map in its own spelling", () => {
    const map = tradeSynonyms.toMeilisearch();
    expect(map["co2焊"]).toContain("二保焊");
    expect(map["tower crane"]).toContain("塔吊");
    for (const [word, siblings] of Object.entries(map)) {
      for (const sibling of siblings) expect(map[sibling], `${sibling} → ${word}`).toContain(word);
    }
  });

  it("finds multi-word entries and trade words inside unspaced Chinese", () => {
    const words = splitWords("tower crane 司机");
    expect(tradeSynonyms.phraseAt(words, 0)).toEqual({ key: "tower crane", length: 2 });
    expect(tradeSynonyms.findInCjkRun("东莞叉车")).toEqual([{ start: 2, end: 4 }]);
    expect(tradeSynonyms.findInCjkRun("数控车床")).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it("refuses a malformed file", () => {
    expect(() => loadSynonyms({ groups: [["only-one"]] })).toThrow();
    expect(() => loadSynonyms({ groups: "电焊" })).toThrow();
  });
});
