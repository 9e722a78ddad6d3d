import type { Database } from "@zones/db/client";
import { staleExportRuns } from "@zones/db/exports";

import { STALE_RUN_SECONDS } from "./queues";

/** Sends a run to the workers (a pg-boss job). */
export type DispatchRun = (runId: string) => Promise<void>;

/**
 * Sends again every run whose worker died (running, heartbeat older than `staleSeconds`). Sending is safe with
 * several workers sweeping at once: an attempt claims a run only while it is still stale (one atomic UPDATE),
 * so a second job for it finds it running with a fresh heartbeat and does nothing.
 */
export async function recoverStaleRuns(
  db: Database,
  dispatch: DispatchRun,
  options: { staleSeconds?: number; runsHere?: (runId: string) => boolean } = {},
): Promise<string[]> {
  const stale = await staleExportRuns(db, { staleSeconds: options.staleSeconds ?? STALE_RUN_SECONDS });
  // A run this very process is executing is alive, however late its heartbeat (an event loop that was blocked
  // for a while): sending it again would start a second attempt on the same folder.
  const dead = stale.filter((runId) => !options.runsHere?.(runId));
  for (const runId of dead) await dispatch(runId);
  return dead;
}

export interface Sweep {
  /** No further checks; resolves when the one in progress (if any) is done. */
  stop(): Promise<void>;
}

/**
 * Runs `check` now and then every `intervalMs`, never two at once (a slow one makes the next skip its turn).
 * The timer does not keep the process alive on its own.
 */
export function startSweep(
  check: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void,
): Sweep {
  let running: Promise<void> | null = null;
  let stopped = false;
  const once = () => {
    if (running || stopped) return;
    running = check()
      .then(() => {}, onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(once, intervalMs);
  timer.unref();
  once();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
