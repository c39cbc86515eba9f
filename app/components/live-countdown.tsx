// The time left before a scheduled session, ticking each second. The server renders only the start
// time (it cannot know the reader's clock at hydration); the countdown appears once the page runs.
import { useEffect, useState } from "react";
import { useT } from "../i18n/index.ts";
import { LiveTime } from "./live-labels.tsx";

const pad = (n: number) => String(n).padStart(2, "0");

export function LiveCountdown({ startsAt }: { startsAt: Date | string }) {
  const t = useT();
  const start = new Date(startsAt).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  let left: string | null = null;
  if (now !== null) {
    const seconds = Math.max(0, Math.floor((start - now) / 1000));
    const days = Math.floor(seconds / 86_400);
    const clock = `${pad(Math.floor((seconds % 86_400) / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
    left = seconds === 0 ? t("live.countdown.due") : days > 0 ? t("live.countdown.days", { days, clock }) : t("live.countdown.clock", { clock });
  }
  return (
    <div className="live-countdown">
      <p className="live-countdown-start">
        {t("live.countdown.startsAt")} <LiveTime date={startsAt} />
      </p>
      {left !== null ? (
        <p className="live-countdown-left" role="timer" data-testid="live-countdown">
          {left}
        </p>
      ) : null}
    </div>
  );
}
