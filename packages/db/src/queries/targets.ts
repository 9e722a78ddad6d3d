import {
  countingValue,
  type LocalizedText,
  type Measure,
  type TargetComparison,
  type TargetIndicator,
  type TargetProgress,
  type TargetValueAt,
  targetProgress,
  type ZoneTarget,
} from "@zones/domain";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { auditLog, indicators, zones, zoneTargets } from "../schema";

/**
 * Plan targets (`zone_targets`) and their progress for a quarter, from approved observations only
 * (docs/targets.md). Every list is bounded; every change writes an audit row in its transaction.
 */

/** The most targets one status read returns (30 indicators × a few target years × the zones in view). */
export const TARGET_STATUS_LIMIT = 2000;

export interface StoredTarget extends ZoneTarget {
  id: string;
  zoneName: LocalizedText;
  indicatorName: LocalizedText;
  unit: LocalizedText;
  decimals: number;
  updatedAt: Date;
}

export interface TargetFilter {
  zoneCode?: string;
  indicatorCode?: string;
}

interface TargetRow {
  id: string;
  zoneCode: string;
  indicatorCode: string;
  targetYear: number;
  targetValue: string;
  comparison: TargetComparison;
  baselineYear: number;
  note: string | null;
  zoneZh: string;
  zoneEn: string;
  indicatorZh: string;
  indicatorEn: string;
  unitZh: string;
  unitEn: string;
  decimals: number;
  updatedAt: string | Date;
}

const TARGET_COLUMNS = sql`
  t.id, t.zone_code as "zoneCode", t.indicator_code as "indicatorCode", t.target_year as "targetYear",
  t.target_value::text as "targetValue", t.comparison, t.baseline_year as "baselineYear", t.note,
  z.short_name_zh as "zoneZh", z.short_name_en as "zoneEn", i.name_zh as "indicatorZh",
  i.name_en as "indicatorEn", i.unit_zh as "unitZh", i.unit_en as "unitEn", i.decimals,
  t.updated_at as "updatedAt"`;

function whereOf(filter: TargetFilter): SQL {
  const conditions = [sql`true`];
  if (filter.zoneCode) conditions.push(sql`t.zone_code = ${filter.zoneCode}`);
  if (filter.indicatorCode) conditions.push(sql`t.indicator_code = ${filter.indicatorCode}`);
  return sql.join(conditions, sql` and `);
}

function toStoredTarget(row: TargetRow): StoredTarget {
  return {
    id: row.id,
    zoneCode: row.zoneCode,
    indicatorCode: row.indicatorCode,
    targetYear: Number(row.targetYear),
    targetValue: Number(row.targetValue),
    comparison: row.comparison,
    baselineYear: Number(row.baselineYear),
    note: row.note,
    zoneName: { zh: row.zoneZh, en: row.zoneEn },
    indicatorName: { zh: row.indicatorZh, en: row.indicatorEn },
    unit: { zh: row.unitZh, en: row.unitEn },
    decimals: Number(row.decimals),
    updatedAt: new Date(row.updatedAt),
  };
}

/** Targets in catalogue order (zone, indicator, year), a page at a time. */
export async function listTargets(
  db: Database,
  params: TargetFilter & { limit: number; offset: number },
): Promise<{ rows: StoredTarget[]; total: number }> {
  const where = whereOf(params);
  const [rowsResult, totalResult] = await Promise.all([
    db.execute(sql`
      select ${TARGET_COLUMNS}
      from zone_targets t
      join zones z on z.code = t.zone_code
      join indicators i on i.code = t.indicator_code
      where ${where}
      order by z.sort_order, i.sort_order, t.target_year
      limit ${params.limit} offset ${params.offset}`),
    db.execute(sql`select count(*)::int as total from zone_targets t where ${where}`),
  ]);
  return {
    rows: rowsOf<TargetRow>(rowsResult).map(toStoredTarget),
    total: Number(rowsOf<{ total: number }>(totalResult)[0]?.total ?? 0),
  };
}

/** What a target needs of each indicator: its direction (the default comparison) and its valid range. */
export interface TargetIndicatorFacts {
  direction: "higher" | "lower";
  min: number;
  max: number;
}

export async function targetIndicatorFacts(
  db: Database,
  indicatorCodes: readonly string[],
): Promise<Map<string, TargetIndicatorFacts>> {
  if (indicatorCodes.length === 0) return new Map();
  const rows = await db
    .select({
      code: indicators.code,
      direction: indicators.direction,
      min: indicators.validMin,
      max: indicators.validMax,
    })
    .from(indicators)
    .where(inArray(indicators.code, [...new Set(indicatorCodes)]));
  return new Map(
    rows.map((row) => [row.code, { direction: row.direction, min: Number(row.min), max: Number(row.max) }]),
  );
}

