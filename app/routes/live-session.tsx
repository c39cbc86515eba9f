import { data, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/live-session";
import { QA_SORTS, type QaSort } from "../../server/live/qa/schema.ts";
import type { LiveDetail } from "../../server/live/types.ts";
import { CourseCover } from "../components/course-card.tsx";
import { formatDuration, loginHref, tradeName } from "../components/course-labels.tsx";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { unlessRefused } from "../components/live-conflict.ts";
import { LiveCountdown } from "../components/live-countdown.tsx";
import { liveHostHref, liveHref, LiveStatusBadge, LiveTime } from "../components/live-labels.tsx";
import { LivePlayer } from "../components/live-player.tsx";
import { LiveQaPanel, QA_PANEL_ID, type QaFlash } from "../components/live-qa-panel.tsx";
import { questionAnchor } from "../components/live-qa-question.tsx";
import { useRefreshEvery } from "../components/live-refresh.tsx";
import { RemindForm } from "../components/live-remind.tsx";
import { CraftsmanName } from "../components/craftsman-name.tsx";
import { isMessageKey, translateKey, useLocale, useT, type MessageKey } from "../i18n/index.ts";
import { formObject, methodNotAllowed, safeRedirect } from "../lib/forms.ts";

// One livestream class: what it is and who teaches it, the stage — the countdown before it
// starts, the live player, the "waiting for the host" and "replay being prepared" notes, the
// replay — and the Q&A beside it. Statuses change on their own (the host's encoder, the
// recording), so the page reloads its data every few seconds while the session is not settled;
// without JavaScript a reload does. The Q&A's plain forms post here and come back (303) to the
// panel, with the refusal's message key and the typed question in the URL when one was refused.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await context.services.live.detail(context.viewer, params.sessionId);
  const query = ZQaQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  // A visitor may not see a members-only session's Q&A; a cancelled session has none.
  const qa = session.locked || session.status === "CANCELLED" ? null : await qaStateOrNull(() => context.services.liveQa.state(context.viewer, session.id, { sort: query.qa }));
  return { session, qa, qaSort: query.qa, qaFlash: flashOf(query) };
}

/** The Q&A of a session cancelled between the two reads is simply not there (a 404 of the Q&A service). */
async function qaStateOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof Response && error.status === 404) return null;
    throw error;
  }
}

/** How much of a refused question comes back in the URL (characters): more than the limit, so the writer sees it. */
const QA_ECHO_MAX = 1000;

/** The panel's part of the URL: the order, and what a plain Q&A post came back with. Anything odd is dropped. */
const ZQaQuery = z.object({
  qa: z.enum(QA_SORTS).catch("votes"),
  qaError: z.string().max(100).refine(isMessageKey).optional().catch(undefined),
  qaFor: z.union([z.enum(["ask", "panel"]), z.coerce.number().int().positive().max(2_147_483_647)]).optional().catch(undefined),
  qaText: z.string().max(QA_ECHO_MAX * 2).optional().catch(undefined),
  qaAnon: z.literal("on").optional().catch(undefined),
  qaDone: z.enum(["asked", "pending", "muted", "unmuted"]).optional().catch(undefined),
  qaUser: z.string().max(40).optional().catch(undefined),
});

function flashOf(query: z.infer<typeof ZQaQuery>): QaFlash {
  return {
    error: query.qaError as MessageKey | undefined,
    scope: query.qaFor ?? (query.qaError ? "panel" : undefined),
    text: query.qaText,
    anonymous: query.qaAnon === "on",
    done: query.qaDone,
    userId: query.qaUser,
  };
}

const ZRemindSchema = z.object({
  intent: z.literal("remind"),
  on: z.enum(["true", "false"]),
  redirectTo: z.string().max(500).optional(),
});

/** "Remind me" from this page and from the /live list (which names itself in redirectTo), and the Q&A's forms. */
export async function action({ request, params, context }: Route.ActionArgs) {
  if (request.method !== "POST") throw methodNotAllowed();
  const page = liveHref(params.sessionId);
  const form = await formObject(request);
  if (form.intent !== "remind") return qaAction(form, { page, sessionId: params.sessionId, context });
  const parsed = ZRemindSchema.safeParse(form);
  if (!parsed.success) return data({ error: "form.invalid" }, { status: 400 });
  const back = safeRedirect(parsed.data.redirectTo, page);
  if (!context.viewer) throw redirect(loginHref(back));
  const viewer = context.viewer;
  const outcome = await unlessRefused(() => context.services.live.remind(viewer, params.sessionId, parsed.data.on === "true"));
  if (outcome.refused) return data({ error: outcome.refused }, { status: 409 });
  return redirect(back);
}

