// The session's player: an HLS playlist, live (played from the live edge, retried while the stream
// is not there yet) or the finished replay. hls.js is imported only in the browser, after hydration,
// and preferred to the browser's own HLS where Media Source works: it keeps a live stream near its
// edge and lets the page retry. Before hydration (or without JavaScript) the plain <video> with the
// playlist as src is what there is (Safari plays it natively).
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useT } from "../i18n/index.ts";

/** A live playlist that is not there yet (the first segments are being written) is asked for again after this. */
const RETRY_MS = 3000;

type HlsClass = typeof import("hls.js").default;

const subscribeNothing = () => () => {};
/**
 * False while the server's HTML is rendered and hydrated, true for players mounted later (the page
 * switching to the live stream): those get no src, so the browser does not start loading the
 * playlist itself just before hls.js takes the element over.
 */
const useMountedInBrowser = () =>
  useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );

export function LivePlayer({ src, title, live }: { src: string; title: string; live: boolean }) {
  const t = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const [mutedByBrowser, setMutedByBrowser] = useState(false);
  const inBrowser = useMountedInBrowser();

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let stopped = false;
    let retryTimer: number | undefined;
    let detach: (() => void) | undefined;

    const fail = () => {
      if (stopped) return;
      detach?.();
      detach = undefined;
      if (!live) return setFailed(true);
      // A live stream comes and goes (the host's network, the first seconds): try again shortly.
      setConnecting(true);
      window.clearTimeout(retryTimer);
      retryTimer = window.setTimeout(() => void start(), RETRY_MS);
    };

    const playLive = () => {
      if (!live || stopped) return;
      // Browsers may refuse sound without a tap: start muted then, and offer to turn it on.
      video.play().catch((error: Error) => {
        if (stopped || error.name !== "NotAllowedError") return;
        video.muted = true;
        setMutedByBrowser(true);
        void video.play().catch(() => {});
      });
    };

    const attachNative = () => {
      const onError = () => fail();
      const onReady = () => {
        setConnecting(false);
        playLive();
      };
      video.addEventListener("error", onError);
      video.addEventListener("loadedmetadata", onReady);
      if (video.getAttribute("src") !== src) video.src = src;
      else video.load();
      detach = () => {
        video.removeEventListener("error", onError);
        video.removeEventListener("loadedmetadata", onReady);
      };
    };

    const attachHls = (Hls: HlsClass) => {
      // The server-rendered src was the no-JavaScript attempt; hls.js feeds the element itself.
      video.removeAttribute("src");
      // No worker: the CSP allows no blob: workers.
      const hls = new Hls({
        enableWorker: false,
        liveDurationInfinity: live,
        liveSyncDurationCount: 3,
        // Back to the edge after a stall rather than staying ever further behind.
        liveMaxLatencyDurationCount: 10,
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) fail();
      });
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        setConnecting(false);
        playLive();
      });
      hls.loadSource(src);
      hls.attachMedia(video);
      detach = () => hls.destroy();
    };

    const start = async () => {
      if (stopped) return;
      try {
        const { default: Hls } = await import("hls.js");
        if (stopped) return;
        if (Hls.isSupported()) attachHls(Hls);
        else if (video.canPlayType("application/vnd.apple.mpegurl")) attachNative();
        else setFailed(true);
      } catch {
        fail();
      }
    };

    void start();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      detach?.();
    };
  }, [src, live]);

  if (failed) {
    return (
      <div className="video-status" role="status">
        <p>{t("live.player.unavailable")}</p>
      </div>
    );
  }
  return (
    <div className="video-frame live-frame">
      <video
        ref={videoRef}
        src={inBrowser ? undefined : src}
        controls
        playsInline
        autoPlay={live && !inBrowser}
        preload={live ? "auto" : "metadata"}
        aria-label={title}
        data-testid="live-video"
        data-mode={live ? "live" : "replay"}
      >
        <p>{t("courses.video.unsupported")}</p>
      </video>
      {connecting ? (
        <p className="live-player-note" role="status">
          {t("live.player.connecting")}
        </p>
      ) : null}
      {mutedByBrowser ? (
        <button
          type="button"
          className="secondary small live-unmute"
          onClick={() => {
            const video = videoRef.current;
            if (video) video.muted = false;
            setMutedByBrowser(false);
          }}
        >
          {t("live.player.unmute")}
        </button>
      ) : null}
      <noscript>
        <p className="video-note">{t("courses.video.noScript")}</p>
      </noscript>
    </div>
  );
}
