import { addQuarters, toQuarter } from "@zones/domain";
import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import {
  assertListSize,
  dashboardValues,
  MAX_DASHBOARD_INDICATORS,
  MAX_DASHBOARD_QUARTERS,
  MAX_DASHBOARD_ZONES,
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
  /** The zones whose lines are shown (at most MAX_DASHBOARD_ZONES); inactive ones among them get none. */
  zoneCodes: readonly string[];
  /** The headline indicators shown; lines of other indicators are not read. */
  indicatorCodes: readonly string[];
}

export interface SparklineRow {
  zoneCode: string;
  indicatorCode: string;
  quarter: string;
  value: number | null;
}

/**
 * The headline indicators of the shown active zones over the last N quarters, in one statement: zone ×
 * headline indicator × quarter, dense (null where no value; annual indicators have Q4 values only), in zone
 * order, catalogue order, quarter.
 *
 * Only the shown zones' and indicators' rows are read: a line needs no other zone's values. Reading every
 * active unit instead cost 750 ms at 246 units and 9.4 s at 2,850 (docs/performance.md).
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
  assertListSize("zoneCodes", params.zoneCodes, 1, MAX_DASHBOARD_ZONES);
  assertListSize("indicatorCodes", params.indicatorCodes, 1, MAX_DASHBOARD_INDICATORS);
  const span = quarterSpan(addQuarters(toQuarter(params.to), 1 - params.quarters), params.to);
  const values = dashboardValues({
    span,
    mode: params.mode ?? "ytd",
    includeSubmitted: params.includeSubmitted,
    indicatorCodes: params.indicatorCodes,
    zones: { active: false, codes: params.zoneCodes },
  });
  const result = await db.execute(sql`
    with v as (${values}),
    axis as (${quarterAxis(span)})
    select z.code as "zoneCode", i.code as "indicatorCode", axis.quarter, v.value::text as value
    from zones z
    cross join indicators i
    cross join axis
    left join v on v.zone_code = z.code and v.indicator_code = i.code and v.quarter = axis.quarter
    where z.active and z.code in ${params.zoneCodes} and i.headline and i.code in ${params.indicatorCodes}
    order by z.sort_order, i.sort_order, axis.quarter`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    zoneCode: String(row.zoneCode),
    indicatorCode: String(row.indicatorCode),
    quarter: String(row.quarter),
    value: toNumber(row.value),
  }));
}
