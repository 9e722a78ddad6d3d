import { and, inArray } from "drizzle-orm";

import type { Database } from "../client";
import { observations } from "../schema";

/** Stored values and notes of some zones × quarters (templates are pre-filled with them); bounded by the caller. */
export async function storedValues(db: Database, params: { zoneCodes: string[]; quarters: string[] }) {
  if (params.zoneCodes.length === 0 || params.quarters.length === 0) return [];
  return db
    .select({
      zoneCode: observations.zoneCode,
      quarter: observations.quarter,
      indicatorCode: observations.indicatorCode,
      value: observations.value,
      note: observations.note,
    })
    .from(observations)
    .where(
      and(inArray(observations.zoneCode, params.zoneCodes), inArray(observations.quarter, params.quarters)),
    );
}
