// Where a livestream's video goes in and comes out. One interface, two implementations chosen by
// configuration, like on-demand videos (server/video/provider.ts): the local one (RTMP ingest by
// node-media-server inside this process, an ffmpeg remux to HLS served by the app; the embedded
// default) and Mux (live streams created through its API, state reported by signed webhooks).
//
// Providers never change a session's status themselves: they report events (server/live/status.ts)
// through LiveHooks, and the live service applies them with the status machine.
import { randomBytes } from "node:crypto";
import type { LiveEvent } from "./status.ts";

export type LiveProviderKind = "local" | "mux";

/** What a provider knows of a LiveSession row. */
export interface LiveRef {
  id: string;
  provider: string;
  streamKey: string;
  publicName: string;
  membersOnly: boolean;
  muxLiveStreamId: string | null;
  livePlaybackId: string | null;
  replayPlaybackId: string | null;
}

/** What a new session gets from its provider. */
export interface LiveStreamCreated {
  /** The secret the encoder sends. */
  streamKey: string;
  /** Mux's ids; null for local sessions. */
  muxLiveStreamId: string | null;
  livePlaybackId: string | null;
}

/** Details an event may carry. */
export interface LiveEventDetails {
  /** replayReady: the recording's length. */
  replaySeconds?: number;
  /** replayFailed: a message key (live.failure.*). */
  failure?: string;
  /** replayReady (Mux): the recorded asset and its playback id. */
  muxAssetId?: string;
  replayPlaybackId?: string;
}

/** How providers talk back to the live service. */
export interface LiveHooks {
  /**
   * A publisher presents `streamKey`: the session it may publish to, or null to refuse it
   * (unknown, rotated, cancelled or finished keys).
   */
  authorizePublish(streamKey: string): Promise<{ sessionId: string; publicName: string } | null>;
  /** Something happened to a session's video. Duplicate or meaningless events are ignored. */
  event(sessionId: string, event: LiveEvent, details?: LiveEventDetails): Promise<void>;
}

export interface LiveProvider {
  readonly kind: LiveProviderKind;
  /** A new stream for a new session (Mux: a live stream with its reconnect window and replay settings). */
  create(input: { sessionId: string; membersOnly: boolean }): Promise<LiveStreamCreated>;
  /** A new secret key; the old one stops working at once. */
  rotateKey(session: LiveRef): Promise<{ streamKey: string }>;
  /** The host ended the session: drop the publisher; the recording then finishes into the replay. */
  stop(session: LiveRef): Promise<void>;
  /** The session was cancelled: free what the provider holds for it. */
  remove(session: LiveRef): Promise<void>;
  /** The server URL to paste into OBS; `origin` is the site's public origin (for its host name). */
  ingestUrl(origin: string): string;
  /** Where a viewer plays the session now (live or replay), or null when nothing is playable. */
  playbackUrl(session: LiveRef & { status: string }, options: { signedFor?: string }): string | null;
}

/** A random URL-safe secret of `bytes` bytes (stream keys, public names). */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}
