import type { DatabaseHandle } from "@zones/db/client";
import { observations, reportingPeriods, submissions, users, userZones, zones } from "@zones/db/schema";
import { seedCatalogue } from "@zones/db/seed";

/**
 * Jobs fixture: the catalogue, a reviewer (owns schedules), an official of HB-HS, a viewer, and approved GDP
 * values of two zones for 2026Q2 (one note starting with "=", to be neutralised), a submitted HB-HS 2026Q3.
 *
 *   zone    quarter  status     gdp
 *   HB-HS   2026Q2   approved   1234.5  note "=1+1"
 *   SD-ZB   2026Q2   approved   987.25  note "淄博"
 *   HB-HS   2026Q3   submitted  1500
 */
export const REVIEWER = {
  id: "reviewer-1",
  name: "审核员",
  email: "reviewer@jobs.test",
  role: "reviewer",
} as const;
export const OFFICIAL = {
  id: "official-1",
  name: "黄石填报员",
  email: "hs@jobs.test",
  role: "official",
} as const;
export const VIEWER = { id: "viewer-1", name: "读者", email: "viewer@jobs.test", role: "viewer" } as const;

export async function loadJobsFixture(handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  await seedCatalogue(db);
  await db.insert(users).values([REVIEWER, OFFICIAL, VIEWER].map((user) => ({ ...user })));
  await db.insert(userZones).values({ userId: OFFICIAL.id, zoneCode: "HB-HS" });
  await db.insert(reportingPeriods).values([
    { quarter: "2026Q2", status: "closed", deadline: "2026-07-25" },
    { quarter: "2026Q3", status: "open", deadline: "2026-10-25" },
  ]);
  await db.insert(submissions).values([
    { zoneCode: "HB-HS", quarter: "2026Q2", status: "approved" },
    { zoneCode: "SD-ZB", quarter: "2026Q2", status: "approved" },
    { zoneCode: "HB-HS", quarter: "2026Q3", status: "submitted" },
  ]);
  await db.insert(observations).values([
    {
      zoneCode: "HB-HS",
      indicatorCode: "gdp",
      quarter: "2026Q2",
      value: "1234.5",
      revisionKind: "final",
      note: "=1+1",
    },
    {
      zoneCode: "SD-ZB",
      indicatorCode: "gdp",
      quarter: "2026Q2",
      value: "987.25",
      revisionKind: "final",
      note: "淄博",
    },
    { zoneCode: "HB-HS", indicatorCode: "gdp", quarter: "2026Q3", value: "1500", revisionKind: "final" },
  ]);
}

/** Approves every catalogue zone's `quarter` (the fixture has two): for the all-approved trigger. */
export async function approveAllZones(handle: DatabaseHandle, quarter: string): Promise<void> {
  const catalogue = await handle.db.select({ code: zones.code }).from(zones);
  await handle.db
    .insert(submissions)
    .values(catalogue.map(({ code }) => ({ zoneCode: code, quarter, status: "approved" as const })))
    .onConflictDoUpdate({ target: [submissions.zoneCode, submissions.quarter], set: { status: "approved" } });
}

/** A schedule definition (the stored columns) for the reviewer: GDP of HB-HS and SD-ZB, 2026Q2. */
export function gdpSchedule(overrides: Record<string, unknown> = {}) {
  return {
    name: "GDP 季度导出",
    trigger: { kind: "cron", cron: "* * * * *" },
    cron: "* * * * *",
    timezone: "Asia/Shanghai",
    format: "csv",
    retention: 2,
    filters: {
      zoneCodes: ["HB-HS", "SD-ZB"],
      indicatorCodes: ["gdp"],
      statuses: ["approved"],
      layout: "long",
      headerLanguage: "zh",
      encoding: "utf-8-bom",
      quarters: { kind: "fixed", from: "2026Q2", to: "2026Q2" },
    },
    ...overrides,
  };
}
