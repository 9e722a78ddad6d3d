import { DEFAULT_TIME_ZONE, type PeriodStatus, type SubmissionStatus } from "@zones/domain";
import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { type SubmissionRecord, toSubmissionRecord } from "./form";
import { observationEntityId, submissionEntityId } from "./ids";

export interface ReviewQueueParams {
  status?: SubmissionStatus;
  zoneCode?: string;
  quarter?: string;
  limit: number;
  offset: number;
}

export interface ReviewQueueRow extends SubmissionRecord {
  /** Values entered, of the submission. */
  valueCount: number;
}

/**
 * Submissions to review, filtered by status, zone and quarter; the oldest submitted first so nothing waits
 * forever, then newest quarters. Paginated; `total` counts all matches.
 */
export async function reviewQueue(
  db: Database,
  params: ReviewQueueParams,
): Promise<{ rows: ReviewQueueRow[]; total: number }> {
  const filters = [sql`true`];
  if (params.status) filters.push(sql`s.status = ${params.status}`);
  if (params.zoneCode) filters.push(sql`s.zone_code = ${params.zoneCode}`);
  if (params.quarter) filters.push(sql`s.quarter = ${params.quarter}`);
  const where = sql.join(filters, sql` and `);
  const [rowsResult, totalResult] = await Promise.all([
    db.execute(sql`
      select s.zone_code as "zoneCode", s.quarter, s.status, s.version, s.revision, s.late,
             s.submitted_at as "submittedAt", su.name as "submittedByName",
             s.reviewed_at as "reviewedAt", ru.name as "reviewedByName",
             s.review_comment as "reviewComment", s.review_notes as "reviewNotes", s.updated_at as "updatedAt",
             (select count(*)::int from observations o
               where o.zone_code = s.zone_code and o.quarter = s.quarter) as "valueCount"
      from submissions s
      join zones z on z.code = s.zone_code
      left join users su on su.id = s.submitted_by
      left join users ru on ru.id = s.reviewed_by
      where ${where}
      order by (s.status = 'submitted') desc,
               case when s.status = 'submitted' then s.submitted_at end asc nulls last,
               s.quarter desc, z.sort_order
      limit ${params.limit} offset ${params.offset}`),
    db.execute(sql`select count(*)::int as total from submissions s where ${where}`),
  ]);
  const rows = rowsOf<Record<string, unknown>>(rowsResult).map((row) => ({
    ...toSubmissionRecord(row),
    valueCount: Number(row.valueCount),
  }));
  return { rows, total: Number(rowsOf<{ total: number }>(totalResult)[0]?.total ?? 0) };
}

export type CompletenessState = "none" | SubmissionStatus;

export interface CompletenessCell {
  zoneCode: string;
  quarter: string;
  state: CompletenessState;
  late: boolean;
}

export interface CompletenessPeriod {
  quarter: string;
  status: PeriodStatus;
  deadline: string;
  /** Days from today (Beijing) to the deadline; negative once it has passed. */
  daysLeft: number;
}

/** Zones × quarters with each cell's workflow state: the reviewers' picture of who has reported. */
export async function completenessGrid(
  db: Database,
  params: { from: string; to: string },
): Promise<{ periods: CompletenessPeriod[]; cells: CompletenessCell[] }> {
  const [periodsResult, cellsResult] = await Promise.all([
    db.execute(sql`
      select quarter, status, deadline::text as deadline,
             (deadline - (now() at time zone ${DEFAULT_TIME_ZONE})::date)::int as "daysLeft"
      from reporting_periods where quarter between ${params.from} and ${params.to}
      order by quarter`),
    db.execute(sql`
      select z.code as "zoneCode", p.quarter,
             coalesce(s.status::text, 'none') as state,
             -- Submitted or approved: late as recorded at submission. Otherwise late once the deadline of
             -- an open quarter has passed without a submission.
             case when s.status in ('submitted', 'approved') then s.late
                  else p.status = 'open' and p.deadline < (now() at time zone ${DEFAULT_TIME_ZONE})::date end as late
      from zones z
      cross join reporting_periods p
      left join submissions s on s.zone_code = z.code and s.quarter = p.quarter
      where z.active and p.quarter between ${params.from} and ${params.to}
      order by z.sort_order, p.quarter`),
  ]);
  return {
    periods: rowsOf<CompletenessPeriod>(periodsResult).map((row) => ({
      ...row,
      daysLeft: Number(row.daysLeft),
    })),
    cells: rowsOf<CompletenessCell>(cellsResult).map((row) => ({ ...row, late: Boolean(row.late) })),
  };
}

export interface SubmittedSnapshot {
  at: Date;
  values: Record<string, string>;
  notes: Record<string, string>;
}

/**
 * The values of the last two submits of a submission (from the audit log), newest first: the reviewer
 * sees what changed since the previous submission.
 */
export async function lastSubmittedSnapshots(
  db: Database,
  params: { zoneCode: string; quarter: string },
): Promise<SubmittedSnapshot[]> {
  const result = await db.execute(sql`
    select at, details from audit_log
    where entity_type = 'submission' and entity_id = ${submissionEntityId(params.zoneCode, params.quarter)}
      and action = 'submission.submit'
    order by at desc, id desc
    limit 2`);
  return rowsOf<{ at: unknown; details: unknown }>(result).map((row) => {
    const details = (typeof row.details === "string" ? JSON.parse(row.details) : row.details) as {
      values?: Record<string, string>;
      notes?: Record<string, string>;
    };
    return {
      at: row.at instanceof Date ? row.at : new Date(String(row.at)),
      values: details.values ?? {},
      notes: details.notes ?? {},
    };
  });
}

export interface HistoryEntry {
  at: Date;
  actorName: string | null;
  action: string;
  oldValue: string | null;
  newValue: string | null;
  note: string | null;
  comment: string | null;
}

/**
 * A value's history: every change of it, and every workflow step of its submission, newest first
 * (bounded). Revisions keep the earlier values here.
 */
export async function valueHistory(
  db: Database,
  params: { zoneCode: string; quarter: string; indicatorCode: string; limit: number },
): Promise<HistoryEntry[]> {
  const result = await db.execute(sql`
    select a.at, u.name as "actorName", a.action, a.details
    from audit_log a
    left join users u on u.id = a.actor_id
    where (a.entity_type = 'observation'
           and a.entity_id = ${observationEntityId(params.zoneCode, params.quarter, params.indicatorCode)})
       or (a.entity_type = 'submission'
           and a.entity_id = ${submissionEntityId(params.zoneCode, params.quarter)})
    order by a.at desc, a.id desc
    limit ${params.limit}`);
  return rowsOf<{ at: unknown; actorName: string | null; action: string; details: unknown }>(result).map(
    (row) => {
      const details = (typeof row.details === "string" ? JSON.parse(row.details) : row.details) as Record<
        string,
        unknown
      >;
      const text = (value: unknown) => (typeof value === "string" ? value : null);
      const notes = details.reviewNotes as Record<string, string> | undefined;
      return {
        at: row.at instanceof Date ? row.at : new Date(String(row.at)),
        actorName: row.actorName,
        action: row.action,
        oldValue: text(details.old),
        newValue: text(details.new),
        note: text(details.note),
        comment: text(notes?.[params.indicatorCode]) ?? text(details.comment) ?? text(details.reason),
      };
    },
  );
}
