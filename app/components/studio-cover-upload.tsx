// The cover image form of a course or a live session. Without JavaScript it is a plain multipart
// form: the upload endpoint (server/http/uploads.ts) redirects back with ?cover=ok or ?cover=<messageKey>. With JavaScript the
// same form is sent by XMLHttpRequest so that the progress shows, then the page data is reloaded.
import { useState } from "react";
import { useRevalidator, useSearchParams } from "react-router";
import { asUploadAnswer, sendWithProgress, UploadProgress } from "./upload-progress.tsx";
import { translateKey, useT, type MessageKey } from "../i18n/index.ts";

type State =
  | { kind: "idle" }
  | { kind: "sending"; percent: number }
  | { kind: "done" }
  | { kind: "failed"; message: string };

export function StudioCoverUpload({
  action,
  coverUrl,
  outcome,
  noneKey = "studio.cover.none",
}: {
  /** The upload endpoint with its target: /studio/uploads/cover?course=… or /studio/uploads/live-cover?session=… */
  action: string;
  coverUrl: string | null;
  /** What is said while there is no cover yet. */
  noneKey?: MessageKey;
  /** The `cover` URL parameter after a plain form post: "ok" or a message key. */
  outcome: string | null;
}) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const revalidator = useRevalidator();
  const [state, setState] = useState<State>({ kind: "idle" });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = form.elements.namedItem("cover") as HTMLInputElement | null;
    if (!input?.files?.length) {
      setState({ kind: "failed", message: t("studio.cover.chooseFile") });
      return;
    }
    setState({ kind: "sending", percent: 0 });
    try {
      const response = await sendWithProgress({
        method: "POST",
        url: action,
        body: new FormData(form),
        expectJson: true,
        onProgress: (percent) => setState({ kind: "sending", percent }),
      });
      const answer = asUploadAnswer(response.json);
      if (answer?.ok) {
        form.reset();
        setState({ kind: "done" });
        await revalidator.revalidate();
      } else {
        setState({ kind: "failed", message: answer?.message ?? translateKey(t, answer?.error) ?? t("studio.upload.failed") });
      }
    } catch {
      setState({ kind: "failed", message: t("studio.upload.failed") });
    }
  }

  // What the plain form's redirect said, until the script-driven form says something itself.
  const shown: State =
    state.kind !== "idle"
      ? state
      : outcome === "ok"
        ? { kind: "done" }
        : outcome
          ? { kind: "failed", message: translateKey(t, outcome, { size: searchParams.get("size") ?? "" }) ?? "" }
          : state;

  return (
    <section aria-labelledby="cover-title" className="studio-section">
      <h2 id="cover-title">{t("studio.cover.title")}</h2>
      {coverUrl ? (
        <img src={coverUrl} alt={t("studio.cover.alt")} className="studio-cover" />
      ) : (
        <p className="muted">{t(noneKey)}</p>
      )}
      <form method="post" action={action} encType="multipart/form-data" className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="cover-file">{t("studio.cover.field")}</label>
          <p className="hint" id="cover-hint">
            {t("studio.cover.hint")}
          </p>
          <input id="cover-file" type="file" name="cover" accept="image/png,image/jpeg,image/webp" aria-describedby="cover-hint" />
        </div>
        <button type="submit" className="secondary" disabled={state.kind === "sending"}>
          {t("studio.cover.submit")}
        </button>
        {shown.kind === "sending" ? <UploadProgress percent={shown.percent} /> : null}
        {shown.kind === "done" ? (
          <p className="alert success" role="status">
            {t("studio.cover.ok")}
          </p>
        ) : null}
        {shown.kind === "failed" ? (
          <p className="alert error" role="alert">
            {shown.message}
          </p>
        ) : null}
      </form>
    </section>
  );
}
