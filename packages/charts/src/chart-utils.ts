/*
 * Helpers shared by every chart. This module must not import Recharts: the light SVG charts (sparkline,
 * ranking bars, heat table) use it, and pages that show only those must not load the chart library.
 */

/** Height of a quarter chart (trend, distribution) when none is given, and of its placeholder. */
export const DEFAULT_CHART_HEIGHT = 320;

/**
 * Recharts' marks are drawn in place, not animated: an animation re-renders the whole chart on every frame
 * for a second and a half, which on a phone blocks the page long after it has loaded, for no information.
 */
export const stillMarks = { isAnimationActive: false } as const;

/** What tables and tooltips show for a gap. */
export const MISSING = "—";

/** A number that can be drawn: null, undefined, NaN and ±∞ are gaps. */
export function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A range from two ends given in either order, or null when either end is a gap. */
export function finiteRange(
  a: number | null | undefined,
  b: number | null | undefined,
): [number, number] | null {
  const x = finiteOrNull(a);
  const y = finiteOrNull(b);
  return x === null || y === null ? null : [Math.min(x, y), Math.max(x, y)];
}

/** Indices of the defined entries whose neighbours are both undefined: an area cannot show them. */
export function isolatedIndices<T>(items: readonly T[], defined: (item: T) => boolean): number[] {
  const result: number[] = [];
  items.forEach((item, i) => {
    const prev = items[i - 1];
    const next = items[i + 1];
    if (defined(item) && (prev === undefined || !defined(prev)) && (next === undefined || !defined(next))) {
      result.push(i);
    }
  });
  return result;
}

/**
 * Width of a label in pixels, estimated without a browser: a CJK (or full-width) character is one em, a digit
 * 0.56 em, a comma, point or space 0.3 em, anything else 0.6 em. A little generous on purpose: it only decides
 * where axes start and which tick labels fit.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    if (/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(char)) ems += 1;
    else if (/[0-9]/.test(char)) ems += 0.56;
    else if (/[,. ]/.test(char)) ems += 0.3;
    else ems += 0.6;
  }
  return Math.ceil(ems * fontSize);
}

/** The hollow diamond that marks a revised value, in the chart and in its legend. */
export function diamondPath(cx: number, cy: number, r: number): string {
  return `M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`;
}

/** Font size the value axis's tick labels are measured at: the page's (16 px), above the 12–14 px they show. */
const TICK_FONT_SIZE = 16;
/** Room beside a tick label: Recharts' tick line (6 px), its margin and a little air. */
const TICK_ROOM = 14;

/**
 * Width of a chart's value axis, decided before drawing from the values the rows hold (numbers, and the
 * ends of ranges), so that Recharts need not measure its tick labels and render the chart again, and the plot
 * does not move once they are measured. Nice ticks may reach past the data to the next round figure (980 →
 * 1,000), so that figure is measured too.
 */
export function valueAxisWidth(rows: readonly object[], formatValue: (value: number) => string): number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    for (const cell of Object.values(row)) {
      for (const value of Array.isArray(cell) ? cell : [cell]) {
        if (typeof value !== "number" || !Number.isFinite(value)) continue;
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
  }
  if (min > max) return TICK_ROOM;
  const labels = [min, max, roundAway(min), roundAway(max)].map(formatValue);
  return Math.max(...labels.map((label) => estimateTextWidth(label, TICK_FONT_SIZE))) + TICK_ROOM;
}

/** The next round figure away from zero at the value's own magnitude: 980 → 1,000, −0.42 → −0.5. */
function roundAway(value: number): number {
  if (value === 0) return 0;
  const step = 10 ** Math.floor(Math.log10(Math.abs(value)));
  return Math.sign(value) * Math.ceil(Math.abs(value) / step) * step;
}
