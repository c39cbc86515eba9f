import { data, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/live-session";
import type { LiveDetail } from "../../server/live/types.ts";
import { CourseCover } from "../components/course-card.tsx";
import { formatDuration, loginHref, tradeName } from "../components/course-labels.tsx";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { unlessRefused } from "../components/live-conflict.ts";
import { LiveCountdown } from "../components/live-countdown.tsx";
import { liveHostHref, liveHref, LiveStatusBadge, LiveTime } from "../components/live-labels.tsx";
import { LivePlayer } from "../components/live-player.tsx";
import { useRefreshEvery } from "../components/live-refresh.tsx";
import { RemindForm } from "../components/live-remind.tsx";
import { translateKey, useLocale, useT, type MessageKey } from "../i18n/index.ts";
import { formObject, methodNotAllowed, safeRedirect } from "../lib/forms.ts";

// One livestream class: what it is and who teaches it, and the stage — the countdown before it
// starts, the live player, the "waiting for the host" and "replay being prepared" notes, the
// replay. Statuses change on their own (the host's encoder, the recording), so the page reloads
// its data every few seconds while the session is not settled; without JavaScript a reload does.
export async function loader({ params, context }: Route.LoaderArgs) {
  return { session: await context.services.live.detail(context.viewer, params.sessionId) };
}

const ZRemindSchema = z.object({
  intent: z.literal("remind"),
  on: z.enum(["true", "false"]),
  redirectTo: z.string().max(500).optional(),
});

/** "Remind me" from this page and from the /live list (which names itself in redirectTo). */
export async function action({ request, params, context }: Route.ActionArgs) {
  if (request.method !== "POST") throw methodNotAllowed();
  const page = liveHref(params.sessionId);
  const parsed = ZRemindSchema.safeParse(await formObject(request));
  if (!parsed.success) return data({ error: "form.invalid" }, { status: 400 });
  const back = safeRedirect(parsed.data.redirectTo, page);
  if (!context.viewer) throw redirect(loginHref(back));
  const viewer = context.viewer;
  const outcome = await unlessRefused(() => context.services.live.remind(viewer, params.sessionId, parsed.data.on === "true"));
  if (outcome.refused) return data({ error: outcome.refused }, { status: 409 });
  return redirect(back);
}

/** How often the page reloads its data in each status (null: the session is settled). */
const REFRESH_MS: Record<LiveDetail["status"], number | null> = {
  SCHEDULED: 5_000,
  RECONNECTING: 5_000,
  ENDED: 5_000,
  // On air the player runs by itself; the page only follows the status and the viewer count.
  LIVE: 15_000,
  REPLAY_READY: null,
  REPLAY_FAILED: null,
  CANCELLED: null,
};

export default function LiveSession({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { session } = loaderData;
  useRefreshEvery(REFRESH_MS[session.status]);
  const page = liveHref(session.id);
  return (
    <div className="live-session-page">
      <DocumentTitle title={session.title} />
      <p className="studio-crumb">
        <Link to="/live">{t("live.detail.back")}</Link>
      </p>

      <header className="live-hero">
        <p className="course-card-tags">
          <LiveStatusBadge status={session.status} />
          <Link className="course-tag" to={`/live?trade=${encodeURIComponent(session.trade.code)}`}>
            {tradeName(session.trade, locale)}
          </Link>
          {session.membersOnly ? <span className="course-tag format">{t("live.membersOnly")}</span> : null}
        </p>
        <h1>{session.title}</h1>
        <p className="course-card-by">{t("live.card.host", { name: session.host.displayName })}</p>
      </header>

      {session.viewer.isHost ? (
        <p>
          <Link to={liveHostHref(session.id)} className="button secondary small" data-testid="live-host-link">
            {t("live.detail.hostPage")}
          </Link>
        </p>
      ) : null}

      <FormAlert message={actionData && "error" in actionData ? translateKey(t, actionData.error) : undefined} />

      <LiveStage session={session} page={page} />

      <section aria-labelledby="live-facts-title">
        <h2 id="live-facts-title">{t("live.detail.facts")}</h2>
        <dl className="facts" data-testid="live-facts">
          <dt>{t("live.detail.scheduled")}</dt>
          <dd>
            <LiveTime date={session.scheduledStart} />
          </dd>
          <dt>{t("live.detail.expected")}</dt>
          <dd>{formatDuration(t, session.durationMinutes * 60)}</dd>
          {session.startedAt ? (
            <>
              <dt>{t("live.detail.startedAt")}</dt>
              <dd>
                <LiveTime date={session.startedAt} />
              </dd>
            </>
          ) : null}
          {session.status === "REPLAY_READY" && session.replaySeconds ? (
            <>
              <dt>{t("live.detail.replayLength")}</dt>
              <dd>{formatDuration(t, session.replaySeconds)}</dd>
            </>
          ) : null}
          <dt>{t("live.detail.reminders")}</dt>
          <dd>{t("live.detail.remindersValue", { count: session.reminders })}</dd>
        </dl>
      </section>

      {session.description ? (
        <section aria-labelledby="live-description-title">
          <h2 id="live-description-title">{t("live.detail.description")}</h2>
          <div className="book-description live-description">
            {session.description
              .split(/\r?\n\s*\r?\n/)
              .map((paragraph) => paragraph.trim())
              .filter(Boolean)
              .map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="live-host-title" className="craftsman-card">
        <h2 id="live-host-title">{t("live.detail.host")}</h2>
        <p className="craftsman-name">
          <span className="craftsman-avatar" aria-hidden="true">
            {Array.from(session.host.displayName)[0] ?? "匠"}
          </span>
          <strong>{session.host.displayName}</strong>
        </p>
        {session.host.trade ? <p className="course-card-meta">{t("live.detail.hostTrade", { name: tradeName(session.host.trade, locale) })}</p> : null}
        {session.host.bio ? <p className="craftsman-bio">{session.host.bio}</p> : null}
      </section>
    </div>
  );
}

/** What the session shows in each status, with a sentence that screen readers hear when it changes. */
function LiveStage({ session, page }: { session: LiveDetail; page: string }) {
  const t = useT();
  const onAir = session.status === "LIVE" || session.status === "RECONNECTING";
  const playable = onAir || session.status === "REPLAY_READY";
  const sentence =
    session.status === "REPLAY_FAILED"
      ? t("live.stage.REPLAY_FAILED", { reason: translateKey(t, session.failure ?? "live.failure.unknown") ?? "" })
      : t(`live.stage.${session.status}` as MessageKey);
  return (
    <section aria-labelledby="live-stage-title" className="live-stage" data-testid="live-stage" data-status={session.status}>
      <h2 id="live-stage-title" className="visually-hidden">
        {t("live.detail.stage")}
      </h2>
      <p className={`live-stage-status live-stage-${session.status.toLowerCase()}`} role="status" data-testid="live-stage-status">
        {sentence}
        {onAir ? <span className="live-viewers">{t("live.viewers", { count: session.viewers })}</span> : null}
      </p>

      {playable && session.locked ? (
        <div className="video-status live-locked" data-testid="live-locked">
          <p>{t("live.detail.locked")}</p>
          <p>
            <Link className="button" to={loginHref(page)}>
              {t("live.detail.lockedLogin")}
            </Link>
          </p>
        </div>
      ) : playable && session.playbackUrl ? (
        // A new key when the live stream becomes the replay: the player starts over with the finished playlist.
        <LivePlayer key={`${onAir ? "live" : "replay"}:${session.playbackUrl}`} src={session.playbackUrl} title={session.title} live={onAir} />
      ) : (
        <div className="live-poster">
          <CourseCover coverUrl={session.coverUrl} trade={session.trade} large />
        </div>
      )}

      {session.status === "SCHEDULED" ? (
        <>
          <LiveCountdown startsAt={session.scheduledStart} />
          <p className="muted live-stage-hint">{t("live.detail.autoStart")}</p>
          <RemindForm sessionId={session.id} title={session.title} state={session.viewer} returnTo={page} />
        </>
      ) : null}
    </section>
  );
}
