import { render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { DistributionBand } from "./distribution-band";
import { IndicatorTrend } from "./indicator-trend";

/*
 * The quarter charts are drawn in place: an animation re-renders a chart on every frame for 1.5 s, which is
 * what blocked the zone and indicator pages on a phone. Here the reader's system allows motion, so only the
 * charts' own setting can keep Recharts from animating.
 */

const quarters = ["2026Q1", "2026Q2", "2026Q3"];
const series = [
  {
    key: "HB-HS",
    label: "黄石",
    points: quarters.map((quarter, i) => ({ quarter, value: 10 + i })),
  },
];
const common = {
  quarters,
  title: "GDP",
  formatValue: String,
  formatQuarter: String,
  unit: "亿元",
  emptyMessage: "无数据",
  width: 480,
  height: 240,
};

const reducedMotion = window.matchMedia;
afterEach(() => {
  window.matchMedia = reducedMotion;
});

/** How Recharts starts an animation: lines dashed to nothing, areas behind a clip of no width. */
function animating(container: HTMLElement): string[] {
  const lines = [...container.querySelectorAll("path.recharts-line-curve")]
    .map((path) => path.getAttribute("stroke-dasharray") ?? "")
    .filter((dash) => dash.startsWith("0px"));
  const clips = [...container.querySelectorAll("clipPath rect")].filter(
    (rect) => rect.getAttribute("width") === "0",
  );
  return [...lines, ...clips.map(() => "clip of width 0")];
}

function allowMotion() {
  window.matchMedia = (query: string) => ({ ...reducedMotion(query), matches: false });
}

describe("the quarter charts", () => {
  it("draw the trend, its band and median in place, not animated", async () => {
    allowMotion();
    const { container } = render(
      <IndicatorTrend
        {...common}
        series={series}
        band={quarters.map((quarter) => ({ quarter, low: 8, median: 10, high: 12 }))}
        bandLabel="同类区间"
        medianLabel="中位数"
      />,
    );
    expect(screen.getByTestId("indicator-trend").getAttribute("data-points")).toBe("3");
    // The median, under the lines, is mounted a task after the first render (its own z-index layer).
    await waitFor(() => expect(container.querySelector("path.trend-median")).not.toBeNull());
    expect(container.querySelector("path.trend-line")?.getAttribute("d")).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(container.querySelector("path.trend-median")?.getAttribute("stroke-dasharray")).toBe("4 3");
    expect(animating(container)).toEqual([]);
  });

  it("draw the distribution in place, not animated", () => {
    allowMotion();
    const { container } = render(
      <DistributionBand
        {...common}
        band={quarters.map((quarter) => ({ quarter, min: 1, p25: 2, median: 3, p75: 4, max: 5 }))}
        highlight={series[0]}
        labels={{ range: "范围", iqr: "四分位", median: "中位数" }}
      />,
    );
    expect(screen.getByTestId("distribution-band")).toBeTruthy();
    expect(container.querySelectorAll("path.recharts-line-curve").length).toBeGreaterThan(0);
    expect(animating(container)).toEqual([]);
  });
});
