// The video form of a VIDEO lesson. Without JavaScript: a plain multipart form; the upload endpoint
// redirects back with ?upload=ok|<messageKey> and the page shows the status from its loader. With
// JavaScript: the file goes by XMLHttpRequest with a progress bar (straight to Mux when the server
// hands out a direct upload URL), then the transcode status is polled every 2 s until it settles.
import { useEffect, useState } from "react";
import { useRevalidator, useSearchParams } from "react-router";
import type { StudioLesson, VideoStatus } from "../../server/courses/types.ts";
import { videoStatusText } from "./studio-syllabus.tsx";
import { asUploadAnswer, sendWithProgress, UploadProgress, type UploadAnswer } from "./upload-progress.tsx";
import { translateKey, useT } from "../i18n/index.ts";

const POLL_MS = 2000;

interface LiveVideo {
  id: string;
  status: VideoStatus;
  progress: number;
  error: string | null;
  /** Localized by the status endpoint. */
  errorMessage: string | null;
}

type Sending = { kind: "idle" } | { kind: "sending"; percent: number } | { kind: "failed"; message: string };

const settled = (status: VideoStatus) => status === "READY" || status === "FAILED";

async function getJson(url: string, method: "GET" | "POST" = "GET"): Promise<unknown> {
  const response = await fetch(url, { method, headers: { Accept: "application/json" }, body: method === "POST" ? "" : undefined });
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function asStatus(json: unknown): Omit<LiveVideo, "id"> | null {
  if (typeof json !== "object" || json === null || typeof (json as { status?: unknown }).status !== "string") return null;
  const value = json as { status: VideoStatus; progress?: number; error?: string | null; errorMessage?: string | null };
  return { status: value.status, progress: value.progress ?? 0, error: value.error ?? null, errorMessage: value.errorMessage ?? null };
}

export function StudioVideoUpload({
  lessonId,
  video,
  outcome,
  retryOutcome,
}: {
  lessonId: string;
  video: StudioLesson["video"];
  /** The `upload` URL parameter after a plain form post: "ok" or a message key. */
  outcome: string | null;
  /** The `retry` URL parameter after the plain retry form: "ok" or a message key. */
  retryOutcome: string | null;
}) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const revalidator = useRevalidator();
  const [live, setLive] = useState<LiveVideo | null>(video ? { ...video, errorMessage: null } : null);
  const [sending, setSending] = useState<Sending>({ kind: "idle" });
  const [notice, setNotice] = useState<string | null>(null);
  const action = `/studio/uploads/video?lesson=${encodeURIComponent(lessonId)}`;

  // The loader's view wins whenever it changes (a revalidation after READY, another tab's upload).
  const loaded = video ? `${video.id}:${video.status}:${video.progress}` : "";
  useEffect(() => {
    setLive(video ? { ...video, errorMessage: null } : null);
  }, [loaded]);

  usePolling(live, setLive, () => void revalidator.revalidate());

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("video") as HTMLInputElement | null)?.files?.[0];
    if (!file) {
      setSending({ kind: "failed", message: t("studio.upload.chooseFile") });
      return;
    }
    setNotice(null);
    setSending({ kind: "sending", percent: 0 });
    try {
      const answer = await upload(action, form, file, (percent) => setSending({ kind: "sending", percent }));
      if (answer?.ok && answer.videoId) {
        form.reset();
        setSending({ kind: "idle" });
        setNotice(t("studio.upload.ok"));
        setLive({ id: answer.videoId, status: "PROCESSING", progress: 0, error: null, errorMessage: null });
      } else {
        setSending({ kind: "failed", message: answer?.message ?? translateKey(t, answer?.error) ?? t("studio.upload.failed") });
      }
    } catch {
      setSending({ kind: "failed", message: t("studio.upload.failed") });
    }
  }

  async function retry(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!live) return;
    const answer = asUploadAnswer(await getJson(`/studio/videos/${encodeURIComponent(live.id)}/retry`, "POST").catch(() => null));
    if (answer?.ok) {
      setNotice(t("studio.upload.retrying"));
      setLive({ ...live, status: "PROCESSING", progress: 0, error: null, errorMessage: null });
    } else {
      setNotice(answer?.message ?? translateKey(t, answer?.error) ?? t("studio.upload.failed"));
    }
  }

  // What a plain form's redirect said, until the script-driven forms say something themselves.
  const redirected = outcome ? { key: outcome, ok: "studio.upload.ok" as const } : retryOutcome ? { key: retryOutcome, ok: "studio.upload.retrying" as const } : null;
  const plainOutcome =
    sending.kind === "idle" && !notice && redirected ? (redirected.key === "ok" ? t(redirected.ok) : translateKey(t, redirected.key, { size: searchParams.get("size") ?? "" })) : null;
  const plainFailed = plainOutcome !== null && redirected?.key !== "ok";

  return (
    <section aria-labelledby="video-title" className="studio-section">
      <h2 id="video-title">{t("studio.upload.title")}</h2>
      <div className="studio-video-status" aria-live="polite">
        <p>
          <span className="muted">{t("studio.upload.status")}：</span>
          <strong data-testid="video-status">{videoStatusText(t, live, live?.errorMessage)}</strong>
        </p>
        {live?.status === "PROCESSING" ? (
          <progress max={100} value={live.progress} aria-label={t("studio.upload.status")} />
        ) : null}
      </div>
      {live?.status === "FAILED" ? (
        <form method="post" action={`/studio/videos/${encodeURIComponent(live.id)}/retry`} onSubmit={retry}>
          <button type="submit" className="secondary">
            {t("studio.upload.retry")}
          </button>
        </form>
      ) : null}

      <form method="post" action={action} encType="multipart/form-data" className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="video-file">{live ? t("studio.upload.replace") : t("studio.upload.field")}</label>
          <p className="hint" id="video-hint">
            {t("studio.upload.hint")}
          </p>
          <input id="video-file" type="file" name="video" accept="video/mp4,video/quicktime" aria-describedby="video-hint" />
        </div>
        <button type="submit" disabled={sending.kind === "sending"}>
          {t("studio.upload.submit")}
        </button>
        {sending.kind === "sending" ? <UploadProgress percent={sending.percent} /> : null}
        {sending.kind === "failed" ? (
          <p className="alert error" role="alert">
            {sending.message}
          </p>
        ) : null}
        {notice ?? plainOutcome ? (
          <p className={`alert ${plainFailed ? "error" : "success"}`} role={plainFailed ? "alert" : "status"}>
            {notice ?? plainOutcome}
          </p>
        ) : null}
      </form>
    </section>
  );
}

