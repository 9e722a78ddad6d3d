import { addQuarters, toQuarter } from "@zones/domain";
import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import {
  dashboardValues,
  MAX_DASHBOARD_QUARTERS,
  quarterAxis,
  quarterSpan,
  type SeriesMode,
  toNumber,
} from "./values";

export interface HeadlineSparklinesParams {
  /** The last quarter of every line. */
  to: string;
  /** How many quarters each line has, ending at `to` (1 to 40). */
  quarters: number;
  includeSubmitted: boolean;
  /** Defaults to `ytd` (as reported). */
  mode?: SeriesMode;
}

export interface SparklineRow {
  zoneCode: string;
  indicatorCode: string;
  quarter: string;
  value: number | null;
}

/**
 * The headline indicators of every active zone over the last N quarters, in one statement: active zone ×
 * headline indicator × quarter, dense (null where no value; annual indicators have Q4 values only), in zone
 * order, catalogue order, quarter.
 */
export async function headlineSparklines(
  db: Database,
  params: HeadlineSparklinesParams,
): Promise<SparklineRow[]> {
  if (!Number.isInteger(params.quarters) || params.quarters < 1 || params.quarters > MAX_DASHBOARD_QUARTERS) {
    throw new RangeError(
      `quarters: expected an integer from 1 to ${MAX_DASHBOARD_QUARTERS}, got ${params.quarters}`,
    );
  }
  const span = quarterSpan(addQuarters(toQuarter(params.to), 1 - params.quarters), params.to);
  const values = dashboardValues({
    span,
    mode: params.mode ?? "ytd",
    includeSubmitted: params.includeSubmitted,
    zones: { active: true },
  });
  const result = await db.execute(sql`
    with v as (${values}),
    axis as (${quarterAxis(span)})
    select z.code as "zoneCode", i.code as "indicatorCode", axis.quarter, v.value::text as value
    from zones z
    cross join indicators i
    cross join axis
    left join v on v.zone_code = z.code and v.indicator_code = i.code and v.quarter = axis.quarter
    where z.active and i.headline
    order by z.sort_order, i.sort_order, axis.quarter`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    zoneCode: String(row.zoneCode),
    indicatorCode: String(row.indicatorCode),
    quarter: String(row.quarter),
    value: toNumber(row.value),
  }));
}
