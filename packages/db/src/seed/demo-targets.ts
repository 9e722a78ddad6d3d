import {
  defaultComparison,
  lastFinishedQuarter,
  type Measure,
  roundTo,
  satisfiesTarget,
  type TargetStatus,
  targetProgress,
} from "@zones/domain";
import { and, count, eq } from "drizzle-orm";

import type { Database } from "../client";
import { targetStatuses } from "../queries/targets";
import { indicators, zoneTargets } from "../schema";

/**
 * Demo plan targets (the 14th five-year plans' kind: from the 2020 baseline), so that the demo shows every
 * progress status. The demo values are synthetic, so each target value is chosen against them: the first
 * value, stepping away from the latest, that the method (`targetProgress`) puts in the status wanted.
 */
const DEMO_TARGETS: { zoneCode: string; indicatorCode: string; targetYear: number; wanted: TargetStatus }[] =
  [
    { zoneCode: "HB-HS", indicatorCode: "rd-intensity", targetYear: 2027, wanted: "on-track" },
    { zoneCode: "HB-HS", indicatorCode: "gdp", targetYear: 2027, wanted: "met" },
    { zoneCode: "HB-HS", indicatorCode: "hightech-manufacturing-share", targetYear: 2028, wanted: "at-risk" },
    { zoneCode: "HB-HS", indicatorCode: "pm25", targetYear: 2025, wanted: "off-track" },
    { zoneCode: "SD-ZB", indicatorCode: "rd-intensity", targetYear: 2027, wanted: "at-risk" },
    { zoneCode: "SD-ZB", indicatorCode: "urban-income", targetYear: 2028, wanted: "on-track" },
    { zoneCode: "LN-C", indicatorCode: "strategic-emerging-share", targetYear: 2027, wanted: "off-track" },
    { zoneCode: "LN-C", indicatorCode: "good-air-days", targetYear: 2027, wanted: "met" },
  ];

/** Targets without data: a baseline year before the demo's first year. */
const NO_DATA_TARGET = {
  zoneCode: "HB-HS",
  indicatorCode: "urbanisation-rate",
  targetYear: 2030,
  baselineYear: 2010,
};

const BASELINE_YEAR = 2020;
const NOTE = "十四五规划（演示数据）";

/** Seeds the demo targets once, into an empty `zone_targets`. */
export async function seedDemoTargets(db: Database, now: Date): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(zoneTargets);
  if ((existing?.n ?? 0) > 0) return;
  const facts = new Map(
    (await db.select().from(indicators)).map((row) => [
      row.code,
      { ...row, min: Number(row.validMin), max: Number(row.validMax) },
    ]),
  );
  // Placeholders first, so that the status query finds each target's baseline and counting value.
  await db.insert(zoneTargets).values(
    [...DEMO_TARGETS.map((target) => ({ ...target, baselineYear: BASELINE_YEAR })), NO_DATA_TARGET].map(
      (target) => {
        const indicator = facts.get(target.indicatorCode);
        return {
          zoneCode: target.zoneCode,
          indicatorCode: target.indicatorCode,
          targetYear: target.targetYear,
          baselineYear: target.baselineYear,
          targetValue: String(indicator?.max ?? 0),
          comparison: defaultComparison(indicator?.direction ?? "higher"),
          note: NOTE,
        };
      },
    ),
  );
  const quarter = lastFinishedQuarter(now);
  const rows = await targetStatuses(db, { quarter });
  for (const plan of DEMO_TARGETS) {
    const row = rows.find(
      (candidate) => candidate.zoneCode === plan.zoneCode && candidate.indicatorCode === plan.indicatorCode,
    );
    const indicator = facts.get(plan.indicatorCode);
    if (!row?.latest || row.baseline === null || !indicator) continue;
    const value = chooseTargetValue(
      { ...row, measure: indicator.measure as Measure, min: indicator.min, max: indicator.max },
      plan.wanted,
    );
    if (value === null) continue;
    await db
      .update(zoneTargets)
      .set({ targetValue: String(value) })
      .where(
        and(
          eq(zoneTargets.zoneCode, plan.zoneCode),
          eq(zoneTargets.indicatorCode, plan.indicatorCode),
          eq(zoneTargets.targetYear, plan.targetYear),
        ),
      );
  }
}

/** The first target value stepping away from the latest value that the method puts in `wanted`, or null. */
function chooseTargetValue(
  target: Parameters<typeof targetProgress>[0] & { decimals: number; min: number; max: number },
  wanted: TargetStatus,
): number | null {
  const latest = target.latest;
  if (!latest || target.baseline === null) return null;
  const away = target.comparison === "at-least" ? 1 : -1;
  const step =
    Math.max(
      Math.abs(latest.value - target.baseline),
      Math.abs(latest.value) * 0.02,
      10 ** -target.decimals,
    ) / 20;
  // Met: a little short of the latest value (already satisfied); otherwise ever further past it.
  const start = wanted === "met" ? -1 : 1;
  for (let k = start; k <= 400; k++) {
    const value = roundTo(latest.value + away * k * step, target.decimals);
    if (value < target.min || value > target.max) break;
    if (wanted !== "met" && satisfiesTarget(latest.value, target.comparison, value)) continue;
    if (targetProgress({ ...target, targetValue: value }).status === wanted) return value;
  }
  return null;
}
