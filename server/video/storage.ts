// Where videos, covers and upload temp files live under DATA_DIR. Every path is built here from
// ids and names that were checked against strict patterns, never from raw request input.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Video ids are cuids (Prisma's default): lower-case letters and digits. */
export const VIDEO_ID_REGEX = /^[a-z0-9]{20,40}$/;
/** Cover files as we name them: 32 hex characters and the type's extension. */
export const COVER_NAME_REGEX = /^[a-f0-9]{32}\.(?:png|jpg|webp)$/;

export function createMediaStorage(dataDir: string) {
  const root = path.resolve(dataDir);
  const videosDir = path.join(root, "videos");
  const coversDir = path.join(root, "covers");
  const tmpDir = path.join(root, "tmp");

  function videoDir(videoId: string): string {
    if (!VIDEO_ID_REGEX.test(videoId)) throw new Error(`not a video id: ${JSON.stringify(videoId)}`);
    return path.join(videosDir, videoId);
  }

  return {
    root,
    videosDir,
    coversDir,
    tmpDir,
    videoDir,
    sourceFile: (videoId: string) => path.join(videoDir(videoId), "source"),
    hlsDir: (videoId: string) => path.join(videoDir(videoId), "hls"),
    coverFile(name: string): string {
      if (!COVER_NAME_REGEX.test(name)) throw new Error(`not a cover name: ${JSON.stringify(name)}`);
      return path.join(coversDir, name);
    },
    /** A fresh path under tmp/ for an upload in flight (same file system as its destination, so rename works). */
    async tempFile(): Promise<string> {
      await mkdir(tmpDir, { recursive: true });
      return path.join(tmpDir, `upload-${randomBytes(12).toString("hex")}`);
    },
    /** Moves an upload into place as the video's source file. */
    async adoptSource(videoId: string, tempFile: string): Promise<void> {
      await mkdir(videoDir(videoId), { recursive: true });
      await rename(tempFile, path.join(videoDir(videoId), "source"));
    },
    async adoptCover(name: string, tempFile: string): Promise<void> {
      await mkdir(coversDir, { recursive: true });
      await rename(tempFile, this.coverFile(name));
    },
    removeVideoFiles: (videoId: string) => rm(videoDir(videoId), { recursive: true, force: true }),
    async removeCover(name: string | null): Promise<void> {
      if (name && COVER_NAME_REGEX.test(name)) await rm(path.join(coversDir, name), { force: true });
    },
  };
}

export type MediaStorage = ReturnType<typeof createMediaStorage>;
