// Words, links and times shared by the livestream pages: a session's status as a badge and as a
// sentence, its start time in China time, and the hrefs of the public and the host's pages.
import type { LiveStatus } from "../../server/live/status.ts";
import { useLocale, useT, type Locale, type MessageKey, type Translate } from "../i18n/index.ts";

export const liveHref = (id: string) => `/live/${encodeURIComponent(id)}`;
export const liveHostHref = (id: string) => `/live/studio/${encodeURIComponent(id)}`;

export const liveStatusLabel = (t: Translate, status: LiveStatus) => t(`live.status.${status}` as MessageKey);

/**
 * A time in China's time zone, whatever the server's or the reader's: sessions are scheduled and
 * watched there, and the server's HTML and the browser's hydration must print the same text.
 */
export function chinaTime(locale: Locale, date: Date | string, options: { seconds?: boolean } = {}): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: options.seconds ? "medium" : "short",
    timeZone: "Asia/Shanghai",
  }).format(new Date(date));
}

/** "2026年12月3日 19:30（北京时间）" in a <time> element. */
export function LiveTime({ date, seconds = false }: { date: Date | string; seconds?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return <time dateTime={new Date(date).toISOString()}>{t("live.time.china", { time: chinaTime(locale, date, { seconds }) })}</time>;
}

export function LiveStatusBadge({ status }: { status: LiveStatus }) {
  const t = useT();
  return (
    <span className={`status-badge live-status live-status-${status.toLowerCase()}`} data-status={status}>
      {status === "LIVE" ? <span className="live-dot" aria-hidden="true" /> : null}
      {liveStatusLabel(t, status)}
    </span>
  );
}
