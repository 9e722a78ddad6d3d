import {
  appliesToQuarter,
  BUILT_IN_ZONES,
  defaultDeadline,
  FIRST_QUARTER,
  INDICATORS,
  lastFinishedQuarter,
  nextQuarter,
  type QuarterString,
  quarterEnd,
  quarterRange,
  toQuarter,
  ZONE_CODES,
} from "@zones/domain";

import type { Database } from "../client";
import { getSetting, putSetting } from "../queries/settings";
import { observations, reportingPeriods, submissions } from "../schema";
import { syntheticNumeric } from "./synthetic";

/** The first quarter of demo data: the programme's first. */
export const DEMO_FIRST_QUARTER: QuarterString = FIRST_QUARTER;

/**
 * Where each zone stands in the open (last finished) quarter, so that the demo shows every step of
 * the workflow. Huangshi (HB-HS) is mid-entry: its demo official has work to do. The first batch's states are
 * what the end-to-end tests read; the second batch adds one zone at each step.
 */
export const OPEN_QUARTER_STATUS: Readonly<Record<string, "approved" | "submitted" | "draft" | "none">> = {
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
  "BJ-JX": "approved",
  "LN-DL": "approved",
  "HL-DQ": "approved",
  "JS-XZ": "approved",
  "JX-PX": "submitted",
  "HA-W": "submitted",
  "GD-SG": "draft",
  "GZ-LPS": "none",
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
 * Synthetic submissions and observations from 2017Q1 (a zone of a later batch: from its `reportsFrom`) to the
 * last finished quarter. Idempotent: rows that exist are kept, and a marker records how far the data reaches
 * and for which zones, so a warm start skips the work and an installation seeded by an older release gets the
 * values of the zones it lacks (and of those only: what users entered since stays as it is).
 */
export async function seedDemoData(db: Database, now: Date): Promise<{ inserted: boolean }> {
  const open = lastFinishedQuarter(now);
  const marker = await getSetting(db, "demo");
  // A marker without zones was written by a release that seeded the first batch only.
  const seededZones = new Set<string>(marker ? (marker.zoneCodes ?? ZONE_CODES) : []);
  const upToDate = marker?.seededThrough === open;
  const zonesToSeed = upToDate
    ? BUILT_IN_ZONES.filter((zone) => !seededZones.has(zone.code))
    : BUILT_IN_ZONES;
  if (zonesToSeed.length === 0) return { inserted: false };

  const submissionRows: (typeof submissions.$inferInsert)[] = [];
  const observationRows: (typeof observations.$inferInsert)[] = [];

  for (const zone of zonesToSeed) {
    const first = zone.reportsFrom > DEMO_FIRST_QUARTER ? zone.reportsFrom : DEMO_FIRST_QUARTER;
    for (const quarter of quarterRange(first, open)) {
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
    const zoneCodes = BUILT_IN_ZONES.map((zone) => zone.code);
    await putSetting(tx, "demo", { seededThrough: open, seededAt: now.toISOString(), zoneCodes });
  });
  return { inserted: true };
}
