import { data, Form, Link, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/live-studio-session";
import type { LiveStatus } from "../../server/live/status.ts";
import { loginHref } from "../components/course-labels.tsx";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { unlessRefused } from "../components/live-conflict.ts";
import { LiveSessionFields } from "../components/live-fields.tsx";
import { ConfirmAction, LiveHistory } from "../components/live-host-actions.tsx";
import { LiveEncoderSettings, LiveIngestSettings } from "../components/live-ingest.tsx";
import { liveHostHref, liveHref, LiveStatusBadge } from "../components/live-labels.tsx";
import { useRefreshEvery } from "../components/live-refresh.tsx";
import { StudioCoverUpload } from "../components/studio-cover-upload.tsx";
import { answerFor, FormOutcome, type StudioActionData } from "../components/studio-result.tsx";
import { useT, type MessageKey } from "../i18n/index.ts";
import { formObject, methodNotAllowed } from "../lib/forms.ts";

// The host's page of one session: the ingest settings to paste into OBS, the status with viewers
// and its history, end / cancel / new key (each confirmed by a second post), the edit form and the
// cover. Another host's session is a 404 (the service decides). The page reloads its data every few
// seconds until the session is settled, so the status follows the encoder.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!context.viewer) throw redirect(loginHref(url.pathname));
  const { live, trades } = context.services;
  const [session, categories] = await Promise.all([live.hostView(context.viewer, params.sessionId, url.origin), trades.listByCategory()]);
  return { session, categories, created: url.searchParams.get("created") === "1" };
}

const confirmed = z.literal("yes").optional();
const ZIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("details") }),
  z.object({ intent: z.literal("end"), confirmed }),
  z.object({ intent: z.literal("cancel"), confirmed }),
  z.object({ intent: z.literal("rotateKey"), confirmed }),
]);

const DONE = { end: "live.host.end.done", cancel: "live.host.cancel.done", rotateKey: "live.host.rotate.done" } as const satisfies Record<string, MessageKey>;

export async function action({ request, params, context }: Route.ActionArgs) {
  if (request.method !== "POST") throw methodNotAllowed();
  if (!context.viewer) throw redirect(loginHref(liveHostHref(params.sessionId)));
  const viewer = context.viewer;
  const values = await formObject(request);
  const parsed = ZIntentSchema.safeParse(values);
  if (!parsed.success) return data<StudioActionData>({ intent: "form", ok: false, formError: "form.invalid" }, { status: 400 });
  const { live } = context.services;
  const form = parsed.data;
  const id = params.sessionId;
  if (form.intent === "details") {
    const outcome = await unlessRefused(() => live.update(viewer, id, values));
    if (outcome.refused) return data<StudioActionData>({ intent: "details", ok: false, formError: outcome.refused, values }, { status: 409 });
    const result = outcome.value;
    if (!result.ok) return data<StudioActionData>({ intent: "details", ok: false, fieldErrors: result.fieldErrors as Record<string, string>, formError: result.formError, values }, { status: 400 });
    return data<StudioActionData>({ intent: "details", ok: true, message: "live.host.saved" });
  }
  // First step: the page asks again (works without JavaScript: a second submit).
  if (!form.confirmed) return data<StudioActionData>({ intent: form.intent, ok: true, confirm: true });
  const outcome = await unlessRefused<unknown>(() => (form.intent === "end" ? live.end(viewer, id) : form.intent === "cancel" ? live.cancel(viewer, id) : live.rotateKey(viewer, id)));
  if (outcome.refused) return data<StudioActionData>({ intent: form.intent, ok: false, formError: outcome.refused }, { status: 409 });
  return data<StudioActionData>({ intent: form.intent, ok: true, message: DONE[form.intent] });
}

/** Settled sessions change no more; the others are followed every few seconds. */
const SETTLED: ReadonlySet<LiveStatus> = new Set(["REPLAY_READY", "REPLAY_FAILED", "CANCELLED"]);
const REFRESH_MS = 5_000;

