// Where videos are stored, transcoded and played from. One interface, two implementations chosen
// by configuration: the local one (files under DATA_DIR, HLS by the system's ffmpeg; the embedded
// default) and Mux (direct uploads from the browser, state by webhooks). Issue 7 adds live streams
// to this same interface; everything here is about on-demand videos.
import type { MediaStorage } from "./storage.ts";

export type VideoProviderKind = "local" | "mux";

/** What a provider needs to know of a Video row. */
export interface VideoRef {
  id: string;
  provider: string;
  playbackId: string | null;
  muxAssetId?: string | null;
}

export interface DirectUpload {
  /** The provider's id of the upload (Video.muxUploadId). */
  uploadId: string;
  /** Where the browser PUTs the file. */
  url: string;
}

export interface VideoProvider {
  readonly kind: VideoProviderKind;
  /** Where a browser plays a READY video of this provider from (an HLS playlist). */
  playbackUrl(video: VideoRef): string | null;
  /**
   * Browser-to-provider uploads (Mux): `videoId` travels along so that webhooks find the row
   * even when they arrive out of order. Null when files come through this server (local).
   */
  createDirectUpload: ((input: { videoId: string; corsOrigin: string }) => Promise<DirectUpload>) | null;
  /** Frees what the provider holds for a video that is gone (its files, its Mux asset). */
  remove(video: VideoRef): Promise<void>;
}

/** Local HLS files, served by server/http/media.ts after a permission check. */
export const localPlaybackUrl = (video: { id: string }) => `/media/videos/${video.id}/index.m3u8`;
/** Mux's public playback (playback_policy "public"). */
export const muxPlaybackUrl = (playbackId: string) => `https://stream.mux.com/${playbackId}.m3u8`;

export function createLocalProvider(storage: MediaStorage): VideoProvider {
  return {
    kind: "local",
    playbackUrl: localPlaybackUrl,
    createDirectUpload: null,
    remove: (video) => storage.removeVideoFiles(video.id),
  };
}

/**
 * The playback URL of any video row, whatever provider is configured now: a video keeps the
 * provider it was uploaded to (switching to Mux does not move old local videos).
 */
export function playbackUrlOf(video: VideoRef): string | null {
  if (video.provider === "mux") return video.playbackId ? muxPlaybackUrl(video.playbackId) : null;
  return localPlaybackUrl(video);
}
