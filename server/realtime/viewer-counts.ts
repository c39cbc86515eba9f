// How many people watch a live session's Q&A, across app processes.
//
// One process: the size of its own Socket.IO room. Several processes behind Redis: each process,
// whenever it flushes a session's update, writes its own room size into a Redis hash (one field
// per process) and reads back the sum, in one round trip. A process that dies stops refreshing its
// field; fields older than STALE_AFTER_MS are left out of the sum and removed. The age is kept in
// the value (Redis 7.0 has no expiry per hash field), and the whole hash expires too once no
// process writes it any more.
import type { RedisHandle } from "../redis.ts";

/** How often each process rewrites its counts, even when nothing else changed (ms). */
export const VIEWER_REFRESH_MS = 2_000;
/** A process's count older than this is no longer counted (it stopped or lost Redis). */
export const STALE_AFTER_MS = 3 * VIEWER_REFRESH_MS;

export interface ViewerCounts {
  /** True when other processes count too: their counts change without anything happening here. */
  readonly shared: boolean;
  /** The session's viewers everywhere, given this process's `local` count. */
  total(sessionId: string, local: number): Promise<number>;
}

export const localViewerCounts: ViewerCounts = {
  shared: false,
  total: (_sessionId, local) => Promise.resolve(local),
};

export function redisViewerCounts(redis: RedisHandle): ViewerCounts {
  const { client, keyPrefix, processId } = redis;
  return {
    shared: true,
    async total(sessionId, local) {
      const key = `${keyPrefix}qa:viewers:${sessionId}`;
      const now = Date.now();
      const results = await client
        .multi()
        .hset(key, processId, `${local}:${now}`)
        .pexpire(key, STALE_AFTER_MS)
        .hgetall(key)
        .exec();
      const all = results?.[2];
      if (!all || all[0]) throw all?.[0] ?? new Error("redis transaction discarded");
      let sum = 0;
      const stale: string[] = [];
      for (const [field, value] of Object.entries(all[1] as Record<string, string>)) {
        const [count, at] = value.split(":").map(Number);
        if (!Number.isFinite(count) || !Number.isFinite(at) || now - at! > STALE_AFTER_MS) stale.push(field);
        else sum += count!;
      }
      // Best effort: a stale field left behind is skipped again next time.
      if (stale.length) client.hdel(key, ...stale).catch(() => {});
      return sum;
    },
  };
}
