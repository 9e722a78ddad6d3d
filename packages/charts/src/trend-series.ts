import { finiteOrNull } from "./chart-utils";

export interface TrendPoint {
  quarter: string;
  value: number | null;
  /** approved data revised after first approval */
  revised?: boolean;
  /** submitted but not approved (reviewers may include it) */
  provisional?: boolean;
}

export interface TrendSeries {
  /** Stable identity (e.g. zone code); ends up in `data-key` attributes. */
  key: string;
  label: string;
  points: TrendPoint[];
}

/** What a point's marker shows besides its value. */
export type PointStatus = Pick<TrendPoint, "revised" | "provisional">;

/** Looks up a series' point by quarter; gaps (null or non-finite values) are not points. */
export function drawnPoints(points: readonly TrendPoint[]): (quarter: string) => TrendPoint | undefined {
  const byQuarter = new Map(points.map((p) => [p.quarter, p]));
  return (quarter) => {
    const point = byQuarter.get(quarter);
    return point && finiteOrNull(point.value) !== null ? point : undefined;
  };
}
