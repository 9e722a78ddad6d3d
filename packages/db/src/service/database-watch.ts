import type { Database } from "../client";
import { databaseProblem } from "../queries/health";

/**
 * The wait before retry number `attempt` (1, 2, …) after the database did not answer: doubling from 0.5 s up
 * to 5 s, so a database that comes back is found within 5 s (the app serves again within 10 s of it).
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000, 500 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Whether failed try number `attempt` goes to the log: the first five (why, and the growing waits), then one a
 * minute, so that a database down for hours does not fill the log.
 */
export function worthLogging(attempt: number): boolean {
  return attempt <= 5 || attempt % 12 === 0;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

export interface DatabaseRetry {
  attempt: number;
  /** Why the database did not answer (for the log only: it may name the server and the user). */
  reason: string;
  retryInMs: number;
}

/**
 * Resolves once the database answers, trying again with backoff meanwhile and telling `onRetry` why each try
 * failed; false when `signal` aborted first (the process is stopping).
 */
export async function waitForDatabase(
  db: Database,
  options: { signal?: AbortSignal; onRetry?: (retry: DatabaseRetry) => void } = {},
): Promise<boolean> {
  for (let attempt = 1; !options.signal?.aborted; attempt += 1) {
    const reason = await databaseProblem(db);
    if (reason === null) return true;
    const retryInMs = retryDelayMs(attempt);
    options.onRetry?.({ attempt, reason, retryInMs });
    await pause(retryInMs, options.signal);
  }
  return false;
}

export interface DatabaseWatch {
  /** Checks now instead of at the next round (a request just failed); ignored while a check runs. */
  checkNow(): void;
  stop(): void;
}

/**
 * Checks the database every `intervalMs` while it answers, and with backoff (`retryDelayMs`) while it does
 * not: `onDown` on every failed check (with why), `onUp` on the first success after a failure (and the first
 * check). The timers do not keep the process alive.
 */
export function watchDatabase(
  db: Database,
  handlers: { onUp(): void; onDown(retry: DatabaseRetry): void },
  intervalMs = 2_000,
): DatabaseWatch {
  let failures = 0;
  let known: "up" | "down" | null = null;
  let timer: NodeJS.Timeout | undefined;
  let checking = false;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(check, ms);
    timer.unref();
  };
  async function check() {
    if (checking || stopped) return;
    clearTimeout(timer);
    checking = true;
    const reason = await databaseProblem(db);
    checking = false;
    if (reason === null) {
      failures = 0;
      if (known !== "up") handlers.onUp();
      known = "up";
      schedule(intervalMs);
    } else {
      failures += 1;
      known = "down";
      const retryInMs = retryDelayMs(failures);
      handlers.onDown({ attempt: failures, reason, retryInMs });
      schedule(retryInMs);
    }
  }
  void check();
  return {
    checkNow: () => void check(),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
