// The lesson video: an HLS playlist, played natively where the browser can (Safari, recent
// Chromium) and through hls.js elsewhere. hls.js is imported only in the browser, after hydration;
// before that (or without JavaScript) the plain <video> with the playlist as src is what there is.
// It resumes at the saved position and saves the position while the learner watches.
import { useEffect, useRef, useState } from "react";
import type { ProgressResult } from "../../server/courses/types.ts";
import { useT } from "../i18n/index.ts";

const HLS_TYPE = "application/vnd.apple.mpegurl";
/** How often the position is saved while playing. */
const SAVE_EVERY_MS = 10_000;
/** A resume point this close to the end starts again from the beginning instead. */
const END_MARGIN_SECONDS = 2;

interface VideoPlayerProps {
  src: string;
  title: string;
  /** Where the learner stopped last time, in seconds. */
  startAt: number;
  /** The lesson's progress resource (POST positionSeconds → ProgressResult); null saves nothing. */
  progressUrl: string | null;
  completed: boolean;
  /** Called once when a save reports the lesson complete for the first time. */
  onCompleted?: (result: ProgressResult) => void;
}

export function VideoPlayer({ src, title, startAt, progressUrl, completed, onCompleted }: VideoPlayerProps) {
  const t = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  // Refs, so that the long-lived listeners below always see the latest values.
  const completedRef = useRef(completed);
  const onCompletedRef = useRef(onCompleted);
  useEffect(() => {
    completedRef.current = completed;
    onCompletedRef.current = onCompleted;
  });

  useEffect(() => attachStream(videoRef.current, src, () => setFailed(true)), [src]);
  useEffect(() => resumeAt(videoRef.current, startAt), [src, startAt]);
  useEffect(() => {
    if (!progressUrl) return;
    return saveWhileWatching(videoRef.current, progressUrl, (result) => {
      if (result.completed && !completedRef.current) {
        completedRef.current = true;
        onCompletedRef.current?.(result);
      }
    });
  }, [progressUrl]);

  if (failed) {
    return (
      <div className="video-status" role="status">
        <p>{t("courses.video.unavailable")}</p>
      </div>
    );
  }
  return (
    <div className="video-frame">
      <video ref={videoRef} src={src} controls playsInline preload="metadata" aria-label={title} data-testid="lesson-video">
        <p>{t("courses.video.unsupported")}</p>
      </video>
      <noscript>
        <p className="video-note">{t("courses.video.noScript")}</p>
      </noscript>
    </div>
  );
}

/** Native HLS, else hls.js (loaded on demand); returns the cleanup. */
function attachStream(video: HTMLVideoElement | null, src: string, onFatal: () => void): (() => void) | undefined {
  if (!video) return;
  if (video.canPlayType(HLS_TYPE)) {
    // A playlist the browser cannot load (404, not a video) would otherwise leave a dead player.
    const onError = () => onFatal();
    video.addEventListener("error", onError);
    if (video.error) onFatal();
    return () => video.removeEventListener("error", onError);
  }
  let cancelled = false;
  let destroy: (() => void) | undefined;
  import("hls.js")
    .then(({ default: Hls }) => {
      if (cancelled) return;
      if (!Hls.isSupported()) return onFatal();
      // The server-rendered src was the no-JavaScript attempt; hls.js feeds the element itself.
      video.removeAttribute("src");
      // No worker: the CSP allows no blob: workers, and short lesson clips do not need one.
      const hls = new Hls({ enableWorker: false });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) {
          hls.destroy();
          onFatal();
        }
      });
      hls.loadSource(src);
      hls.attachMedia(video);
      destroy = () => hls.destroy();
    })
    .catch(onFatal);
  return () => {
    cancelled = true;
    destroy?.();
  };
}

/** Seeks to `startAt` once the length is known (unless that is at the very end). */
function resumeAt(video: HTMLVideoElement | null, startAt: number): (() => void) | undefined {
  if (!video || startAt <= 0) return;
  let done = false;
  const seek = () => {
    if (done || !Number.isFinite(video.duration) || video.duration <= 0) return;
    done = true;
    if (startAt < video.duration - END_MARGIN_SECONDS && video.currentTime < 1) video.currentTime = startAt;
  };
  video.addEventListener("loadedmetadata", seek);
  if (video.readyState >= HTMLMediaElement.HAVE_METADATA) seek();
  return () => video.removeEventListener("loadedmetadata", seek);
}

/**
 * Saves the position every few seconds while playing, on pause and at the end (with fetch, reading
 * the result), and when the page goes away (with a beacon, which survives the unload). Nothing is
 * saved before the learner has played, so that opening a lesson never resets a saved position.
 */
function saveWhileWatching(
  video: HTMLVideoElement | null,
  url: string,
  onResult: (result: ProgressResult) => void,
): (() => void) | undefined {
  if (!video) return;
  let played = false;
  let lastSent = -1;
  const due = () => played && Math.abs(video.currentTime - lastSent) >= 0.5;
  const body = () => {
    lastSent = video.currentTime;
    const form = new FormData();
    form.set("positionSeconds", video.currentTime.toFixed(1));
    return form;
  };
  const save = async () => {
    if (!due()) return;
    try {
      const response = await fetch(url, { method: "POST", body: body(), headers: { Accept: "application/json" } });
      if (response.ok) onResult((await response.json()) as ProgressResult);
    } catch {
      // Offline for a moment: the next save carries the position.
    }
  };
  const beacon = () => {
    if (due()) navigator.sendBeacon(url, body());
  };
  const onPlaying = () => {
    played = true;
  };
  const onSave = () => void save();
  const onVisibility = () => {
    if (document.visibilityState === "hidden") beacon();
  };
  const timer = window.setInterval(() => {
    if (!video.paused && !video.ended) void save();
  }, SAVE_EVERY_MS);
  video.addEventListener("playing", onPlaying);
  video.addEventListener("pause", onSave);
  video.addEventListener("ended", onSave);
  window.addEventListener("pagehide", beacon);
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    window.clearInterval(timer);
    video.removeEventListener("playing", onPlaying);
    video.removeEventListener("pause", onSave);
    video.removeEventListener("ended", onSave);
    window.removeEventListener("pagehide", beacon);
    document.removeEventListener("visibilitychange", onVisibility);
    // Leaving within the app (another lesson, the course page) unmounts the player.
    beacon();
  };
}
