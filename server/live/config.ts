// The livestream part of the configuration (server/config.ts reads the environment).
export interface LiveConfig {
  /** The local RTMP ingest's port; 0: no ingest in this process (tests, or a second app process). */
  rtmpPort: number;
  rtmpBind: string;
  /** The server URL hosts paste into OBS, when it is not rtmp://<this site's host>:<port>/live. */
  rtmpPublicUrl?: string;
  /** Reconnect grace period: local ingest, and Mux's reconnect_window. */
  reconnectSeconds: number;
  ffmpegPath?: string;
  /** Mux signing key for members-only sessions (signed playback tokens). */
  muxSigning?: { keyId: string; privateKey: string };
}

export const DEFAULT_LIVE_CONFIG: LiveConfig = { rtmpPort: 0, rtmpBind: "127.0.0.1", reconnectSeconds: 60 };
