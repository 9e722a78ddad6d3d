import { cpus } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

/** CPU time counters of the machine, summed over its cores (ms), as `os.cpus()` reports them. */
export interface CpuTimes {
  busy: number;
  total: number;
}

export function cpuTimes(cores = cpus()): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const { times } of cores) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    busy += all - times.idle;
    total += all;
  }
  return { busy, total };
}

/** The share of the machine's CPU time that was busy between two readings, 0–1. */
export function busyShare(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  return total <= 0 ? 0 : Math.min(1, Math.max(0, (after.busy - before.busy) / total));
}

/**
 * Waits until the machine is quiet: one `windowMs` in which at most `maxBusy` of its CPU time was busy (what
 * earlier steps left running — PostgreSQL's autovacuum and checkpoints after the bulk writes — settles), or
 * `timeoutMs` passes. Lighthouse's scores move with every other process on the machine: its simulation
 * multiplies the main-thread time it observed. Returns the busy share of the last window and the wait.
 */
export async function waitForQuiet(
  options: { maxBusy?: number; windowMs?: number; timeoutMs?: number } = {},
): Promise<{ busy: number; waitedMs: number; quiet: boolean }> {
  const { maxBusy = 0.15, windowMs = 3_000, timeoutMs = 180_000 } = options;
  const started = Date.now();
  for (;;) {
    const before = cpuTimes();
    await sleep(windowMs);
    const busy = busyShare(before, cpuTimes());
    const waitedMs = Date.now() - started;
    if (busy <= maxBusy || waitedMs >= timeoutMs) return { busy, waitedMs, quiet: busy <= maxBusy };
  }
}
