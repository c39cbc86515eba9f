// Configuration: every environment variable the process reads, validated once at start.
// .env.example documents each one; README has the table of embedded defaults vs scale-out engines.
import path from "node:path";
import { z } from "zod";
import type { LiveConfig } from "./live/config.ts";
import type { VideoConfig } from "./video/service.ts";

const booleanString = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const ZConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where the embedded database and uploads live. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** PostgreSQL instead of the embedded PGlite database. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** The public origin (https://jiangxin.example) when behind a proxy; otherwise taken from the Host header. */
  PUBLIC_ORIGIN: z.url().optional(),
  TRUST_PROXY: booleanString.default(false),
  SEED_DEMO_DATA: booleanString.default(true),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  AUTH_RATE_LIMIT_POINTS: z.coerce.number().int().min(1).default(10),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Meilisearch instead of the embedded search engine (both must be set). */
  MEILI_HOST: z.url().optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]+$/).default("jiangxin"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest video upload through this server (bytes); 500 MiB by default. */
  VIDEO_MAX_BYTES: z.coerce.number().int().min(1024).default(500 * 1024 * 1024),
  /** Largest course cover image (bytes); 2 MiB by default. */
  COVER_MAX_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
  /** Largest e-book or periodical issue upload (EPUB or PDF, bytes); 100 MiB by default. */
  BOOK_MAX_BYTES: z.coerce.number().int().min(1024).default(100 * 1024 * 1024),
  /** The ffmpeg binary for local transcoding; the first `ffmpeg` on PATH when unset. */
  FFMPEG_PATH: z.string().min(1).optional(),
  /** How many local transcodes run at once. */
  TRANSCODE_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(1),
  /** Mux instead of local transcoding (all three must be set). */
  MUX_TOKEN_ID: z.string().min(1).optional(),
  MUX_TOKEN_SECRET: z.string().min(1).optional(),
  MUX_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Mux signing key for members-only live sessions (signed playback): its id and base64 PEM private key. */
  MUX_SIGNING_KEY_ID: z.string().min(1).optional(),
  MUX_SIGNING_PRIVATE_KEY: z.string().min(1).optional(),
  /** The local RTMP ingest for livestreams (OBS sends here); 0 turns it off. */
  LIVE_RTMP_PORT: z.coerce.number().int().min(0).max(65535).default(1935),
  /** The RTMP server URL shown to hosts when the public one differs (rtmp://live.example.com/live behind a proxy). */
  LIVE_RTMP_PUBLIC_URL: z.url({ protocol: /^rtmps?$/ }).optional(),
  /** How long a host may be disconnected before the session ends (seconds); Mux's reconnect window too. */
  LIVE_RECONNECT_SECONDS: z.coerce.number().int().min(5).max(1800).default(60),
  /** Live Q&A: how often a session's changes go out to its viewers, in one batch (milliseconds). */
  QA_TICK_MS: z.coerce.number().int().min(50).max(2000).default(300),
  /** Redis for running several app processes: shared Socket.IO rooms, rate limits and viewer counts. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of every Redis key and channel this app uses, so that apps can share one Redis. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/).default("jx:"),
}).refine((env) => (env.MEILI_HOST === undefined) === (env.MEILI_API_KEY === undefined), {
  message: "set both MEILI_HOST and MEILI_API_KEY, or neither",
  path: ["MEILI_HOST"],
}).refine(
  (env) =>
    (env.MUX_TOKEN_ID === undefined) === (env.MUX_TOKEN_SECRET === undefined) &&
    (env.MUX_TOKEN_ID === undefined || env.MUX_WEBHOOK_SECRET !== undefined),
  {
    message: "set MUX_TOKEN_ID, MUX_TOKEN_SECRET and MUX_WEBHOOK_SECRET together, or none of them",
    path: ["MUX_TOKEN_ID"],
  },
).refine((env) => (env.MUX_SIGNING_KEY_ID === undefined) === (env.MUX_SIGNING_PRIVATE_KEY === undefined), {
  message: "set both MUX_SIGNING_KEY_ID and MUX_SIGNING_PRIVATE_KEY, or neither",
  path: ["MUX_SIGNING_KEY_ID"],
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof ZConfigSchema>) {
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === "production",
    host: env.HOST,
    port: env.PORT,
    dataDir,
    database: env.DATABASE_URL
      ? ({ kind: "postgres", url: env.DATABASE_URL } as const)
      : ({ kind: "pglite", dir: path.join(dataDir, "pglite") } as const),
    publicOrigin: env.PUBLIC_ORIGIN ? new URL(env.PUBLIC_ORIGIN).origin : undefined,
    trustProxy: env.TRUST_PROXY,
    seedDemoData: env.SEED_DEMO_DATA,
    sessionTtlMs: env.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
    authRateLimit: { points: env.AUTH_RATE_LIMIT_POINTS, windowSeconds: env.AUTH_RATE_LIMIT_WINDOW_SECONDS },
    maxBodyBytes: env.MAX_BODY_BYTES,
    search: {
      meili:
        env.MEILI_HOST && env.MEILI_API_KEY
          ? { host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY, indexName: env.MEILI_INDEX }
          : undefined,
    },
    logLevel: env.LOG_LEVEL,
    video: videoConfig(env),
    books: { maxBytes: env.BOOK_MAX_BYTES },
    live: liveConfig(env),
    qa: { tickMs: env.QA_TICK_MS },
    /** Undefined: one process, everything shared in memory. */
    redis: env.REDIS_URL ? { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX } : undefined,
  };
}

function videoConfig(env: z.infer<typeof ZConfigSchema>): VideoConfig {
  return {
    maxBytes: env.VIDEO_MAX_BYTES,
    coverMaxBytes: env.COVER_MAX_BYTES,
    ffmpegPath: env.FFMPEG_PATH,
    concurrency: env.TRANSCODE_CONCURRENCY,
    mux:
      env.MUX_TOKEN_ID && env.MUX_TOKEN_SECRET && env.MUX_WEBHOOK_SECRET
        ? { tokenId: env.MUX_TOKEN_ID, tokenSecret: env.MUX_TOKEN_SECRET, webhookSecret: env.MUX_WEBHOOK_SECRET }
        : undefined,
  };
}

function liveConfig(env: z.infer<typeof ZConfigSchema>): LiveConfig {
  return {
    rtmpPort: env.LIVE_RTMP_PORT,
    rtmpBind: env.HOST,
    rtmpPublicUrl: env.LIVE_RTMP_PUBLIC_URL,
    reconnectSeconds: env.LIVE_RECONNECT_SECONDS,
    ffmpegPath: env.FFMPEG_PATH,
    muxSigning:
      env.MUX_SIGNING_KEY_ID && env.MUX_SIGNING_PRIVATE_KEY ? { keyId: env.MUX_SIGNING_KEY_ID, privateKey: env.MUX_SIGNING_PRIVATE_KEY } : undefined,
  };
}

/** Reads the configuration from an environment; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`PORT=`) means "not set", as in most shells' and dotenv tools' reading.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = ZConfigSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return toConfig(parsed.data);
}
