// The search outbox: the database is the source of truth, the engine follows it, and an engine
// outage delays indexing without losing or failing a write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedEngine, type SearchDocument, type SearchEngine } from "../../search/index.ts";
import { syncTrades } from "../../prisma/seed.ts";
import { enqueueSearchUpdates } from "../../server/search/outbox.ts";
import { backoffMs } from "../../server/search/sync.ts";
import type { Services } from "../../server/context.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createTestServices, testClock } from "../support/services.ts";

/** The real embedded engine behind a switch that makes every write fail, as an unreachable server would. */
function switchableEngine() {
  const engine = createEmbeddedEngine();
  const upserted: string[] = [];
  let isDown = false;
  const wrapped: SearchEngine = {
    ...engine,
    kind: engine.kind,
    async upsert(docs: readonly SearchDocument[]) {
      if (isDown) throw new Error("search engine unreachable");
      upserted.push(...docs.map((doc) => doc.id));
      await engine.upsert(docs);
    },
    async remove(ids: readonly string[]) {
      if (isDown) throw new Error("search engine unreachable");
      await engine.remove(ids);
    },
    search: (query) => engine.search(query),
    replaceAll: (docs) => engine.replaceAll(docs),
    count: () => engine.count(),
    close: () => engine.close(),
  };
  return {
    engine: wrapped,
    upserted,
    setDown(down: boolean) {
      isDown = down;
    },
  };
}

let db: TestDatabase;
let services: Services;
const clock = testClock();
const search = switchableEngine();

const titles = async (q: string) =>
  (await search.engine.search({ q, page: 1, perPage: 10 })).hits.map((hit) => hit.doc.id);

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db, { clock, searchEngine: search.engine });
});

afterAll(async () => {
  await db?.cleanup();
});

describe("the search index follows the database", () => {
  it("rebuilds from the database and applies the outbox rows the trade sync wrote", async () => {
    expect(await services.searchSync.rebuild()).toBe(await db.prisma.trade.count());
    expect(await titles("焊工")).toContain("trade-welder");

    const applied = await services.searchSync.drain();
    expect(applied).toBeGreaterThan(0); // the template's syncTrades wrote one row per trade
    expect(await db.prisma.searchOutbox.count()).toBe(0);
    expect((await services.search.status()).outbox).toEqual({ pending: 0, failing: 0, oldestAgeSeconds: null });
  });

  it("writes the outbox row in the same transaction as the change", async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.trade.create({ data: { code: "rolled-back-trade", nameZh: "回滚工", nameEn: "Rolled back", categoryCode: "welding", position: 999 } });
        await enqueueSearchUpdates(tx, ["trade-rolled-back-trade"]);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.prisma.searchOutbox.count()).toBe(0);
  });

  it("indexes a write made while the engine was down once it is back, exactly once", async () => {
    search.setDown(true);
    await db.prisma.$transaction(async (tx) => {
      await tx.trade.create({ data: { code: "laser-welder", nameZh: "激光焊接工", nameEn: "Laser Welder", categoryCode: "welding", position: 998 } });
      await enqueueSearchUpdates(tx, ["trade-laser-welder"]);
    });

    // The write is safe in the database even though indexing fails.
    expect(await services.searchSync.drain()).toBe(0);
    const waiting = await db.prisma.searchOutbox.findFirstOrThrow({ where: { docId: "trade-laser-welder" } });
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toContain("unreachable");
    expect(waiting.nextAttemptAt.getTime()).toBe(clock.now().getTime() + backoffMs(1));
    expect((await services.search.status()).outbox).toMatchObject({ pending: 1, failing: 1 });
    expect(await titles("激光焊接")).not.toContain("trade-laser-welder");

    // Back up, but before the backoff has passed: nothing is retried yet.
    search.setDown(false);
    expect(await services.searchSync.drain()).toBe(0);

    clock.advance(backoffMs(1));
    expect(await services.searchSync.drain()).toBe(1);
    expect(await titles("激光焊接")).toContain("trade-laser-welder");
    expect(search.upserted.filter((id) => id === "trade-laser-welder")).toHaveLength(1);
    expect(await db.prisma.searchOutbox.count()).toBe(0);

    // Nothing left to apply: a second drain indexes nothing again.
    expect(await services.searchSync.drain()).toBe(0);
    expect(search.upserted.filter((id) => id === "trade-laser-welder")).toHaveLength(1);
  });

  it("removes a document whose row is gone from the database", async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.trade.delete({ where: { code: "laser-welder" } });
      await enqueueSearchUpdates(tx, ["trade-laser-welder"]);
    });
    await services.searchSync.drain();
    expect(await titles("激光焊接")).not.toContain("trade-laser-welder");
  });

  it("backs off exponentially up to five minutes", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30)).toBe(5 * 60 * 1000);
  });

  it("syncing trades adds the missing ones with their outbox rows", async () => {
    await db.prisma.trade.delete({ where: { code: "welder" } });
    expect(await syncTrades(db.prisma)).toBe(1);
    expect(await db.prisma.searchOutbox.findMany({ select: { docId: true } })).toEqual([{ docId: "trade-welder" }]);
    await services.searchSync.drain();
    expect(await titles("焊工")).toContain("trade-welder");
  });
});
