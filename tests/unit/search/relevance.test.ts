// Relevance: labelled queries over a fixed corpus (fixtures/corpus.ts), the way workers type
// them — Chinese, English, typos, half-typed words, city + trade, synonyms, with filters.
//
// precision@5, as used here: the fraction of labelled queries for which EVERY required id is
// among the first 5 hits (page 1, perPage 5). A query with two required ids and one of them in
// 6th place counts as a miss. It must be at least 0.95.
import { beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedEngine } from "../../../search/embedded-engine.ts";
import type { SearchEngine, SearchQuery } from "../../../search/types.ts";
import { CORPUS } from "./fixtures/corpus.ts";

interface Labelled {
  q: string;
  /** Ids that must all be in the top 5. */
  top5: string[];
  filters?: Pick<SearchQuery, "types" | "tradeCode" | "city">;
}

const LABELLED: Labelled[] = [
  // Chinese trade words and topics
  { q: "焊工", top5: ["trade-welder"] },
  { q: "氩弧焊", top5: ["course-tig-basics", "job-welder-dg-2", "live-tig-qa"] },
  { q: "二保焊", top5: ["course-co2-welding", "job-welder-sz"] },
  { q: "叉车证", top5: ["course-forklift-license", "live-forklift-exam"] },
  { q: "数控编程", top5: ["job-cnc-suzhou", "live-cnc-qa"] },
  { q: "电工证", top5: ["course-low-voltage", "live-electrician-exam"] },
  { q: "维修电工", top5: ["trade-maintenance-electrician", "job-electrician-dg", "course-electrician-wiring"] },
  { q: "低压电工", top5: ["course-low-voltage", "book-electrician-exam"] },
  { q: "行车", top5: ["course-overhead-crane", "job-crane-tj"] },
  { q: "塔吊", top5: ["course-tower-crane", "job-tower-crane-cd"] },
  { q: "锅炉", top5: ["job-boiler-tj", "trade-boiler-operator"] },
  { q: "厨师", top5: ["job-cook-gz", "job-cook-dg"] },
  { q: "质检员", top5: ["trade-quality-inspector", "job-qc-suzhou"] },
  { q: "模具", top5: ["job-mould-dg", "course-mould"] },
  { q: "钣金", top5: ["course-sheet-metal", "job-sheet-metal-fs"] },
  { q: "电梯", top5: ["course-elevator", "job-elevator-sh"] },
  { q: "工业机器人", top5: ["course-robot", "job-robot-sz"] },
  { q: "仓管", top5: ["job-warehouse-ks", "job-forklift-nb"] },
  { q: "缝纫", top5: ["course-sewing", "job-sewing-dg"] },
  { q: "瓦斯", top5: ["course-gas-inspector", "trade-mine-gas-inspector"] },
  { q: "热处理", top5: ["course-heat-treatment", "trade-heat-treater"] },
  { q: "安全员", top5: ["course-safety-officer"] },
  { q: "6S管理", top5: ["course-6s"] },
  { q: "焊接手册", top5: ["book-welding-handbook"] },
  { q: "焊接杂志", top5: ["book-welding-magazine-2025-3"] },
  { q: "PLC", top5: ["course-plc", "job-plc-suzhou"] },

  // City + trade, spaced and unspaced
  { q: "东莞 叉车", top5: ["job-forklift-dg"] },
  { q: "东莞叉车", top5: ["job-forklift-dg"] },
  { q: "深圳 焊工", top5: ["job-welder-sz"] },
  { q: "苏州 质检", top5: ["job-qc-suzhou"] },
  { q: "上海 电工", top5: ["job-electrician-sh"] },
  { q: "东莞 CNC", top5: ["job-cnc-dg"] },
  { q: "CNC编程", top5: ["course-cnc-lathe-programming", "job-cnc-suzhou"] },

  // English
  { q: "welding", top5: ["course-welding-en", "book-welding-en"] },
  { q: "forklift", top5: ["course-forklift-en", "trade-forklift-driver"] },
  { q: "cnc programming", top5: ["book-cnc-en"] },
  { q: "electrician", top5: ["trade-electrician", "course-electrician-en"] },
  { q: "boiler", top5: ["trade-boiler-operator"] },
  { q: "quality inspector", top5: ["trade-quality-inspector"] },
  { q: "tower crane", top5: ["trade-tower-crane-operator", "course-tower-crane"] },
  { q: "Machinery's Handbook", top5: ["book-machinist-en"] },

  // Typos in English words (1 edit from 5 letters, 2 from 9)
  { q: "weldng", top5: ["course-welding-en", "book-welding-en"] },
  { q: "forklit", top5: ["course-forklift-en"] },
  { q: "electricain", top5: ["trade-electrician"] },
  { q: "maintenence fitter", top5: ["trade-maintenance-fitter"] },
  { q: "boilr", top5: ["trade-boiler-operator"] },
  { q: "refrigiration", top5: ["trade-refrigeration-ac-technician", "book-hvac-en"] },

  // As-you-type prefixes
  { q: "氩弧", top5: ["course-tig-basics"] },
  { q: "叉车司", top5: ["trade-forklift-driver", "job-forklift-dg"] },
  { q: "维修电", top5: ["trade-maintenance-electrician", "course-electrician-wiring"] },
  { q: "数控车", top5: ["course-cnc-lathe-programming", "job-cnc-sz"] },
  { q: "forkl", top5: ["course-forklift-en"] },
  { q: "weldi", top5: ["course-welding-en", "book-welding-en"] },
  { q: "cnc prog", top5: ["book-cnc-en", "trade-cnc-programmer"] },

  // Synonyms
  { q: "电焊", top5: ["job-welder-dg-1", "trade-electric-welder"] },
  { q: "铲车", top5: ["trade-forklift-driver"] },
  { q: "铲车司机", top5: ["trade-forklift-driver", "job-forklift-dg"] },
  { q: "吊车", top5: ["course-overhead-crane"] },
  { q: "品检", top5: ["job-qc-dg"] },
  { q: "lathe", top5: ["trade-turner", "course-lathe-basics"] },
  { q: "chef", top5: ["job-cook-gz", "job-cook-dg"] },
  { q: "汽修", top5: ["course-auto-repair", "job-auto-mechanic-cd"] },

  // With filters
  { q: "焊工", filters: { types: ["job"], city: "东莞" }, top5: ["job-welder-dg-1", "job-welder-dg-2"] },
  { q: "叉车", filters: { types: ["course"] }, top5: ["course-forklift-license", "course-forklift-safety"] },
  { q: "电工", filters: { types: ["book"] }, top5: ["book-electrician", "book-electrician-exam"] },
  { q: "数控", filters: { tradeCode: "cnc-lathe-operator" }, top5: ["course-cnc-lathe-programming", "job-cnc-sz"] },
  { q: "welding", filters: { types: ["book"] }, top5: ["book-welding-en", "book-welding-handbook"] },
  { q: "直播", filters: { types: ["live"], city: "东莞" }, top5: ["live-job-fair-dg"] },
];

