// How a typed query becomes lookups and required clauses (search/query-plan.ts).
import { describe, expect, it } from "vitest";
import { planQuery, SYNONYM_WEIGHT, typoBudget } from "../../../search/query-plan.ts";
import { Synonyms } from "../../../search/synonyms.ts";

const synonyms = new Synonyms([
  ["电焊", "焊工", "welding"],
  ["叉车", "叉车司机", "forklift"],
  ["车工", "lathe"],
]);
const plan = (q: string) => planQuery(q, synonyms);
const term = (q: string, t: string) => plan(q).terms.find((entry) => entry.term === t);

describe("planQuery", () => {
  it("gives typos by word length, only to words with letters", () => {
    expect([typoBudget("weld"), typoBudget("weldi"), typoBudget("electrcia"), typoBudget("123456789"), typoBudget("数控车床加工中心")]).toEqual([0, 1, 2, 0, 0]);
  });

  it("completes only the last word, and only while it is being typed", () => {
    expect(term("cnc prog", "prog")?.prefix).toBe(true);
    expect(term("cnc prog", "cnc")?.prefix).toBe(false);
    expect(term("cnc prog ", "prog")?.prefix).toBe(false);
  });

  it("requires every word, and expands synonyms at a lower weight", () => {
    const { clauses, terms } = plan("东莞 电焊");
    expect(clauses).toEqual([[["东莞"]], [["电焊"], ["焊工"], ["welding"]]]);
    expect(terms.find((t) => t.term === "焊工")).toMatchObject({ typed: false, weight: SYNONYM_WEIGHT, prefix: false, fuzzy: 0 });
    expect(terms.find((t) => t.term === "电焊")).toMatchObject({ typed: true, weight: 1 });
  });

  it("drops synonym alternatives that can only match a subset of what another already matches", () => {
    expect(plan("叉车").clauses).toEqual([[["叉车"], ["forklift"]]]);
  });

  it("finds trade words inside unspaced Chinese; straddling bigrams only score", () => {
    const { clauses, terms } = plan("东莞叉车");
    expect(clauses).toEqual([[["东莞"]], [["叉车"], ["forklift"]]]);
    expect(terms.map((t) => t.term)).toContain("莞叉");
  });

  it("keeps a trailing single character as an optional prefix (叉车证, 叉车司…)", () => {
    const { clauses } = plan("叉车证");
    expect(clauses).toEqual([[["叉车"], ["forklift"]]]);
    expect(term("叉车证", "证")).toMatchObject({ prefix: true, weight: 1 });
  });

  it("does not trust a dictionary cut that leaves a single character in front (汽|车工|业)", () => {
    expect(plan("汽车工业").clauses).toEqual([[["汽车", "车工", "工业"]]]);
  });

  it("has nothing to search for in punctuation, emoji or control characters", () => {
    for (const q of ["", "   ", "？！", "😀", "\u0000", "\"'()[]{}*+?|^$\\"]) expect(plan(q).clauses).toEqual([]);
  });

  it("caps the work a long query can cause", () => {
    expect(plan("焊".repeat(500)).terms.length).toBeLessThanOrEqual(33);
    expect(plan(Array.from({ length: 100 }, (_, i) => `w${i}`).join(" ")).terms.length).toBeLessThanOrEqual(32);
    expect(plan("a".repeat(500)).terms[0]!.term.length).toBeLessThanOrEqual(64);
  });
});
