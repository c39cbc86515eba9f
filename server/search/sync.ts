// Keeps the search engine true to the database. A full rebuild reads every source; the outbox
// worker applies later changes in id order, with retries and backoff, so a search outage delays
// indexing but never loses or fails a write. Applying a row is idempotent (the worker reads the
// document's current state), so a retried batch changes nothing twice.
import type { SearchDocument, SearchEngine } from "../../search/index.ts";
import type { Clock } from "../clock.ts";
import type { PrismaClient } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { parseDocId, type DocumentSource } from "./sources.ts";

const BATCH_SIZE = 200;
const MAX_BACKOFF_MS = 5 * 60 * 1000;

/** 1 s, 2 s, 4 s … up to five minutes. */
export const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1));

export interface OutboxLag {
  pending: number;
  failing: number;
  oldestAgeSeconds: number | null;
}

export function createSearchSync(deps: {
  prisma: PrismaClient;
  engine: SearchEngine;
  sources: Map<string, DocumentSource>;
  clock: Clock;
  logger: Logger;
}) {
  const { prisma, engine, sources, clock, logger } = deps;
  const types = new Set(sources.keys());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;

  async function documentsFor(docIds: string[]): Promise<{ upserts: SearchDocument[]; removals: string[] }> {
    const keysByType = new Map<string, string[]>();
    const removals: string[] = [];
    for (const docId of docIds) {
      const parsed = parseDocId(docId, types);
      if (!parsed) {
        removals.push(docId);
        continue;
      }
      keysByType.set(parsed.type, [...(keysByType.get(parsed.type) ?? []), parsed.key]);
    }
    const upserts: SearchDocument[] = [];
    for (const [type, keys] of keysByType) {
      upserts.push(...(await sources.get(type)!.load(keys)));
    }
    const found = new Set(upserts.map((doc) => doc.id));
    removals.push(...docIds.filter((docId) => !found.has(docId) && !removals.includes(docId)));
    return { upserts, removals };
  }

  /** Applies one batch of due rows; returns how many rows it consumed (0: nothing due or it failed). */
  async function applyBatch(): Promise<number> {
    const rows = await prisma.searchOutbox.findMany({
      // New rows are due at once; failed ones wait out their backoff (measured by the injected clock).
      where: { OR: [{ attempts: 0 }, { nextAttemptAt: { lte: clock.now() } }] },
      orderBy: { id: "asc" },
      take: BATCH_SIZE,
      select: { id: true, docId: true, attempts: true },
    });
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    try {
      const { upserts, removals } = await documentsFor([...new Set(rows.map((row) => row.docId))]);
      if (upserts.length) await engine.upsert(upserts);
      if (removals.length) await engine.remove(removals);
      await prisma.searchOutbox.deleteMany({ where: { id: { in: ids } } });
      return rows.length;
    } catch (error) {
      const attempts = Math.max(...rows.map((row) => row.attempts)) + 1;
      const message = (error as Error).message.slice(0, 500);
      logger.warn({ err: error, rows: rows.length, attempts }, "search outbox batch failed; will retry");
      await prisma.searchOutbox.updateMany({
        where: { id: { in: ids } },
        data: { attempts, nextAttemptAt: new Date(clock.now().getTime() + backoffMs(attempts)), lastError: message },
      });
      return 0;
    }
  }

  async function drainLoop(): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await applyBatch();
      total += applied;
      if (applied < BATCH_SIZE) break;
    }
    return total;
  }

  const sync = {
    /** Applies every due outbox row now; concurrent calls share one run. Returns rows applied. */
    async drain(): Promise<number> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        do {
          again = false;
          total += await drainLoop();
        } while (again);
        return total;
      })().finally(() => {
        running = undefined;
      });
      return running;
    },

    /** Rebuilds the whole index from the database (the outbox rows stay: applying them again is harmless). */
    async rebuild(): Promise<number> {
      const docs = (await Promise.all([...sources.values()].map((source) => source.all()))).flat();
      await engine.replaceAll(docs);
      return docs.length;
    },

    /** Polls the outbox every `intervalMs`; `nudge` runs it sooner after a local write. */
    start(intervalMs = 1000) {
      timer ??= setInterval(() => void sync.drain().catch((error) => logger.error({ err: error }, "search sync failed")), intervalMs);
      timer.unref();
    },

    nudge() {
      void sync.drain().catch((error) => logger.error({ err: error }, "search sync failed"));
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },

    async lag(): Promise<OutboxLag> {
      const [pending, failing, oldest] = await Promise.all([
        prisma.searchOutbox.count(),
        prisma.searchOutbox.count({ where: { attempts: { gt: 0 } } }),
        prisma.searchOutbox.findFirst({ orderBy: { id: "asc" }, select: { createdAt: true } }),
      ]);
      const oldestAgeSeconds = oldest ? Math.max(0, Math.round((clock.now().getTime() - oldest.createdAt.getTime()) / 1000)) : null;
      return { pending, failing, oldestAgeSeconds };
    },
  };
  return sync;
}

export type SearchSync = ReturnType<typeof createSearchSync>;
