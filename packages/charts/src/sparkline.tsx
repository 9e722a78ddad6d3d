import { chartClass, SPARKLINE_MARGIN } from "./chart-classes";
import { finiteOrNull, isolatedIndices } from "./chart-utils";
import { chartFontFamily, palette } from "./palette";

export interface SparklinePoint {
  quarter: string;
  value: number | null;
}

export interface SparklineProps {
  /** In display order (oldest first). */
  points: SparklinePoint[];
  /** Accessible name; the first and last values are appended to it. */
  label: string;
  /** Formats values in the accessible name; default `String`. */
  formatValue?: (v: number) => string;
  /** Formats quarters in the accessible name; default as given. */
  formatQuarter?: (q: string) => string;
  /** Omit to fill the container's width. */
  width?: number;
  /** Default 32. */
  height?: number;
  color?: string;
}

const DEFAULT_HEIGHT = 32;
/** Room for the end dot, in pixels, on every side of the line. */
/** Width of the line's own coordinate system; it is stretched to the box's width. */
const LINE_WIDTH = 100;

type Row = { quarter: string; value: number | null };

/** "label: first-quarter first-value – last-quarter last-value", or just the one value. */
export function sparklineDescription(
  label: string,
  points: readonly SparklinePoint[],
  formatValue: (v: number) => string = String,
  formatQuarter: (q: string) => string = (q) => q,
): string {
  const present = points.filter((p): p is Row & { value: number } => finiteOrNull(p.value) !== null);
  const first = present[0];
  const last = present[present.length - 1];
  if (!first || !last) return `${label}: —`;
  const describe = (p: { quarter: string; value: number }) =>
    `${formatQuarter(p.quarter)} ${formatValue(p.value)}`;
  return first === last ? `${label}: ${describe(first)}` : `${label}: ${describe(first)} – ${describe(last)}`;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Where each value is drawn: `x` as a fraction of the width (0 = first quarter, 1 = last; a single quarter in
 * the middle) and `y` in pixels from the top, the lowest value at the bottom margin and the highest at the
 * top (a flat series in the middle). Gaps are null.
 */
export function sparklineLayout(
  values: readonly (number | null)[],
  height: number,
): ({ x: number; y: number } | null)[] {
  const present = values.filter((v): v is number => v !== null);
  const min = Math.min(...present);
  const max = Math.max(...present);
  const inner = Math.max(height - 2 * SPARKLINE_MARGIN, 0);
  return values.map((value, i) => {
    if (value === null) return null;
    const x = values.length === 1 ? 0.5 : i / (values.length - 1);
    const y = max === min ? height / 2 : SPARKLINE_MARGIN + ((max - value) / (max - min)) * inner;
    return { x, y };
  });
}

/**
 * A quarter-by-quarter trend at a glance: a line through the values, broken at gaps, a dot on the latest value
 * and on any value between two gaps (it has no segment to show it). Plain SVG, drawn on the server and without
 * a chart library; it takes the width of its box through CSS, so it needs no measuring in the browser: the line
 * sits in a nested SVG stretched to the width (its stroke keeps its thickness), and the dots are placed in
 * percent of the width, so they stay round.
 */
export function Sparkline({
  points,
  label,
  formatValue,
  formatQuarter,
  width,
  height = DEFAULT_HEIGHT,
  color = palette[0],
}: SparklineProps) {
  const rows: Row[] = points.map((p) => ({ quarter: p.quarter, value: finiteOrNull(p.value) }));
  const present = rows.filter((r) => r.value !== null).length;
  const description = sparklineDescription(label, points, formatValue, formatQuarter);

  if (present === 0) {
    return (
      <span
        data-testid="sparkline"
        data-points={0}
        className="sparkline-empty"
        title={label}
        role="img"
        aria-label={description}
        style={{
          display: "inline-flex",
          alignItems: "center",
          justifyContent: "center",
          width: width ?? "100%",
          height,
          color: "#555",
          fontFamily: chartFontFamily,
        }}
      >
        —
      </span>
    );
  }

  const layout = sparklineLayout(
    rows.map((r) => r.value),
    height,
  );
  let lastIndex = -1;
  layout.forEach((at, i) => {
    if (at !== null) lastIndex = i;
  });
  // A value between two gaps has no line segment; give it a small dot so it does not vanish.
  const isolated = isolatedIndices(layout, (at) => at !== null);

  // One subpath per run of two or more values, so the line breaks at every gap.
  let d = "";
  layout.forEach((at, i) => {
    if (at === null) return;
    const previous = layout[i - 1];
    const next = layout[i + 1];
    const moveTo = previous === null || previous === undefined;
    if (moveTo && (next === null || next === undefined)) return;
    d += `${moveTo ? "M" : "L"}${round(at.x * LINE_WIDTH)},${round(at.y)}`;
  });

  const dot = (index: number, className: string, r: number) => {
    const at = layout[index];
    if (!at) return null;
    return (
      <circle
        key={`${className}-${index}`}
        className={className}
        data-quarter={rows[index]?.quarter}
        cx={`${round(at.x * 100)}%`}
        cy={round(at.y)}
        r={r}
        fill={color}
      />
    );
  };

  return (
    <div
      data-testid="sparkline"
      data-points={present}
      className={chartClass.sparkline}
      style={{ width: width ?? "100%", height }}
    >
      <svg role="img" aria-label={description} width="100%" height={height} overflow="visible">
        {d !== "" && (
          <svg
            width="100%"
            height={height}
            viewBox={`0 0 ${LINE_WIDTH} ${height}`}
            preserveAspectRatio="none"
            overflow="visible"
            aria-hidden="true"
          >
            <path
              className="sparkline-line"
              d={d}
              fill="none"
              stroke={color}
              strokeWidth={1.5}
              strokeLinejoin="round"
              strokeLinecap="round"
              vectorEffect="non-scaling-stroke"
            />
          </svg>
        )}
        {isolated.filter((i) => i !== lastIndex).map((i) => dot(i, "sparkline-isolated", 1.5))}
        {dot(lastIndex, "sparkline-dot", 2.5)}
      </svg>
    </div>
  );
}
