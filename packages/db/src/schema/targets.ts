import { TARGET_COMPARISONS } from "@zones/domain";
import { sql } from "drizzle-orm";
import { check, index, pgTable, unique } from "drizzle-orm/pg-core";

import { users } from "./auth";
import { indicators, zones } from "./catalogue";

/**
 * Plan targets (规划目标): a zone's value of an indicator to reach by the end of a year, measured from a
 * baseline year's value (docs/targets.md). Entered or imported by admins; every change is audited.
 */
export const zoneTargets = pgTable(
  "zone_targets",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    zoneCode: t
      .text()
      .notNull()
      .references(() => zones.code),
    indicatorCode: t
      .text()
      .notNull()
      .references(() => indicators.code),
    targetYear: t.smallint().notNull(),
    targetValue: t.numeric().notNull(),
    comparison: t.text({ enum: TARGET_COMPARISONS }).notNull(),
    baselineYear: t.smallint().notNull(),
    note: t.text(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: t.text().references(() => users.id),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: t.text().references(() => users.id),
  }),
  (table) => [
    unique("zone_targets_zone_indicator_year_key").on(table.zoneCode, table.indicatorCode, table.targetYear),
    // "Every target of an indicator" (the indicator page's ranking).
    index("zone_targets_indicator_idx").on(table.indicatorCode, table.zoneCode),
    check("zone_targets_comparison", sql`${table.comparison} in ('at-least', 'at-most')`),
    check("zone_targets_years", sql`${table.baselineYear} < ${table.targetYear}`),
  ],
);
