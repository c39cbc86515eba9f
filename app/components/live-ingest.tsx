// The host's ingest settings for OBS (or any RTMP encoder): the server URL and the secret stream
// key, with "copy" buttons (navigator.clipboard, once the page runs) and a "show" toggle for the
// key, which stays masked by default because hosts often share their screen. Without JavaScript the
// toggle is a link (?showKey=1) and the values are plain read-only fields to select and copy.
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useT } from "../i18n/index.ts";

type Copied = "server" | "key" | "failed" | null;

export function LiveIngestSettings({ serverUrl, streamKey }: { serverUrl: string; streamKey: string }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const [hydrated, setHydrated] = useState(false);
  const [canCopy, setCanCopy] = useState(false);
  const [shown, setShown] = useState(searchParams.get("showKey") === "1");
  const [copied, setCopied] = useState<Copied>(null);
  useEffect(() => {
    setHydrated(true);
    setCanCopy(typeof navigator !== "undefined" && navigator.clipboard !== undefined);
  }, []);
  // A new key (rotated) is not "copied" yet.
  useEffect(() => setCopied(null), [streamKey]);

  const copy = async (what: "server" | "key", value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(what);
    } catch {
      setCopied("failed");
    }
  };

  return (
    <div className="live-ingest" data-testid="live-ingest">
      <div className="field">
        <label htmlFor="live-server-url">{t("live.ingest.server")}</label>
        <div className="live-copy-row">
          <input id="live-server-url" type="text" readOnly value={serverUrl} spellCheck={false} autoComplete="off" onFocus={(event) => event.currentTarget.select()} />
          {canCopy ? (
            <button type="button" className="secondary small" onClick={() => void copy("server", serverUrl)}>
              {t("live.ingest.copy")}
              <span className="visually-hidden">{t("live.ingest.server")}</span>
            </button>
          ) : null}
        </div>
      </div>
      <div className="field">
        <label htmlFor="live-stream-key">{t("live.ingest.key")}</label>
        <p className="hint" id="live-stream-key-hint">
          {t("live.ingest.keyHint")}
        </p>
        <div className="live-copy-row">
          <input
            id="live-stream-key"
            type={shown ? "text" : "password"}
            readOnly
            value={streamKey}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="live-stream-key-hint"
            onFocus={(event) => event.currentTarget.select()}
          />
          {hydrated ? (
            <button type="button" className="secondary small" aria-pressed={shown} onClick={() => setShown((value) => !value)}>
              {t("live.ingest.show")}
            </button>
          ) : (
            <Link className="button secondary small" to={shown ? "?" : "?showKey=1"} replace preventScrollReset>
              {t(shown ? "live.ingest.hide" : "live.ingest.show")}
            </Link>
          )}
          {canCopy ? (
            <button type="button" className="secondary small" onClick={() => void copy("key", streamKey)}>
              {t("live.ingest.copy")}
              <span className="visually-hidden">{t("live.ingest.key")}</span>
            </button>
          ) : null}
        </div>
      </div>
      <p className="live-copied" role="status">
        {copied === "server" ? t("live.ingest.copiedServer") : copied === "key" ? t("live.ingest.copiedKey") : copied === "failed" ? t("live.ingest.copyFailed") : ""}
      </p>
    </div>
  );
}

/** What to set in the encoder, as text: these settings keep HLS a few seconds behind live. */
export function LiveEncoderSettings() {
  const t = useT();
  return (
    <div className="live-encoder">
      <h3>{t("live.encoder.title")}</h3>
      <dl className="facts">
        <dt>{t("live.encoder.obs")}</dt>
        <dd>{t("live.encoder.obsValue")}</dd>
        <dt>{t("live.encoder.video")}</dt>
        <dd>{t("live.encoder.videoValue")}</dd>
        <dt>{t("live.encoder.keyframes")}</dt>
        <dd>{t("live.encoder.keyframesValue")}</dd>
        <dt>{t("live.encoder.bitrate")}</dt>
        <dd>{t("live.encoder.bitrateValue")}</dd>
        <dt>{t("live.encoder.audio")}</dt>
        <dd>{t("live.encoder.audioValue")}</dd>
      </dl>
    </div>
  );
}
