// Reloads a live page's data every few seconds while its session may change on its own (a host
// going on air, a publisher dropping, a replay finishing). Only while the tab is visible and no
// other load is running — neither a reload nor a navigation or form post, which a reload would
// interrupt (its request aborted) — and only online (a reload that cannot reach the server would
// replace the page with the error page); nothing happens before hydration (the page is then a
// plain document). A reload also clears the last action's answer: pages pass null while one
// must stay on screen.
import { useEffect, useRef } from "react";
import { useNavigation, useRevalidator } from "react-router";

export function useRefreshEvery(intervalMs: number | null) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  // Refs, so that the timer is not restarted each time these states change.
  const latest = useRef(revalidator);
  latest.current = revalidator;
  const navigating = useRef(false);
  navigating.current = navigation.state !== "idle";
  useEffect(() => {
    if (intervalMs === null) return;
    const timer = window.setInterval(() => {
      const idle = latest.current.state === "idle" && !navigating.current;
      if (document.visibilityState === "visible" && navigator.onLine && idle) void latest.current.revalidate();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
}
