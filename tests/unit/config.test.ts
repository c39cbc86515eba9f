// Configuration from the environment (server/config.ts).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";

describe("the configuration", () => {
  it("has working defaults for an empty environment (embedded PGlite in ./data)", () => {
    const config = loadConfig({});

    expect(config).toEqual({
      env: "development",
      isProduction: false,
      host: "0.0.0.0",
      port: 3000,
      dataDir: path.resolve("./data"),
      database: { kind: "pglite", dir: path.join(path.resolve("./data"), "pglite") },
      publicOrigin: undefined,
      trustProxy: false,
      seedDemoData: true,
      sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
      authRateLimit: { points: 10, windowSeconds: 900 },
      maxBodyBytes: 1024 * 1024,
      search: { meili: undefined },
      video: { maxBytes: 500 * 1024 * 1024, coverMaxBytes: 2 * 1024 * 1024, ffmpegPath: undefined, concurrency: 1, mux: undefined },
      books: { maxBytes: 100 * 1024 * 1024 },
      live: { rtmpPort: 1935, rtmpBind: "0.0.0.0", rtmpPublicUrl: undefined, reconnectSeconds: 60, ffmpegPath: undefined, muxSigning: undefined },
      qa: { tickMs: 300 },
      redis: undefined,
      logLevel: "info",
    });
  });

  it("reads every variable", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "8080",
      DATA_DIR: "/srv/jiangxin",
      DATABASE_URL: "postgresql://app:secret@db.internal:5432/jiangxin",
      PUBLIC_ORIGIN: "https://jiangxin.example/some/path",
      TRUST_PROXY: "1",
      SEED_DEMO_DATA: "false",
      SESSION_TTL_DAYS: "7",
      AUTH_RATE_LIMIT_POINTS: "5",
      AUTH_RATE_LIMIT_WINDOW_SECONDS: "60",
      MAX_BODY_BYTES: "2048",
      MEILI_HOST: "http://search.internal:7700",
      MEILI_API_KEY: "admin-key",
      MEILI_INDEX: "jiangxin_prod",
      VIDEO_MAX_BYTES: "1048576",
      COVER_MAX_BYTES: "65536",
      BOOK_MAX_BYTES: "2097152",
      FFMPEG_PATH: "/opt/ffmpeg/bin/ffmpeg",
      TRANSCODE_CONCURRENCY: "2",
      MUX_TOKEN_ID: "token-id",
      MUX_TOKEN_SECRET: "token-secret",
      MUX_WEBHOOK_SECRET: "webhook-secret",
      MUX_SIGNING_KEY_ID: "signing-key",
      MUX_SIGNING_PRIVATE_KEY: "LS0tLS1CRUdJTg==",
      LIVE_RTMP_PORT: "19350",
      LIVE_RTMP_PUBLIC_URL: "rtmps://live.jiangxin.example:443/live",
      LIVE_RECONNECT_SECONDS: "120",
      QA_TICK_MS: "250",
      REDIS_URL: "rediss://:secret@cache.internal:6380/2",
      REDIS_KEY_PREFIX: "jiangxin-prod:",
      LOG_LEVEL: "warn",
    });

    expect(config).toMatchObject({
      env: "production",
      isProduction: true,
      host: "127.0.0.1",
      port: 8080,
      dataDir: "/srv/jiangxin",
      database: { kind: "postgres", url: "postgresql://app:secret@db.internal:5432/jiangxin" },
      publicOrigin: "https://jiangxin.example",
      trustProxy: true,
      seedDemoData: false,
      sessionTtlMs: 7 * 24 * 60 * 60 * 1000,
      authRateLimit: { points: 5, windowSeconds: 60 },
      maxBodyBytes: 2048,
      search: { meili: { host: "http://search.internal:7700", apiKey: "admin-key", indexName: "jiangxin_prod" } },
      video: {
        maxBytes: 1048576,
        coverMaxBytes: 65536,
        ffmpegPath: "/opt/ffmpeg/bin/ffmpeg",
        concurrency: 2,
        mux: { tokenId: "token-id", tokenSecret: "token-secret", webhookSecret: "webhook-secret" },
      },
      books: { maxBytes: 2097152 },
      live: {
        rtmpPort: 19350,
        rtmpBind: "127.0.0.1",
        rtmpPublicUrl: "rtmps://live.jiangxin.example:443/live",
        reconnectSeconds: 120,
        ffmpegPath: "/opt/ffmpeg/bin/ffmpeg",
        muxSigning: { keyId: "signing-key", privateKey: "LS0tLS1CRUdJTg==" },
      },
      qa: { tickMs: 250 },
      redis: { url: "rediss://:secret@cache.internal:6380/2", keyPrefix: "jiangxin-prod:" },
      logLevel: "warn",
    });
    expect(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" }).redis).toEqual({ url: "redis://127.0.0.1:6379", keyPrefix: "jx:" });
    expect(() => loadConfig({ MUX_SIGNING_KEY_ID: "only-the-id" })).toThrow(/MUX_SIGNING_KEY_ID: set both/);
    expect(() => loadConfig({ MEILI_HOST: "http://search.internal:7700" })).toThrow(/MEILI_HOST: set both/);
    expect(() => loadConfig({ MUX_TOKEN_ID: "token-id" })).toThrow(/MUX_TOKEN_ID: set MUX_TOKEN_ID, MUX_TOKEN_SECRET and MUX_WEBHOOK_SECRET together/);
    expect(() => loadConfig({ MUX_TOKEN_ID: "a", MUX_TOKEN_SECRET: "b" })).toThrow(/MUX_TOKEN_ID/);
    expect(loadConfig({ DATABASE_URL: "postgres://localhost/x" }).database.kind).toBe("postgres");
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "80.5"],
    ["DATABASE_URL", "mysql://localhost/jiangxin"],
    ["DATABASE_URL", "not a url"],
    ["PUBLIC_ORIGIN", "jiangxin.example"],
    ["TRUST_PROXY", "yes"],
    ["SESSION_TTL_DAYS", "0"],
    ["LOG_LEVEL", "verbose"],
    ["NODE_ENV", "staging"],
    ["VIDEO_MAX_BYTES", "10"],
    ["TRANSCODE_CONCURRENCY", "0"],
    ["BOOK_MAX_BYTES", "big"],
    ["LIVE_RTMP_PORT", "-1"],
    ["LIVE_RTMP_PUBLIC_URL", "http://live.example/live"],
    ["LIVE_RECONNECT_SECONDS", "1"],
    ["LIVE_RECONNECT_SECONDS", "3600"],
    ["QA_TICK_MS", "10"],
    ["REDIS_URL", "http://cache.internal:6379"],
    ["REDIS_URL", "127.0.0.1:6379"],
    ["REDIS_KEY_PREFIX", "jx prefix"],
    ["REDIS_KEY_PREFIX", "jx{1}"],
  ])("refuses %s=%j with a message naming the variable", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: \\S`));
  });

  it("lists every bad variable in one error", () => {
    let message = "";
    try {
      loadConfig({ PORT: "-1", DATABASE_URL: "mysql://localhost/jiangxin", HOST: "ok" });
    } catch (error) {
      message = (error as Error).message;
    }

    const lines = message.split("\n");
    expect(lines[0]).toBe("Invalid configuration:");
    expect(lines.slice(1).map((line) => line.trim().split(":")[0]).sort()).toEqual(["DATABASE_URL", "PORT"]);
  });

  it("ignores variables it does not know", () => {
    expect(() => loadConfig({ PATH: "/usr/bin", SOMETHING_ELSE: "x" })).not.toThrow();
  });
});
