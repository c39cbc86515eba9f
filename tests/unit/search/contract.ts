// The contract every SearchEngine must pass, whatever is behind it. Assertions are about what a
// worker sees (which documents, which facets, which page), never about scores or internals, so
// the same suite runs against the embedded engine and a real Meilisearch.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidSearchDocumentError } from "../../../search/document.ts";
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from "../../../search/types.ts";

const WELDER = { tradeCode: "welder", tradeName: { zh: "焊工", en: "Welder" } };
const FORKLIFT = { tradeCode: "forklift-driver", tradeName: { zh: "叉车司机", en: "Forklift Driver" } };
const ELECTRICIAN = { tradeCode: "electrician", tradeName: { zh: "电工", en: "Electrician" } };

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString();

/** 25 courses sharing one word (班组长) that nothing else contains, for paging. */
const LESSONS: SearchDocument[] = Array.from({ length: 25 }, (_, i) => ({
  id: `course-lesson-${i + 1}`,
  type: "course",
  title: `班组长管理课 第${i + 1}讲`,
  url: `/courses/lesson-${i + 1}`,
  publishedAt: day(100 + i),
}));

export const CONTRACT_DOCS: SearchDocument[] = [
  { id: "course-tig", type: "course", title: "氩弧焊入门：从引弧到收弧", body: "钨极氩弧焊的基本操作与安全要点", ...WELDER, url: "/courses/tig", publishedAt: day(1) },
  { id: "course-weld-en", type: "course", title: "Welding Basics for Beginners", body: "Safety, equipment and your first beads", ...WELDER, url: "/courses/weld-en", publishedAt: day(2) },
  { id: "job-welder-dg", type: "job", title: "焊工（二保焊）", body: "东莞精工五金有限公司，月薪7000-9000", ...WELDER, city: "东莞", url: "/jobs/welder-dg", publishedAt: day(3), extra: { salary: "7000-9000" } },
  { id: "job-welder-sz", type: "job", title: "焊工学徒", body: "深圳宝安 包吃住 师傅带", ...WELDER, city: "深圳", url: "/jobs/welder-sz", publishedAt: day(4) },
  { id: "job-forklift-dg", type: "job", title: "叉车司机", body: "东莞物流园 持证上岗", ...FORKLIFT, city: "东莞", url: "/jobs/forklift-dg", publishedAt: day(5) },
  // Chinese only, no trade: found by "forklift" through synonyms alone.
  { id: "job-chache-gz", type: "job", title: "叉车工 急招", body: "长白班 持证优先", city: "广州", url: "/jobs/chache-gz", publishedAt: day(6) },
  // English only, no trade: found by "叉车" through synonyms alone.
  { id: "book-forklift", type: "book", title: "Forklift Operator Safety Handbook", body: "Daily checks, load charts, ramps", url: "/books/forklift", publishedAt: day(7) },
  { id: "course-electrician", type: "course", title: "Electrician Certification Course", body: "低压电工证考试辅导", ...ELECTRICIAN, url: "/courses/electrician", publishedAt: day(8) },
  { id: "course-maint-elec", type: "course", title: "维修电工实操训练", body: "配电柜接线与故障排查", ...ELECTRICIAN, url: "/courses/maint-elec", publishedAt: day(9) },
  { id: "book-boiler", type: "book", title: "Boiler Operation and Maintenance", body: "Water treatment and safety valves", url: "/books/boiler", publishedAt: day(10) },
  { id: "live-cnc", type: "live", title: "数控车床编程直播答疑", body: "主讲：李师傅", url: "/live/cnc", publishedAt: day(11), extra: { status: "scheduled" } },
  { id: "book-markup", type: "book", title: '<b>电焊</b> & 安全 "规程"', body: "<script>alert(1)</script> 焊接现场的安全规程", url: "/books/markup", publishedAt: day(12) },
  { id: "trade-welder", type: "trade", title: "焊工", ...WELDER, body: "焊接 Welding", url: "/search?trade=welder" },
  ...LESSONS,
];

