// Media files: local HLS playlists and segments (after the course's permission check) and course
// covers (public). Only names we generate are served; nothing from the URL reaches a path unchecked.
import path from "node:path";
import type { Request, Response } from "express";
import express from "express";
import type { Services } from "../context.ts";
import { COVER_NAME_REGEX, VIDEO_ID_REGEX } from "../video/storage.ts";
import { HLS_FILE_REGEX } from "../video/transcode.ts";
import { readSessionToken } from "./cookies.ts";
import { localizedMessage } from "./uploads.ts";

/** A permission decision is reused this long for one session and video: a player asks for a segment every few seconds. */
const DECISION_TTL_MS = 30_000;
const DECISION_CACHE_SIZE = 10_000;

const HLS_TYPES: Record<string, string> = {
  ".m3u8": "application/vnd.apple.mpegurl",
  ".ts": "video/mp2t",
};
const IMAGE_TYPES: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp" };

/** A small time-limited map; the oldest entries go first when it is full. */
function decisionCache(now: () => number) {
  const entries = new Map<string, { allowed: boolean; expires: number }>();
  return {
    get(key: string): boolean | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now()) return void entries.delete(key);
      return entry.allowed;
    },
    set(key: string, allowed: boolean) {
      if (entries.size >= DECISION_CACHE_SIZE) entries.delete(entries.keys().next().value!);
      entries.set(key, { allowed, expires: now() + DECISION_TTL_MS });
    },
  };
}

function notFound(req: Request, res: Response) {
  res.status(404).type("text/plain; charset=utf-8").send(localizedMessage(req, "error.notFound"));
}

export function mediaRoutes(deps: { services: Services; now?: () => number }): express.Router {
  const { services } = deps;
  const router = express.Router();
  const decisions = decisionCache(deps.now ?? Date.now);

  async function mayWatch(req: Request, videoId: string): Promise<boolean> {
    const token = readSessionToken(req.headers.cookie);
    const key = `${token ?? "-"}\u0000${videoId}`;
    const cached = decisions.get(key);
    if (cached !== undefined) return cached;
    const viewer = await services.sessions.viewerOf(token);
    const allowed = await services.courses.canWatchVideo(viewer, videoId);
    decisions.set(key, allowed);
    return allowed;
  }

  router.get("/media/videos/:videoId/:file", async (req, res, next) => {
    const { videoId, file } = req.params;
    if (!VIDEO_ID_REGEX.test(videoId) || !HLS_FILE_REGEX.test(file)) return notFound(req, res);
    try {
      if (!(await mayWatch(req, videoId))) {
        return res.status(403).type("text/plain; charset=utf-8").send(localizedMessage(req, "video.media.forbidden"));
      }
    } catch (error) {
      return next(error);
    }
    const dir = services.videos.storage.hlsDir(videoId);
    // Private: the answer depends on who asks. Contents under one id never change (a new upload gets a new id).
    res.set("Cache-Control", "private, max-age=3600");
    res.type(HLS_TYPES[path.extname(file)]!);
    res.sendFile(file, { root: dir, dotfiles: "deny", cacheControl: false }, (error) => {
      if (error && !res.headersSent) notFound(req, res);
    });
  });

  router.get("/media/covers/:name", (req, res) => {
    const { name } = req.params;
    if (!COVER_NAME_REGEX.test(name)) return notFound(req, res);
    // Covers are public and never change under one name (a new cover gets a new name).
    res.set("Cache-Control", "public, max-age=31536000, immutable");
    res.type(IMAGE_TYPES[path.extname(name)]!);
    res.sendFile(name, { root: services.videos.storage.coversDir, dotfiles: "deny", cacheControl: false }, (error) => {
      if (error && !res.headersSent) notFound(req, res);
    });
  });

  return router;
}
