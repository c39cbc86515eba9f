// /search as the service answers it: odd input becomes notices, never errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/context.ts";
import { POPULAR_SEARCHES } from "../../server/search/service.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createTestServices } from "../support/services.ts";

let db: TestDatabase;
let services: Services;

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db);
  await services.searchSync.rebuild();
});

afterAll(async () => {
  await db?.cleanup();
});

describe("searching across the site", () => {
  it("finds a trade by Chinese, English with a typo, and synonym, with highlights and facets", async () => {
    const chinese = await services.search.search({ q: "焊工" });
    expect(chinese.result.hits[0]?.doc.id).toBe("trade-welder");
    expect(chinese.result.hits[0]?.highlights.title.some((segment) => segment.isMatch)).toBe(true);
    expect(chinese.result.facets.type.trade).toBeGreaterThan(0);
    expect(chinese.tradeNames.welder).toEqual({ zh: "焊工", en: "Welder" });
    expect(chinese.notices).toEqual([]);

    const typo = await services.search.search({ q: "weldr" });
    expect(typo.result.hits.map((hit) => hit.doc.id)).toContain("trade-welder");

    const synonym = await services.search.search({ q: "电焊" });
    expect(synonym.result.hits.map((hit) => hit.doc.id)).toContain("trade-welder");
  });

  it("cuts a query over 200 characters and says so", async () => {
    const page = await services.search.search({ q: "焊".repeat(300) });
    expect([...page.query.q]).toHaveLength(200);
    expect(page.notices).toContain("search.notice.truncated");
  });

  it("ignores unknown filters with a notice each", async () => {
    const page = await services.search.search({ q: "焊工", type: "nonsense", trade: "no-such-trade", city: "亚特兰蒂斯" });
    expect(page.query).toMatchObject({ type: null, trade: null, city: null });
    expect(page.notices).toEqual(["search.notice.unknownType", "search.notice.unknownTrade", "search.notice.unknownCity"]);
    expect(page.result.hits[0]?.doc.id).toBe("trade-welder");
  });

  it("filters by a known trade and type", async () => {
    const page = await services.search.search({ q: "", trade: "forklift-driver", type: "trade" });
    expect(page.query).toMatchObject({ trade: "forklift-driver", type: "trade" });
    expect(page.result.hits.map((hit) => hit.doc.id)).toEqual(["trade-forklift-driver"]);
  });

  it("never fails on metacharacters, emoji, control characters or arrays", async () => {
    for (const q of [`"'()[]{}*+?|^$\\`, "'; DROP TABLE \"User\"; --", "🔧🔥焊", "\u0000\u0007焊\u202e", "a".repeat(5000)]) {
      const page = await services.search.search({ q });
      expect(page.result.page).toBeGreaterThanOrEqual(0);
    }
    const odd = await services.search.search({ q: ["焊工"], page: "x", type: { $ne: 1 } });
    expect(odd.query.q).toBe("");
    expect(odd.result.page).toBe(1);
  });

  it("shows the last page for a page past the end", async () => {
    const page = await services.search.search({ q: "", page: "9999" });
    expect(page.result.pageCount).toBeGreaterThan(1);
    expect(page.result.page).toBe(page.result.pageCount);
    expect(page.result.hits.length).toBeGreaterThan(0);
  });

  it("offers close trades and popular searches when nothing matches", async () => {
    const page = await services.search.search({ q: "zzzzqqqq" });
    expect(page.result.total).toBe(0);
    expect(page.suggestions).toEqual({ trades: [], popular: POPULAR_SEARCHES });

    // A phrase no trade holds still leads to the trades of its characters.
    const phrase = await services.search.search({ q: "焊枪编程机器学校", type: "course" });
    expect(phrase.result.total).toBe(0);
    expect(phrase.suggestions?.trades.length).toBeGreaterThan(0);
  });

  it("matches nothing, rather than everything, for text without letters or digits", async () => {
    const page = await services.search.search({ q: "🔥🔥 ?!" });
    expect(page.result.total).toBe(0);
    expect(page.suggestions?.popular).toEqual(POPULAR_SEARCHES);
    expect(await services.search.suggest("🔥")).toEqual([]);
  });

  it("drops control characters from the query", async () => {
    const page = await services.search.search({ q: "\u0000焊\u202e工\u0007" });
    expect(page.query.q).toBe("焊工");
    expect(page.result.hits[0]?.doc.id).toBe("trade-welder");
  });

  it("suggests as the user types, and nothing for blank input", async () => {
    const suggestions = await services.search.suggest("叉");
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(6);
    expect(suggestions.map((s) => s.id)).toContain("trade-forklift-driver");
    expect(suggestions[0]?.url).toMatch(/^\/search\?trade=/);
    expect(await services.search.suggest("   ")).toEqual([]);
    expect(await services.search.suggest(42)).toEqual([]);
  });

  it("reports the engine, its size and the outbox in readiness", async () => {
    const ready = await services.health.ready();
    expect(ready.ok).toBe(true);
    expect(ready.body).toMatchObject({
      search: { engine: "embedded", documents: await db.prisma.trade.count(), outbox: { failing: 0 } },
    });
  });
});
