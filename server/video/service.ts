// The video service: stores uploads as Video rows, runs the local transcode queue, answers status
// and retry for the studio, and applies Mux's webhooks about on-demand videos (the route sends live
// sessions' events to server/live/mux-events.ts). Routes reach it as services.videos.
import { AppError, forbidden } from "../errors.ts";
import { requireViewer, type Viewer } from "../auth/permissions.ts";
import type { DB, PrismaClient } from "../db/client.ts";
import type { UnwrapWebhookEvent } from "@mux/mux-node/resources/webhooks/webhooks";
import type { Logger } from "../logger.ts";
import { createMuxProvider, WebhookRejected, type MuxConfig, type MuxProvider } from "./mux.ts";
import { createLocalProvider, playbackUrlOf, type VideoProvider } from "./provider.ts";
import { createMediaStorage, VIDEO_ID_REGEX } from "./storage.ts";
import { findFfmpeg } from "./transcode.ts";
import { createWebhookEventLog } from "./webhook-events.ts";
import { createTranscodeWorker } from "./worker.ts";

export interface VideoConfig {
  /** Largest video upload through this server, in bytes. */
  maxBytes: number;
  coverMaxBytes: number;
  /** An explicit ffmpeg; otherwise the first on PATH. */
  ffmpegPath?: string;
  concurrency: number;
  mux?: MuxConfig;
}

export const DEFAULT_VIDEO_CONFIG: VideoConfig = {
  maxBytes: 500 * 1024 * 1024,
  coverMaxBytes: 2 * 1024 * 1024,
  concurrency: 1,
};

export interface VideoServiceDeps {
  prisma: PrismaClient;
  logger: Logger;
  dataDir: string;
  config: VideoConfig;
  /** The lesson's side of an upload (courses.attachVideo): checks the editor and links the video. */
  attachVideo: (viewer: Viewer | null, lessonId: string, videoId: string) => Promise<{ previousVideoId: string | null }>;
  /** Called when a video becomes READY (courses.videoReady). */
  onReady: (videoId: string, durationSeconds: number) => Promise<void>;
}

export interface VideoStatusView {
  status: DB.VideoStatus;
  progress: number;
  /** A message key when FAILED. */
  error: string | null;
}

const videoNotFound = () => new AppError("notFound", "video.error.notFound");

