import { index, pgEnum, pgTable } from "drizzle-orm/pg-core";

import { users } from "./auth";

export const exportRunStatus = pgEnum("export_run_status", ["queued", "running", "succeeded", "failed"]);

/** A recurring CSV export (extended by the exports issue). Filters are validated by `@zones/domain`. */
export const exportSchedules = pgTable(
  "export_schedules",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    ownerId: t
      .text()
      .notNull()
      .references(() => users.id),
    name: t.text().notNull(),
    cron: t.text().notNull(),
    timezone: t.text().notNull().default("Asia/Shanghai"),
    filters: t.jsonb().notNull(),
    retention: t.integer().notNull().default(8),
    enabled: t.boolean().notNull().default(true),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index("export_schedules_owner_idx").on(table.ownerId)],
);

/** One produced (or failed) export file. */
export const exportRuns = pgTable(
  "export_runs",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    scheduleId: t.uuid().references(() => exportSchedules.id, { onDelete: "set null" }),
    requestedBy: t.text().references(() => users.id),
    filters: t.jsonb().notNull(),
    status: exportRunStatus().notNull().default("queued"),
    rowCount: t.bigint({ mode: "number" }),
    byteSize: t.bigint({ mode: "number" }),
    checksum: t.text(),
    error: t.text(),
    filePath: t.text(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: t.timestamp({ withTimezone: true }),
    finishedAt: t.timestamp({ withTimezone: true }),
    durationMs: t.integer(),
  }),
  (table) => [index("export_runs_schedule_idx").on(table.scheduleId, table.createdAt)],
);
