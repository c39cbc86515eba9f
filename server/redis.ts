// Redis, when REDIS_URL is set: the one place that opens connections to it and closes them.
// Several app processes share live Q&A rooms (the Socket.IO adapter's pub/sub), rate limits and
// viewer counts through it (decision 013). Without REDIS_URL none of this is opened and all of it
// stays in memory.
//
// A Redis that goes away is survived, not fatal: ioredis reconnects with a growing delay, commands
// issued meanwhile wait in its queue (a bounded number of retries, then they fail and the caller
// answers "unavailable"), and each connection's errors are logged instead of thrown.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { Redis } from "ioredis";
import type { Logger } from "./logger.ts";

export interface RedisConfig {
  url: string;
  /** Every key and channel starts with it (REDIS_KEY_PREFIX). */
  keyPrefix: string;
}

export interface RedisHandle {
  /** The connection for commands (rate limits, viewer counts). */
  client: Redis;
  keyPrefix: string;
  /** Names this process among the others (viewer counts are kept per process). */
  processId: string;
  /** A further connection of its own, e.g. for subscribing (a subscribed connection runs no commands). */
  connection(name: string): Redis;
  /** Closes every connection opened here. */
  close(): Promise<void>;
}

/** Reconnect after 100 ms, 200 ms, … up to 2 s between attempts, for as long as it takes. */
const retryStrategy = (attempt: number) => Math.min(attempt * 100, 2_000);

export function openRedis(config: RedisConfig, logger: Logger): RedisHandle {
  const processId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const opened: Redis[] = [];

  function connection(name: string): Redis {
    const redis = new Redis(config.url, {
      lazyConnect: false,
      connectionName: `jiangxin:${name}`,
      retryStrategy,
      // A command waits through a few reconnect attempts, then fails instead of hanging its caller.
      maxRetriesPerRequest: 3,
    });
    // Logged once per outage, not once per reconnect attempt.
    let down = false;
    redis.on("error", (error: Error) => {
      if (down) return;
      down = true;
      logger.error({ err: error.message, connection: name }, "redis connection error");
    });
    redis.on("ready", () => {
      if (down) logger.info({ connection: name }, "redis connection restored");
      down = false;
    });
    opened.push(redis);
    return redis;
  }

  return {
    client: connection("commands"),
    keyPrefix: config.keyPrefix,
    processId,
    connection,
    async close() {
      await Promise.all(
        opened.splice(0).map(async (redis) => {
          // quit waits for pending replies; a connection that is down is simply disconnected.
          if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
          else redis.disconnect();
        }),
      );
    },
  };
}
