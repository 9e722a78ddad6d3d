import { diamondPath } from "./chart-utils";
import { chartFontFamily } from "./palette";
import type { PointStatus } from "./trend-series";

type SwatchKind = "line" | "band" | "revised" | "provisional";

export type LegendEntry = {
  key: string;
  label: string;
  kind: SwatchKind;
  color: string;
  dash?: string | undefined;
};

/** Small inline icons for the HTML legends, matching the marks in the chart. */
function LegendSwatch({ kind, color, dash }: { kind: SwatchKind; color: string; dash?: string | undefined }) {
  return (
    <svg width={24} height={12} viewBox="0 0 24 12" aria-hidden="true" style={{ flex: "none" }}>
      {kind === "line" && (
        <line x1={0} x2={24} y1={6} y2={6} stroke={color} strokeWidth={2} strokeDasharray={dash} />
      )}
      {kind === "band" && <rect x={0} y={1} width={24} height={10} fill={color} />}
      {kind === "revised" && <path d={diamondPath(12, 6, 5)} fill="#fff" stroke={color} strokeWidth={1.5} />}
      {kind === "provisional" && (
        <circle cx={12} cy={6} r={4} fill="#fff" stroke={color} strokeWidth={1.5} strokeDasharray="2 1.5" />
      )}
    </svg>
  );
}

/**
 * Legend entries for the revised and provisional markers, each only when it has a label and some drawn
 * point carries that status.
 */
export function statusLegendEntries(
  labels: { revised: string | undefined; provisional: string | undefined },
  statuses: readonly (PointStatus | undefined)[],
): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const kind of ["revised", "provisional"] as const) {
    const label = labels[kind];
    if (label && statuses.some((status) => status?.[kind] === true)) {
      entries.push({ key: kind, label, kind, color: "#333" });
    }
  }
  return entries;
}

export function ChartLegend({ entries, className }: { entries: readonly LegendEntry[]; className: string }) {
  return (
    <ul
      className={className}
      // ChartFrame draws the items marked this way under the chart in PNG exports.
      data-export-legend=""
      style={{
        listStyle: "none",
        margin: 0,
        padding: "4px 0 0",
        display: "flex",
        flexWrap: "wrap",
        justifyContent: "center",
        gap: "4px 16px",
        fontSize: 12,
        color: "#333",
        fontFamily: chartFontFamily,
      }}
    >
      {entries.map((entry) => (
        <li
          key={entry.key}
          className={`${className}-item`}
          data-kind={entry.kind}
          style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
        >
          <LegendSwatch kind={entry.kind} color={entry.color} dash={entry.dash} />
          <span>{entry.label}</span>
        </li>
      ))}
    </ul>
  );
}
