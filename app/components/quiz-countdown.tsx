// The time left to answer a question. The server decides the deadline and enforces it; the page
// only shows it, counting down from the `remainingMs` the server measured when it answered (the
// client's clock is never asked what time it is, only how much time has passed since then — a
// monotonic clock). When it reaches zero, `onExpire` lets the page reload its data, so that the
// server records the question as expired and the page shows its result. Before hydration (and
// without JavaScript) it is a static line with the deadline on the challenge's clock.
import { useEffect, useRef, useState } from "react";
import { useLocale, useT } from "../i18n/index.ts";
import { formatChinaTime } from "./quiz-labels.tsx";

/** Announced once to screen readers when this many seconds are left. */
const WARN_AT_SECONDS = 10;

/**
 * Only the first countdown after the document loaded measures from when the server's response
 * arrived (the time spent hydrating has passed already); later ones start when their data arrives.
 */
let documentCountdownStarted = false;

function startedAgoMs(): number {
  if (documentCountdownStarted) return 0;
  documentCountdownStarted = true;
  const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (!navigation || navigation.type === "back_forward" || !(navigation.responseStart > 0)) return 0;
  return Math.max(0, performance.now() - navigation.responseStart);
}

interface CountdownProps {
  remainingMs: number;
  windowSeconds: number;
  deadlineAt: Date | string;
  /** Called once when the time is up (after hydration only). */
  onExpire: () => void;
}

export function QuizCountdown({ remainingMs, windowSeconds, deadlineAt, onExpire }: CountdownProps) {
  const t = useT();
  const locale = useLocale();
  const [left, setLeft] = useState(remainingMs);
  const [running, setRunning] = useState(false);
  const [warning, setWarning] = useState("");
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    const endsAt = performance.now() - startedAgoMs() + remainingMs;
    let warned = remainingMs <= WARN_AT_SECONDS * 1000;
    let done = false;
    setWarning("");
    setRunning(true);
    const tick = () => {
      const now = Math.max(0, endsAt - performance.now());
      setLeft(now);
      if (!warned && now <= WARN_AT_SECONDS * 1000) {
        warned = true;
        setWarning(t("quizui.play.warnSeconds", { seconds: WARN_AT_SECONDS }));
      }
      if (now === 0 && !done) {
        done = true;
        window.clearInterval(timer);
        expire.current();
      }
    };
    const timer = window.setInterval(tick, 200);
    tick();
    return () => window.clearInterval(timer);
    // Not on `t`: it only words the warning, and a language switch reloads the page.
  }, [remainingMs, deadlineAt]);

  const seconds = Math.ceil(left / 1000);
  const share = windowSeconds > 0 ? Math.max(0, Math.min(1, left / (windowSeconds * 1000))) : 0;
  return (
    <div className={`quiz-play-countdown${seconds <= 5 ? " urgent" : ""}`} data-testid="quiz-countdown">
      <p className="quiz-play-countdown-left">
        <span role="timer" data-testid="quiz-seconds-left" data-seconds={seconds}>
          {running ? t("quizui.play.secondsLeft", { seconds }) : t("quizui.play.secondsLimit", { seconds })}
        </span>
        <span className="quiz-play-countdown-deadline muted">{t("quizui.play.deadline", { time: formatChinaTime(locale, deadlineAt) })}</span>
      </p>
      {/* A bar, not a style attribute: the Content-Security-Policy allows styles from files only. */}
      <progress className="quiz-play-countdown-bar" max={1000} value={Math.round(share * 1000)} aria-hidden="true" />
      <p className="visually-hidden" aria-live="polite">
        {warning}
      </p>
    </div>
  );
}
