import { PERIOD_STATUSES, SUBMISSION_STATUSES } from "@zones/domain";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgEnum, pgTable, primaryKey } from "drizzle-orm/pg-core";

import { users } from "./auth";
import { indicators, zones } from "./catalogue";

/** Quarters are stored as `YYYYQn` text: readable, and their text order is their time order. */
const quarterCheck = (column: string) => sql.raw(`${column} ~ '^[0-9]{4}Q[1-4]$'`);

export const periodStatus = pgEnum("period_status", PERIOD_STATUSES);
export const submissionStatus = pgEnum("submission_status", SUBMISSION_STATUSES);
export const revisionKind = pgEnum("revision_kind", ["preliminary", "final"]);

/** One reporting period per quarter: when it is open for entry and its deadline (Asia/Shanghai date). */
export const reportingPeriods = pgTable(
  "reporting_periods",
  (t) => ({
    quarter: t.text().primaryKey(),
    status: periodStatus().notNull().default("not_open"),
    deadline: t.date({ mode: "string" }).notNull(),
    openedAt: t.timestamp({ withTimezone: true }),
    closedAt: t.timestamp({ withTimezone: true }),
  }),
  () => [check("reporting_periods_quarter_format", quarterCheck("quarter"))],
);

/** A zone's data for one quarter, moving draft → submitted → approved (or returned). */
export const submissions = pgTable(
  "submissions",
  (t) => ({
    zoneCode: t
      .text()
      .notNull()
      .references(() => zones.code),
    quarter: t
      .text()
      .notNull()
      .references(() => reportingPeriods.quarter),
    status: submissionStatus().notNull().default("draft"),
    /** Optimistic concurrency: every save must name the version it was based on. */
    version: t.integer().notNull().default(1),
    late: t.boolean().notNull().default(false),
    submittedAt: t.timestamp({ withTimezone: true }),
    submittedBy: t.text().references(() => users.id),
    reviewedAt: t.timestamp({ withTimezone: true }),
    reviewedBy: t.text().references(() => users.id),
    reviewComment: t.text(),
    /** The reviewer's comments per indicator code from the last return, shown beside the fields. */
    reviewNotes: t.jsonb().$type<Record<string, string>>().notNull().default({}),
    /** How many times approved data was reopened for revision (e.g. preliminary → final GDP). */
    revision: t.integer().notNull().default(0),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    primaryKey({ columns: [table.zoneCode, table.quarter] }),
    // Dashboards ask "which zones are approved for this quarter".
    index("submissions_quarter_status_idx").on(table.quarter, table.status),
  ],
);

/**
 * One value: zone × indicator × quarter. Exact `numeric`, never floats; the unit lives in the catalogue.
 * Cumulative indicators hold the year-to-date figure as reported (累计).
 */
export const observations = pgTable(
  "observations",
  (t) => ({
    zoneCode: t.text().notNull(),
    indicatorCode: t
      .text()
      .notNull()
      .references(() => indicators.code),
    quarter: t.text().notNull(),
    value: t.numeric().notNull(),
    revisionKind: revisionKind().notNull().default("final"),
    /** 上报说明: the filer's explanation when a soft rule fired. */
    note: t.text(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: t.text().references(() => users.id),
  }),
  (table) => [
    // The primary key serves "one zone, all indicators, all quarters".
    primaryKey({ columns: [table.zoneCode, table.indicatorCode, table.quarter] }),
    // "One indicator, all zones, a quarter range", answered from the index alone.
    index("observations_indicator_quarter_idx")
      .on(table.indicatorCode, table.quarter, table.zoneCode)
      .with({ fillfactor: 90 }),
    foreignKey({
      name: "observations_submission_fk",
      columns: [table.zoneCode, table.quarter],
      foreignColumns: [submissions.zoneCode, submissions.quarter],
    }).onDelete("cascade"),
    check("observations_quarter_format", quarterCheck("quarter")),
  ],
);

/** Append-only (a trigger refuses UPDATE and DELETE): who did what, when. */
export const auditLog = pgTable(
  "audit_log",
  (t) => ({
    id: t.bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: t.text().references(() => users.id),
    action: t.text().notNull(),
    entityType: t.text().notNull(),
    entityId: t.text().notNull(),
    zoneCode: t.text(),
    quarter: t.text(),
    details: t.jsonb().notNull().default({}),
  }),
  (table) => [
    index("audit_log_entity_idx").on(table.entityType, table.entityId, table.at),
    index("audit_log_at_idx").on(table.at),
  ],
);

/**
 * The spread of each indicator across the active zones' approved values, per quarter, as reported (`ytd`)
 * and as single quarters (`single`): what the zone page's peer band and the indicator page's distribution
 * draw. Derived data: an approval or reopening marks its quarters stale (`peer_statistics_stale`) and the
 * next dashboard read recomputes them (`ensurePeerStatistics`), so a dashboard reads a few rows instead of
 * ranking every unit's values on each request (11.5 s → 19 ms for a zone page at 2,850 units;
 * docs/performance.md).
 */
export const peerStatistics = pgTable(
  "peer_statistics",
  (t) => ({
    mode: t.text().notNull(),
    indicatorCode: t
      .text()
      .notNull()
      .references(() => indicators.code, { onDelete: "cascade" }),
    quarter: t.text().notNull(),
    /** Active zones with a value. */
    zones: t.integer().notNull(),
    min: t.numeric(),
    p25: t.doublePrecision(),
    median: t.doublePrecision(),
    p75: t.doublePrecision(),
    max: t.numeric(),
    refreshedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    primaryKey({ columns: [table.mode, table.indicatorCode, table.quarter] }),
    check("peer_statistics_mode", sql`${table.mode} in ('ytd', 'single')`),
    check("peer_statistics_quarter_format", quarterCheck("quarter")),
  ],
);

/**
 * Quarters whose `peer_statistics` no longer match the approved values: marked in the transaction that
 * approves or reopens a submission (a cheap insert), recomputed by the next dashboard read that needs them
 * (`ensurePeerStatistics`). A reviewer approving a batch of submissions then pays nothing per approval,
 * and the batch is recomputed once.
 */
export const peerStatisticsStale = pgTable(
  "peer_statistics_stale",
  (t) => ({
    quarter: t.text().primaryKey(),
    markedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  () => [check("peer_statistics_stale_quarter_format", quarterCheck("quarter"))],
);

/**
 * Each active zone's percentile among the active zones' approved values of an indicator in a quarter, as
 * reported (year-to-date), oriented so that 1 = best (`percent_rank()` of the value, negated for "lower is
 * better" indicators): what the overview's heat table shows. Derived with `peer_statistics`, in the same
 * refresh, so the heat table reads the shown cells instead of ranking every unit on each request.
 */
export const peerPercentiles = pgTable(
  "peer_percentiles",
  (t) => ({
    quarter: t.text().notNull(),
    indicatorCode: t
      .text()
      .notNull()
      .references(() => indicators.code, { onDelete: "cascade" }),
    zoneCode: t
      .text()
      .notNull()
      .references(() => zones.code, { onDelete: "cascade" }),
    percentile: t.doublePrecision().notNull(),
  }),
  (table) => [
    primaryKey({ columns: [table.quarter, table.indicatorCode, table.zoneCode] }),
    check("peer_percentiles_quarter_format", quarterCheck("quarter")),
  ],
);

/**
 * One row: a counter that every change to what the dashboards show increments in its own transaction
 * (triggers on the catalogue, periods, settings, submissions, visible observations and the peer statistics;
 * migration 0018). The dashboards' response cache keys its entries by it.
 */
export const dataVersion = pgTable(
  "data_version",
  (t) => ({
    id: t.boolean().primaryKey().default(true),
    version: t.bigint({ mode: "number" }).notNull().default(0),
    changedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [check("data_version_one_row", sql`${table.id}`)],
);
