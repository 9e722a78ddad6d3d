import type { SubmissionStatus } from "@zones/domain";
import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { findPeriod, type PeriodRecord } from "../periods";
import { rowsOf } from "../rows";

export interface SubmissionRecord {
  zoneCode: string;
  quarter: string;
  status: SubmissionStatus;
  version: number;
  revision: number;
  late: boolean;
  submittedAt: Date | null;
  submittedByName: string | null;
  reviewedAt: Date | null;
  reviewedByName: string | null;
  reviewComment: string | null;
  reviewNotes: Record<string, string>;
  updatedAt: Date;
}

/** One indicator of the form: the stored value and what the checks and the filer compare it with. */
export interface FormIndicatorRow {
  indicatorCode: string;
  /** Exact stored value as text; null when not entered. */
  value: string | null;
  note: string | null;
  revisionKind: "preliminary" | "final" | null;
  previousQuarter: string | null;
  lastYear: string | null;
  /**
   * The zone's approved history before this quarter: for cumulative indicators only the same quarter of
   * other years (a Q1 year-to-date figure is not comparable with a Q4 one).
   */
  historyMin: string | null;
  historyMax: string | null;
  historyCount: number;
}

export interface SubmissionForm {
  submission: SubmissionRecord | null;
  period: PeriodRecord | null;
  indicators: FormIndicatorRow[];
}

const submissionColumns = sql`
  s.zone_code as "zoneCode", s.quarter, s.status, s.version, s.revision, s.late,
  s.submitted_at as "submittedAt", su.name as "submittedByName",
  s.reviewed_at as "reviewedAt", ru.name as "reviewedByName",
  s.review_comment as "reviewComment", s.review_notes as "reviewNotes", s.updated_at as "updatedAt"`;

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

/** Normalises what both drivers return for a submissions row (timestamps as Date, jsonb as object). */
export function toSubmissionRecord(row: Record<string, unknown>): SubmissionRecord {
  const notes = row.reviewNotes;
  return {
    zoneCode: String(row.zoneCode),
    quarter: String(row.quarter),
    status: row.status as SubmissionStatus,
    version: Number(row.version),
    revision: Number(row.revision),
    late: Boolean(row.late),
    submittedAt: toDate(row.submittedAt),
    submittedByName: (row.submittedByName as string | null) ?? null,
    reviewedAt: toDate(row.reviewedAt),
    reviewedByName: (row.reviewedByName as string | null) ?? null,
    reviewComment: (row.reviewComment as string | null) ?? null,
    reviewNotes: (typeof notes === "string" ? JSON.parse(notes) : (notes ?? {})) as Record<string, string>,
    updatedAt: toDate(row.updatedAt) ?? new Date(0),
  };
}

/** The submission of a zone × quarter, or null when nothing was entered yet. */
export async function findSubmission(
  db: Database,
  params: { zoneCode: string; quarter: string; forUpdate?: boolean },
): Promise<SubmissionRecord | null> {
  const lock = params.forUpdate ? sql`for update of s` : sql``;
  const result = await db.execute(sql`
    select ${submissionColumns}
    from submissions s
    left join users su on su.id = s.submitted_by
    left join users ru on ru.id = s.reviewed_by
    where s.zone_code = ${params.zoneCode} and s.quarter = ${params.quarter}
    ${lock}`);
  const row = rowsOf<Record<string, unknown>>(result)[0];
  return row ? toSubmissionRecord(row) : null;
}

/**
 * Everything the entry form of one zone × quarter needs, in one pass over the zone's observations:
 * the values, the previous quarter, the same quarter last year and the approved historical range.
 */
export async function loadSubmissionForm(
  db: Database,
  params: { zoneCode: string; quarter: string; previousQuarter: string; lastYearQuarter: string },
): Promise<SubmissionForm> {
  const { zoneCode, quarter } = params;
  const quarterNumber = quarter.slice(-1);
  const year = Number(quarter.slice(0, 4));
  const [submission, period, result] = await Promise.all([
    findSubmission(db, { zoneCode, quarter }),
    findPeriod(db, quarter),
    db.execute(sql`
      with history as (
        select o.indicator_code,
               min(o.value) as min, max(o.value) as max, count(*)::int as count
        from observations o
        join indicators i on i.code = o.indicator_code
        join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter and s.status = 'approved'
        where o.zone_code = ${zoneCode} and o.quarter < ${quarter}
          and (not i.cumulative or right(o.quarter, 1) = ${quarterNumber})
        group by o.indicator_code
      ),
      near as (
        select o.indicator_code,
               min(o.value::text) filter (where o.quarter = ${quarter}) as value,
               min(o.note) filter (where o.quarter = ${quarter}) as note,
               min(o.revision_kind::text) filter (where o.quarter = ${quarter}) as revision_kind,
               min(o.value::text) filter (where o.quarter = ${params.previousQuarter}) as previous,
               min(o.value::text) filter (where o.quarter = ${params.lastYearQuarter}) as last_year
        from observations o
        where o.zone_code = ${zoneCode}
          and o.quarter in (${quarter}, ${params.previousQuarter}, ${params.lastYearQuarter})
        group by o.indicator_code
      )
      select i.code as "indicatorCode", n.value, n.note, n.revision_kind as "revisionKind",
             n.previous as "previousQuarter", n.last_year as "lastYear",
             h.min::text as "historyMin", h.max::text as "historyMax", coalesce(h.count, 0) as "historyCount"
      from indicators i
      left join near n on n.indicator_code = i.code
      left join history h on h.indicator_code = i.code
      -- The catalogue as it stood that year: an indicator added from a later year, or retired before, is not asked.
      where (i.in_force_from is null or i.in_force_from <= ${year})
        and (i.retired_after is null or i.retired_after >= ${year})
      order by i.sort_order`),
  ]);
  const indicators = rowsOf<FormIndicatorRow>(result).map((row) => ({
    ...row,
    historyCount: Number(row.historyCount),
  }));
  return { submission, period, indicators };
}