/**
 * Sends the file: straight to the provider when the server offers a direct upload URL (Mux), else
 * as multipart to our own endpoint. Resolves with our endpoint's answer.
 */
async function upload(action: string, form: HTMLFormElement, file: File, onProgress: (percent: number) => void) {
  const direct = asUploadAnswer(await getJson(`${action}&direct=1`, "POST").catch(() => null));
  if (direct?.ok && direct.uploadUrl && direct.videoId) {
    const sent = await sendWithProgress({ method: "PUT", url: direct.uploadUrl, body: file, expectJson: false, onProgress });
    return sent.status >= 200 && sent.status < 300 ? direct : ({ ok: false } satisfies UploadAnswer);
  }
  const sent = await sendWithProgress({ method: "POST", url: action, body: new FormData(form), expectJson: true, onProgress });
  return asUploadAnswer(sent.json);
}

/** Asks for the transcode status every 2 s while the video is uploading or processing. */
function usePolling(live: LiveVideo | null, setLive: (video: LiveVideo) => void, onSettled: () => void) {
  const id = live?.id;
  const active = live !== null && !settled(live.status);
  useEffect(() => {
    if (!id || !active) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const status = asStatus(await getJson(`/studio/videos/${encodeURIComponent(id)}/status`).catch(() => null));
      if (stopped || !status) return;
      setLive({ id, ...status });
      if (settled(status.status)) {
        stopped = true;
        clearInterval(timer);
        onSettled();
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
    // Only the video and whether it is still moving restart the timer: the callbacks change on every
    // render, and a timer restarted on every render would never tick.
  }, [id, active]);
}
