// The admin's e-book upload form. Without JavaScript it is a plain multipart form: the upload
// endpoint (POST /admin/books/upload, server/http) redirects to the new draft's edit page
// (?upload=ok) or back to /admin/books?upload=<messageKey>&size=…. With JavaScript the same form is
// sent by XMLHttpRequest so that a progress bar shows, then we open the draft's edit page.
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { asUploadAnswer, sendWithProgress, UploadProgress } from "./upload-progress.tsx";
import { translateKey, useT } from "../i18n/index.ts";

export const BOOK_UPLOAD_URL = "/admin/books/upload";
const ACCEPT = ".epub,.pdf,application/epub+zip,application/pdf";

type State = { kind: "idle" } | { kind: "sending"; percent: number } | { kind: "done" } | { kind: "failed"; message: string };

/** The endpoint's JSON answer: {ok:true,id} or {ok:false,error,message}. */
const createdId = (json: unknown): string | null => {
  const id = (json as { id?: unknown } | null)?.id;
  return typeof id === "string" && id !== "" ? id : null;
};

export function BookUpload({ outcome }: { outcome: string | null }) {
  const t = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [state, setState] = useState<State>({ kind: "idle" });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = form.elements.namedItem("file") as HTMLInputElement | null;
    if (!input?.files?.length) {
      setState({ kind: "failed", message: t("bookadmin.upload.chooseFile") });
      return;
    }
    setState({ kind: "sending", percent: 0 });
    try {
      const response = await sendWithProgress({
        method: "POST",
        url: BOOK_UPLOAD_URL,
        body: new FormData(form),
        expectJson: true,
        onProgress: (percent) => setState({ kind: "sending", percent }),
      });
      const answer = asUploadAnswer(response.json);
      const id = createdId(response.json);
      if (answer?.ok && id) {
        setState({ kind: "done" });
        navigate(`/admin/books/${encodeURIComponent(id)}?upload=ok`);
      } else {
        setState({ kind: "failed", message: answer?.message ?? translateKey(t, answer?.error) ?? t("bookadmin.upload.failed") });
      }
    } catch {
      setState({ kind: "failed", message: t("bookadmin.upload.failed") });
    }
  }

  // What the plain form's redirect said, until the script-driven form says something itself.
  const shown: State =
    state.kind !== "idle"
      ? state
      : outcome && outcome !== "ok"
        ? { kind: "failed", message: translateKey(t, outcome, { size: searchParams.get("size") ?? "" }) ?? "" }
        : state;

  return (
    <section aria-labelledby="book-upload-title" className="studio-section book-admin-box">
      <h2 id="book-upload-title">{t("bookadmin.upload.title")}</h2>
      <form method="post" action={BOOK_UPLOAD_URL} encType="multipart/form-data" className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="book-file">{t("bookadmin.upload.field")}</label>
          <p className="hint" id="book-file-hint">
            {t("bookadmin.upload.hint")}
          </p>
          <input id="book-file" type="file" name="file" accept={ACCEPT} aria-describedby="book-file-hint" />
        </div>
        <button type="submit" disabled={state.kind === "sending" || state.kind === "done"}>
          {t("bookadmin.upload.submit")}
        </button>
        {shown.kind === "sending" ? <UploadProgress percent={shown.percent} label={t("bookadmin.upload.progress")} /> : null}
        {shown.kind === "done" ? (
          <p className="alert success" role="status">
            {t("bookadmin.upload.done")}
          </p>
        ) : null}
        {shown.kind === "failed" ? (
          <p className="alert error" role="alert" data-testid="book-upload-error">
            {shown.message}
          </p>
        ) : null}
      </form>
    </section>
  );
}
