import {
  appliesToQuarter,
  defaultDeadline,
  FIRST_QUARTER,
  INDICATORS,
  lastFinishedQuarter,
  nextQuarter,
  type QuarterString,
  quarterEnd,
  quarterRange,
  toQuarter,
  ZONES,
} from "@zones/domain";

import type { Database } from "../client";
import { getSetting, putSetting } from "../queries/settings";
import { observations, reportingPeriods, submissions } from "../schema";
import { syntheticNumeric } from "./synthetic";

/** The first quarter of demo data: the programme's first. */
export const DEMO_FIRST_QUARTER: QuarterString = FIRST_QUARTER;

/**
 * Where each zone stands in the open (last finished) quarter, so that the demo shows every step of
 * the workflow. Huangshi (HB-HS) is mid-entry: its demo official has work to do.
 */
const OPEN_QUARTER_STATUS: Record<string, "approved" | "submitted" | "draft" | "none"> = {
  "LN-C": "approved",
  "JL-C": "approved",
  "NM-W": "approved",
  "HE-TS": "approved",
  "SX-CZ": "approved",
  "SD-ZB": "approved",
  "AH-TL": "approved",
  "HN-C": "submitted",
  "CQ-M": "submitted",
  "HB-HS": "draft",
  "SC-ZG": "draft",
  "NX-NE": "none",
};

const INSERT_CHUNK = 2_000;

/**
 * Reporting periods from 2017Q1: finished quarters closed, the last finished one open for entry. Existing
 * periods are left as they are. With `inProgress` (the demo) the current quarter is set up not yet open, as an
 * admin may do in advance; without it the quarter has no period, so it opens by itself when it ends.
 */
export async function seedReportingPeriods(
  db: Database,
  now: Date,
  { inProgress = true }: { inProgress?: boolean } = {},
): Promise<void> {
  const open = lastFinishedQuarter(now);
  const current = nextQuarter(open);
  const rows = quarterRange(DEMO_FIRST_QUARTER, inProgress ? current : open).map((quarter) => ({
    quarter,
    deadline: defaultDeadline(quarter),
    status:
      quarter === open
        ? ("open" as const)
        : quarter === current
          ? ("not_open" as const)
          : ("closed" as const),
    openedAt: quarter === current ? null : new Date(`${quarterEnd(quarter)}T16:00:00Z`),
    closedAt:
      quarter === open || quarter === current ? null : new Date(`${defaultDeadline(quarter)}T16:00:00Z`),
  }));
  await db.insert(reportingPeriods).values(rows).onConflictDoNothing();
}

/**
 * Synthetic submissions and observations from 2017Q1 to the last finished quarter. Idempotent: rows
 * that exist are kept, and a marker records how far the data reaches so a warm start skips the work.
 */
export async function seedDemoData(db: Database, now: Date): Promise<{ inserted: boolean }> {
  const open = lastFinishedQuarter(now);
  const marker = await getSetting(db, "demo");
  if (marker?.seededThrough === open) return { inserted: false };

  const quarters = quarterRange(DEMO_FIRST_QUARTER, open);
  const submissionRows: (typeof submissions.$inferInsert)[] = [];
  const observationRows: (typeof observations.$inferInsert)[] = [];

  for (const zone of ZONES) {
    for (const quarter of quarters) {
      const status = quarter === open ? (OPEN_QUARTER_STATUS[zone.code] ?? "draft") : "approved";
      if (status === "none") continue;
      const deadline = new Date(`${defaultDeadline(quarter)}T16:00:00Z`);
      const submittedAt = status === "draft" ? null : new Date(deadline.getTime() - 3 * 86_400_000);
      submissionRows.push({
        zoneCode: zone.code,
        quarter,
        status,
        submittedAt,
        reviewedAt: status === "approved" ? new Date(deadline.getTime() + 2 * 86_400_000) : null,
        createdAt: new Date(`${quarterEnd(quarter)}T16:00:00Z`),
      });
      const applicable = INDICATORS.filter((indicator) => appliesToQuarter(indicator, quarter));
      // A draft is half filled in, as an official in the middle of entry would leave it.
      const entered = status === "draft" ? applicable.slice(0, Math.ceil(applicable.length / 2)) : applicable;
      for (const indicator of entered) {
        observationRows.push({
          zoneCode: zone.code,
          indicatorCode: indicator.code,
          quarter,
          value: syntheticNumeric(zone.code, indicator, toQuarter(quarter)),
          // GDP of the newest quarter is still the preliminary estimate (初步核算).
          revisionKind: indicator.code === "gdp" && quarter === open ? "preliminary" : "final",
        });
      }
    }
  }

  await db.transaction(async (tx) => {
    for (let i = 0; i < submissionRows.length; i += INSERT_CHUNK) {
      await tx
        .insert(submissions)
        .values(submissionRows.slice(i, i + INSERT_CHUNK))
        .onConflictDoNothing();
    }
    for (let i = 0; i < observationRows.length; i += INSERT_CHUNK) {
      await tx
        .insert(observations)
        .values(observationRows.slice(i, i + INSERT_CHUNK))
        .onConflictDoNothing();
    }
    await putSetting(tx, "demo", { seededThrough: open, seededAt: now.toISOString() });
  });
  return { inserted: true };
}
