// How many people watch a live session (its pages open, in its Socket.IO room), across app processes.
//
// One process: the size of its own Socket.IO room. Several processes behind Redis: each process,
// whenever it flushes a session's update, writes its own room size into a Redis hash (one field
// per process) and reads back the sum, in one round trip; the whole hash expires once no process
// writes it any more. The hash's format and the freshness rule are server/live/viewers.ts's, which
// reads the same hashes for the pages.
import { dropStale, STALE_AFTER_MS, sumFresh, viewerHashKey } from "../live/viewers.ts";
import type { RedisHandle } from "../redis.ts";

export { VIEWER_REFRESH_MS } from "../live/viewers.ts";

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
      const key = viewerHashKey(keyPrefix, sessionId);
      const now = Date.now();
      const results = await client
        .multi()
        .hset(key, processId, `${local}:${now}`)
        .pexpire(key, STALE_AFTER_MS)
        .hgetall(key)
        .exec();
      const all = results?.[2];
      if (!all || all[0]) throw all?.[0] ?? new Error("redis transaction discarded");
      const { sum, stale } = sumFresh(all[1] as Record<string, string>, now);
      dropStale(client, key, stale);
      return sum;
    },
  };
}
