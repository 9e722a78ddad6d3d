import {
  type AutomaticOpening,
  automaticOpening,
  oldestQuarterToCatchUp,
  PERIOD_SCHEDULE_SOURCE,
  type PeriodStatus,
  quartersDueToOpen,
} from "@zones/domain";
import { desc, eq, gte, sql } from "drizzle-orm";

import type { Database } from "./client";
import { rowsOf } from "./rows";
import { auditLog, reportingPeriods } from "./schema";

/** A quarter's reporting period: whether it is open for entry and its deadline. */
export interface PeriodRecord {
  quarter: string;
  status: PeriodStatus;
  /** Asia/Shanghai date, `YYYY-MM-DD`. */
  deadline: string;
}

export async function findPeriod(db: Database, quarter: string): Promise<PeriodRecord | null> {
  const result = await db.execute(sql`
    select quarter, status, deadline::text as deadline from reporting_periods where quarter = ${quarter}`);
  return rowsOf<PeriodRecord>(result)[0] ?? null;
}

/** The newest reporting period open for entry, if any. */
export async function latestOpenPeriod(db: Database) {
  const [row] = await db
    .select()
    .from(reportingPeriods)
    .where(eq(reportingPeriods.status, "open"))
    .orderBy(desc(reportingPeriods.quarter))
    .limit(1);
  return row ?? null;
}

export interface PeriodRow extends PeriodRecord {
  openedAt: Date | null;
  closedAt: Date | null;
  /** Submissions of the quarter by status, for the admin's overview. */
  submitted: number;
  approved: number;
  /** Its latest opening was the schedule's (no admin's): the period opened by itself when its quarter ended. */
  openedBySchedule: boolean;
}

/** The newest reporting periods first, bounded. */
export async function listPeriods(db: Database, params: { limit: number; offset: number }) {
  const [rowsResult, totalResult] = await Promise.all([
    db.execute(sql`
      select p.quarter, p.status, p.deadline::text as deadline, p.opened_at as "openedAt",
             p.closed_at as "closedAt",
             count(s.*) filter (where s.status = 'submitted')::int as submitted,
             count(s.*) filter (where s.status = 'approved')::int as approved,
             coalesce(opening.by_schedule, false) as "openedBySchedule"
      from reporting_periods p
      left join submissions s on s.quarter = p.quarter
      left join lateral (
        select a.actor_id is null and a.details ->> 'source' = ${PERIOD_SCHEDULE_SOURCE} as by_schedule
        from audit_log a
        where a.entity_type = 'period' and a.entity_id = p.quarter
          and a.details -> 'to' ->> 'status' = 'open'
          and coalesce(a.details -> 'from' ->> 'status', '') <> 'open'
        order by a.id desc
        limit 1
      ) opening on true
      group by p.quarter, opening.by_schedule
      order by p.quarter desc
      limit ${params.limit} offset ${params.offset}`),
    db.execute(sql`select count(*)::int as total from reporting_periods`),
  ]);
  const rows = rowsOf<PeriodRow>(rowsResult).map((row) => ({
    ...row,
    openedAt: row.openedAt ? new Date(row.openedAt) : null,
    closedAt: row.closedAt ? new Date(row.closedAt) : null,
    submitted: Number(row.submitted),
    approved: Number(row.approved),
    openedBySchedule: row.openedBySchedule === true,
  }));
  return { rows, total: Number(rowsOf<{ total: number }>(totalResult)[0]?.total ?? 0) };
}

/**
 * Opens, closes or re-dates a reporting period (creating it if it is new), with an audit row.
 * `deadline` is a Beijing calendar date; the caller supplies the default (quarter end + 25 days) for new ones.
 */
export async function updatePeriod(
  db: Database,
  params: {
    quarter: string;
    status: PeriodStatus;
    /** Kept as it is when omitted; a new period gets `defaultDeadline`. */
    deadline?: string;
    defaultDeadline: string;
    actorId: string;
  },
): Promise<PeriodRecord> {
  return db.transaction(async (tx) => {
    const before = rowsOf<PeriodRecord>(
      await tx.execute(sql`
        select quarter, status, deadline::text as deadline from reporting_periods
        where quarter = ${params.quarter} for update`),
    )[0];
    const deadline = params.deadline ?? before?.deadline ?? params.defaultDeadline;
    const now = new Date();
    const stamps = {
      openedAt: params.status === "open" && before?.status !== "open" ? now : undefined,
      closedAt: params.status === "closed" && before?.status !== "closed" ? now : undefined,
    };
    await tx
      .insert(reportingPeriods)
      .values({ quarter: params.quarter, status: params.status, deadline, ...stamps })
      .onConflictDoUpdate({
        target: reportingPeriods.quarter,
        set: { status: params.status, deadline, ...stamps },
      });
    await tx.insert(auditLog).values({
      actorId: params.actorId,
      action: "period.update",
      entityType: "period",
      entityId: params.quarter,
      quarter: params.quarter,
      details: {
        from: before ? { status: before.status, deadline: before.deadline } : null,
        to: { status: params.status, deadline },
      },
    });
    return { quarter: params.quarter, status: params.status, deadline };
  });
}

/** Quarters that have a reporting period, from `from` on (for deciding which ended quarters have none). */
export async function periodQuartersFrom(db: Database, from: string): Promise<string[]> {
  const rows = await db
    .select({ quarter: reportingPeriods.quarter })
    .from(reportingPeriods)
    .where(gte(reportingPeriods.quarter, from));
  return rows.map((row) => row.quarter);
}

/**
 * Opens `opening.quarter` with its default deadline unless it already has a period (an admin's, whatever its
 * state: left exactly as it is). The insert and its audit row share a transaction, and the audit row is written
 * only when the insert happened, so runs racing on several workers open and audit the quarter once. The audit
 * row is an admin's `period.update` with no actor and `source: "schedule"`. Null when the period existed.
 */
export async function openPeriodUnlessExists(
  db: Database,
  opening: AutomaticOpening,
  now: Date = new Date(),
): Promise<PeriodRecord | null> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(reportingPeriods)
      .values({ quarter: opening.quarter, status: opening.status, deadline: opening.deadline, openedAt: now })
      .onConflictDoNothing({ target: reportingPeriods.quarter })
      .returning({ quarter: reportingPeriods.quarter });
    if (inserted.length === 0) return null;
    const to = { status: opening.status, deadline: opening.deadline };
    await tx.insert(auditLog).values({
      actorId: null,
      action: "period.update",
      entityType: "period",
      entityId: opening.quarter,
      quarter: opening.quarter,
      details: { source: PERIOD_SCHEDULE_SOURCE, from: null, to },
    });
    return { quarter: opening.quarter, ...to };
  });
}

/**
 * The daily opening: every ended quarter due at `now` (`quartersDueToOpen`) opens with its default deadline,
 * unless it has a period by then. Safe to run at any time and on several workers at once.
 */
export async function openDuePeriods(db: Database, now: Date = new Date()): Promise<PeriodRecord[]> {
  const due = quartersDueToOpen(now, await periodQuartersFrom(db, oldestQuarterToCatchUp(now)));
  const opened: PeriodRecord[] = [];
  for (const quarter of due) {
    const period = await openPeriodUnlessExists(db, automaticOpening(quarter), now);
    if (period) opened.push(period);
  }
  return opened;
}
