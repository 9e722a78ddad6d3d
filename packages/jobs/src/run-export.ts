import type { Database } from "@zones/db/client";
import {
  exportRunsBeyondRetention,
  exportUserById,
  failExportRunAttempt,
  finishExportRun,
  getExportSchedule,
  handBackExportRun,
  markExportRunCancelled,
  markExportRunsPruned,
  recordExportRunProgress,
  type ScheduleOwner,
  startExportRunAttempt,
  stopExportSchedule,
} from "@zones/db/exports";
import { canOwnExportSchedules } from "@zones/domain";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportScopeFor,
  type TExportFilters,
  ZExportFiltersSchema,
} from "@zones/exports";
import type { ExportStorage } from "@zones/storage";

import { storeExportFile } from "./export-file";
import { HEARTBEAT_MS, STALE_RUN_SECONDS } from "./queues";
import { exportAttemptLog } from "./run-log";

/** Thrown into an export whose run a newer attempt took over (this worker was taken for dead). */
export class ExportSupersededError extends Error {
  constructor() {
    super("taken over by a newer attempt");
    this.name = "ExportSupersededError";
  }
}

/** Thrown into an export when its requester cancelled it. */
export class ExportCancelledError extends Error {
  constructor() {
    super("cancelled by its requester");
    this.name = "ExportCancelledError";
  }
}

/** Thrown into an export when its worker stops before it finished (the run goes back to the queue). */
export class ExportHandedBackError extends Error {
  constructor() {
    super("handed back by a stopping worker");
    this.name = "ExportHandedBackError";
  }
}

export interface RunAttempt {
  /** Retries pg-boss has made so far (0 on the first attempt) and the most it will make. */
  retryCount: number;
  retryLimit: number;
}

export type RunOutcome = "succeeded" | "failed" | "retrying" | "cancelled" | "skipped" | "handed-back";

export interface RunExportOptions {
  /** Where finished files are kept, under `<runId>/<file name>`. */
  storage: ExportStorage;
  /** Where the export's rows are read (a read replica's database); default `db`, which keeps the run's records. */
  reader?: Database;
  /** How often progress is written (and cancellation looked for); default 500 ms. */
  progressIntervalMs?: number;
  batchSize?: number;
  /** Process-local view of running exports (progress without a database round trip, instant cancel). */
  live?: LiveRuns;
}

/** Running exports of this process: their latest progress and a way to cancel them at once. */
export class LiveRuns {
  readonly #runs = new Map<string, { rowsDone: number; rowsExpected: number; abort: AbortController }>();
  #handingBack = false;

