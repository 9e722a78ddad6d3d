"use client";

import { Bar, BarChart, Cell, LabelList, type LabelProps, Tooltip, XAxis, YAxis } from "recharts";
import { chartFontFamily, neutralColor, palette } from "./palette";

export type ZoneRankingDatum = { key: string; label: string; value: number | null };

export type ZoneRankingProps = {
  data: ReadonlyArray<ZoneRankingDatum>;
  /** Which end of the scale is better; decides the sort so the best zone is always on top. */
  direction: "higher" | "lower";
  unit: string;
  formatValue: (value: number) => string;
  /** Zone to emphasise (e.g. the one the user is looking at); the other bars recede to grey. */
  highlightKey?: string;
  /** Used as the accessible name of the chart. */
  title: string;
  emptyMessage: string;
  /** Omit to fill the container's width. */
  width?: number;
  /** Omit to size by the number of zones. */
  height?: number;
};

type Row = ZoneRankingDatum & { formatted: string | null };

const ROW_HEIGHT = 32;
const MARGIN = { top: 8, right: 64, bottom: 8, left: 8 };
const highlightColor = palette[0];

/** Best first; zones without a value go last, in their input order, since they have no rank. */
function rankRows(
  data: ReadonlyArray<ZoneRankingDatum>,
  direction: ZoneRankingProps["direction"],
): ZoneRankingDatum[] {
  const sign = direction === "higher" ? -1 : 1;
  return [...data].sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
    return sign * (a.value - b.value);
  });
}

export function ZoneRanking({
  data,
  direction,
  unit,
  formatValue,
  highlightKey,
  title,
  emptyMessage,
  width,
  height,
}: ZoneRankingProps) {
  const rows: Row[] = rankRows(data, direction).map((d) => ({
    ...d,
    formatted: d.value === null ? null : formatValue(d.value),
  }));
  const points = rows.filter((r) => r.value !== null).length;
  const chartHeight = height ?? Math.max(rows.length, 1) * ROW_HEIGHT + MARGIN.top + MARGIN.bottom;
  const labelByKey = new Map(rows.map((r) => [r.key, r.label]));

  if (points === 0) {
    return (
      <div
        data-testid="zone-ranking"
        data-points={0}
        className="zone-ranking-empty"
        style={{
          width: width ?? "100%",
          height: height ?? 160,
          display: "flex",
          alignItems: "center",
          justifyContent: "center",
          border: "1px dashed #bbb",
          borderRadius: 4,
          color: "#555",
          fontFamily: chartFontFamily,
        }}
      >
        {emptyMessage}
      </div>
    );
  }

  return (
    // SVG <text> inherits font-family through CSS, so setting it here covers ticks, labels and tooltip.
    <div
      data-testid="zone-ranking"
      data-points={points}
      style={{ width: width ?? "100%", fontFamily: chartFontFamily }}
    >
      <BarChart
        data={rows}
        layout="vertical"
        // Fixed size when given (deterministic in tests); otherwise track the container width.
        // Not width="100%": Recharts would parse that as 100px for the first (server) render.
        responsive={width === undefined}
        width={width}
        height={chartHeight}
        margin={MARGIN}
        role="img"
        aria-label={title}
      >
        <XAxis type="number" hide />
        {/* Keyed by zone key, not label, so two zones with the same display name stay distinct. */}
        <YAxis
          type="category"
          dataKey="key"
          width="auto"
          interval={0}
          tickLine={false}
          tickFormatter={(key: string) => labelByKey.get(key) ?? key}
        />
        <Tooltip
          cursor={{ fillOpacity: 0.3 }}
          content={({ active, label }) => {
            const row = rows.find((r) => r.key === label);
            return active && row ? <RankingTooltip row={row} unit={unit} /> : null;
          }}
        />
        <Bar
          dataKey="value"
          name={title}
          className="zone-ranking-bars"
          maxBarSize={28}
          // A zero value would otherwise produce a zero-width rect and vanish from the DOM count.
          minPointSize={(value) => (value === null || value === undefined ? 0 : 2)}
        >
          {rows.map((r) => (
            <Cell
              key={r.key}
              className="zone-ranking-bar"
              data-key={r.key}
              fill={highlightKey === undefined || r.key === highlightKey ? highlightColor : neutralColor}
            />
          ))}
          <LabelList dataKey="formatted" content={renderValueLabel} />
        </Bar>
      </BarChart>
    </div>
  );
}

const LABEL_GAP = 5;

/**
 * The value just past the bar's right end. A negative bar grows leftwards from zero, so its
 * right end is the zero line: the label goes there, inside the plot, rather than past its left
 * end where it would run into the zone names.
 */
function renderValueLabel({ viewBox, value }: LabelProps) {
  if (value === null || value === undefined || !viewBox || !("width" in viewBox)) return null;
  const { x, y, width, height } = viewBox;
  return (
    <text
      className="zone-ranking-value"
      x={x + Math.max(width, 0) + LABEL_GAP}
      y={y + height / 2}
      dy="0.355em"
      textAnchor="start"
      fill="#333"
    >
      {value}
    </text>
  );
}

function RankingTooltip({ row, unit }: { row: Row; unit: string }) {
  return (
    <div
      className="zone-ranking-tooltip"
      style={{ background: "#fff", border: "1px solid #ccc", padding: "4px 8px" }}
    >
      <div style={{ fontWeight: 600 }}>{row.label}</div>
      <div>
        {row.formatted ?? "—"} {unit}
      </div>
    </div>
  );
}
