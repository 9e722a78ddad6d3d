import type { Database } from "@zones/db/client";
import { openDuePeriods, type PeriodRecord } from "@zones/db/periods";
import { logger } from "@zones/telemetry/log";

/**
 * The daily opening (pg-boss cron, one worker per occurrence; and once when a worker starts, for a quarter
 * that ended while none ran): every ended quarter without a period opens with the default deadline. Racing
 * runs are harmless: each quarter is inserted at most once and audited with its insert.
 */
export async function runPeriodOpening(db: Database, now: Date = new Date()): Promise<PeriodRecord[]> {
  const opened = await openDuePeriods(db, now);
  for (const period of opened) {
    logger.info(
      { quarter: period.quarter, deadline: period.deadline },
      "reporting period opened by the schedule",
    );
  }
  return opened;
}
