import { CITY_TYPES, REGIONS } from "@zones/domain";
import { index, pgTable } from "drizzle-orm/pg-core";

/**
 * The catalogue: zones, their member cities and the indicators. The database is its source of truth at run time;
 * `@zones/domain`'s built-in catalogue seeds a new installation and fills what an upgrade adds, never overwriting
 * an admin's edit (`seedCatalogue`). Every change bumps `catalogue_version` (a trigger, migration 0014), which the
 * app's catalogue cache is keyed by.
 */
export const zones = pgTable("zones", (t) => ({
  code: t.text().primaryKey(),
  nameZh: t.text().notNull(),
  nameEn: t.text().notNull(),
  shortNameZh: t.text().notNull(),
  shortNameEn: t.text().notNull(),
  provinceZh: t.text().notNull(),
  provinceEn: t.text().notNull(),
  batch: t.smallint().notNull(),
  designatedYear: t.smallint().notNull(),
  sortOrder: t.smallint().notNull(),
  /** Counts among peers (false only for a unit that left the data set entirely). */
  active: t.boolean().notNull().default(true),
  /** Null only until the seed fills a zone of an older release. */
  namedOn: t.date({ mode: "string" }),
  reportsFrom: t.text(),
  /** First quarter it no longer reports (retired), or null. */
  retiredFrom: t.text(),
  cityType: t.text({ enum: CITY_TYPES }),
  region: t.text({ enum: REGIONS }),
  /**
   * A zone of the programme (示范区), listed on the dashboards. False for a reference unit that counts among
   * peers only (the bench's synthetic cities).
   */
  programme: t.boolean().notNull().default(true),
}));

/** A zone's member cities: a zone may be one city; cities can report on their own later. */
export const memberCities = pgTable(
  "member_cities",
  (t) => ({
    code: t.text().primaryKey(),
    zoneCode: t
      .text()
      .notNull()
      .references(() => zones.code),
    nameZh: t.text().notNull(),
    nameEn: t.text().notNull(),
    sortOrder: t.smallint().notNull(),
  }),
  (table) => [index("member_cities_zone_idx").on(table.zoneCode)],
);

export const indicators = pgTable("indicators", (t) => ({
  code: t.text().primaryKey(),
  theme: t.text().notNull(),
  nameZh: t.text().notNull(),
  nameEn: t.text().notNull(),
  unitZh: t.text().notNull(),
  unitEn: t.text().notNull(),
  direction: t.text({ enum: ["higher", "lower"] }).notNull(),
  frequency: t.text({ enum: ["quarterly", "annual"] }).notNull(),
  cumulative: t.boolean().notNull(),
  measure: t.text().notNull(),
  validMin: t.numeric().notNull(),
  validMax: t.numeric().notNull(),
  decimals: t.smallint().notNull(),
  headline: t.boolean().notNull(),
  sortOrder: t.smallint().notNull(),
  definitionZh: t.text(),
  definitionEn: t.text(),
  sourceZh: t.text(),
  sourceEn: t.text(),
  /** Soft rule: the year-on-year margin (% or percentage points by measure); null = the measure's default. */
  yoyThreshold: t.numeric(),
  /** First year reported (null: from the start) and last year reported (null: still reported). */
  inForceFrom: t.smallint(),
  retiredAfter: t.smallint(),
}));

/** Small key/value settings of the installation (e.g. that it holds synthetic demo data). */
export const settings = pgTable("settings", (t) => ({
  key: t.text().primaryKey(),
  value: t.jsonb().notNull(),
}));
