// A session in the /live lists: cover (or the trade's placeholder), status, title, host, trade, and
// what matters for its section: viewers now, the start time, or the replay's length. Upcoming
// sessions carry the "remind me" button.
import { Link } from "react-router";
import type { LiveCard as LiveCardData } from "../../server/live/types.ts";
import { useLocale, useT } from "../i18n/index.ts";
import { CourseCover } from "./course-card.tsx";
import { formatDuration, tradeName } from "./course-labels.tsx";
import { liveHref, LiveStatusBadge, LiveTime } from "./live-labels.tsx";
import { RemindForm, type RemindState } from "./live-remind.tsx";

export function LiveCard({ session, remind }: { session: LiveCardData; remind?: RemindState & { returnTo: string } }) {
  const t = useT();
  const locale = useLocale();
  const onAir = session.status === "LIVE" || session.status === "RECONNECTING";
  return (
    <article className="course-card live-card" id={`live-${session.id}`} data-testid="live-card" data-id={session.id} data-status={session.status}>
      <div className="live-cover-wrap">
        <CourseCover coverUrl={session.coverUrl} trade={session.trade} />
        <span className="live-cover-badge">
          <LiveStatusBadge status={session.status} />
        </span>
      </div>
      <div className="course-card-body">
        <p className="course-card-tags">
          <span className="course-tag">{tradeName(session.trade, locale)}</span>
          {session.membersOnly ? <span className="course-tag format">{t("live.membersOnly")}</span> : null}
        </p>
        <h3 className="course-card-title">
          <Link to={liveHref(session.id)}>{session.title}</Link>
        </h3>
        <p className="course-card-by">{t("live.card.host", { name: session.host.displayName })}</p>
        <p className="course-card-meta">
          {onAir ? (
            <span className="live-viewers" data-testid="live-card-viewers">
              {t("live.viewers", { count: session.viewers })}
            </span>
          ) : session.status === "REPLAY_READY" ? (
            <>
              <span>{session.replaySeconds ? t("live.card.duration", { duration: formatDuration(t, session.replaySeconds) }) : t("live.card.replay")}</span>
              <LiveTime date={session.startedAt ?? session.scheduledStart} />
            </>
          ) : (
            <LiveTime date={session.scheduledStart} />
          )}
        </p>
      </div>
      {/* Outside the card's body: the title link covers the card, and this form must stay clickable. */}
      {remind ? (
        <div className="live-card-actions">
          <RemindForm sessionId={session.id} title={session.title} state={remind} returnTo={remind.returnTo} compact />
        </div>
      ) : null}
    </article>
  );
}
