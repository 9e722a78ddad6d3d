import type { Database } from "@zones/db/client";
import { loginThrottles } from "@zones/db/schema";
import { RateLimiterDrizzle } from "rate-limiter-flexible";

/** Five failed sign-ins a minute per account and per IP; the sixth is refused until the minute passes. */
export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 60;

export interface LoginThrottle {
  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(keys: ThrottleKeys): Promise<number>;
  recordFailure(keys: ThrottleKeys): Promise<void>;
  /** A successful sign-in clears the account's count (not the IP's). */
  recordSuccess(keys: ThrottleKeys): Promise<void>;
}

export interface ThrottleKeys {
  email: string;
  ip: string | null;
}

/** Counters live in the database, so every app process (and restarts) see the same counts. */
export function createLoginThrottle(db: Database): LoginThrottle {
  const limiter = new RateLimiterDrizzle({
    storeClient: db,
    schema: loginThrottles,
    points: MAX_FAILURES,
    duration: WINDOW_SECONDS,
    // Expired rows are overwritten on the next failure; no background timer keeps processes alive.
    clearExpiredByTimeout: false,
  });
  const keysOf = ({ email, ip }: ThrottleKeys) => [
    `account:${email.trim().toLowerCase()}`,
    ...(ip ? [`ip:${ip}`] : []),
  ];
  return {
    async retryAfter(keys) {
      const states = await Promise.all(keysOf(keys).map((key) => limiter.get(key)));
      const blocked = states.filter((state) => state && state.consumedPoints >= MAX_FAILURES);
      if (blocked.length === 0) return 0;
      return Math.max(1, Math.ceil(Math.max(...blocked.map((state) => state?.msBeforeNext ?? 0)) / 1000));
    },
    async recordFailure(keys) {
      // `penalty` counts without refusing; refusing is `retryAfter`'s job, before the attempt.
      await Promise.all(keysOf(keys).map((key) => limiter.penalty(key, 1)));
    },
    async recordSuccess(keys) {
      await limiter.delete(keysOf({ email: keys.email, ip: null })[0] ?? "");
    },
  };
}
