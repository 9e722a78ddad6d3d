import type { QuarterString, Role } from "@zones/domain";
import { and, count, desc, eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { exportRuns, exportSchedules, users, userZones } from "../schema";

/** A user's zones (catalogue codes, sorted), as a column of a query on `users`. */
const ownerZoneCodes = sql<string[]>`coalesce((
  select array_agg(${userZones.zoneCode} order by ${userZones.zoneCode}) from ${userZones}
  where ${userZones.userId} = ${users.id}), '{}')`;

export type ExportScheduleRecord = typeof exportSchedules.$inferSelect;

/** What a schedule is made of; `trigger` and `filters` validated by `@zones/exports/schedules`. */
export interface ExportScheduleValues {
  name: string;
  trigger: unknown;
  cron: string | null;
  timezone: string;
  filters: unknown;
  format: string;
  retention: number;
  /** Validated by `@zones/exports` (`ZScheduleDeliverySchema`), webhook secrets included. */
  delivery?: unknown;
}

/** The owner as the tick needs them, to check the owner still has the right to the schedule's data. */
export interface ScheduleOwner {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
  zoneCodes: string[];
}

export interface ExportScheduleListRow extends ExportScheduleRecord {
  ownerName: string;
  lastRun: { id: string; status: string; createdAt: Date; finishedAt: Date | null } | null;
}

export async function insertExportSchedule(
  db: Database,
  values: ExportScheduleValues & { ownerId: string; dueFrom?: Date },
): Promise<ExportScheduleRecord> {
  const [row] = await db.insert(exportSchedules).values(values).returning();
  if (!row) throw new Error("insert into export_schedules returned nothing");
  return row;
}

/**
 * Replaces a schedule's definition. It runs again (a stop is lifted) and only occurrences after now count:
 * an edit never fires a burst of "missed" runs.
 */
export async function updateExportSchedule(
  db: Database,
  id: string,
  values: ExportScheduleValues,
): Promise<ExportScheduleRecord | null> {
  const [row] = await db
    .update(exportSchedules)
    .set({ ...values, enabled: true, stoppedReason: null, dueFrom: sql`now()`, updatedAt: sql`now()` })
    .where(eq(exportSchedules.id, id))
    .returning();
  return row ?? null;
}

/** Pauses or resumes; resuming clears a stop and counts occurrences from now on. */
export async function setExportScheduleEnabled(
  db: Database,
  id: string,
  enabled: boolean,
): Promise<ExportScheduleRecord | null> {
  const [row] = await db
    .update(exportSchedules)
    .set(
      enabled
        ? { enabled, stoppedReason: null, dueFrom: sql`now()`, updatedAt: sql`now()` }
        : { enabled, updatedAt: sql`now()` },
    )
    .where(eq(exportSchedules.id, id))
    .returning();
  return row ?? null;
}

/** Stops a schedule by itself (e.g. its owner lost the right to its data), saying why. */
export async function stopExportSchedule(db: Database, id: string, reason: string): Promise<void> {
  await db
    .update(exportSchedules)
    .set({ enabled: false, stoppedReason: reason, updatedAt: sql`now()` })
    .where(eq(exportSchedules.id, id));
}

/** Its runs keep their files and history (schedule_id becomes null). */
export async function deleteExportSchedule(db: Database, id: string): Promise<boolean> {
  const deleted = await db
    .delete(exportSchedules)
    .where(eq(exportSchedules.id, id))
    .returning({ id: exportSchedules.id });
  return deleted.length > 0;
}

export async function getExportSchedule(db: Database, id: string): Promise<ExportScheduleRecord | null> {
  const [row] = await db.select().from(exportSchedules).where(eq(exportSchedules.id, id));
  return row ?? null;
}

/** A page of schedules, newest first, each with its owner's name and latest run; `ownerId` null = everyone's. */
export async function listExportSchedules(
  db: Database,
  params: { ownerId: string | null; limit: number; offset: number },
): Promise<{ rows: ExportScheduleListRow[]; total: number }> {
  const owned = params.ownerId ? eq(exportSchedules.ownerId, params.ownerId) : undefined;
  const lastRun = sql<ExportScheduleListRow["lastRun"]>`(
    select json_build_object('id', r.id, 'status', r.status, 'createdAt', r.created_at,
                             'finishedAt', r.finished_at)
    from ${exportRuns} r where r.schedule_id = ${exportSchedules.id}
    order by r.created_at desc limit 1)`;
  const [rows, [counted]] = await Promise.all([
    db
      .select({ schedule: exportSchedules, ownerName: users.name, lastRun })
      .from(exportSchedules)
      .innerJoin(users, eq(users.id, exportSchedules.ownerId))
      .where(owned)
      .orderBy(desc(exportSchedules.createdAt), exportSchedules.id)
      .limit(params.limit)
      .offset(params.offset),
    db.select({ total: count() }).from(exportSchedules).where(owned),
  ]);
  return {
    rows: rows.map(({ schedule, ownerName, lastRun }) => ({
      ...schedule,
      ownerName,
      lastRun: lastRun
        ? {
            ...lastRun,
            createdAt: new Date(lastRun.createdAt),
            finishedAt: lastRun.finishedAt ? new Date(lastRun.finishedAt) : null,
          }
        : null,
    })),
    total: counted?.total ?? 0,
  };
}

/** A user as export rights need them (role, zones, disabled), or null when the account is gone. */
export async function exportUserById(db: Database, userId: string): Promise<ScheduleOwner | null> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      zoneCodes: ownerZoneCodes,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Most schedules one tick looks at: far more than admins and reviewers will ever keep. */
export const MAX_ACTIVE_SCHEDULES = 5000;

/**
 * Enabled schedules with their owners, one statement. `event: true` gives the event-triggered ones
 * (all-approved), otherwise the timed ones.
 */
export async function activeExportSchedules(
  db: Database,
  params: { event: boolean },
): Promise<{ schedule: ExportScheduleRecord; owner: ScheduleOwner }[]> {
  const kind = sql`${exportSchedules.trigger} ->> 'kind'`;
  const rows = await db
    .select({
      schedule: exportSchedules,
      owner: {
        id: users.id,
        name: users.name,
        role: users.role,
        disabled: users.disabled,
        zoneCodes: ownerZoneCodes,
      },
    })
    .from(exportSchedules)
    .innerJoin(users, eq(users.id, exportSchedules.ownerId))
    .where(
      and(
        eq(exportSchedules.enabled, true),
        params.event ? sql`${kind} = 'all-approved'` : sql`${kind} <> 'all-approved'`,
      ),
    )
    .orderBy(exportSchedules.createdAt)
    .limit(MAX_ACTIVE_SCHEDULES);
  return rows;
}

/** The tick looked at occurrences up to `upTo`: later ticks start there. Never moves backwards. */
export async function advanceScheduleWindow(db: Database, id: string, upTo: Date): Promise<void> {
  await db
    .update(exportSchedules)
    .set({ dueFrom: sql`greatest(${exportSchedules.dueFrom}, ${upTo.toISOString()}::timestamptz)` })
    .where(eq(exportSchedules.id, id));
}

/** Reporting deadlines (Beijing dates) of every period, for the quarterly-after-deadline trigger. */
export async function periodDeadlines(db: Database): Promise<{ quarter: QuarterString; deadline: string }[]> {
  return rowsOf<{ quarter: QuarterString; deadline: string }>(
    await db.execute(
      sql`select quarter, deadline::text as deadline from reporting_periods order by quarter desc limit 400`,
    ),
  );
}

/** True when every zone has an approved submission for the quarter. */
export async function allZonesApproved(db: Database, quarter: string): Promise<boolean> {
  const [row] = rowsOf<{ missing: number }>(
    await db.execute(sql`
      select count(*)::int as missing from zones z
      where not exists (
        select 1 from submissions s
        where s.zone_code = z.code and s.quarter = ${quarter} and s.status = 'approved')`),
  );
  return Number(row?.missing ?? 1) === 0;
}