describe("relevance over the fixed corpus (embedded engine)", () => {
  let engine: SearchEngine;

  beforeAll(async () => {
    engine = createEmbeddedEngine();
    await engine.replaceAll(CORPUS);
  });

  it("has a realistic corpus and at least 45 labelled queries whose ids exist", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(CORPUS.length).toBeLessThanOrEqual(320);
    expect(LABELLED.length).toBeGreaterThanOrEqual(45);
    const ids = new Set(CORPUS.map((doc) => doc.id));
    expect(ids.size).toBe(CORPUS.length);
    expect(LABELLED.flatMap((label) => label.top5).filter((id) => !ids.has(id))).toEqual([]);
  });

  it("reaches precision@5 ≥ 0.95", async () => {
    const misses: string[] = [];
    for (const label of LABELLED) {
      const result = await engine.search({ q: label.q, page: 1, perPage: 5, ...label.filters });
      const top = result.hits.map((hit) => hit.doc.id);
      const missing = label.top5.filter((id) => !top.includes(id));
      if (missing.length > 0) {
        misses.push(`${JSON.stringify(label.q)}${label.filters ? ` ${JSON.stringify(label.filters)}` : ""}: missing ${missing.join(", ")}; top 5 = ${top.join(", ")}`);
      }
    }
    const precision = (LABELLED.length - misses.length) / LABELLED.length;
    console.info(`precision@5 = ${precision.toFixed(3)} over ${LABELLED.length} queries (${misses.length} missed)`);
    if (process.env.DEBUG_RELEVANCE) console.info(misses.join("\n"));
    expect(precision, `precision@5 = ${precision.toFixed(3)}; missed:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(0.95);
  });
});
