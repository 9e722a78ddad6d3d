import { BULLETIN_TRIGGERS } from "@zones/domain";
import { sql } from "drizzle-orm";
import { check, index, pgTable } from "drizzle-orm/pg-core";

/**
 * Each quarterly bulletin issued as a PDF: kept in the export storage under `storageKey`, for the quarter's data
 * as it was (`dataVersion`), so that a second download of unchanged data is served without printing again.
 */
export const bulletins = pgTable(
  "bulletins",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    quarter: t.text().notNull(),
    /** `zh-CN` or `en`. */
    language: t.text().notNull(),
    /** A digest of the data the bulletin shows (`bulletinDataVersion`). */
    dataVersion: t.text().notNull(),
    storageKey: t.text().notNull(),
    byteSize: t.bigint({ mode: "number" }).notNull(),
    sha256: t.text().notNull(),
    trigger: t.text({ enum: BULLETIN_TRIGGERS }).notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    index("bulletins_quarter_idx").on(table.quarter, table.language, table.createdAt),
    check("bulletins_quarter_format", sql`${table.quarter} ~ '^[0-9]{4}Q[1-4]$'`),
    check("bulletins_language", sql`${table.language} in ('zh-CN', 'en')`),
    check("bulletins_trigger", sql`${table.trigger} in ('manual', 'all-approved')`),
  ],
);
