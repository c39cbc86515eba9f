// Named rate limits, their numbers next to their names. In-process counters by default; with
// REDIS_URL the counters live in Redis (shared by every app process), behind this same interface.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export interface RateLimit {
  /** Counts one attempt; false when the key is over its limit (the attempt is then refused). */
  consume(key: string): Promise<boolean>;
  /** True when the key may not make another attempt now. */
  isBlocked(key: string): Promise<boolean>;
  reset(key: string): Promise<void>;
}

/** Builds a named limit: `points` attempts per key in `windowSeconds`. */
export type RateLimitFactory = (keyPrefix: string, points: number, windowSeconds: number) => RateLimit;

/** `points` attempts per key in `windowSeconds`, counted in this process. */
export function createMemoryRateLimit(keyPrefix: string, points: number, windowSeconds: number): RateLimit {
  return wrap(new RateLimiterMemory({ keyPrefix, points, duration: windowSeconds }), points);
}

/**
 * Limits counted in Redis under `${redisPrefix}rl:<name>:<key>`, so that every app process sees
 * the same counts. A Redis that does not answer makes consume() throw (the caller answers
 * "unavailable"): refusing everyone would lock users out, and counting in memory instead would
 * silently multiply the limit by the number of processes.
 */
export function createRedisRateLimit(client: Redis, redisPrefix: string, keyPrefix: string, points: number, windowSeconds: number): RateLimit {
  return wrap(new RateLimiterRedis({ storeClient: client, keyPrefix: `${redisPrefix}rl:${keyPrefix}`, points, duration: windowSeconds }), points);
}

/** createRedisRateLimit on one connection and prefix, as a factory. */
export const redisRateLimitFactory =
  (client: Redis, redisPrefix: string): RateLimitFactory =>
  (keyPrefix, points, windowSeconds) =>
    createRedisRateLimit(client, redisPrefix, keyPrefix, points, windowSeconds);

function wrap(limiter: RateLimiterAbstract, points: number): RateLimit {
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return true;
      } catch (error) {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      }
    },
    async isBlocked(key) {
      const state = await limiter.get(key);
      return state !== null && state.consumedPoints >= points;
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

export interface AuthRateLimitConfig {
  points: number;
  windowSeconds: number;
}

/** Defaults: 10 tries per 15 minutes for each (AUTH_RATE_LIMIT_POINTS, AUTH_RATE_LIMIT_WINDOW_SECONDS). */
export function createRateLimits(auth: AuthRateLimitConfig, make: RateLimitFactory = createMemoryRateLimit) {
  return {
    /** Failed sign-ins from one IP address. */
    loginFailuresPerIp: make("login-ip", auth.points, auth.windowSeconds),
    /** Failed sign-ins for one account, from anywhere. */
    loginFailuresPerAccount: make("login-account", auth.points, auth.windowSeconds),
    /** Registrations attempted from one IP address. */
    registrationsPerIp: make("register-ip", auth.points, auth.windowSeconds),
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
