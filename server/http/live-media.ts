// Livestream media: the HLS playlist and segments the local ingest's remux writes under
// DATA_DIR/live/<publicName>/ (server/live/local-ingest.ts), live and as the replay. Who may fetch
// them is the live service's canWatch (members-only sessions need a signed-in viewer; cancelled
// and unknown ones are 404). Only names we generate are served: nothing from the URL reaches a
// path unchecked. (Viewers are counted by their pages' sockets, not here: server/live/viewers.ts.)
import path from "node:path";
import type { Request, Response } from "express";
import express from "express";
import type { Services } from "../context.ts";
import { liveDir } from "../live/local.ts";
import { LIVE_SEGMENT_REGEX, PUBLIC_NAME_REGEX } from "../live/local-ingest.ts";
import { PLAYLIST_NAME } from "../video/transcode.ts";
import { readSessionToken } from "./cookies.ts";
import { localizedMessage } from "./uploads.ts";

/**
 * A permission decision is reused this long for one client and session: a live player asks for the
 * playlist every couple of seconds. Short, because a session going off air changes how its
 * playlist may be cached.
 */
const DECISION_TTL_MS = 5_000;
const DECISION_CACHE_SIZE = 10_000;

const TYPES: Record<string, string> = {
  ".m3u8": "application/vnd.apple.mpegurl",
  ".ts": "video/mp2t",
};

type Decision = Awaited<ReturnType<Services["live"]["canWatch"]>>;

function decisionCache(now: () => number) {
  const entries = new Map<string, { decision: Decision; expires: number }>();
  return {
    get(key: string): { decision: Decision } | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now()) return void entries.delete(key);
      return { decision: entry.decision };
    },
    set(key: string, decision: Decision) {
      if (entries.size >= DECISION_CACHE_SIZE) entries.delete(entries.keys().next().value!);
      entries.set(key, { decision, expires: now() + DECISION_TTL_MS });
    },
  };
}

function notFound(req: Request, res: Response) {
  res.status(404).type("text/plain; charset=utf-8").send(localizedMessage(req, "error.notFound"));
}

export function liveMediaRoutes(deps: { services: Services; now?: () => number }): express.Router {
  const { services } = deps;
  const router = express.Router();
  const decisions = decisionCache(deps.now ?? Date.now);
  const dataDir = services.videos.storage.root;

  async function decide(token: string | undefined, publicName: string): Promise<Decision> {
    const key = `${token ?? "-"}\u0000${publicName}`;
    const cached = decisions.get(key);
    if (cached) return cached.decision;
    const viewer = await services.sessions.viewerOf(token);
    const decision = await services.live.canWatch(viewer, publicName);
    decisions.set(key, decision);
    return decision;
  }


  router.get("/media/live/:publicName/:file", async (req, res, next) => {
    const { publicName, file } = req.params;
    const isPlaylist = file === PLAYLIST_NAME;
    if (!PUBLIC_NAME_REGEX.test(publicName) || !(isPlaylist || LIVE_SEGMENT_REGEX.test(file))) return notFound(req, res);
    const token = readSessionToken(req.headers.cookie);
    let decision: Decision;
    try {
      decision = await decide(token, publicName);
    } catch (error) {
      return next(error);
    }
    if (!decision) return notFound(req, res);
    if (!decision.allowed) return res.status(403).type("text/plain; charset=utf-8").send(localizedMessage(req, "live.media.membersOnly"));

    // Private: the answer depends on who asks. A segment never changes once written (the remux
    // writes each under a temporary name and renames it). The playlist grows while on air and
    // until the remux has finished it after the end; revalidating it (ETag) costs a 304.
    res.set("Cache-Control", isPlaylist ? "no-cache" : "private, max-age=31536000, immutable");
    res.type(TYPES[path.extname(file)]!);
    res.sendFile(file, { root: liveDir(dataDir, publicName), dotfiles: "deny", cacheControl: false }, (error) => {
      if (error && !res.headersSent) notFound(req, res);
    });
  });

  return router;
}
