import { describe, expect, it } from "vitest";
import { parseCsv } from "../../server/csv.ts";

describe("parseCsv", () => {
  it("reads quoted commas, doubled quotes, line breaks inside quotes, CRLF and a BOM", () => {
    const text = '\uFEFFtitle,description\r\n"焊接, 入门","他说 ""好""\r\n第二行"\r\nplain,x\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["title", "description"], malformed: false },
      { line: 2, fields: ["焊接, 入门", '他说 "好"\r\n第二行'], malformed: false },
      // The record after a two-line record starts on line 4.
      { line: 4, fields: ["plain", "x"], malformed: false },
    ]);
  });

  it("skips blank lines, keeps empty fields and reads a last line without a line break", () => {
    expect(parseCsv("a,b\n\n,\nx,")).toEqual([
      { line: 1, fields: ["a", "b"], malformed: false },
      { line: 3, fields: ["", ""], malformed: false },
      { line: 4, fields: ["x", ""], malformed: false },
    ]);
  });

  it("marks text after a closing quote and an unclosed quote as malformed", () => {
    const records = parseCsv('title\n"a"b\n"never closed\nstill inside');
    expect(records.map((record) => [record.line, record.malformed])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
  });
});
