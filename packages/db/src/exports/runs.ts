import { and, count, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";

import type { Database } from "../client";
import { exportRuns, exportSchedules } from "../schema";

export type ExportRunRecord = typeof exportRuns.$inferSelect;
export type ExportRunTrigger = "manual" | "schedule" | "event" | "rerun";

export interface ExportRunListRow extends ExportRunRecord {
  scheduleName: string | null;
}

/**
 * Records a run, queued. A schedule's occurrence (`scheduleId` + `dueAt`) is recorded once: a second insert
 * for the same occurrence (another worker's tick) returns null and nothing is written.
 */
export async function insertExportRun(
  db: Database,
  values: {
    scheduleId?: string | null;
    requestedBy: string | null;
    trigger: ExportRunTrigger;
    dueAt?: Date | null;
    rerunOf?: string | null;
    filters: unknown;
    format: string;
    maxAttempts: number;
  },
): Promise<ExportRunRecord | null> {
  const [row] = await db
    .insert(exportRuns)
    .values(values)
    .onConflictDoNothing({
      target: [exportRuns.scheduleId, exportRuns.dueAt],
      where: sql`${exportRuns.dueAt} is not null`,
    })
    .returning();
  return row ?? null;
}

export async function getExportRun(db: Database, id: string): Promise<ExportRunListRow | null> {
  const [row] = await db
    .select({ run: exportRuns, scheduleName: exportSchedules.name })
    .from(exportRuns)
    .leftJoin(exportSchedules, eq(exportSchedules.id, exportRuns.scheduleId))
    .where(eq(exportRuns.id, id));
  return row ? { ...row.run, scheduleName: row.scheduleName } : null;
}

/** A page of runs, newest first; `requestedBy` null = everyone's (admins), `scheduleId` narrows to one schedule. */
export async function listExportRuns(
  db: Database,
  params: { requestedBy: string | null; scheduleId?: string; limit: number; offset: number },
): Promise<{ rows: ExportRunListRow[]; total: number }> {
  const where = and(
    params.requestedBy ? eq(exportRuns.requestedBy, params.requestedBy) : undefined,
    params.scheduleId ? eq(exportRuns.scheduleId, params.scheduleId) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({ run: exportRuns, scheduleName: exportSchedules.name })
      .from(exportRuns)
      .leftJoin(exportSchedules, eq(exportSchedules.id, exportRuns.scheduleId))
      .where(where)
      .orderBy(desc(exportRuns.createdAt), exportRuns.id)
      .limit(params.limit)
      .offset(params.offset),
    db.select({ total: count() }).from(exportRuns).where(where),
  ]);
  return {
    rows: rows.map((row) => ({ ...row.run, scheduleName: row.scheduleName })),
    total: counted?.total ?? 0,
  };
}

/**
 * Starts an attempt: a queued run (or one whose worker died: running without a heartbeat for `staleSeconds`)
 * becomes running, its attempt counted and its
 * progress reset. A run that finished, was cancelled or asked to cancel is not started: null.
 */
