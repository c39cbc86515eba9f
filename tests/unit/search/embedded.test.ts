// The engine contract against the embedded engine (search/inverted-index.ts), plus what only it can show:
// writes during a rebuild survive it.
import { describe, expect, it } from "vitest";
import { createEmbeddedEngine } from "../../../search/embedded-engine.ts";
import { createSearchEngine } from "../../../search/index.ts";
import type { SearchDocument } from "../../../search/types.ts";
import { runEngineContract } from "./contract.ts";

runEngineContract("embedded", async () => createEmbeddedEngine());

describe("the embedded engine", () => {
  it("is what createSearchEngine gives without Meilisearch settings", async () => {
    const engine = await createSearchEngine({});
    expect(engine.kind).toBe("embedded");
    await engine.close();
  });

  const doc = (id: string, title: string): SearchDocument => ({ id, type: "course", title, url: `/courses/${id}` });

  it("keeps writes made while replaceAll is building", async () => {
    const engine = createEmbeddedEngine();
    const many = Array.from({ length: 3000 }, (_, i) => doc(`course-${i}`, `课程${i}`));
    const rebuilding = engine.replaceAll(many);
    await engine.upsert([doc("course-late", "钢筋绑扎")]);
    await engine.remove(["course-7"]);
    await rebuilding;
    expect(await engine.count()).toBe(3000);
    expect((await engine.search({ q: "钢筋", page: 1, perPage: 5 })).hits.map((hit) => hit.doc.id)).toEqual(["course-late"]);
    await engine.close();
  });

  it("serves the old index until a rebuild is complete", async () => {
    const engine = createEmbeddedEngine();
    await engine.upsert([doc("course-old", "焊工入门")]);
    const rebuilding = engine.replaceAll([doc("course-new", "电工入门")]);
    expect((await engine.search({ q: "焊工", page: 1, perPage: 5 })).total).toBe(1);
    await rebuilding;
    expect((await engine.search({ q: "焊工", page: 1, perPage: 5 })).total).toBe(0);
    await engine.close();
  });
});