export function runEngineContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`search engine contract: ${name}`, () => {
    let engine: SearchEngine;

    beforeEach(async () => {
      engine = await makeEngine();
      await engine.upsert(CONTRACT_DOCS);
    });

    afterEach(async () => {
      await engine.close();
    });

    const search = (q: string, more: Partial<SearchQuery> = {}) => engine.search({ q, page: 1, perPage: 20, ...more });
    const ids = (result: SearchResult) => result.hits.map((hit) => hit.doc.id);

    describe("indexing", () => {
      it("counts documents and returns them whole, extra fields included", async () => {
        expect(await engine.count()).toBe(CONTRACT_DOCS.length);
        const result = await search("二保焊");
        const hit = result.hits.find((h) => h.doc.id === "job-welder-dg");
        expect(hit?.doc).toEqual(CONTRACT_DOCS.find((doc) => doc.id === "job-welder-dg"));
      });

      it("replaces a document upserted again under the same id", async () => {
        await engine.upsert([{ id: "course-tig", type: "course", title: "激光切割机操作", url: "/courses/tig" }]);
        expect(await engine.count()).toBe(CONTRACT_DOCS.length);
        expect(ids(await search("激光切割"))).toContain("course-tig");
        expect(ids(await search("氩弧焊"))).not.toContain("course-tig");
      });

      it("removes documents, ignoring unknown ids", async () => {
        await engine.remove(["job-welder-sz", "job-does-not-exist"]);
        expect(await engine.count()).toBe(CONTRACT_DOCS.length - 1);
        expect(ids(await search("焊工学徒"))).not.toContain("job-welder-sz");
        await engine.remove([]);
      });

      it("replaceAll leaves exactly the new documents", async () => {
        await engine.replaceAll([
          { id: "course-new-1", type: "course", title: "钢筋绑扎技术", url: "/courses/new-1" },
          { id: "job-new-2", type: "job", title: "钢筋工", city: "苏州", url: "/jobs/new-2" },
        ]);
        expect(await engine.count()).toBe(2);
        expect(ids(await search("钢筋")).sort()).toEqual(["course-new-1", "job-new-2"]);
        expect((await search("焊工")).total).toBe(0);
      });

      it("rejects ids Meilisearch would refuse, before writing anything", async () => {
        await expect(engine.upsert([{ id: "course:12", type: "course", title: "x", url: "/x" }])).rejects.toThrow(InvalidSearchDocumentError);
        await expect(engine.replaceAll([{ id: "", type: "course", title: "x", url: "/x" }])).rejects.toThrow(InvalidSearchDocumentError);
        expect(await engine.count()).toBe(CONTRACT_DOCS.length);
      });
    });

    describe("filters and facets", () => {
      it("filters by type, trade and city", async () => {
        expect(new Set((await search("", { types: ["job"], perPage: 100 })).hits.map((h) => h.doc.type))).toEqual(new Set(["job"]));
        expect(ids(await search("", { types: ["book", "live"], perPage: 100 })).sort()).toEqual(["book-boiler", "book-forklift", "book-markup", "live-cnc"]);
        expect(ids(await search("", { tradeCode: "forklift-driver" }))).toEqual(["job-forklift-dg"]);
        expect(ids(await search("", { city: "深圳" }))).toEqual(["job-welder-sz"]);
        expect(ids(await search("焊工", { types: ["job"], city: "东莞" }))).toEqual(["job-welder-dg"]);
        expect((await search("焊工", { city: "不存在的城市" })).total).toBe(0);
      });

      it("counts types without the type filter, so every tab shows its count", async () => {
        const result = await search("焊工", { types: ["job"] });
        expect(result.hits.every((hit) => hit.doc.type === "job")).toBe(true);
        expect(result.facets.type.job).toBe(2);
        expect(result.facets.type.course).toBeGreaterThanOrEqual(2);
        expect(result.facets.type.trade).toBe(1);
        expect(result.facets.type.live).toBe(0);
        expect(result.total).toBe(2);
      });

      it("counts trades and cities with every filter but their own", async () => {
        const result = await search("", { types: ["job"], city: "东莞" });
        expect(ids(result).sort()).toEqual(["job-forklift-dg", "job-welder-dg"]);
        // Cities ignore the city filter but keep the type filter.
        expect(result.facets.city).toEqual({ 东莞: 2, 深圳: 1, 广州: 1 });
        // Trades keep both filters.
        expect(result.facets.tradeCode).toEqual({ welder: 1, "forklift-driver": 1 });
        // Types ignore the type filter but keep the city filter.
        expect(result.facets.type).toEqual({ course: 0, book: 0, job: 2, live: 0, trade: 0 });

        const byTrade = await search("", { tradeCode: "welder" });
        expect(byTrade.facets.tradeCode).toMatchObject({ welder: 5, "forklift-driver": 1, electrician: 2 });
      });
    });

    describe("matching", () => {
      it("finds Chinese words inside longer text", async () => {
        expect(ids(await search("数控"))).toContain("live-cnc");
        expect(ids(await search("车床编程"))).toContain("live-cnc");
      });

      it("prefers documents that match every word (东莞 焊工)", async () => {
        const result = await search("东莞 焊工");
        expect(ids(result)[0]).toBe("job-welder-dg");
        expect(ids(result)).not.toContain("job-forklift-dg");
      });

      it("tolerates 1 typo in Latin words from 5 letters and 2 from 9", async () => {
        expect(ids(await search("boilr"))).toContain("book-boiler");
        expect(ids(await search("electrcian"))).toContain("course-electrician");
        expect(ids(await search("elektrcian"))).toContain("course-electrician");
      });

      it("does not tolerate 2 typos below 9 letters, nor any below 5", async () => {
        expect(ids(await search("bxilxr"))).not.toContain("book-boiler");
        expect((await search("cnx")).total).toBe(0);
      });

      it("completes the last word as it is typed, Chinese and English", async () => {
        expect(ids(await search("氩弧"))).toContain("course-tig");
        expect(ids(await search("weld"))).toContain("course-weld-en");
        expect(ids(await search("forkl"))).toContain("book-forklift");
        expect(ids(await search("维修电"))).toContain("course-maint-elec");
        expect(ids(await search("Electrician cert"))).toContain("course-electrician");
      });

      it("expands trade synonyms both ways (电焊 ↔ 焊工, 叉车 ↔ forklift)", async () => {
        expect(ids(await search("电焊"))).toEqual(expect.arrayContaining(["job-welder-sz", "course-tig", "book-markup"]));
        expect(ids(await search("forklift"))).toContain("job-chache-gz");
        expect(ids(await search("叉车"))).toContain("book-forklift");
        expect(ids(await search("焊接"))).toContain("course-weld-en");
      });
    });

    describe("highlights", () => {
      const joined = (segments: Array<{ text: string }>) => segments.map((segment) => segment.text).join("");

      it("marks matched Chinese and English as segments of the original text", async () => {
        const chinese = (await search("焊工")).hits.find((hit) => hit.doc.id === "job-welder-sz")!;
        expect(joined(chinese.highlights.title)).toBe("焊工学徒");
        expect(chinese.highlights.title).toContainEqual({ text: "焊工", isMatch: true });

        const english = (await search("welding")).hits.find((hit) => hit.doc.id === "course-weld-en")!;
        expect(english.highlights.title).toContainEqual({ text: "Welding", isMatch: true });
        expect(joined(english.highlights.title)).toBe("Welding Basics for Beginners");
      });

      it("keeps markup as plain text, for React to escape", async () => {
        const hit = (await search("电焊")).hits.find((h) => h.doc.id === "book-markup")!;
        expect(joined(hit.highlights.title)).toBe('<b>电焊</b> & 安全 "规程"');
        expect(hit.highlights.title.filter((segment) => segment.isMatch).map((segment) => segment.text)).toContain("电焊");
        expect(hit.highlights.body?.some((segment) => segment.isMatch)).toBe(true);
      });

      it("has no body highlight for a document without a body", async () => {
        const hit = (await search("班组长")).hits[0]!;
        expect(hit.highlights.body).toBeUndefined();
      });
    });

    describe("pages", () => {
      it("pages through results and clamps a page past the end to the last page", async () => {
        const first = await search("班组长", { perPage: 10 });
        expect(first).toMatchObject({ total: 25, page: 1, pageCount: 3 });
        expect(first.hits).toHaveLength(10);
        const last = await search("班组长", { perPage: 10, page: 3 });
        expect(last.hits).toHaveLength(5);
        const past = await search("班组长", { perPage: 10, page: 99 });
        expect(past).toMatchObject({ total: 25, page: 3, pageCount: 3 });
        expect(ids(past)).toEqual(ids(last));
        const all = [...ids(first), ...ids(await search("班组长", { perPage: 10, page: 2 })), ...ids(last)];
        expect(new Set(all).size).toBe(25);
      });

      it("reports page 1 of 0 when nothing matches", async () => {
        expect(await search("zzzzqqqq")).toMatchObject({ hits: [], total: 0, page: 1, pageCount: 0 });
      });

      it("turns nonsense paging into page 1 of a sane size", async () => {
        const result = await search("班组长", { page: Number.NaN, perPage: -5 });
        expect(result.page).toBe(1);
        expect(result.hits.length).toBeGreaterThan(0);
      });
    });

    describe("browsing (empty query)", () => {
      it("lists everything newest first", async () => {
        const result = await search("", { perPage: 100 });
        expect(result.total).toBe(CONTRACT_DOCS.length);
        const dates = result.hits.map((hit) => hit.doc.publishedAt).filter((date): date is string => date !== undefined);
        expect(dates).toEqual([...dates].sort().reverse());
        expect(ids(result)[0]).toBe("course-lesson-25");
      });

      it("treats whitespace and punctuation as an empty query", async () => {
        expect((await search("  \t ")).total).toBe(CONTRACT_DOCS.length);
        expect((await search("？！…")).total).toBe(CONTRACT_DOCS.length);
      });
    });

    describe("nasty input never throws", () => {
      const nasty = [
        "\"'()[]{}*+?|^$\\",
        "'; DROP TABLE courses; --",
        "OR 1=1 --",
        'type = "job" OR city = "东莞"',
        "title:焊工 AND NOT",
        "<script>alert(1)</script>",
        "😀🔥👷‍♂️",
        "焊工😀",
        "\u0000\u0001\u001f\u007f",
        "焊\u0000工",
        "\u202e\u200b\ufeff",
        "\ud800",
        "\uE000焊工\uE001",
        "%00%27",
        ".*+?",
        "a".repeat(500),
        "焊".repeat(500),
        "焊工 ".repeat(120),
        "ｃｎｃ 数控",
      ];
      it.each(nasty.map((q) => [JSON.stringify(q).slice(0, 40), q]))("%s", async (_label, q) => {
        const result = await search(q);
        expect(Array.isArray(result.hits)).toBe(true);
        expect(result.page).toBeGreaterThanOrEqual(1);
        expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
      });

      it("survives nasty filter values", async () => {
        const result = await search("焊工", { city: '"; DROP TABLE jobs; --', tradeCode: "\\\"'", types: [] });
        expect(result.total).toBe(0);
      });
    });
  });
}