/** The active zones among these codes. */
export async function activeZoneCodes(db: Database, zoneCodes: readonly string[]): Promise<Set<string>> {
  if (zoneCodes.length === 0) return new Set();
  const rows = await db
    .select({ code: zones.code })
    .from(zones)
    .where(and(inArray(zones.code, [...new Set(zoneCodes)]), eq(zones.active, true)));
  return new Set(rows.map((row) => row.code));
}

const auditValues = (target: ZoneTarget) => ({
  zoneCode: target.zoneCode,
  indicatorCode: target.indicatorCode,
  targetYear: target.targetYear,
  targetValue: target.targetValue,
  comparison: target.comparison,
  baselineYear: target.baselineYear,
  note: target.note,
});

const keyOf = (target: Pick<ZoneTarget, "zoneCode" | "indicatorCode" | "targetYear">) =>
  `${target.zoneCode}|${target.indicatorCode}|${target.targetYear}`;

/**
 * Adds or replaces targets (one per zone × indicator × target year; no two alike) in one transaction, with an
 * audit row each (`target.create` or `target.update`, the values before and after). `source` says how they
 * came (`form` or `import`). Three statements whatever the number of targets. Returns the ids in the order given.
 */
export async function saveTargets(
  db: Database,
  params: { targets: readonly ZoneTarget[]; actorId: string; source: "form" | "import" },
): Promise<string[]> {
  if (params.targets.length === 0) return [];
  return db.transaction(async (tx) => {
    const keys = params.targets.map(
      (target) => sql`(${target.zoneCode}, ${target.indicatorCode}, ${target.targetYear}::smallint)`,
    );
    const before = new Map(
      rowsOf<TargetRow>(
        await tx.execute(sql`
          select zone_code as "zoneCode", indicator_code as "indicatorCode", target_year as "targetYear",
                 target_value::text as "targetValue", comparison, baseline_year as "baselineYear", note
          from zone_targets
          where (zone_code, indicator_code, target_year) in (${sql.join(keys, sql`, `)})
          for update`),
      ).map((row) => [keyOf({ ...row, targetYear: Number(row.targetYear) }), row]),
    );
    const now = new Date();
    const saved = await tx
      .insert(zoneTargets)
      .values(
        params.targets.map((target) => ({
          zoneCode: target.zoneCode,
          indicatorCode: target.indicatorCode,
          targetYear: target.targetYear,
          targetValue: String(target.targetValue),
          comparison: target.comparison,
          baselineYear: target.baselineYear,
          note: target.note,
          createdBy: params.actorId,
          updatedAt: now,
          updatedBy: params.actorId,
        })),
      )
      .onConflictDoUpdate({
        target: [zoneTargets.zoneCode, zoneTargets.indicatorCode, zoneTargets.targetYear],
        set: {
          targetValue: sql`excluded.target_value`,
          comparison: sql`excluded.comparison`,
          baselineYear: sql`excluded.baseline_year`,
          note: sql`excluded.note`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      })
      .returning({
        id: zoneTargets.id,
        zoneCode: zoneTargets.zoneCode,
        indicatorCode: zoneTargets.indicatorCode,
        targetYear: zoneTargets.targetYear,
      });
    const ids = new Map(saved.map((row) => [keyOf(row), row.id]));
    await tx.insert(auditLog).values(
      params.targets.map((target) => {
        const previous = before.get(keyOf(target));
        return {
          actorId: params.actorId,
          action: previous ? "target.update" : "target.create",
          entityType: "target",
          entityId: ids.get(keyOf(target)) ?? "",
          zoneCode: target.zoneCode,
          details: {
            source: params.source,
            from: previous
              ? auditValues({
                  ...previous,
                  targetYear: Number(previous.targetYear),
                  targetValue: Number(previous.targetValue),
                  baselineYear: Number(previous.baselineYear),
                })
              : null,
            to: auditValues(target),
          },
        };
      }),
    );
    return params.targets.map((target) => ids.get(keyOf(target)) ?? "");
  });
}

/** Deletes a target with an audit row of what it was; false when there was none. */
export async function deleteTarget(db: Database, params: { id: string; actorId: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [deleted] = await tx.delete(zoneTargets).where(eq(zoneTargets.id, params.id)).returning();
    if (!deleted) return false;
    await tx.insert(auditLog).values({
      actorId: params.actorId,
      action: "target.delete",
      entityType: "target",
      entityId: deleted.id,
      zoneCode: deleted.zoneCode,
      details: {
        from: auditValues({
          ...deleted,
          targetValue: Number(deleted.targetValue),
          note: deleted.note ?? null,
        }),
      },
    });
    return true;
  });
}

