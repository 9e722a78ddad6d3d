import { desc, eq } from "drizzle-orm";

import type { Database } from "../client";
import { reportingPeriods } from "../schema";

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