const ZQaForm = z.object({
  intent: z.enum(["ask", "vote", "delete", "answer", "pin", "hide", "restore", "approve", "premoderate", "mute"]),
  sort: z.enum(QA_SORTS).catch("votes"),
  // The service validates the values (and says what is wrong); here only their size is bounded.
  questionId: z.string().max(20).optional(),
  text: z.string().max(20_000).optional(),
  anonymous: z.string().max(10).optional(),
  answer: z.string().max(20_000).optional(),
  on: z.enum(["true", "false"]).optional(),
  userId: z.string().max(100).optional(),
});

/**
 * The Q&A's plain forms (what the socket does when the page has no script or no connection): each
 * calls the Q&A service and comes back to the panel with a 303 — at the question acted on, or at
 * the form with the service's message key (and the typed question) when it was refused.
 */
async function qaAction(form: Record<string, string>, where: { page: string; sessionId: string; context: Route.ActionArgs["context"] }) {
  const { page, sessionId, context } = where;
  const parsed = ZQaForm.safeParse(form);
  if (!parsed.success) return data({ error: "form.invalid" }, { status: 400 });
  const input = parsed.data;
  if (!context.viewer) throw redirect(loginHref(`${page}#${QA_PANEL_ID}`), 303);
  const viewer = context.viewer;
  const qa = context.services.liveQa;
  const ref = { questionId: input.questionId };
  const at = input.questionId && /^\d{1,10}$/.test(input.questionId) ? Number(input.questionId) : undefined;
  const back = (sort: QaSort, query: Record<string, string>, anchor: string) => {
    const search = new URLSearchParams({ ...(sort === "newest" ? { qa: "newest" } : {}), ...query }).toString();
    return redirect(`${page}${search ? `?${search}` : ""}#${anchor}`, 303);
  };
  const atQuestion = at !== undefined ? questionAnchor(at) : QA_PANEL_ID;
  try {
    switch (input.intent) {
      case "ask": {
        const change = await qa.ask(viewer, sessionId, { text: input.text ?? "", anonymous: input.anonymous });
        return back(input.sort, { qaDone: change.mine.approved ? "asked" : "pending" }, questionAnchor(change.questionId));
      }
      case "vote":
        await qa.vote(viewer, sessionId, { ...ref, on: input.on ?? "true" });
        return back(input.sort, {}, atQuestion);
      case "delete":
        await qa.remove(viewer, sessionId, ref);
        return back(input.sort, {}, "qa-list-title");
      case "answer":
        await qa.answer(viewer, sessionId, { ...ref, answer: input.answer ?? "" });
        return back(input.sort, {}, atQuestion);
      case "pin":
        await qa.pin(viewer, sessionId, { questionId: input.on === "false" ? null : input.questionId });
        return back(input.sort, {}, atQuestion);
      case "hide":
        await qa.hide(viewer, sessionId, ref);
        return back(input.sort, {}, atQuestion);
      case "restore":
        await qa.restore(viewer, sessionId, ref);
        return back(input.sort, {}, atQuestion);
      case "approve":
        await qa.approve(viewer, sessionId, ref);
        return back(input.sort, {}, atQuestion);
      case "premoderate":
        await qa.setPremoderation(viewer, sessionId, { on: input.on === "true" });
        return back(input.sort, {}, QA_PANEL_ID);
      case "mute": {
        const on = input.on === "true";
        await qa.mute(viewer, sessionId, { userId: input.userId ?? "", on });
        return back(input.sort, { qaDone: on ? "muted" : "unmuted", ...(on ? { qaUser: input.userId ?? "" } : {}) }, QA_PANEL_ID);
      }
    }
  } catch (error) {
    // The service's refusals arrive as Responses (withHttpErrors) with their message key.
    if (!(error instanceof Response) || error.status >= 500) throw error;
    if (error.status === 401) throw redirect(loginHref(`${page}#${QA_PANEL_ID}`), 303);
    const body = (await error.json().catch(() => null)) as { messageKey?: unknown } | null;
    const key = isMessageKey(body?.messageKey) ? body.messageKey : "form.invalid";
    if (input.intent === "ask") {
      const kept = [...(input.text ?? "")].slice(0, QA_ECHO_MAX).join("");
      return back(input.sort, { qaError: key, qaFor: "ask", ...(kept ? { qaText: kept } : {}), ...(input.anonymous ? { qaAnon: "on" } : {}) }, "qa-ask");
    }
    return back(input.sort, { qaError: key, qaFor: at !== undefined ? String(at) : "panel" }, atQuestion);
  }
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
  const { session, qa, qaSort, qaFlash } = loaderData;
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

      <div className="live-main">
        <LiveStage session={session} page={page} />
        <LiveQaPanel qa={qa} locked={session.locked} sort={qaSort} page={page} flash={qaFlash} />
      </div>

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
        <CraftsmanName displayName={session.host.displayName} />
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
