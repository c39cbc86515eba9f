// /healthz says the process is up; /readyz says it can reach its database, and reports search and video.
import type { RawDatabase } from "../db/raw.ts";
import type { SearchService } from "../search/service.ts";

const READY_TIMEOUT_MS = 2000;

// Search is reported, not required: a search outage degrades search, the app stays ready.
export function createHealthService(deps: {
  raw: RawDatabase;
  startedAt: Date;
  search: Pick<SearchService, "status">;
  /** The video provider and whether ffmpeg is there (reported, not required, like search). */
  media?: () => Promise<{ provider: string; ffmpeg: { status: "ok" | "missing" } }>;
}) {
  return {
    live() {
      return { status: "ok" as const, uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000) };
    },
    async ready() {
      const started = Date.now();
      try {
        await Promise.race([
          deps.raw.withConnection((connection) => connection.query("SELECT 1")),
          new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), READY_TIMEOUT_MS).unref()),
        ]);
        const database = { status: "ok", latencyMs: Date.now() - started };
        const search = await deps.search.status().catch((error: Error) => ({ status: "error", error: error.message }));
        const media = deps.media
          ? await deps.media().then(
              ({ provider, ffmpeg }) => ({ provider, ffmpeg: ffmpeg.status }),
              (error: Error) => ({ status: "error", error: error.message }),
            )
          : undefined;
        return { ok: true, body: { status: "ready", database, search, ...(media ? { media } : {}) } };
      } catch (error) {
        return { ok: false, body: { status: "unavailable", database: { status: "error", error: (error as Error).message } } };
      }
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