export default function LiveStudioSession({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const { session, categories, created } = loaderData;
  // A reload clears the action's answer: not while it asks "are you sure?" or shows a refused form.
  const awaitingHost = actionData !== undefined && (actionData.confirm === true || !actionData.ok);
  useRefreshEvery(SETTLED.has(session.status) || awaitingHost ? null : REFRESH_MS);
  const here = liveHostHref(session.id);
  const details = answerFor(actionData, "details");
  const failedDetails = details && !details.ok ? details : undefined;
  const statusAnswer = answerFor(actionData, "end") ?? answerFor(actionData, "cancel");
  const rotateAnswer = answerFor(actionData, "rotateKey");
  const onAir = session.status === "LIVE" || session.status === "RECONNECTING";
  return (
    <div className="live-host-page">
      <DocumentTitle title={t("live.host.title", { title: session.title })} />
      <p className="studio-crumb">
        <Link to="/live/studio">{t("live.host.back")}</Link>
      </p>
      <div className="studio-head">
        <h1>{session.title}</h1>
        <LiveStatusBadge status={session.status} />
      </div>
      {created && !actionData && session.status === "SCHEDULED" ? (
        <p className="alert success" role="status" data-testid="live-created">
          {t("live.host.created")}
        </p>
      ) : null}
      <FormOutcome answer={answerFor(actionData, "form")} />
      <p>
        <Link to={liveHref(session.id)} data-testid="live-public-link">
          {t("live.host.viewPublic")}
        </Link>
      </p>

      <section aria-labelledby="live-status-title" className="studio-section" data-testid="live-host-status" data-status={session.status}>
        <h2 id="live-status-title">{t("live.host.status")}</h2>
        <p className="live-host-sentence" role="status">
          {t(`live.hostStage.${session.status}` as MessageKey)}
        </p>
        <dl className="facts">
          <dt>{t("live.host.viewersNow")}</dt>
          <dd data-testid="live-host-viewers">{onAir ? session.viewers : "—"}</dd>
          <dt>{t("live.host.viewerPeak")}</dt>
          <dd>{session.viewerPeak}</dd>
          <dt>{t("live.detail.reminders")}</dt>
          <dd>{t("live.detail.remindersValue", { count: session.reminders })}</dd>
        </dl>
        <FormOutcome answer={statusAnswer} />
        <div className="studio-row-actions">
          {session.may.end ? <ConfirmAction intent="end" answer={answerFor(actionData, "end")} backTo={here} /> : null}
          {session.may.cancel ? <ConfirmAction intent="cancel" answer={answerFor(actionData, "cancel")} backTo={here} /> : null}
        </div>
      </section>

      <section aria-labelledby="live-ingest-title" className="studio-section">
        <h2 id="live-ingest-title">{t("live.ingest.title")}</h2>
        <p className="muted">{t("live.ingest.intro")}</p>
        <LiveIngestSettings serverUrl={session.ingest.serverUrl} streamKey={session.ingest.streamKey} />
        <FormOutcome answer={rotateAnswer} />
        {session.may.rotateKey ? (
          <ConfirmAction intent="rotateKey" answer={rotateAnswer} backTo={here} />
        ) : (
          <p className="hint">{t("live.ingest.rotateLater")}</p>
        )}
        <LiveEncoderSettings />
      </section>

      <section aria-labelledby="live-history-title" className="studio-section">
        <h2 id="live-history-title">{t("live.history.title")}</h2>
        <LiveHistory transitions={session.transitions} />
      </section>

      <section aria-labelledby="live-details-title" className="studio-section narrow">
        <h2 id="live-details-title">{t("live.host.details")}</h2>
        {session.may.edit ? (
          <>
            <FormAlert message={failedDetails ? (failedDetails.formError ? undefined : t("form.errorSummary")) : undefined} />
            <FormOutcome answer={failedDetails?.formError ? failedDetails : undefined} />
            {/* Keyed by the stored values so that the fields show them after a save. */}
            <Form method="post" noValidate className="stack" key={failedDetails ? "failed" : JSON.stringify(session.form)}>
              <input type="hidden" name="intent" value="details" />
              <LiveSessionFields values={failedDetails?.values ?? session.form} errors={failedDetails?.fieldErrors ?? {}} categories={categories} startLocked={!session.may.editStart} />
              <button type="submit">{t("live.host.save")}</button>
              {details?.ok ? <FormOutcome answer={details} /> : null}
            </Form>
          </>
        ) : (
          <p className="muted">{t("live.error.notEditable")}</p>
        )}
      </section>

      <StudioCoverUpload
        action={`/studio/uploads/live-cover?session=${encodeURIComponent(session.id)}`}
        coverUrl={session.coverUrl}
        outcome={searchParams.get("cover")}
        noneKey="live.cover.none"
      />
    </div>
  );
}
