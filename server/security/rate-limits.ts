// Named rate limits, their numbers next to their names. In-process counters for now; the Redis
// store arrives with the realtime issue (REDIS_URL), behind this same interface.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface RateLimit {
  /** Counts one attempt; false when the key is over its limit (the attempt is then refused). */
  consume(key: string): Promise<boolean>;
  /** True when the key may not make another attempt now. */
  isBlocked(key: string): Promise<boolean>;
  reset(key: string): Promise<void>;
}

/** `points` attempts per key in `windowSeconds`, counted in this process. */
export function createMemoryRateLimit(keyPrefix: string, points: number, windowSeconds: number): RateLimit {
  const limiter = new RateLimiterMemory({ keyPrefix, points, duration: windowSeconds });
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
export function createRateLimits(auth: AuthRateLimitConfig) {
  return {
    /** Failed sign-ins from one IP address. */
    loginFailuresPerIp: createMemoryRateLimit("login-ip", auth.points, auth.windowSeconds),
    /** Failed sign-ins for one account, from anywhere. */
    loginFailuresPerAccount: createMemoryRateLimit("login-account", auth.points, auth.windowSeconds),
    /** Registrations attempted from one IP address. */
    registrationsPerIp: createMemoryRateLimit("register-ip", auth.points, auth.windowSeconds),
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
