import {
  EVALUATION_RATINGS,
  EVALUATION_SOURCES,
  EVALUATION_STATES,
  RUBRIC_STATES,
  type Rubric,
} from "@zones/domain";
import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";

import { users } from "./auth";
import { indicators, memberCities, zones } from "./catalogue";

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(", ")})`);

/**
 * A year's rubric (评估细则), kept whole as jsonb: it is always read and written whole, checked whole by the
 * domain (`checkRubric`) before it is stored, and its dimension codes and weights vary from year to year.
 * Published: the year's results are final and nothing of the year changes any more.
 */
export const evaluationRubrics = pgTable(
  "evaluation_rubrics",
  (t) => ({
    year: t.smallint().primaryKey(),
    rubric: t.jsonb().$type<Rubric>().notNull(),
    state: t.text({ enum: RUBRIC_STATES }).notNull().default("draft"),
    computedAt: t.timestamp({ withTimezone: true }),
    publishedAt: t.timestamp({ withTimezone: true }),
    publishedBy: t.text().references(() => users.id),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: t.text().references(() => users.id),
  }),
  () => [check("evaluation_rubrics_state", inList("state", RUBRIC_STATES))],
);

/**
 * One unit's result of a year: a zone (`member_city_code` null) or one of its member cities. Computed rows hold
 * the score per dimension code (`dimension_scores`), the total, a reviewer's adjustment with its reason and the
 * final score; a published rating entered as history (`source = 'published-history'`) holds only its rating.
 */
export const evaluationResults = pgTable(
  "evaluation_results",
  (t) => ({
    id: t.bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    year: t.smallint().notNull(),
    zoneCode: t
      .text()
      .notNull()
      .references(() => zones.code),
    memberCityCode: t.text().references(() => memberCities.code),
    source: t.text({ enum: EVALUATION_SOURCES }).notNull(),
    state: t.text({ enum: EVALUATION_STATES }).notNull(),
    dimensionScores: t.jsonb().$type<Record<string, number>>().notNull().default({}),
    computedScore: t.numeric({ precision: 5, scale: 2 }),
    missingItems: t.smallint().notNull().default(0),
    adjustment: t.numeric({ precision: 5, scale: 2 }),
    adjustmentReason: t.text(),
    adjustedBy: t.text().references(() => users.id),
    adjustedAt: t.timestamp({ withTimezone: true }),
    finalScore: t.numeric({ precision: 5, scale: 2 }),
    rating: t.text({ enum: EVALUATION_RATINGS }).notNull(),
    computedAt: t.timestamp({ withTimezone: true }),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    uniqueIndex("evaluation_results_zone_year")
      .on(table.year, table.zoneCode)
      .where(sql`${table.memberCityCode} is null`),
    uniqueIndex("evaluation_results_city_year")
      .on(table.year, table.memberCityCode)
      .where(sql`${table.memberCityCode} is not null`),
    // A zone's history, every year.
    index("evaluation_results_zone_idx").on(table.zoneCode, table.year),
    check("evaluation_results_source", inList("source", EVALUATION_SOURCES)),
    check("evaluation_results_state", inList("state", EVALUATION_STATES)),
    check("evaluation_results_rating", inList("rating", EVALUATION_RATINGS)),
    check(
      "evaluation_results_adjustment_reason",
      sql`${table.adjustment} is null or ${table.adjustmentReason} is not null`,
    ),
  ],
);

/**
 * A member city's figure of a year (成员城市数据), from the city's statistical bulletin, imported by a reviewer or
 * admin: what the city's evaluation is computed from when its zone has several cities (a zone of one city lends
 * its own approved values). `imported_by` null: the demo seed.
 */
export const memberCityValues = pgTable(
  "member_city_values",
  (t) => ({
    year: t.smallint().notNull(),
    memberCityCode: t
      .text()
      .notNull()
      .references(() => memberCities.code),
    indicatorCode: t
      .text()
      .notNull()
      .references(() => indicators.code),
    value: t.numeric().notNull(),
    importedBy: t.text().references(() => users.id),
    importedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    primaryKey({
      name: "member_city_values_pkey",
      columns: [table.year, table.memberCityCode, table.indicatorCode],
    }),
  ],
);
