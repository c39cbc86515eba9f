// Saving where the reader is: every relocation is remembered, and the last one is posted to the
// book's progress resource once the pages have been still for SAVE_AFTER_MS (so paging quickly
// through a chapter makes one request, not twenty). When the page goes away (tab closed, app
// switched, another route) whatever is still pending leaves as a beacon, which survives unloads.
import { useCallback, useEffect, useRef } from "react";

const SAVE_AFTER_MS = 1500;

export interface ReadingPosition {
  /** EPUB: a CFI "epubcfi(...)"; PDF: "page:<n>". */
  location: string;
  /** 0–1 through the whole book. */
  fraction: number;
}

/** URL-encoded (not multipart): the smallest body, and what beacons send as a plain form. */
const formOf = ({ location, fraction }: ReadingPosition) =>
  new URLSearchParams({ location, fraction: String(Math.min(1, Math.max(0, fraction))) });

/** Returns `report(position)`: call it on every relocation. */
export function useProgressSaver(url: string): (position: ReadingPosition) => void {
  const pending = useRef<ReadingPosition | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const flushWithBeacon = useCallback(() => {
    window.clearTimeout(timer.current);
    if (pending.current) navigator.sendBeacon(url, formOf(pending.current));
    pending.current = null;
  }, [url]);

  const save = useCallback(async () => {
    const position = pending.current;
    pending.current = null;
    if (!position) return;
    try {
      const response = await fetch(url, { method: "POST", body: formOf(position), headers: { Accept: "application/json" } });
      // Read to the end, so that the request completes (nothing in it is needed).
      await response.text();
    } catch {
      // Offline for a moment: the next page turn (or the beacon) carries the position.
    }
  }, [url]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flushWithBeacon();
    };
    window.addEventListener("pagehide", flushWithBeacon);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flushWithBeacon);
      document.removeEventListener("visibilitychange", onVisibility);
      // Leaving within the app (back to the book page) unmounts the reader.
      flushWithBeacon();
    };
  }, [flushWithBeacon]);

  return useCallback(
    (position: ReadingPosition) => {
      pending.current = position;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), SAVE_AFTER_MS);
    },
    [save],
  );
}
