// Who is watching a live session: the pages open on it. Each session page joins the session's
// Socket.IO room (the live Q&A), and the realtime layer counts the room (server/realtime/live-qa.ts):
// the same number on the /live cards, the session page, the host's page and the Q&A panel.
//
// One process: the realtime layer reports its room sizes here as they change. Several processes
// behind Redis: each process writes its own room size into a Redis hash (one field per process,
// server/realtime/viewer-counts.ts), and a count here is the sum of the fresh fields, wherever the
// page asking for it is served. A process that died stops refreshing its field; fields older than
// STALE_AFTER_MS are left out. The age is kept in the value (Redis 7.0 has no expiry per hash field).
//
// The peak is the most this process saw reported while the session was on air, persisted on the
// session when it goes off air.
import type { Redis } from "ioredis";
import type { RedisHandle } from "../redis.ts";

/** How often each process rewrites its counts in Redis, even when nothing else changed (ms). */
export const VIEWER_REFRESH_MS = 2_000;
/** A process's count older than this is no longer counted (it stopped or lost Redis). */
export const STALE_AFTER_MS = 3 * VIEWER_REFRESH_MS;

export interface ViewerCounter {
  /** The realtime layer: `viewers` watch `sessionId` now (this process's room, or the total). */
  report(sessionId: string, viewers: number): void;
  /** The viewers of each session now; sessions nobody watches are 0. */
  counts(sessionIds: readonly string[]): Promise<Map<string, number>>;
  /** The session went on air: its peak counts from now (again going live after a reconnect changes nothing). */
  onAir(sessionId: string): void;
  /** The most viewers seen at once on air (in this process's reports); null when it was not seen on air. */
  peak(sessionId: string): number | null;
  /** The session ended: its counts go. */
  forget(sessionId: string): void;
}

/** The Redis hash of a session's per-process counts. */
export const viewerHashKey = (keyPrefix: string, sessionId: string) => `${keyPrefix}qa:viewers:${sessionId}`;

/**
 * The sum of a viewer hash's fresh fields ("<count>:<ms>" per process) at `now`, and the fields
 * too old (or unreadable) to count, for the caller to remove.
 */
export function sumFresh(fields: Record<string, string>, now: number): { sum: number; stale: string[] } {
  let sum = 0;
  const stale: string[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const [count, at] = value.split(":").map(Number);
    if (!Number.isFinite(count) || !Number.isFinite(at) || now - at! > STALE_AFTER_MS) stale.push(field);
    else sum += count!;
  }
  return { sum, stale };
}

/** Best effort: a stale field left behind is skipped again next time. */
export function dropStale(client: Redis, key: string, stale: string[]): void {
  if (stale.length) client.hdel(key, ...stale).catch(() => {});
}

/** The peaks of the sessions on air, from the reports this process saw. */
function peaks() {
  const onAir = new Map<string, number>();
  return {
    start(sessionId: string, current: number) {
      if (!onAir.has(sessionId)) onAir.set(sessionId, current);
    },
    note(sessionId: string, viewers: number) {
      const peak = onAir.get(sessionId);
      if (peak !== undefined && viewers > peak) onAir.set(sessionId, viewers);
    },
    peak: (sessionId: string) => onAir.get(sessionId) ?? null,
    forget: (sessionId: string) => onAir.delete(sessionId),
  };
}

/** One process: the counts it was told. */
export function createViewerCounter(): ViewerCounter {
  const current = new Map<string, number>();
  const peak = peaks();
  return {
    report(sessionId, viewers) {
      if (viewers > 0) current.set(sessionId, viewers);
      else current.delete(sessionId);
      peak.note(sessionId, viewers);
    },
    counts: (sessionIds) => Promise.resolve(new Map(sessionIds.map((id) => [id, current.get(id) ?? 0]))),
    onAir: (sessionId) => peak.start(sessionId, current.get(sessionId) ?? 0),
    peak: peak.peak,
    forget(sessionId) {
      current.delete(sessionId);
      peak.forget(sessionId);
    },
  };
}

/** Several processes: counts read from the hashes every process writes (one round trip for all). */
export function createRedisViewerCounter(redis: Pick<RedisHandle, "client" | "keyPrefix">): ViewerCounter {
  const { client, keyPrefix } = redis;
  const peak = peaks();
  return {
    report: (sessionId, viewers) => peak.note(sessionId, viewers),
    async counts(sessionIds) {
      const counts = new Map<string, number>();
      if (sessionIds.length === 0) return counts;
      const pipeline = client.pipeline();
      for (const id of sessionIds) pipeline.hgetall(viewerHashKey(keyPrefix, id));
      const results = (await pipeline.exec()) ?? [];
      const now = Date.now();
      sessionIds.forEach((id, index) => {
        const [error, fields] = results[index] ?? [new Error("no reply")];
        if (error) throw error;
        const { sum, stale } = sumFresh(fields as Record<string, string>, now);
        dropStale(client, viewerHashKey(keyPrefix, id), stale);
        counts.set(id, sum);
      });
      return counts;
    },
    // The total is not known here until the next report (every VIEWER_REFRESH_MS).
    onAir: (sessionId) => peak.start(sessionId, 0),
    peak: peak.peak,
    forget: peak.forget,
  };
}
