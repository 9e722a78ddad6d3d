import type { PeriodStatus } from "@zones/domain";
import { desc, eq, sql } from "drizzle-orm";

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
}

/** The newest reporting periods first, bounded. */
export async function listPeriods(db: Database, params: { limit: number; offset: number }) {
  const [rowsResult, totalResult] = await Promise.all([
    db.execute(sql`
      select p.quarter, p.status, p.deadline::text as deadline, p.opened_at as "openedAt",
             p.closed_at as "closedAt",
             count(s.*) filter (where s.status = 'submitted')::int as submitted,
             count(s.*) filter (where s.status = 'approved')::int as approved
      from reporting_periods p
      left join submissions s on s.quarter = p.quarter
      group by p.quarter
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
