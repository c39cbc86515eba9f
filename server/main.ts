// Process entry: configuration → database (migrated, trades synced, demo data on first start) →
// services → one http.Server with the web app and Socket.IO.
import { DEMO_ACCOUNTS, seedDemoData, syncTrades } from "../prisma/seed.ts";
import { createSearchEngine } from "../search/index.ts";
import { loadConfig } from "./config.ts";
import { createServices } from "./context.ts";
import { openDatabase } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { startServer } from "./http/server.ts";
import { createLogger } from "./logger.ts";
import { openRedis } from "./redis.ts";

const config = loadConfig();
const logger = createLogger(config.logLevel);

const db = await openDatabase(config.database, {
  onIdleError: (error) => logger.warn({ err: error.message }, "database connection lost while idle; it will be replaced"),
});
const migrations = await migrate(db.raw);
if (migrations.applied.length) logger.info({ applied: migrations.applied }, "migrations applied");
await syncTrades(db.prisma);
if (config.seedDemoData) await seedDemoData(db.prisma, { dataDir: config.dataDir });
const showDemoAccounts =
  config.seedDemoData && (await db.prisma.user.count({ where: { phone: DEMO_ACCOUNTS[0].phone } })) > 0;

const searchEngine = await createSearchEngine(config.search);
// Several app processes share Socket.IO rooms, rate limits and live viewer counts through Redis.
const redis = config.redis ? openRedis(config.redis, logger) : null;
const services = createServices({ db, config, searchEngine, logger, redis });
if (searchEngine.kind === "embedded") {
  // The embedded index lives in memory: rebuild it from the database, the source of truth.
  const started = Date.now();
  const documents = await services.searchSync.rebuild();
  logger.info({ documents, ms: Date.now() - started }, "search index rebuilt");
}
await services.searchSync.drain();
services.searchSync.start();
const media = await services.videos.mediaStatus();
if (media.ffmpeg.status === "missing") {
  // Uploads still work; each transcode fails with video.error.ffmpegMissing until ffmpeg is there.
  logger.error("ffmpeg not found: local video transcoding is off. Install it (Debian: apt-get install ffmpeg) or set FFMPEG_PATH.");
} else {
  logger.info({ provider: media.provider, ffmpeg: media.ffmpeg.path }, "video transcoding ready");
}
services.videos.worker.start();
services.scheduler.start();
if (services.live.ingest) {
  try {
    await services.live.ingest.start();
    logger.info({ port: services.live.ingest.port }, "live RTMP ingest listening");
    await services.live.recoverLocal(config.live.reconnectSeconds * 1000);
  } catch (error) {
    // Everything else still works; hosts cannot go live until this is fixed.
    logger.error({ err: (error as Error).message }, "live RTMP ingest is off");
  }
}
const server = await startServer({ config, services, logger, redis });

const lines = [`Jiangxin 匠心 is running at ${server.url} (${config.isProduction ? "production" : "development"}, ${db.kind})`];
if (showDemoAccounts) {
  lines.push("Demo accounts (phone / password, as seeded):");
  for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.role.padEnd(9)} ${account.phone} / ${account.password}`);
}
console.log(lines.join("\n"));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  // The ingest first: its remuxes finish their files while the process can still record that
  // the sessions stay on air (taken up again by the next start).
  await services.live.ingest?.stop();
  await server.close();
  await services.videos.worker.stop();
  await services.scheduler.stop();
  await services.searchSync.stop();
  await searchEngine.close();
  await redis?.close();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
