import { deepFreeze } from "./deep-freeze";
import {
  DEFAULT_RATING_THRESHOLDS,
  type EvaluationRating,
  type Rubric,
  type RubricDimension,
  type ScoringRule,
} from "./evaluation";

const PERCENTILE: ScoringRule = { kind: "percentile" };

function evenly(
  code: string,
  name: RubricDimension["name"],
  items: [indicatorCode: string, rule: ScoringRule][],
): RubricDimension {
  const weight = 100 / items.length;
  return {
    code,
    name,
    weight: 25,
    items: items.map(([indicatorCode, rule]) => ({ indicatorCode, weight, rule })),
  };
}

/**
 * The four dimensions of the evaluation since 2021, each a quarter of the total, over the starting catalogue's
 * indicators: what a new year's rubric starts from (an admin then edits it).
 */
const FOUR_DIMENSIONS: readonly RubricDimension[] = deepFreeze([
  evenly("parks", { zh: "园区建设", en: "Parks" }, [
    ["hightech-enterprises", PERCENTILE],
    ["rd-platforms", PERCENTILE],
    ["new-business-registrations", PERCENTILE],
    ["tech-upgrade-investment-growth", PERCENTILE],
  ]),
  evenly("industry", { zh: "产业发展", en: "Industry" }, [
    ["industrial-va-growth", PERCENTILE],
    ["manufacturing-share", PERCENTILE],
    ["hightech-manufacturing-share", PERCENTILE],
    ["strategic-emerging-share", PERCENTILE],
    ["rd-intensity", { kind: "linear", floor: 1, full: 3 }],
  ]),
  evenly("urban-renewal", { zh: "城市更新", en: "Urban renewal" }, [
    ["land-restored", PERCENTILE],
    ["relocation-projects", PERCENTILE],
    ["heritage-projects", PERCENTILE],
    ["urbanisation-rate", PERCENTILE],
  ]),
  evenly("green", { zh: "绿色低碳", en: "Green and low-carbon" }, [
    ["energy-intensity-reduction", { kind: "threshold", target: 3 }],
    ["solid-waste-utilisation", { kind: "linear", floor: 50, full: 90 }],
    // 35 µg/m³: the national ambient air quality standard's grade II annual limit.
    ["pm25", { kind: "threshold", target: 35 }],
    ["good-air-days", { kind: "linear", floor: 60, full: 90 }],
  ]),
]);

/** A new rubric for `year`: the four dimensions and the default rating thresholds (a copy, to be edited). */
export function defaultRubric(year: number): Rubric {
  return structuredClone({
    year,
    dimensions: FOUR_DIMENSIONS as RubricDimension[],
    thresholds: { ...DEFAULT_RATING_THRESHOLDS },
  });
}

/**
 * Published results of the evaluation of 2018 (from the domain notes): entered as history, never computed.
 * Zones not listed had no published rating that year.
 */
export const PUBLISHED_RATINGS: readonly { year: number; zoneCode: string; rating: EvaluationRating }[] =
  deepFreeze([
    { year: 2018, zoneCode: "HB-HS", rating: "excellent" },
    { year: 2018, zoneCode: "HN-C", rating: "excellent" },
    { year: 2018, zoneCode: "SC-ZG", rating: "excellent" },
    { year: 2018, zoneCode: "SX-CZ", rating: "good" },
    { year: 2018, zoneCode: "HE-TS", rating: "good" },
    { year: 2018, zoneCode: "SD-ZB", rating: "good" },
    { year: 2018, zoneCode: "AH-TL", rating: "good" },
    { year: 2018, zoneCode: "CQ-M", rating: "good" },
    { year: 2018, zoneCode: "NM-W", rating: "pass" },
  ]);
