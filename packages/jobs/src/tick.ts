import type { Database } from "@zones/db/client";
import {
  activeExportSchedules,
  advanceScheduleWindow,
  allZonesApproved,
  type ExportScheduleRecord,
  insertExportRun,
  periodDeadlines,
  type ScheduleOwner,
  stopExportSchedule,
} from "@zones/db/exports";
import { DEFAULT_UTC_OFFSET, type QuarterString, quarterStart, toQuarter } from "@zones/domain";
import { scheduleFromStored } from "@zones/exports";
import { dueOccurrence, scheduleRunFilters, type TExportSchedule } from "@zones/exports/schedules";

import { RUN_RETRY } from "./queues";
import type { DispatchRun } from "./recovery";
import { scheduleOwnerRefusal } from "./run-export";

export type { DispatchRun } from "./recovery";

export interface TickResult {
  /** Runs created by this tick (a schedule occurrence another worker recorded first is not among them). */
  created: string[];
  /** Schedules stopped, with the reason. */
  stopped: { scheduleId: string; reason: string }[];
}

/** The schedule, or why it cannot run any more. */
function checkSchedule(
  record: ExportScheduleRecord,
  owner: ScheduleOwner,
  at: Date,
): { schedule: TExportSchedule } | { reason: string } {
  const stored = scheduleFromStored(record);
  if (!stored.ok) return { reason: `its definition is no longer valid: ${stored.message}` };
  const refusal = scheduleOwnerRefusal(owner, scheduleRunFilters(stored.schedule, { at }));
  return refusal ? { reason: refusal } : { schedule: stored.schedule };
}

/**
 * One minute's tick (pg-boss sends it to one worker). For each enabled timed schedule, the latest occurrence
 * in (its window start, now] becomes one run; the unique (schedule, occurrence) index makes a second worker's
 * tick of the same minute a no-op. Occurrences missed while no worker ran collapse into one run (the latest).
 * A schedule whose owner lost the right to its data is stopped, saying why. (Runs whose worker died are not
 * the tick's business: a minute is too coarse; each worker sweeps for them every few seconds, `recovery.ts`.)
 */
export async function runScheduleTick(
  db: Database,
  dispatch: DispatchRun,
  now: Date = new Date(),
): Promise<TickResult> {
  const result: TickResult = { created: [], stopped: [] };
  const [schedules, deadlines] = await Promise.all([
    activeExportSchedules(db, { event: false }),
    periodDeadlines(db),
  ]);
  for (const { schedule: record, owner } of schedules) {
    const checked = checkSchedule(record, owner, now);
    if ("reason" in checked) {
      await stopExportSchedule(db, record.id, checked.reason);
      result.stopped.push({ scheduleId: record.id, reason: checked.reason });
      continue;
    }
    const { schedule } = checked;
    const occurrence = dueOccurrence(schedule, { after: record.dueFrom, upTo: now }, deadlines);
    if (occurrence) {
      const run = await insertExportRun(db, {
        scheduleId: record.id,
        requestedBy: owner.id,
        trigger: "schedule",
        dueAt: occurrence.dueAt,
        filters: scheduleRunFilters(schedule, { at: occurrence.dueAt, quarter: occurrence.quarter }),
        format: schedule.format,
        maxAttempts: RUN_RETRY.retryLimit + 1,
      });
      if (run) {
        await dispatch(run.id);
        result.created.push(run.id);
      }
    }
    await advanceScheduleWindow(db, record.id, now);
  }
  return result;
}

/**
 * A submission of `quarter` was approved: once every zone's is, each all-approved schedule runs once for that
 * quarter (the quarter's start is the run's occurrence, so a later re-approval does not run it again).
 */
export async function runQuarterApproved(
  db: Database,
  dispatch: DispatchRun,
  quarter: string,
  now: Date = new Date(),
): Promise<TickResult> {
  const result: TickResult = { created: [], stopped: [] };
  if (!(await allZonesApproved(db, quarter))) return result;
  const dueAt = new Date(`${quarterStart(toQuarter(quarter))}T00:00:00${DEFAULT_UTC_OFFSET}`);
  for (const { schedule: record, owner } of await activeExportSchedules(db, { event: true })) {
    const checked = checkSchedule(record, owner, now);
    if ("reason" in checked) {
      await stopExportSchedule(db, record.id, checked.reason);
      result.stopped.push({ scheduleId: record.id, reason: checked.reason });
      continue;
    }
    const run = await insertExportRun(db, {
      scheduleId: record.id,
      requestedBy: owner.id,
      trigger: "event",
      dueAt,
      filters: scheduleRunFilters(checked.schedule, { at: now, quarter: quarter as QuarterString }),
      format: checked.schedule.format,
      maxAttempts: RUN_RETRY.retryLimit + 1,
    });
    if (run) {
      await dispatch(run.id);
      result.created.push(run.id);
    }
  }
  return result;
}