export function createVideoService(deps: VideoServiceDeps) {
  const { prisma, logger, config } = deps;
  const storage = createMediaStorage(deps.dataDir);
  const local = createLocalProvider(storage);
  const mux: MuxProvider | null = config.mux ? createMuxProvider(config.mux) : null;
  /** The provider new uploads go to. */
  const provider: VideoProvider = mux ?? local;
  const webhookEvents = createWebhookEventLog(prisma, "mux");

  // Looked up once per process; a missing ffmpeg is reported at start and fails each video clearly.
  let ffmpegLookup: Promise<string | null> | undefined;
  const ffmpeg = () => (ffmpegLookup ??= findFfmpeg(config.ffmpegPath ? { FFMPEG_PATH: config.ffmpegPath } : process.env));

  const worker = createTranscodeWorker({
    prisma,
    storage,
    logger,
    ffmpeg,
    concurrency: config.concurrency,
    onReady: async (videoId, durationSeconds) => {
      await deps.onReady(videoId, durationSeconds).catch((error: Error) => {
        logger.error({ videoId, err: error.message }, "video ready hook failed");
      });
    },
  });

  /** Deletes a video row and what its provider holds; used for replaced videos and failed uploads. */
  async function removeVideo(videoId: string): Promise<void> {
    const video = await prisma.video.findUnique({ where: { id: videoId } });
    if (!video) return storage.removeVideoFiles(videoId);
    await prisma.video.deleteMany({ where: { id: videoId } });
    await storage.removeVideoFiles(videoId);
    if (video.provider === "mux") {
      await mux?.remove(video).catch((error: Error) => logger.warn({ videoId, err: error.message }, "could not delete the Mux asset"));
    }
  }

  async function replacePrevious(previousVideoId: string | null, videoId: string) {
    if (previousVideoId && previousVideoId !== videoId) await removeVideo(previousVideoId);
  }

  /** The video, if the viewer uploaded it or is an admin. */
  async function requireOwnVideo(viewer: Viewer | null, videoId: string) {
    const signedIn = requireViewer(viewer);
    if (!VIDEO_ID_REGEX.test(videoId)) throw videoNotFound();
    const video = await prisma.video.findUnique({ where: { id: videoId } });
    if (!video) throw videoNotFound();
    if (signedIn.role !== "ADMIN" && video.ownerId !== signedIn.id) throw forbidden();
    return video;
  }

  /**
   * An upload that arrived through this server (already checked by its bytes, in tmp/): becomes a
   * local video waiting for its transcode, attached to the lesson. Nothing stays behind on failure.
   */
  async function storeUpload(viewer: Viewer | null, lessonId: string, tempFile: string): Promise<{ videoId: string }> {
    const owner = requireViewer(viewer);
    const video = await prisma.video.create({ data: { ownerId: owner.id, provider: "local", status: "PROCESSING" } });
    try {
      await storage.adoptSource(video.id, tempFile);
      const { previousVideoId } = await deps.attachVideo(viewer, lessonId, video.id);
      await replacePrevious(previousVideoId, video.id);
    } catch (error) {
      await removeVideo(video.id);
      throw error;
    }
    worker.nudge();
    return { videoId: video.id };
  }

  /** Mux only: a Video row waiting for the browser's upload, and the URL to PUT it to. */
  async function createDirectUpload(viewer: Viewer | null, lessonId: string, corsOrigin: string) {
    const owner = requireViewer(viewer);
    if (!provider.createDirectUpload) throw new AppError("invalid", "video.error.directUnavailable");
    const video = await prisma.video.create({ data: { ownerId: owner.id, provider: provider.kind, status: "UPLOADING" } });
    try {
      const upload = await provider.createDirectUpload({ videoId: video.id, corsOrigin });
      await prisma.video.update({ where: { id: video.id }, data: { muxUploadId: upload.uploadId } });
      const { previousVideoId } = await deps.attachVideo(viewer, lessonId, video.id);
      await replacePrevious(previousVideoId, video.id);
      return { videoId: video.id, uploadUrl: upload.url };
    } catch (error) {
      await prisma.video.deleteMany({ where: { id: video.id } });
      if (error instanceof AppError) throw error;
      logger.error({ err: (error as Error).message }, "could not create a Mux direct upload");
      throw new AppError("invalid", "video.error.providerUnavailable");
    }
  }

  async function status(viewer: Viewer | null, videoId: string): Promise<VideoStatusView> {
    const video = await requireOwnVideo(viewer, videoId);
    return { status: video.status, progress: video.progress, error: video.error };
  }

  /** A FAILED local video goes back in the queue (its source file is still there). */
  async function retry(viewer: Viewer | null, videoId: string): Promise<VideoStatusView> {
    const video = await requireOwnVideo(viewer, videoId);
    if (video.status !== "FAILED") throw new AppError("conflict", "video.error.notFailed");
    if (video.provider !== "local") throw new AppError("conflict", "video.error.retryUnavailable");
    await prisma.video.update({
      where: { id: videoId },
      data: { status: "PROCESSING", progress: 0, error: null, attempts: 0 },
    });
    worker.nudge();
    return { status: "PROCESSING", progress: 0, error: null };
  }

  /** The lesson a video belongs to (for redirects back to the studio page). */
  async function lessonOf(videoId: string): Promise<{ lessonId: string; courseId: string } | null> {
    if (!VIDEO_ID_REGEX.test(videoId)) return null;
    const lesson = await prisma.lesson.findUnique({ where: { videoId }, select: { id: true, courseId: true } });
    return lesson ? { lessonId: lesson.id, courseId: lesson.courseId } : null;
  }

  /** Checks a Mux webhook's signature and timestamp; the event, or WebhookRejected. */
  async function verifyMuxWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>): Promise<UnwrapWebhookEvent> {
    if (!mux) throw new WebhookRejected("Mux is not configured");
    return mux.verifyWebhook(rawBody, headers);
  }

  /**
   * Applies one verified Mux event about on-demand videos (live sessions' events go to
   * server/live/mux-events.ts). Each event id is handled once: the WebhookEvent row is written in
   * the same transaction as the change, so a replay (or a concurrent retry) is a no-op. Returns
   * what happened, for the log and the tests.
   */
  async function applyMuxEvent(event: UnwrapWebhookEvent) {
    const ready: { videoId: string; durationSeconds: number }[] = [];
    const outcome = await webhookEvents.applyOnce(event.id, async (tx) => {
      const data = event.data as Record<string, unknown>;
      switch (event.type) {
        case "video.upload.asset_created": {
          const assetId = typeof data.asset_id === "string" ? data.asset_id : null;
          if (!assetId) return "ignored" as const;
          const updated = await tx.video.updateMany({
            where: { provider: "mux", muxUploadId: String(data.id), status: "UPLOADING" },
            data: { muxAssetId: assetId, status: "PROCESSING" },
          });
          return updated.count ? ("applied" as const) : ("unmatched" as const);
        }
        case "video.asset.ready": {
          const video = await findMuxVideo(tx, data);
          if (!video) return "unmatched" as const;
          const playbackIds = Array.isArray(data.playback_ids) ? (data.playback_ids as { id?: unknown; policy?: unknown }[]) : [];
          const playbackId = playbackIds.find((p) => p.policy === "public")?.id ?? playbackIds[0]?.id;
          const durationSeconds = typeof data.duration === "number" ? data.duration : 0;
          await tx.video.update({
            where: { id: video.id },
            data: {
              status: "READY",
              progress: 100,
              error: null,
              muxAssetId: String(data.id),
              playbackId: typeof playbackId === "string" ? playbackId : null,
              durationSeconds,
            },
          });
          ready.push({ videoId: video.id, durationSeconds });
          return "applied" as const;
        }
        case "video.asset.errored": {
          const video = await findMuxVideo(tx, data);
          if (!video) return "unmatched" as const;
          await tx.video.update({
            where: { id: video.id },
            data: { status: "FAILED", error: "video.error.providerFailed", muxAssetId: String(data.id) },
          });
          return "applied" as const;
        }
        default:
          return "ignored" as const;
      }
    });
    await webhookEvents.prune();
    for (const { videoId, durationSeconds } of ready) await deps.onReady(videoId, durationSeconds);
    logger.info({ eventId: event.id, type: event.type, outcome }, "mux webhook");
    return { eventId: event.id, type: event.type, outcome };
  }

  /** "At most once" for Mux events another service applies in its own transactions (live sessions). */
  async function runMuxEventOnce<T>(eventId: string, run: () => Promise<T>): Promise<T | "replayed"> {
    const result = await webhookEvents.runOnce(eventId, run);
    await webhookEvents.prune();
    return result;
  }

  /** The row of an asset event: by asset id, or by the passthrough set at upload (events may arrive out of order). */
  async function findMuxVideo(tx: DB.Prisma.TransactionClient, asset: Record<string, unknown>) {
    const byAsset = await tx.video.findFirst({ where: { provider: "mux", muxAssetId: String(asset.id) }, select: { id: true } });
    if (byAsset) return byAsset;
    const passthrough = typeof asset.passthrough === "string" && VIDEO_ID_REGEX.test(asset.passthrough) ? asset.passthrough : null;
    if (!passthrough) return null;
    return tx.video.findFirst({ where: { provider: "mux", id: passthrough }, select: { id: true } });
  }

  /** For /readyz and the start-up log. */
  async function mediaStatus() {
    // Checked whatever the provider: uploads without JavaScript still go through the local pipeline.
    const ffmpegPath = await ffmpeg();
    return {
      provider: provider.kind,
      ffmpeg: ffmpegPath ? { status: "ok" as const, path: ffmpegPath } : { status: "missing" as const },
    };
  }

  return {
    provider: provider.kind,
    storage,
    worker,
    /** Largest accepted uploads, for the routes' streaming limits. */
    limits: { videoBytes: config.maxBytes, coverBytes: config.coverMaxBytes },
    playbackUrlOf,
    storeUpload,
    createDirectUpload,
    status,
    retry,
    lessonOf,
    removeVideo,
    verifyMuxWebhook,
    applyMuxEvent,
    runMuxEventOnce,
    mediaStatus,
  };
}

export type VideoService = ReturnType<typeof createVideoService>;
export { WebhookRejected };
