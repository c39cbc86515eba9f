// The livestream session's status machine: one pure function from (status, event) to the next
// status. Provider events (a publisher connecting or dropping, the reconnect window running out,
// a replay finishing) and the host's actions (end, cancel) are the only inputs; the service stores
// every transition with its time. Events that mean nothing in a status (a duplicate webhook, a
// late disconnect after the end) are ignored, never errors: providers repeat and reorder them.

export const LIVE_STATUSES = ["SCHEDULED", "LIVE", "RECONNECTING", "ENDED", "REPLAY_READY", "REPLAY_FAILED", "CANCELLED"] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

export const LIVE_EVENTS = [
  /** The publisher started sending (local RTMP publish accepted; Mux `video.live_stream.active`). */
  "connected",
  /** The publisher dropped (local `donePublish` inside the grace period; Mux `video.live_stream.disconnected`). */
  "disconnected",
  /** The reconnect window passed without the publisher coming back (Mux `video.live_stream.idle`). */
  "graceExpired",
  /** The host pressed "end session". */
  "endRequested",
  /** The host cancelled the session before it started. */
  "cancelRequested",
  /** The recording became a playable replay (local playlist finished; Mux `video.asset.ready`). */
  "replayReady",
  /** The recording failed (the remux process died; Mux `video.asset.errored`). */
  "replayFailed",
] as const;
export type LiveEvent = (typeof LIVE_EVENTS)[number];

/** Sessions whose video is (or may soon be) on air. */
export const ON_AIR: ReadonlySet<LiveStatus> = new Set(["LIVE", "RECONNECTING"]);
/** Nothing changes these any more. */
export const FINAL: ReadonlySet<LiveStatus> = new Set(["REPLAY_READY", "REPLAY_FAILED", "CANCELLED"]);

const TRANSITIONS: Record<LiveStatus, Partial<Record<LiveEvent, LiveStatus>>> = {
  SCHEDULED: {
    connected: "LIVE",
    cancelRequested: "CANCELLED",
    // Ending a session that never went live leaves nothing to replay.
    endRequested: "CANCELLED",
  },
  LIVE: {
    disconnected: "RECONNECTING",
    endRequested: "ENDED",
    // Without its recording the session cannot go on (local: the remux is also what viewers watch).
    replayFailed: "REPLAY_FAILED",
  },
  RECONNECTING: {
    connected: "LIVE",
    graceExpired: "ENDED",
    endRequested: "ENDED",
    replayFailed: "REPLAY_FAILED",
  },
  ENDED: {
    replayReady: "REPLAY_READY",
    replayFailed: "REPLAY_FAILED",
  },
  REPLAY_READY: {},
  REPLAY_FAILED: {},
  CANCELLED: {},
};

export type Transition = { changed: true; from: LiveStatus; to: LiveStatus; event: LiveEvent } | { changed: false; status: LiveStatus; event: LiveEvent };

/** The status after `event`; `changed: false` when the event means nothing in `status`. */
export function nextStatus(status: LiveStatus, event: LiveEvent): Transition {
  const to = TRANSITIONS[status][event];
  return to === undefined ? { changed: false, status, event } : { changed: true, from: status, to, event };
}

/** Whether the host may do `action` now (the UI offers it, the service refuses it otherwise). */
export const hostMay = (status: LiveStatus, action: "endRequested" | "cancelRequested") => nextStatus(status, action).changed;