export async function startExportRunAttempt(
  db: Database,
  id: string,
  params: { staleSeconds: number },
): Promise<ExportRunRecord | null> {
  const [row] = await db
    .update(exportRuns)
    .set({
      status: "running",
      attempts: sql`${exportRuns.attempts} + 1`,
      startedAt: sql`coalesce(${exportRuns.startedAt}, now())`,
      heartbeatAt: sql`now()`,
      rowsDone: 0,
    })
    .where(
      and(
        eq(exportRuns.id, id),
        isNull(exportRuns.cancelRequestedAt),
        or(
          eq(exportRuns.status, "queued"),
          and(
            eq(exportRuns.status, "running"),
            lt(exportRuns.heartbeatAt, sql`now() - make_interval(secs => ${params.staleSeconds})`),
          ),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

/** Runs whose worker died mid-way (running, heartbeat older than `staleSeconds`): to be started again. */
export async function staleExportRuns(db: Database, params: { staleSeconds: number }): Promise<string[]> {
  const rows = await db
    .select({ id: exportRuns.id })
    .from(exportRuns)
    .where(
      and(
        eq(exportRuns.status, "running"),
        lt(exportRuns.heartbeatAt, sql`now() - make_interval(secs => ${params.staleSeconds})`),
      ),
    )
    .limit(100);
  return rows.map((row) => row.id);
}

/**
 * One attempt of a run, as `startExportRunAttempt` numbered it. Writes on behalf of an attempt apply only while
 * the run is still running that attempt: a worker taken for dead (its heartbeat writes stalled) whose run was
 * started again must not overwrite what the newer attempt records.
 */
export interface ExportRunAttempt {
  id: string;
  attempt: number;
}

function stillRunning(attempt: ExportRunAttempt) {
  return and(
    eq(exportRuns.id, attempt.id),
    eq(exportRuns.attempts, attempt.attempt),
    eq(exportRuns.status, "running"),
  );
}

/**
 * Progress of a running attempt (its heartbeat too). Says whether someone asked to cancel meanwhile, and
 * whether the run is still this attempt's (`owned`: false once a newer attempt took it over or it ended).
 */
export async function recordExportRunProgress(
  db: Database,
  attempt: ExportRunAttempt,
  progress: { rowsDone: number; rowsExpected: number },
): Promise<{ owned: boolean; cancelRequested: boolean }> {
  const [row] = await db
    .update(exportRuns)
    .set({ rowsDone: progress.rowsDone, rowsExpected: progress.rowsExpected, heartbeatAt: sql`now()` })
    .where(stillRunning(attempt))
    .returning({ cancelRequestedAt: exportRuns.cancelRequestedAt });
  return { owned: row !== undefined, cancelRequested: Boolean(row?.cancelRequestedAt) };
}

/** Records the finished file; false (nothing recorded) when the run is no longer this attempt's. */
export async function finishExportRun(
  db: Database,
  attempt: ExportRunAttempt,
  result: {
    rowCount: number;
    byteSize: number;
    checksum: string;
    durationMs: number;
    fileName: string;
    /** The file's key in the export storage. */
    storageKey: string;
  },
): Promise<boolean> {
  const rows = await db
    .update(exportRuns)
    .set({
      ...result,
      status: "succeeded",
      rowsDone: result.rowCount,
      error: null,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
    })
    .where(stillRunning(attempt))
    .returning({ id: exportRuns.id });
  return rows.length > 0;
}

/**
 * A failed attempt. `final`: the run failed for good (status failed). Otherwise it waits for its next attempt
 * (status queued) and says so in `error`. False (nothing recorded) when the run is no longer this attempt's.
 */
export async function failExportRunAttempt(
  db: Database,
  attempt: ExportRunAttempt,
  params: { error: string; final: boolean },
): Promise<boolean> {
  const rows = await db
    .update(exportRuns)
    .set(
      params.final
        ? { status: "failed", error: params.error, finishedAt: sql`now()` }
        : { status: "queued", error: params.error },
    )
    .where(stillRunning(attempt))
    .returning({ id: exportRuns.id });
  return rows.length > 0;
}

/**
 * An attempt its worker gave back unfinished (it was stopping: SHUTDOWN_GRACE_SECONDS ran out): the run is
 * queued again for any worker, its progress reset, and the attempt not counted, since the export did not
 * fail. Only once the attempt has stopped writing (its number is then free to use again). False when the run
 * was no longer this attempt's.
 */
export async function handBackExportRun(db: Database, attempt: ExportRunAttempt): Promise<boolean> {
  const rows = await db
    .update(exportRuns)
    .set({ status: "queued", attempts: sql`${exportRuns.attempts} - 1`, rowsDone: 0 })
    .where(stillRunning(attempt))
    .returning({ id: exportRuns.id });
  return rows.length > 0;
}

/**
 * Cancels a run: one not yet started is cancelled at once; a running one is asked to stop (its worker sees the
 * request at the next batch and marks it cancelled). Finished runs are left as they are.
 */
export async function requestExportRunCancel(db: Database, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(exportRuns)
      .set({ status: "cancelled", cancelRequestedAt: sql`now()`, finishedAt: sql`now()` })
      .where(and(eq(exportRuns.id, id), eq(exportRuns.status, "queued")));
    await tx
      .update(exportRuns)
      .set({ cancelRequestedAt: sql`now()` })
      .where(and(eq(exportRuns.id, id), eq(exportRuns.status, "running")));
  });
}

export async function markExportRunCancelled(db: Database, id: string): Promise<void> {
  await db
    .update(exportRuns)
    .set({ status: "cancelled", finishedAt: sql`now()` })
    .where(and(eq(exportRuns.id, id), inArray(exportRuns.status, ["queued", "running"])));
}

/** Succeeded runs of a schedule whose files fall beyond the newest `keep`. */
export async function exportRunsBeyondRetention(
  db: Database,
  scheduleId: string,
  keep: number,
): Promise<{ id: string; storageKey: string }[]> {
  const rows = await db
    .select({ id: exportRuns.id, storageKey: exportRuns.storageKey })
    .from(exportRuns)
    .where(
      and(
        eq(exportRuns.scheduleId, scheduleId),
        eq(exportRuns.status, "succeeded"),
        isNotNull(exportRuns.storageKey),
      ),
    )
    .orderBy(desc(exportRuns.finishedAt), desc(exportRuns.id))
    .offset(keep)
    .limit(1000);
  return rows.flatMap((row) => (row.storageKey ? [{ id: row.id, storageKey: row.storageKey }] : []));
}

/** The run's record stays (with its counts and checksum); only its file is gone. */
export async function markExportRunsPruned(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(exportRuns)
    .set({ storageKey: null, filePath: null, prunedAt: sql`now()` })
    .where(inArray(exportRuns.id, [...ids]));
}
