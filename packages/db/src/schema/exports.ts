import {
  DEFAULT_TIME_ZONE,
  EXPORT_DELIVERY_CHANNELS,
  EXPORT_DELIVERY_STATUSES,
  EXPORT_RUN_STATUSES,
} from "@zones/domain";
import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, uniqueIndex } from "drizzle-orm/pg-core";

import { users } from "./auth";

/** The states of `EXPORT_RUN_STATUSES` (`@zones/domain`); a retry waits as `queued` with `attempts` > 0. */
export const exportRunStatus = pgEnum("export_run_status", EXPORT_RUN_STATUSES);

/**
 * A recurring export. `trigger` and `filters` are validated by `@zones/exports/schedules`
 * (`ZExportScheduleSchema`); `cron` is the trigger compiled to a 5-field cron expression (null for the
 * quarterly-after-deadline and all-approved triggers). `dueFrom` is the end of the last window the ticks
 * looked at: an occurrence after it has not been run yet.
 */
export const exportSchedules = pgTable(
  "export_schedules",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    ownerId: t
      .text()
      .notNull()
      .references(() => users.id),
    name: t.text().notNull(),
    trigger: t.jsonb().notNull(),
    cron: t.text(),
    timezone: t.text().notNull().default(DEFAULT_TIME_ZONE),
    filters: t.jsonb().notNull(),
    format: t.text().notNull().default("csv"),
    retention: t.integer().notNull().default(8),
    /**
     * Who gets each finished file and how (`delivery` of ZExportScheduleSchema: accounts, outside addresses,
     * link or attachment, webhooks with their secrets); `{}` delivers to nobody.
     */
    delivery: t.jsonb().notNull().default(sql`'{}'::jsonb`),
    enabled: t.boolean().notNull().default(true),
    /** Why the schedule stopped by itself (e.g. its owner lost the right to its data); null when running. */
    stoppedReason: t.text(),
    dueFrom: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index("export_schedules_owner_idx").on(table.ownerId)],
);

/** One export: on demand, from a schedule's occurrence, from an event, or a re-run of another. */
export const exportRuns = pgTable(
  "export_runs",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    scheduleId: t.uuid().references(() => exportSchedules.id, { onDelete: "set null" }),
    requestedBy: t.text().references(() => users.id),
    /** `manual` | `schedule` | `event` | `rerun`. */
    trigger: t.text().notNull().default("manual"),
    /** The schedule occurrence (or event) this run serves: unique per schedule, so a tick runs once. */
    dueAt: t.timestamp({ withTimezone: true }),
    rerunOf: t.uuid(),
    filters: t.jsonb().notNull(),
    format: t.text().notNull().default("csv"),
    status: exportRunStatus().notNull().default("queued"),
    rowsExpected: t.bigint({ mode: "number" }),
    rowsDone: t.bigint({ mode: "number" }).notNull().default(0),
    attempts: t.integer().notNull().default(0),
    maxAttempts: t.integer().notNull().default(3),
    rowCount: t.bigint({ mode: "number" }),
    byteSize: t.bigint({ mode: "number" }),
    checksum: t.text(),
    error: t.text(),
    /** The finished file's name, as downloads call it; kept after pruning. */
    fileName: t.text(),
    /**
     * Where the finished file is kept: its key in the export storage (`<run id>/<file name>`, relative to
     * EXPORT_DIR or to the bucket's prefix); null until complete and after pruning.
     */
    storageKey: t.text(),
    /**
     * Before storage keys (migration 0008): the file's absolute path in EXPORT_DIR. No longer written or read;
     * its rows got their `storageKey` from it.
     */
    filePath: t.text(),
    prunedAt: t.timestamp({ withTimezone: true }),
    cancelRequestedAt: t.timestamp({ withTimezone: true }),
    heartbeatAt: t.timestamp({ withTimezone: true }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: t.timestamp({ withTimezone: true }),
    finishedAt: t.timestamp({ withTimezone: true }),
    durationMs: t.integer(),
  }),
  (table) => [
    index("export_runs_schedule_idx").on(table.scheduleId, table.createdAt),
    index("export_runs_requested_by_idx").on(table.requestedBy, table.createdAt),
    uniqueIndex("export_runs_schedule_due_idx")
      .on(table.scheduleId, table.dueAt)
      .where(sql`${table.dueAt} is not null`),
  ],
);

/** The states of `EXPORT_DELIVERY_STATUSES` (`@zones/domain`). */
export const exportDeliveryStatus = pgEnum("export_delivery_status", EXPORT_DELIVERY_STATUSES);
export const exportDeliveryChannel = pgEnum("export_delivery_channel", EXPORT_DELIVERY_CHANNELS);

/**
 * One recipient's (or one webhook's) delivery of a run's file. `target` is the address or URL; unique per run
 * and channel, so that a run delivered twice (two workers, a retried job) is one row, and one message or POST.
 */
export const exportDeliveries = pgTable(
  "export_deliveries",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    runId: t
      .uuid()
      .notNull()
      .references(() => exportRuns.id, { onDelete: "cascade" }),
    channel: exportDeliveryChannel().notNull(),
    target: t.text().notNull(),
    /** The account a mail goes to; null for outside addresses and webhooks. */
    recipientId: t.text().references(() => users.id, { onDelete: "set null" }),
    status: exportDeliveryStatus().notNull().default("queued"),
    attempts: t.integer().notNull().default(0),
    /** The server's last answer (SMTP reply, or HTTP status and the first bytes of the body), or why it failed. */
    answer: t.text(),
    /** The outgoing message of a mail delivery (`mail_messages`), whose sending the delivery follows. */
    mailId: t.uuid(),
    /** A webhook's POST in flight since then: a claim older than the stale limit was lost with its worker. */
    claimedAt: t.timestamp({ withTimezone: true }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [uniqueIndex("export_deliveries_target_idx").on(table.runId, table.channel, table.target)],
);

/** Outside mail domains an admin allows schedules to deliver to. */
export const allowedMailDomains = pgTable("allowed_mail_domains", (t) => ({
  domain: t.text().primaryKey(),
  addedBy: t.text().references(() => users.id, { onDelete: "set null" }),
  createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
}));
