// Reloads a live page's data every few seconds while its session may change on its own (a host
// going on air, a publisher dropping, a replay finishing). Only while the tab is visible and no
// other load is running, and only online (a reload that cannot reach the server would replace the
// page with the error page); nothing happens before hydration (the page is then a plain document).
import { useEffect, useRef } from "react";
import { useRevalidator } from "react-router";

export function useRefreshEvery(intervalMs: number | null) {
  const revalidator = useRevalidator();
  // A ref, so that the timer is not restarted each time the revalidator's state changes.
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (intervalMs === null) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && navigator.onLine && latest.current.state === "idle") void latest.current.revalidate();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
}
