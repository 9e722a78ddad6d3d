import { index, pgTable } from "drizzle-orm/pg-core";

/**
 * Zones and indicators mirror the catalogue in `@zones/domain`, which stays the source of truth:
 * the seed upserts them so that SQL can join, sort and constrain by them.
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
  active: t.boolean().notNull().default(true),
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
}));

/** Small key/value settings of the installation (e.g. that it holds synthetic demo data). */
export const settings = pgTable("settings", (t) => ({
  key: t.text().primaryKey(),
  value: t.jsonb().notNull(),
}));
