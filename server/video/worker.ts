// The local transcode queue. The Video table is the queue: rows with provider "local" and status
// PROCESSING are waiting (or were running when the process stopped) and are picked up in order
// of age, also after a restart. `concurrency` transcodes run at once; nudge() after an upload
// starts one without waiting for the next poll; stop() kills running ffmpeg processes and leaves
// their rows PROCESSING, so the next start does them again.
import type { PrismaClient } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { MediaStorage } from "./storage.ts";
import { TranscodeError, transcodeToHls } from "./transcode.ts";

/** A video whose transcode was started this often (crashes included) is given up as failed. */
export const MAX_ATTEMPTS = 3;
const PROGRESS_WRITE_INTERVAL_MS = 1000;
/** A slow safety poll; uploads nudge the worker, so this only matters for rows written elsewhere. */
const POLL_INTERVAL_MS = 30_000;

export interface TranscodeWorkerDeps {
  prisma: PrismaClient;
  storage: MediaStorage;
  logger: Logger;
  /** Resolves the ffmpeg binary (null: none on this machine; videos then fail with a clear key). */
  ffmpeg: () => Promise<string | null>;
  concurrency: number;
  /** Called once a video is READY (the composition root wires courses.videoReady). */
  onReady: (videoId: string, durationSeconds: number) => Promise<void>;
}

export function createTranscodeWorker(deps: TranscodeWorkerDeps) {
  const { prisma, storage, logger } = deps;
  const running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let scanning: Promise<void> | undefined;
  let rescan = false;

  async function fail(videoId: string, messageKey: string) {
    await prisma.video.updateMany({ where: { id: videoId, status: "PROCESSING" }, data: { status: "FAILED", error: messageKey } });
  }

  /** Claims a row for this process: counts the attempt, or gives up on one that failed too often. */
  async function claim(video: { id: string; attempts: number }): Promise<boolean> {
    if (video.attempts >= MAX_ATTEMPTS) {
      logger.warn({ videoId: video.id, attempts: video.attempts }, "video transcode gave up after repeated attempts");
      await fail(video.id, "video.error.transcodeFailed");
      return false;
    }
    const claimed = await prisma.video.updateMany({
      where: { id: video.id, status: "PROCESSING", attempts: video.attempts },
      data: { attempts: { increment: 1 }, progress: 0 },
    });
    return claimed.count === 1;
  }

  async function transcode(videoId: string, abort: AbortController): Promise<void> {
    const ffmpegPath = await deps.ffmpeg();
    if (!ffmpegPath) {
      logger.error({ videoId }, "cannot transcode: ffmpeg not found (install it or set FFMPEG_PATH)");
      return fail(videoId, "video.error.ffmpegMissing");
    }
    let lastWrite = 0;
    let lastPercent = 0;
    const onProgress = (percent: number) => {
      const now = performance.now();
      if (percent >= 100 || percent <= lastPercent || now - lastWrite < PROGRESS_WRITE_INTERVAL_MS) return;
      lastWrite = now;
      lastPercent = percent;
      prisma.video
        .updateMany({ where: { id: videoId, status: "PROCESSING" }, data: { progress: percent } })
        .catch((error: Error) => logger.warn({ videoId, err: error.message }, "could not save transcode progress"));
    };
    try {
      const { durationSeconds } = await transcodeToHls({
        ffmpegPath,
        source: storage.sourceFile(videoId),
        outDir: storage.hlsDir(videoId),
        onProgress,
        signal: abort.signal,
      });
      const ready = await prisma.video.updateMany({
        where: { id: videoId, status: "PROCESSING" },
        data: { status: "READY", progress: 100, durationSeconds, error: null },
      });
      // The row went away (lesson deleted, video replaced) while ffmpeg ran: drop the output too.
      if (ready.count === 0) return void (await storage.removeVideoFiles(videoId));
      logger.info({ videoId, durationSeconds }, "video ready");
      await deps.onReady(videoId, durationSeconds);
    } catch (error) {
      if (abort.signal.aborted) {
        // Stopped, not failed: the attempt does not count, and the next start runs it again.
        await prisma.video.updateMany({ where: { id: videoId, status: "PROCESSING" }, data: { attempts: { decrement: 1 } } });
        return;
      }
      const key = error instanceof TranscodeError ? error.messageKey : "video.error.transcodeFailed";
      logger.warn({ videoId, err: (error as Error).message }, "video transcode failed");
      await fail(videoId, key);
    }
  }

  async function scanOnce(): Promise<void> {
    const free = deps.concurrency - running.size;
    if (!started || free <= 0) return;
    const waiting = await prisma.video.findMany({
      where: { provider: "local", status: "PROCESSING", id: { notIn: [...running.keys()] } },
      orderBy: { createdAt: "asc" },
      take: free,
      select: { id: true, attempts: true },
    });
    for (const video of waiting) {
      if (!started || running.size >= deps.concurrency) break;
      if (!(await claim(video))) continue;
      const abort = new AbortController();
      const done = transcode(video.id, abort)
        .catch((error: Error) => logger.error({ videoId: video.id, err: error.message }, "video job crashed"))
        .finally(() => {
          running.delete(video.id);
          nudge();
        });
      running.set(video.id, { abort, done });
    }
  }

  /** Looks for waiting videos now. Scans never overlap; a nudge during a scan runs one more after it. */
  function nudge(): void {
    if (!started) return;
    if (scanning) {
      rescan = true;
      return;
    }
    scanning = scanOnce()
      .catch((error: Error) => logger.error({ err: error.message }, "video queue scan failed"))
      .finally(() => {
        scanning = undefined;
        if (rescan) {
          rescan = false;
          nudge();
        }
      });
  }

  return {
    start(): void {
      if (started) return;
      started = true;
      timer = setInterval(nudge, POLL_INTERVAL_MS);
      timer.unref();
      nudge();
    },
    nudge,
    /** Kills running transcodes (their rows stay PROCESSING) and waits until they have stopped. */
    async stop(): Promise<void> {
      started = false;
      clearInterval(timer);
      for (const job of running.values()) job.abort.abort();
      await scanning;
      await Promise.all([...running.values()].map((job) => job.done));
    },
    /** Resolves when nothing is waiting or running (tests, seed). */
    async idle(): Promise<void> {
      for (;;) {
        await scanning;
        await Promise.all([...running.values()].map((job) => job.done));
        if (!scanning && running.size === 0) {
          const waiting = started
            ? await prisma.video.count({ where: { provider: "local", status: "PROCESSING" } })
            : 0;
          if (waiting === 0) return;
          nudge();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    },
    get runningCount() {
      return running.size;
    },
  };
}

export type TranscodeWorker = ReturnType<typeof createTranscodeWorker>;
