// A value computed on first use and kept for a while: for read-mostly data on hot pages, where
// every query costs event-loop time (PGlite runs on the main thread).
import type { Clock } from "./clock.ts";

export interface Cached<T> {
  get(): Promise<T>;
  invalidate(): void;
}

/** Concurrent callers share one computation; a failed computation is not kept. */
export function cached<T>(compute: () => Promise<T>, options: { ttlMs: number; clock: Clock }): Cached<T> {
  let entry: { value: Promise<T>; expiresAt: number } | undefined;
  return {
    get() {
      const now = options.clock.now().getTime();
      if (!entry || entry.expiresAt <= now) {
        const value = compute();
        entry = { value, expiresAt: now + options.ttlMs };
        value.catch(() => {
          if (entry?.value === value) entry = undefined;
        });
      }
      return entry.value;
    },
    invalidate() {
      entry = undefined;
    },
  };
}