export interface TargetStatusRow extends StoredTarget {
  /** The baseline year's approved full-year (Q4) value. */
  baseline: number | null;
  /** The value that counts for the quarter (`targetReading`). */
  latest: TargetValueAt | null;
  progress: TargetProgress;
}

interface StatusRow extends TargetRow {
  frequency: TargetIndicator["frequency"];
  cumulative: boolean;
  measure: Measure;
  baseline: string | null;
  fullYearQuarter: string | null;
  fullYearValue: string | null;
  latestQuarter: string | null;
  latestValue: string | null;
}

/** An approved observation of the target's zone and indicator: the lateral joins' common part. */
const APPROVED_OF_TARGET = sql`
  from observations o
  join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter and s.status = 'approved'
  where o.zone_code = t.zone_code and o.indicator_code = t.indicator_code`;

const valueAt = (quarter: string | null, value: string | null): TargetValueAt | null =>
  quarter !== null && value !== null ? { quarter, value: Number(value) } : null;

/**
 * Each target's progress for a quarter (up to `TARGET_STATUS_LIMIT` targets), from approved values only: its
 * baseline and its two candidate values (the latest full year and the latest quarter up to `quarter`) found
 * for all targets in one query, the status decided by `targetProgress`.
 */
export async function targetStatuses(
  db: Database,
  params: TargetFilter & { quarter: string },
): Promise<TargetStatusRow[]> {
  const result = await db.execute(sql`
    select ${TARGET_COLUMNS}, i.frequency, i.cumulative, i.measure,
           base.value::text as baseline,
           full_year.quarter as "fullYearQuarter", full_year.value::text as "fullYearValue",
           latest.quarter as "latestQuarter", latest.value::text as "latestValue"
    from zone_targets t
    join zones z on z.code = t.zone_code
    join indicators i on i.code = t.indicator_code
    left join lateral (
      -- limit 1 keeps this a lookup per target (one key of the primary key) rather than a join the planner may
      -- pull up into a hash of every approved value.
      select o.value ${APPROVED_OF_TARGET} and o.quarter = t.baseline_year::text || 'Q4'
      limit 1
    ) base on true
    left join lateral (
      select o.quarter, o.value ${APPROVED_OF_TARGET} and o.quarter <= ${params.quarter} and o.quarter like '%Q4'
      order by o.quarter desc limit 1
    ) full_year on true
    left join lateral (
      select o.quarter, o.value ${APPROVED_OF_TARGET} and o.quarter <= ${params.quarter}
      order by o.quarter desc limit 1
    ) latest on true
    where ${whereOf(params)} and z.active
    order by z.sort_order, i.sort_order, t.target_year
    limit ${TARGET_STATUS_LIMIT}`);
  return rowsOf<StatusRow>(result).map((row) => {
    const target = toStoredTarget(row);
    const baseline = row.baseline === null ? null : Number(row.baseline);
    const latest = countingValue(row, {
      latestFullYear: valueAt(row.fullYearQuarter, row.fullYearValue),
      latestQuarter: valueAt(row.latestQuarter, row.latestValue),
    });
    const progress = targetProgress({ ...target, measure: row.measure, baseline, latest });
    return { ...target, baseline, latest, progress };
  });
}

export interface TargetChoices {
  zones: { code: string; name: LocalizedText }[];
  indicators: { code: string; name: LocalizedText; unit: LocalizedText; direction: "higher" | "lower" }[];
}

/** The active zones and the indicators a target may name, in catalogue order (for the admin's form). */
export async function targetChoices(db: Database): Promise<TargetChoices> {
  const [zoneRows, indicatorRows] = await Promise.all([
    db
      .select({ code: zones.code, zh: zones.shortNameZh, en: zones.shortNameEn })
      .from(zones)
      .where(eq(zones.active, true))
      .orderBy(zones.sortOrder),
    db
      .select({
        code: indicators.code,
        zh: indicators.nameZh,
        en: indicators.nameEn,
        unitZh: indicators.unitZh,
        unitEn: indicators.unitEn,
        direction: indicators.direction,
      })
      .from(indicators)
      .orderBy(indicators.sortOrder),
  ]);
  return {
    zones: zoneRows.map((row) => ({ code: row.code, name: { zh: row.zh, en: row.en } })),
    indicators: indicatorRows.map((row) => ({
      code: row.code,
      name: { zh: row.zh, en: row.en },
      unit: { zh: row.unitZh, en: row.unitEn },
      direction: row.direction,
    })),
  };
}
