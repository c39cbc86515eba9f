// The composition root: builds every service once from configuration. server/main.ts and the
// tests call it; routes reach the services through getLoadContext, sockets through attachRealtime.
import path from "node:path";
import { createAccountService } from "./accounts/service.ts";
import { createBookImport } from "./books/import.ts";
import { createOpdsCatalog } from "./books/opds.ts";
import { createBookService } from "./books/service.ts";
import { createCourseService } from "./courses/service.ts";
import { createSessionService } from "./auth/sessions.ts";
import { systemClock, type Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { createHealthService } from "./health/service.ts";
import { createJobAlerts } from "./jobs/alerts.ts";
import { DEFAULT_LIVE_CONFIG } from "./live/config.ts";
import { createLocalLiveProvider } from "./live/local.ts";
import { createLocalIngest } from "./live/local-ingest.ts";
import { createMuxLiveProvider } from "./live/mux.ts";
import { createQaService } from "./live/qa/service.ts";
import { createLiveService, type LiveService } from "./live/service.ts";
import { createRedisViewerCounter, createViewerCounter } from "./live/viewers.ts";
import { createApplicationService } from "./jobs/applications.ts";
import { createJobImport } from "./jobs/import.ts";
import { createJobService } from "./jobs/service.ts";
import { createNotificationService } from "./notifications/service.ts";
import { createQuizAdmin } from "./quiz/admin.ts";
import { createQuizImport } from "./quiz/import.ts";
import { createMemoryLeaderboards, createRedisLeaderboards } from "./quiz/leaderboard-store.ts";
import { createQuestionBank } from "./quiz/questions.ts";
import { createQuizReports } from "./quiz/reports.ts";
import { createQuizService } from "./quiz/service.ts";
import { createScheduler } from "./scheduler.ts";
import type { RedisHandle } from "./redis.ts";
import { createMemoryRateLimit, createRateLimits, redisRateLimitFactory } from "./security/rate-limits.ts";
import { createStatsService } from "./stats/service.ts";
import { createTradeService } from "./trades/service.ts";
import { createEmbeddedEngine, type SearchEngine } from "../search/index.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createSearchService } from "./search/service.ts";
import { documentSources } from "./search/sources.ts";
import { createSearchSync } from "./search/sync.ts";
import { playbackUrlOf } from "./video/provider.ts";
import { createVideoService, DEFAULT_VIDEO_CONFIG, type VideoService } from "./video/service.ts";

/** dataDir and video are optional so that tests which never touch media need not set them. */
export type ServiceConfig = Pick<Config, "sessionTtlMs" | "authRateLimit"> & Partial<Pick<Config, "dataDir" | "video" | "live">>;

export interface ServiceDeps {
  db: Database;
  config: ServiceConfig;
  clock?: Clock;
  /** The search engine chosen by configuration (search/index.ts); the embedded one by default. */
  searchEngine?: SearchEngine;
  logger?: Logger;
  /** REDIS_URL's connection (server/redis.ts): rate limits shared by every app process. */
  redis?: RedisHandle | null;
}

export function createServices(deps: ServiceDeps) {
  const { db, config } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger("silent");
  const prisma = db.prisma;
  const engine = deps.searchEngine ?? createEmbeddedEngine();
  const sessions = createSessionService({ prisma, clock, ttlMs: config.sessionTtlMs });
  // With Redis, every app process counts in the same place; otherwise each counts for itself.
  const rateLimitFactory = deps.redis ? redisRateLimitFactory(deps.redis.client, deps.redis.keyPrefix) : createMemoryRateLimit;
  const rateLimits = createRateLimits(config.authRateLimit, rateLimitFactory);
  const trades = createTradeService({ prisma, clock });
  const searchSync = createSearchSync({ prisma, engine, sources: documentSources(prisma), clock, logger });
  const search = createSearchService({ engine, trades, sync: searchSync });
  const dataDir = config.dataDir ?? path.resolve("data");
  const courses = createCourseService({
    prisma,
    clock,
    engine,
    playbackUrlOf,
    // Bound late: the video service is built next, with the course service's hooks. A video that
    // cannot be removed is logged and left; the lesson is gone either way.
    removeVideos: async (videoIds) => {
      for (const videoId of videoIds) {
        await videos.removeVideo(videoId).catch((error: Error) => logger.warn({ videoId, err: error.message }, "could not remove a deleted lesson's video"));
      }
    },
  });
  const videos: VideoService = createVideoService({
    prisma,
    logger,
    dataDir,
    config: config.video ?? DEFAULT_VIDEO_CONFIG,
    attachVideo: courses.attachVideo,
    onReady: courses.videoReady,
  });
  const books = createBookService({ prisma, clock, engine, dataDir });
  const notifications = createNotificationService({ prisma, clock });
  const jobs = createJobService({
    prisma,
    clock,
    engine,
    // Alerts go out within seconds of a publish, not at the task's next tick.
    afterPublish: () => void scheduler.runNow(jobAlerts.task.name).catch((error: Error) => logger.error({ err: error.message }, "job alerts failed")),
  });
  const jobAlerts = createJobAlerts({ prisma, clock, notifications });
  const liveConfig = config.live ?? DEFAULT_LIVE_CONFIG;
  const videoMux = config.video?.mux;
  // The RTMP ingest runs where the local provider is chosen and a port is set; the hooks are bound
  // late because the live service, built next, is what they call.
  const liveIngest =
    !videoMux && liveConfig.rtmpPort > 0
      ? createLocalIngest(
          { port: liveConfig.rtmpPort, bind: liveConfig.rtmpBind, dataDir, graceMs: liveConfig.reconnectSeconds * 1000, ffmpegPath: liveConfig.ffmpegPath },
          () => live.hooks,
          logger,
        )
      : null;
  const live: LiveService = createLiveService({
    prisma,
    clock,
    notifications,
    logger,
    // Counted by the realtime layer (the session pages' sockets); with Redis, summed over the processes.
    viewers: deps.redis ? createRedisViewerCounter(deps.redis) : createViewerCounter(),
    ingest: liveIngest,
    provider: videoMux
      ? createMuxLiveProvider({ ...videoMux, reconnectSeconds: liveConfig.reconnectSeconds, signing: liveConfig.muxSigning }, logger)
      : createLocalLiveProvider({ ingest: liveIngest, rtmpPort: liveConfig.rtmpPort, rtmpPublicUrl: liveConfig.rtmpPublicUrl, dataDir }),
  });
  const quiz = createQuizService({
    prisma,
    clock,
    logger,
    rateLimitFactory,
    // With Redis, every app process ranks in the same sorted sets; otherwise each keeps its own.
    leaderboards: deps.redis ? createRedisLeaderboards(deps.redis.client, deps.redis.keyPrefix) : createMemoryLeaderboards(),
  });
  const scheduler = createScheduler([jobs.expiryTask, jobAlerts.task, live.noShowTask, quiz.abandonedTask], logger);
  return {
    courses,
    books,
    bookImport: createBookImport({ prisma, clock }),
    opdsCatalog: createOpdsCatalog({ prisma }),
    videos,
    jobs,
    jobApplications: createApplicationService({ prisma, clock, dataDir, notifications }),
    jobImport: createJobImport({ prisma, clock }),
    jobAlerts,
    live,
    liveQa: createQaService({ prisma, clock, rateLimitFactory }),
    quiz,
    quizAdmin: createQuizAdmin({ prisma, clock }),
    quizReports: createQuizReports({ prisma, clock }),
    questionBank: createQuestionBank({ prisma, clock }),
    quizImport: createQuizImport({ prisma, clock }),
    notifications,
    /** Periodic background tasks; server/main.ts starts it, tests call runNow. */
    scheduler,
    accounts: createAccountService({ prisma, clock, sessions, rateLimits }),
    sessions,
    trades,
    stats: createStatsService({ prisma, clock }),
    search,
    searchSync,
    health: createHealthService({ raw: db.raw, startedAt: clock.now(), search, media: videos.mediaStatus }),
  };
}

export type Services = ReturnType<typeof createServices>;
