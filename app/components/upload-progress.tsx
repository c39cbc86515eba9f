// Upload progress for the studio's cover and video forms: an XMLHttpRequest wrapper (fetch cannot
// report upload progress) and the <progress> bar that shows it.
import { useT } from "../i18n/index.ts";

export interface UploadResponse {
  status: number;
  /** The parsed JSON body, or null when the server answered something else. */
  json: unknown;
}

export interface UploadOptions {
  method: "POST" | "PUT";
  url: string;
  body: FormData | Blob;
  /** Sent as Accept: application/json so that our endpoints answer with JSON instead of a redirect. */
  expectJson: boolean;
  /** 0–100 while the body is being sent. */
  onProgress(percent: number): void;
}

/** Sends `body` and resolves with the answer; rejects only when the network fails. */
export function sendWithProgress(options: UploadOptions): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(options.method, options.url);
    if (options.expectJson) request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener("load", () => {
      let json: unknown = null;
      try {
        json = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        json = null;
      }
      resolve({ status: request.status, json });
    });
    request.addEventListener("error", () => reject(new Error("network")));
    request.addEventListener("abort", () => reject(new Error("aborted")));
    request.send(options.body);
  });
}

/** The answer of our upload endpoints: {ok:true, …} or {ok:false, error, message}. */
export interface UploadAnswer {
  ok: boolean;
  videoId?: string;
  uploadUrl?: string;
  error?: string;
  message?: string;
}

export function asUploadAnswer(json: unknown): UploadAnswer | null {
  if (typeof json !== "object" || json === null || typeof (json as { ok?: unknown }).ok !== "boolean") return null;
  return json as UploadAnswer;
}

/** A labelled progress bar with its percentage as text (the bar alone is not read out everywhere). */
export function UploadProgress({ percent, label }: { percent: number; label?: string }) {
  const t = useT();
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="upload-progress">
      <label>
        <span className="visually-hidden">{label ?? t("studio.upload.progress")}</span>
        <progress max={100} value={value} />
      </label>
      <p className="upload-progress-text" aria-live="polite">
        {t("studio.upload.sending", { percent: value })}
      </p>
    </div>
  );
}
