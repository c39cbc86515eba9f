// The Meilisearch adapter against a loopback stub: checks the requests it sends (settings,
// writes, task polling, the swap on replaceAll, search bodies) and how it reads the answers.
// What the stub cannot prove is listed in search/README.md. At the bottom: the engine contract
// against a real Meilisearch, registered only when MEILI_HOST is set.
import { randomUUID } from "node:crypto";
import { Meilisearch } from "meilisearch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidSearchDocumentError } from "../../../search/document.ts";
import { createSearchEngine } from "../../../search/index.ts";
import { openMeilisearchEngine, SearchEngineError } from "../../../search/meilisearch-engine.ts";
import type { SearchDocument, SearchEngine } from "../../../search/types.ts";
import { runEngineContract } from "./contract.ts";
import { startMeilisearchStub, type MeilisearchStub } from "./fixtures/meilisearch-stub.ts";

const doc = (id: string, title: string, more: Partial<SearchDocument> = {}): SearchDocument => ({ id, type: "job", title, url: `/jobs/${id}`, ...more });

describe("the Meilisearch adapter (against a loopback stub)", () => {
  let stub: MeilisearchStub;

  beforeEach(async () => {
    stub = await startMeilisearchStub();
  });

  afterEach(async () => {
    await stub.close();
  });

  const open = () => openMeilisearchEngine({ host: stub.url, apiKey: "admin-key", indexName: "jx", taskPollMs: 1, taskTimeoutMs: 5000 });
  const bodyOf = (call: string) => stub.requests.find((r) => `${r.method} ${r.path}` === call)?.body;

  describe("at start", () => {
    it("creates the index and applies every setting before it resolves", async () => {
      await open();
      expect(stub.calls()).toEqual(["POST /indexes", "PATCH /indexes/jx/settings"]);
      expect(bodyOf("POST /indexes")).toEqual({ uid: "jx", primaryKey: "id" });
      const settings = stub.settings.get("jx") as Record<string, any>;
      expect(settings.searchableAttributes).toEqual(["title", "tradeName.zh", "tradeName.en", "body", "city"]);
      expect(settings.filterableAttributes).toEqual(["type", "tradeCode", "city"]);
      expect(settings.sortableAttributes).toEqual(["publishedAt"]);
      expect(settings.rankingRules).toContain("sort");
      expect(settings.typoTolerance).toMatchObject({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
      expect(settings.synonyms["电焊"]).toEqual(expect.arrayContaining(["焊工", "焊接", "welding"]));
      expect(settings.synonyms["forklift"]).toContain("叉车");
      expect(settings.synonyms["叉车"]).toContain("forklift");
      expect(settings.synonyms["co2焊"]).toContain("二保焊");
      expect(settings.localizedAttributes).toContainEqual({ attributePatterns: ["tradeName.zh"], locales: ["cmn"] });
      expect(settings.pagination).toEqual({ maxTotalHits: 10_000 });
    });

    it("polls each task until it is finished, with the admin key", async () => {
      await open();
      const polls = stub.requests.filter((r) => r.path === "/tasks/0");
      expect(polls.length).toBe(3); // enqueued, processing, succeeded
      expect(new Set(stub.requests.map((r) => r.authorization))).toEqual(new Set(["Bearer admin-key"]));
    });

    it("is what createSearchEngine gives with Meilisearch settings", async () => {
      const engine = await createSearchEngine({ meili: { host: stub.url, apiKey: "admin-key", indexName: "jx" } });
      expect(engine.kind).toBe("meilisearch");
      expect(stub.settings.has("jx")).toBe(true);
    });

    it("accepts an index that already exists", async () => {
      await open();
      await expect(open()).resolves.toBeDefined();
    });

    it("fails when the settings task fails", async () => {
      stub.failNext("settingsUpdate", "invalid_settings_typo_tolerance", "bad typo settings");
      await expect(open()).rejects.toThrow(/invalid_settings_typo_tolerance/);
    });
  });

  describe("writes", () => {
    it("sends documents with id as primary key and waits for the task", async () => {
      const engine = await open();
      const docs = [doc("job-1", "焊工", { city: "东莞", extra: { salary: "7000" } }), doc("job-2", "叉车司机")];
      await engine.upsert(docs);
      const request = stub.requests.find((r) => r.method === "POST" && r.path === "/indexes/jx/documents")!;
      expect(request.query).toEqual({ primaryKey: "id" });
      expect(request.body).toEqual(docs);
      expect(stub.requests.filter((r) => r.path === "/tasks/2")).toHaveLength(3);
      expect(await engine.count()).toBe(2);
    });

    it("refuses ids Meilisearch would reject without sending them", async () => {
      const engine = await open();
      await expect(engine.upsert([doc("job:1", "焊工")])).rejects.toThrow(InvalidSearchDocumentError);
      expect(stub.calls()).not.toContain("POST /indexes/jx/documents");
    });

    it("removes by id in one batch, and sends nothing for no ids", async () => {
      const engine = await open();
      await engine.upsert([doc("job-1", "焊工"), doc("job-2", "电工")]);
      await engine.remove(["job-1", "job-9"]);
      expect(bodyOf("POST /indexes/jx/documents/delete-batch")).toEqual(["job-1", "job-9"]);
      expect([...stub.indexes.get("jx")!.keys()]).toEqual(["job-2"]);
      const before = stub.requests.length;
      await engine.remove([]);
      expect(stub.requests.length).toBe(before);
    });

    it("turns a failed task into an error with Meilisearch's code", async () => {
      const engine = await open();
      stub.failNext("documentAdditionOrUpdate", "invalid_document_fields", "Document has too many fields");
      const failure = engine.upsert([doc("job-1", "焊工")]);
      await expect(failure).rejects.toThrow(SearchEngineError);
      await expect(failure).rejects.toMatchObject({ code: "invalid_document_fields", message: expect.stringContaining("too many fields") });
    });

    it("rebuilds into a temporary index with the same settings, swaps it in and deletes the old one", async () => {
      const engine = await open();
      await engine.upsert([doc("job-old", "旧岗位")]);
      const before = stub.requests.length;
      await engine.replaceAll([doc("job-new", "新岗位")]);
      const calls = stub.requests.slice(before).filter((r) => !r.path.startsWith("/tasks/"));
      expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual([
        "DELETE /indexes/jx_tmp", // leftovers of a rebuild that died (not found: fine)
        "POST /indexes",
        "PATCH /indexes/jx_tmp/settings",
        "POST /indexes/jx_tmp/documents",
        "POST /swap-indexes",
        "DELETE /indexes/jx_tmp",
      ]);
      expect(calls[1]!.body).toEqual({ uid: "jx_tmp", primaryKey: "id" });
      expect(calls[2]!.body).toEqual(stub.settings.get("jx"));
      expect(calls[4]!.body).toEqual([{ indexes: ["jx", "jx_tmp"], rename: false }]);
      expect([...stub.indexes.get("jx")!.keys()]).toEqual(["job-new"]);
      expect(stub.indexes.has("jx_tmp")).toBe(false);
    });

    it("leaves the live index alone when the swap fails", async () => {
      const engine = await open();
      await engine.upsert([doc("job-old", "旧岗位")]);
      stub.failNext("indexSwap", "index_not_found", "Index `jx` not found.");
      await expect(engine.replaceAll([doc("job-new", "新岗位")])).rejects.toThrow(/swap indexes.*index_not_found/);
      expect([...stub.indexes.get("jx")!.keys()]).toEqual(["job-old"]);
    });
  });

  describe("search", () => {
    const hit = (id: string, title: string, formattedTitle: string, more: Record<string, unknown> = {}) => ({
      id,
      type: "job",
      title,
      url: `/jobs/${id}`,
      ...more,
      _formatted: { id, type: "job", title: formattedTitle, url: `/jobs/${id}` },
      _rankingScore: 0.9,
    });
    const searches = () => stub.requests.filter((r) => r.path === "/multi-search").map((r) => (r.body as { queries: Array<Record<string, unknown>> }).queries);

    it("sends filters, facets, exact paging and highlight markers, and counts each filtered facet without its own filter", async () => {
      const engine = await open();
      stub.answerSearch((query) =>
        query.limit === 0
          ? { hits: [], estimatedTotalHits: 9, limit: 0, offset: 0, facetDistribution: (query.facets as string[]).includes("type") ? { type: { job: 7, course: 2 } } : { city: { 东莞: 7, 深圳: 3 } } }
          : {
              hits: [hit("job-1", "东莞 焊工", "东莞 \uE000焊工\uE001", { city: "东莞", body: "月薪七千", extra: { salary: "7000" } })],
              totalHits: 7,
              totalPages: 2,
              page: 2,
              hitsPerPage: 5,
              facetDistribution: { type: { job: 7 }, tradeCode: { welder: 6, fitter: 1 }, city: { 东莞: 7 } },
            },
      );
      const result = await engine.search({ q: "焊工", types: ["job"], city: "东莞", page: 2, perPage: 5 });

      const [queries] = searches();
      expect(queries).toHaveLength(3);
      expect(queries![0]).toMatchObject({
        indexUid: "jx",
        q: "焊工",
        filter: [['type = "job"'], 'city = "东莞"'],
        facets: ["type", "tradeCode", "city"],
        page: 2,
        hitsPerPage: 5,
        attributesToHighlight: ["title", "body"],
        highlightPreTag: "\uE000",
        highlightPostTag: "\uE001",
        matchingStrategy: "all",
      });
      expect(queries![0]!.sort).toBeUndefined();
      expect(queries![1]).toMatchObject({ q: "焊工", filter: ['city = "东莞"'], facets: ["type"], limit: 0 });
      expect(queries![2]).toMatchObject({ q: "焊工", filter: [['type = "job"']], facets: ["city"], limit: 0 });

      expect(result).toMatchObject({ total: 7, page: 2, pageCount: 2 });
      expect(result.hits[0]!.doc).toEqual({ id: "job-1", type: "job", title: "东莞 焊工", url: "/jobs/job-1", city: "东莞", body: "月薪七千", extra: { salary: "7000" } });
      expect(result.hits[0]!.highlights.title).toEqual([
        { text: "东莞 ", isMatch: false },
        { text: "焊工", isMatch: true },
      ]);
      expect(result.hits[0]!.highlights.body).toEqual([{ text: "月薪七千", isMatch: false }]);
      expect(result.facets).toEqual({
        type: { course: 2, book: 0, job: 7, live: 0, trade: 0 },
        tradeCode: { welder: 6, fitter: 1 },
        city: { 东莞: 7, 深圳: 3 },
      });
    });

    it("falls back to matching fewer words when no document has them all", async () => {
      const engine = await open();
      stub.answerSearch((query) =>
        query.matchingStrategy === "all"
          ? { hits: [], totalHits: 0, totalPages: 0, page: 1, hitsPerPage: 20, facetDistribution: {} }
          : { hits: [hit("job-1", "叉车司机", "\uE000叉车\uE001司机")], totalHits: 1, totalPages: 1, page: 1, hitsPerPage: 20, facetDistribution: {} },
      );
      const result = await engine.search({ q: "叉车 潜水艇", page: 1, perPage: 20 });
      expect(searches().map((queries) => queries[0]!.matchingStrategy)).toEqual(["all", "last"]);
      expect(result.total).toBe(1);
    });

    it("asks again for the last page when the page is past the end", async () => {
      const engine = await open();
      stub.answerSearch((query) => ({
        hits: query.page === 3 ? [hit("job-11", "焊工", "焊工")] : [],
        totalHits: 11,
        totalPages: 3,
        page: query.page,
        hitsPerPage: 5,
        facetDistribution: {},
      }));
      const result = await engine.search({ q: "焊工", page: 9, perPage: 5 });
      expect(searches().map((queries) => queries[0]!.page)).toEqual([9, 3]);
      expect(result).toMatchObject({ total: 11, page: 3, pageCount: 3 });
      expect(result.hits.map((h) => h.doc.id)).toEqual(["job-11"]);
    });

    it("browses newest first when the query has nothing to search for", async () => {
      const engine = await open();
      await engine.search({ q: " ？！😀 ", page: 1, perPage: 20 });
      const [queries] = searches();
      expect(queries![0]).toMatchObject({ q: "", sort: ["publishedAt:desc"] });
      expect(searches()).toHaveLength(1); // no fallback for browsing
    });

    it("quotes filter values so user input cannot change the filter", async () => {
      const engine = await open();
      await engine.search({ q: "焊工", city: '东"莞\\', tradeCode: "welder\" OR type = \"x", page: 1, perPage: 20 });
      const [queries] = searches();
      expect(queries![0]!.filter).toEqual(['tradeCode = "welder\\" OR type = \\"x"', 'city = "东\\"莞\\\\"']);
    });

    it("cuts queries to 200 characters before sending them", async () => {
      const engine = await open();
      await engine.search({ q: "焊".repeat(500), page: 1, perPage: 20 });
      expect((searches()[0]![0]!.q as string).length).toBe(200);
    });
  });
});

// No Meilisearch server can be installed on these machines (not in Debian, not on npm: see
// ../shared/design/stack-facts.md "Search"), so the contract runs against a real one only where
// it is reachable: MEILI_HOST=http://127.0.0.1:7700 MEILI_API_KEY=… vitest run tests/unit/search
if (process.env.MEILI_HOST) {
  const host = process.env.MEILI_HOST;
  const apiKey = process.env.MEILI_API_KEY ?? "";
  runEngineContract("meilisearch", async () => {
    const indexName = `jx_contract_${randomUUID().replaceAll("-", "")}`;
    const engine = await openMeilisearchEngine({ host, apiKey, indexName });
    // Each test gets its own index; closing deletes it.
    const disposable: SearchEngine = {
      kind: engine.kind,
      upsert: (docs) => engine.upsert(docs),
      remove: (ids) => engine.remove(ids),
      replaceAll: (docs) => engine.replaceAll(docs),
      search: (query) => engine.search(query),
      count: () => engine.count(),
      close: async () => {
        await engine.close();
        await new Meilisearch({ host, apiKey }).deleteIndex(indexName).waitTask();
      },
    };
    return disposable;
  });
}