  track(runId: string, abort: AbortController) {
    this.#runs.set(runId, { rowsDone: 0, rowsExpected: 0, abort });
    // Started while the worker stops (its job was fetched just before): given back at once.
    if (this.#handingBack) abort.abort(new ExportHandedBackError());
  }
  progress(runId: string, progress: { rowsDone: number; rowsExpected: number }) {
    const run = this.#runs.get(runId);
    if (run) Object.assign(run, progress);
  }
  forget(runId: string) {
    this.#runs.delete(runId);
  }
  get(runId: string): { rowsDone: number; rowsExpected: number } | null {
    const run = this.#runs.get(runId);
    return run ? { rowsDone: run.rowsDone, rowsExpected: run.rowsExpected } : null;
  }
  get size(): number {
    return this.#runs.size;
  }
  /** Stops every export running here, and any started from now on, to give it back to the queue. */
  handBackAll() {
    this.#handingBack = true;
    for (const run of this.#runs.values()) run.abort.abort(new ExportHandedBackError());
  }
  /** True when the run was running here and has been told to stop. */
  cancel(runId: string): boolean {
    const run = this.#runs.get(runId);
    if (!run) return false;
    run.abort.abort(new ExportCancelledError());
    return true;
  }
}

/** Why a user may not (any longer) run an export of these filters, or null when they may. */
export function exportRefusal(user: ScheduleOwner | null, filters: TExportFilters): string | null {
  if (!user) return "the account that requested this export no longer exists";
  if (user.disabled) return `the account of ${user.name} is disabled`;
  const scope = exportScopeFor(user, filters);
  return scope.ok ? null : scope.message;
}

/** Who may own a schedule: admins, and reviewers for themselves. */
export function scheduleOwnerRefusal(owner: ScheduleOwner | null, filters: TExportFilters): string | null {
  if (owner && !owner.disabled && !canOwnExportSchedules(owner)) {
    return `${owner.name} is no longer a reviewer or admin: only reviewers and admins may keep export schedules`;
  }
  return exportRefusal(owner, filters);
}

/**
 * One attempt of an export run: claims it, checks the requester's (or schedule owner's) rights again, writes
 * the file (a `.part` renamed when complete), records counts, size, checksum and duration, and prunes the
 * schedule's old files. A failure is recorded truthfully: "retrying" while pg-boss has tries left (the error
 * is rethrown so that it retries), "failed" after the last. Refusals no retry can cure fail at once.
 */
export async function runExportAttempt(
  db: Database,
  runId: string,
  attempt: RunAttempt,
  options: RunExportOptions,
): Promise<RunOutcome> {
  const run = await startExportRunAttempt(db, runId, { staleSeconds: STALE_RUN_SECONDS });
  if (!run) return "skipped";
  // Every write of this attempt is fenced by its number (see `ExportRunAttempt`).
  const self = { id: run.id, attempt: run.attempts };
  const storage = options.storage;
  const attemptLabel = `attempt ${run.attempts} of ${attempt.retryLimit + 1}`;
  const log = exportAttemptLog({ runId: run.id, attempt: run.attempts, maxAttempts: run.maxAttempts });
  // Only a crash gets a run past its attempts (pg-boss retries stop at the limit; crash recovery sends a new
  // job): an export that kills its worker each time must not be recovered, and kill the next one, forever.
  if (run.attempts > run.maxAttempts) {
    await removeRunFiles(storage, run.id);
    const error = `given up after ${run.attempts - 1} attempts: the worker running it stopped mid-way (crashed or was killed)`;
    await failExportRunAttempt(db, self, { error, final: true });
    log.failed({ reason: error });
    return "failed";
  }

  const parsedFilters = ZExportFiltersSchema.safeParse(run.filters);
  const format = EXPORT_FORMATS.includes(run.format as ExportFormat) ? (run.format as ExportFormat) : null;
  if (!parsedFilters.success || !format) {
    const error = `the stored filters are no longer valid: ${parsedFilters.error?.issues.map((i) => i.message).join("; ") ?? `format ${run.format}`}`;
    await failExportRunAttempt(db, self, { error, final: true });
    log.failed({ reason: error });
    return "failed";
  }
  const filters = parsedFilters.data;
  const schedule = run.scheduleId ? await getExportSchedule(db, run.scheduleId) : null;
  const ownerId = schedule?.ownerId ?? run.requestedBy;
  const owner = ownerId ? await exportUserById(db, ownerId) : null;
  const refusal = schedule ? scheduleOwnerRefusal(owner, filters) : exportRefusal(owner, filters);
  if (refusal) {
    await failExportRunAttempt(db, self, { error: `refused: ${refusal}`, final: true });
    if (schedule) await stopExportSchedule(db, schedule.id, refusal);
    log.failed({ reason: `refused: ${refusal}` });
    return "failed";
  }

  const abort = new AbortController();
  options.live?.track(run.id, abort);
  const heartbeat = setInterval(() => {
    void touch();
  }, HEARTBEAT_MS);
  let latest = { rowsDone: 0, rowsExpected: 0 };
  let lastWrite = 0;
  let writing: Promise<void> | null = null;
  const interval = options.progressIntervalMs ?? 500;
  // Progress is written at most every `interval` ms, one write at a time; the write says whether to cancel.
  function touch(): Promise<void> {
    if (writing) return writing;
    lastWrite = Date.now();
    writing = recordExportRunProgress(db, self, latest)
      .then(({ owned, cancelRequested }) => {
        if (!owned) abort.abort(new ExportSupersededError());
        else if (cancelRequested) abort.abort(new ExportCancelledError());
      })
      .catch(() => {})
      .finally(() => {
        writing = null;
      });
    return writing;
  }
  try {
    // A file half-written by an earlier attempt (a crashed worker), or complete but never recorded, is removed
    // before anything else.
    await storage.removeFolder(run.id);
    const file = await storeExportFile(options.reader ?? db, filters, format, storage, run.id, {
      signal: abort.signal,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      onProgress: (progress) => {
        latest = progress;
        options.live?.progress(run.id, progress);
        if (Date.now() - lastWrite >= interval) void touch();
      },
    });
    clearInterval(heartbeat);
    await writing;
    const recorded = await finishExportRun(db, self, {
      rowCount: file.rowCount,
      byteSize: file.byteSize,
      checksum: file.checksum,
      durationMs: file.durationMs,
      fileName: file.fileName,
      storageKey: file.storageKey,
    });
    // Taken over meanwhile: the folder and the record are the newer attempt's now.
    if (!recorded) {
      log.superseded();
      return "skipped";
    }
    // The run succeeded whatever happens to older files: a deletion that fails is tried again next time.
    if (schedule) {
      await pruneScheduleFiles(db, storage, schedule.id, schedule.retention).catch((error: unknown) =>
        log.pruneFailed(error),
      );
    }
    log.finished({ rowCount: file.rowCount, byteSize: file.byteSize, format });
    return "succeeded";
  } catch (error) {
    clearInterval(heartbeat);
    await writing;
    const reason = abort.signal.aborted ? abort.signal.reason : null;
    // Taken over: the folder is the newer attempt's, and so is the record; this attempt leaves both alone.
    if (reason instanceof ExportSupersededError) {
      log.superseded();
      return "skipped";
    }
    // The worker is stopping: no half file stays, and the run waits for the next worker, this attempt uncounted.
    if (reason instanceof ExportHandedBackError) {
      await removeRunFiles(storage, run.id);
      return (await handBackExportRun(db, self)) ? "handed-back" : "skipped";
    }
    if (reason instanceof ExportCancelledError) {
      await removeRunFiles(storage, run.id);
      await markExportRunCancelled(db, run.id);
      log.cancelled();
      return "cancelled";
    }
    const message = error instanceof Error ? error.message : String(error);
    // A run recovered after a crash came on a fresh job (retries from 0): its own count of attempts also ends it.
    const final = attempt.retryCount >= attempt.retryLimit || run.attempts >= run.maxAttempts;
    const recorded = await failExportRunAttempt(db, self, {
      error: final ? `${attemptLabel} failed: ${message}` : `${attemptLabel} failed: ${message}; retrying`,
      final,
    });
    // Taken over meanwhile (the error may be the newer attempt clearing this one's files): the folder is not ours.
    if (!recorded) {
      log.superseded();
      return "skipped";
    }
    await removeRunFiles(storage, run.id);
    log.failed({ error, final });
    throw error;
  } finally {
    clearInterval(heartbeat);
    options.live?.forget(run.id);
  }
}

/** Nothing half-written stays; a folder that cannot be cleaned is the error being reported anyway. */
async function removeRunFiles(storage: ExportStorage, runId: string): Promise<void> {
  await storage.removeFolder(runId).catch(() => {});
}

/** Keeps the newest `retention` files of a schedule; older ones are deleted, their run records kept. */
export async function pruneScheduleFiles(
  db: Database,
  storage: ExportStorage,
  scheduleId: string,
  retention: number,
): Promise<number> {
  const beyond = await exportRunsBeyondRetention(db, scheduleId, retention);
  const removed: string[] = [];
  try {
    for (const run of beyond) {
      await storage.removeFolder(run.id);
      removed.push(run.id);
    }
  } finally {
    // Those deleted before a failure are recorded as such: no run offers a file that is gone.
    await markExportRunsPruned(db, removed);
  }
  return removed.length;
}
