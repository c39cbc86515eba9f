// Highlight segments (search/highlight.ts): joined they give back the text; marks follow tokens.
import { describe, expect, it } from "vitest";
import { highlight, highlightSnippet } from "../../../search/highlight.ts";

const whole = (...terms: string[]) => new Map(terms.map((term) => [term, Number.POSITIVE_INFINITY]));
const render = (segments: Array<{ text: string; isMatch: boolean }>) => segments.map((s) => (s.isMatch ? `[${s.text}]` : s.text)).join("");

describe("highlight", () => {
  it("marks matched bigrams and merges neighbours", () => {
    expect(render(highlight("数控车床编程入门", whole("数控", "控车", "编程")))).toBe("[数控车]床[编程]入门");
  });

  it("maps marks back to the original text through NFKC and case folding", () => {
    expect(render(highlight("ＣＮＣ Lathe 操作", whole("cnc", "lathe")))).toBe("[ＣＮＣ] [Lathe] 操作");
    expect(render(highlight("Oﬃce welding", whole("office")))).toBe("[Oﬃce] welding");
  });

  it("marks only the typed part of a prefix match", () => {
    expect(render(highlight("Welding basics", new Map([["welding", 4]])))).toBe("[Weld]ing basics");
    expect(render(highlight("焊接入门", new Map([["焊接", 1]])))).toBe("[焊]接入门");
  });

  it("leaves markup as text", () => {
    const segments = highlight("<b>电焊</b>", whole("电焊"));
    expect(segments).toEqual([
      { text: "<b>", isMatch: false },
      { text: "电焊", isMatch: true },
      { text: "</b>", isMatch: false },
    ]);
  });

  it("cuts a long body around the first match, never inside a character", () => {
    const body = `${"前言".repeat(100)}焊工安全${"𠮷".repeat(100)}`;
    const snippet = highlightSnippet(body, whole("焊工"));
    expect(snippet[0]!.text.startsWith("…")).toBe(true);
    expect(snippet.at(-1)!.text.endsWith("…")).toBe(true);
    expect(render(snippet).length).toBeLessThan(140);
    expect(snippet.some((s) => s.isMatch && s.text === "焊工")).toBe(true);
    expect(render(snippet)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it("shows the start of a body that did not match", () => {
    expect(render(highlightSnippet("短文本"))).toBe("短文本");
  });
});
