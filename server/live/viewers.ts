// Who is watching: a viewer counts while their player keeps fetching the session's playlist (HLS
// players poll it every few seconds while live). In memory, per process: the Q&A issue replaces it
// with Socket.IO presence shared through Redis when several processes serve one audience.
import type { Clock } from "../clock.ts";

/** A viewer whose player has not asked for the playlist for this long has left. */
export const VIEWER_TIMEOUT_MS = 20_000;

export interface ViewerCounter {
  /** `viewerKey` (a hash of the client, never stored) fetched the playlist of `sessionId` now. */
  touch(sessionId: string, viewerKey: string): void;
  count(sessionId: string): number;
  /** The most viewers seen at once since the process started; null when none was seen. */
  peak(sessionId: string): number | null;
  forget(sessionId: string): void;
}

export function createViewerCounter(clock: Clock, timeoutMs = VIEWER_TIMEOUT_MS): ViewerCounter {
  const sessions = new Map<string, { seen: Map<string, number>; peak: number }>();

  function prune(entry: { seen: Map<string, number> }, now: number) {
    for (const [key, at] of entry.seen) if (now - at > timeoutMs) entry.seen.delete(key);
  }

  return {
    touch(sessionId, viewerKey) {
      const now = clock.now().getTime();
      let entry = sessions.get(sessionId);
      if (!entry) sessions.set(sessionId, (entry = { seen: new Map(), peak: 0 }));
      entry.seen.set(viewerKey, now);
      // Pruning on every touch would be O(viewers) per request: do it when the map has grown.
      if (entry.seen.size > entry.peak) prune(entry, now);
      entry.peak = Math.max(entry.peak, entry.seen.size);
    },
    count(sessionId) {
      const entry = sessions.get(sessionId);
      if (!entry) return 0;
      prune(entry, clock.now().getTime());
      return entry.seen.size;
    },
    peak: (sessionId) => sessions.get(sessionId)?.peak ?? null,
    forget(sessionId) {
      sessions.delete(sessionId);
    },
  };
}
