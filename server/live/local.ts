// The local live provider (the embedded default): hosts publish RTMP to the ingest inside this
// process (server/live/local-ingest.ts), which remuxes each broadcast to HLS files under
// DATA_DIR/live/<publicName>/ that the app serves (server/http/live-media.ts); when the broadcast
// ends, the finished playlist is the replay. Stream keys are random secrets checked against the
// database on every publish; the public name in the files' URL is a different random string.
import { rm } from "node:fs/promises";
import path from "node:path";
import { randomToken, type LiveProvider } from "./provider.ts";
import { ON_AIR, type LiveStatus } from "./status.ts";

/** What the provider needs of the ingest server. */
export interface LocalIngest {
  /** The RTMP port it listens on (after start). */
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Drops the session's publisher for good (the host ended it, or the reconnect window ran out);
   * the recording then finishes into the replay. A session this process is not broadcasting (it
   * was on air when an earlier process stopped) gets the playlist it left finished instead.
   */
  disconnect(session: { id: string; publicName: string }): void;
}

/** The directory of a session's HLS files. */
export const liveDir = (dataDir: string, publicName: string) => path.join(dataDir, "live", publicName);
export const livePlaylistUrl = (publicName: string) => `/media/live/${publicName}/index.m3u8`;

/** Statuses in which the local files play: on air (live edge) and the finished replay. */
const PLAYABLE: ReadonlySet<LiveStatus> = new Set([...ON_AIR, "REPLAY_READY"]);

export function createLocalLiveProvider(options: { ingest: LocalIngest | null; rtmpPort: number; rtmpPublicUrl?: string; dataDir: string }): LiveProvider {
  return {
    kind: "local",
    async create() {
      return { streamKey: randomToken(24), muxLiveStreamId: null, livePlaybackId: null };
    },
    async rotateKey() {
      return { streamKey: randomToken(24) };
    },
    async stop(session) {
      options.ingest?.disconnect(session);
    },
    async remove(session) {
      if (session.publicName) await rm(liveDir(options.dataDir, session.publicName), { recursive: true, force: true });
    },
    ingestUrl(origin) {
      if (options.rtmpPublicUrl) return options.rtmpPublicUrl;
      const port = options.ingest?.port || options.rtmpPort;
      return `rtmp://${new URL(origin).hostname}:${port}/live`;
    },
    playbackUrl(session) {
      return PLAYABLE.has(session.status as LiveStatus) ? livePlaylistUrl(session.publicName) : null;
    },
  };
}
