import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { formatCompact, formatQuarterLabel, type QuarterString } from "@zones/domain";
import { describe, expect, it, vi } from "vitest";
import { IndicatorTrend, type IndicatorTrendProps } from "./indicator-trend";
import { bandColor, chartFontFamily, dashPatterns, lineColors } from "./palette";
import type { TrendSeries } from "./trend-series";

const quarters = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1"];

const huangshi: TrendSeries = {
  key: "HB-HS",
  label: "黄石",
  points: [
    { quarter: "2024Q1", value: 120_000_000 },
    { quarter: "2024Q2", value: 125_000_000 },
    { quarter: "2024Q3", value: null },
    { quarter: "2024Q4", value: 150_000_000, revised: true },
    { quarter: "2025Q1", value: 160_000_000, provisional: true },
  ],
};
const zibo: TrendSeries = {
  key: "SD-ZB",
  label: "淄博",
  points: [
    { quarter: "2024Q1", value: 80_000_000 },
    { quarter: "2024Q2", value: 90_000_000 },
    { quarter: "2024Q3", value: 95_000_000 },
    // Not on the axis: ignored.
    { quarter: "2023Q4", value: 70_000_000 },
  ],
};
const changzhi: TrendSeries = { key: "SX-CZ", label: "长治", points: [] };

const band: IndicatorTrendProps["band"] = [
  { quarter: "2024Q1", low: 90_000_000, median: 100_000_000, high: 110_000_000 },
  { quarter: "2024Q2", low: null, median: null, high: null },
  { quarter: "2024Q3", low: 95_000_000, median: 105_000_000, high: 120_000_000 },
  { quarter: "2024Q4", low: 100_000_000, median: 110_000_000, high: 130_000_000 },
];

const formatQuarter = (q: string) => formatQuarterLabel(q as QuarterString, "zh-CN");
const formatValue = (v: number) => formatCompact(v, "zh-CN");

function renderTrend(props: Partial<IndicatorTrendProps> = {}) {
  return render(
    <IndicatorTrend
      quarters={quarters}
      series={[huangshi, zibo, changzhi]}
      title="地区生产总值走势"
      formatValue={formatValue}
      formatQuarter={formatQuarter}
      unit="元"
      emptyMessage="暂无数据"
      singlePointMessage="仅有一个季度的数据，暂不能显示趋势"
      width={640}
      height={320}
      {...props}
    />,
  );
}

const all = <T extends Element = SVGElement>(root: HTMLElement, selector: string) => [
  ...root.querySelectorAll<T>(selector),
];
const lines = (root: HTMLElement) => all(root, "path.trend-line");
const dots = (root: HTMLElement, key?: string) =>
  all(root, key === undefined ? ".trend-dot" : `.trend-dot[data-key="${key}"]`);
const lineOf = (root: HTMLElement, key: string) => root.querySelector(`path.trend-line[data-key="${key}"]`);
const subpaths = (path: Element | null) => (path?.getAttribute("d") ?? "").match(/M/g)?.length ?? 0;
const tickLabels = (root: HTMLElement, axis: "x" | "y") =>
  all(root, `.recharts-${axis}Axis-tick-labels text`).map((t) => t.textContent);

describe("IndicatorTrend", () => {
  it("draws one line per series and reports series and non-null point counts", () => {
    const { container } = renderTrend();
    expect(lines(container).map((l) => l.getAttribute("data-key"))).toEqual(["HB-HS", "SD-ZB", "SX-CZ"]);
    const root = screen.getByTestId("indicator-trend");
    expect(root.getAttribute("data-series")).toBe("3");
    // 黄石 4 + 淄博 3 (its 2023Q4 value is off the axis) + 长治 0.
    expect(root.getAttribute("data-points")).toBe("7");
  });

  it("tells series apart by colour and by dash pattern", () => {
    const { container } = renderTrend();
    const [first, second] = lines(container);
    expect(first?.getAttribute("stroke")).toBe(lineColors[0]);
    expect(second?.getAttribute("stroke")).toBe(lineColors[1]);
    expect(first?.getAttribute("stroke-dasharray")).toBeNull();
    expect(second?.getAttribute("stroke-dasharray")).toBe(dashPatterns[1]);
  });

  it("never uses the palette's yellow for a line", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      key: `z${i}`,
      label: `区${i}`,
      points: [{ quarter: "2024Q1", value: i }],
    }));
    const { container } = renderTrend({ series: many });
    const fills = all(container, ".trend-dot").map((d) => d.getAttribute("fill"));
    expect(fills).toHaveLength(12);
    expect(new Set(fills).size).toBe(lineColors.length);
    expect(fills).not.toContain("#F0E442");
  });

  it("draws a dot for every non-null value and none for gaps", () => {
    const { container } = renderTrend();
    expect(dots(container)).toHaveLength(7);
    expect(dots(container, "HB-HS").map((d) => d.getAttribute("data-quarter"))).toEqual([
      "2024Q1",
      "2024Q2",
      "2024Q4",
      "2025Q1",
    ]);
    expect(dots(container, "SD-ZB").map((d) => d.getAttribute("data-quarter"))).toEqual([
      "2024Q1",
      "2024Q2",
      "2024Q3",
    ]);
    expect(dots(container, "SX-CZ")).toHaveLength(0);
  });

  it("breaks the line at a null instead of bridging it", () => {
    const { container } = renderTrend();
    // 黄石 has a gap at 2024Q3: two runs. 淄博 ends early but has no inner gap: one run.
    expect(subpaths(lineOf(container, "HB-HS"))).toBe(2);
    expect(subpaths(lineOf(container, "SD-ZB"))).toBe(1);
  });

  it("marks revised points as hollow diamonds and provisional points as hollow circles", () => {
    const { container } = renderTrend();
    const revised = all(container, ".trend-revision");
    expect(
      revised.map((d) => [d.tagName, d.getAttribute("data-key"), d.getAttribute("data-quarter")]),
    ).toEqual([["path", "HB-HS", "2024Q4"]]);
    expect(revised[0]?.getAttribute("fill")).toBe("#fff");
    const provisional = all(container, ".trend-provisional");
    expect(provisional.map((d) => [d.tagName, d.getAttribute("data-quarter")])).toEqual([
      ["circle", "2025Q1"],
    ]);
    expect(provisional[0]?.getAttribute("fill")).toBe("#fff");
    // Ordinary points are filled with the series colour.
    const plain = container.querySelector('.trend-dot[data-key="HB-HS"][data-quarter="2024Q1"]');
    expect(plain?.getAttribute("fill")).toBe(lineColors[0]);
    expect(plain?.classList.contains("trend-revision")).toBe(false);
  });

  it("shades the band between low and high and draws its median as a dashed grey line", async () => {
    const { container } = renderTrend({ band, bandLabel: "同类示范区四分位区间", medianLabel: "同类中位数" });
    const area = container.querySelector(".trend-band path.recharts-area-area");
    expect(area?.getAttribute("fill")).toBe(bandColor);
    // 2024Q1 is isolated by the 2024Q2 gap: an area has no width there, so it gets its own bar.
    expect(all(container, "rect.trend-band").map((r) => r.getAttribute("data-quarter"))).toEqual(["2024Q1"]);
    // Recharts mounts a mark under the lines (its own z-index layer) a task after the first render.
    await waitFor(() => expect(all(container, "path.trend-median")).toHaveLength(1));
    const median = all(container, "path.trend-median");
    expect(median[0]?.getAttribute("stroke-dasharray")).toBe("4 3");
    expect(all(container, "line.trend-median").map((l) => l.getAttribute("data-quarter"))).toEqual([
      "2024Q1",
    ]);
  });

  it("draws no band or median without band data", () => {
    const { container } = renderTrend({ band: undefined });
    expect(all(container, ".trend-band")).toHaveLength(0);
    expect(all(container, ".trend-median")).toHaveLength(0);
    const empty = renderTrend({ band: [{ quarter: "2024Q1", low: null, median: null, high: null }] });
    expect(all(empty.container, ".trend-band")).toHaveLength(0);
  });

  it("labels the value axis with the formatter (万/亿) and the quarter axis with quarter labels", () => {
    const { container } = renderTrend();
    const yTicks = tickLabels(container, "y");
    expect(yTicks.length).toBeGreaterThan(1);
    expect(yTicks.some((t) => t?.endsWith("亿"))).toBe(true);
    for (const t of yTicks) expect(t).toMatch(/^\d+(\.\d+)?(万|亿)?$/);
    expect(tickLabels(container, "x")).toEqual([
      "2024年第一季度",
      "2024年第二季度",
      "2024年第三季度",
      "2024年第四季度",
      "2025年第一季度",
    ]);
    expect(container.querySelector("text.chart-unit")?.textContent).toBe("元");
  });

  it("shows the quarter label and each series' formatted value with unit in the tooltip", () => {
    const { container } = renderTrend({ band, bandLabel: "四分位区间", medianLabel: "中位数" });
    expect(container.querySelector(".trend-tooltip")).toBeNull();
    fireEvent.focus(screen.getByRole("img"));
    const tooltip = container.querySelector(".trend-tooltip");
    expect(tooltip?.firstElementChild?.textContent).toBe("2024年第一季度");
    expect(all(container, ".trend-tooltip-item").map((li) => li.textContent)).toEqual([
      "● 黄石: 1.2亿 元",
      "● 淄博: 8000万 元",
      "● 长治: —",
      "四分位区间: 9000万–1.1亿 元",
      "中位数: 1亿 元",
    ]);
  });

  it("names revised and provisional values in the tooltip when labels are given", () => {
    const { container } = renderTrend({
      quarters: ["2024Q4"],
      series: [huangshi],
      revisedLabel: "已修订",
      provisionalLabel: "待审核",
    });
    fireEvent.focus(screen.getByRole("img"));
    expect(container.querySelector(".trend-tooltip-flag")?.textContent).toBe(" (已修订)");
  });

  it("lists series, band, median and point markers in the legend", () => {
    const { container } = renderTrend({
      band,
      bandLabel: "四分位区间",
      medianLabel: "中位数",
      revisedLabel: "已修订",
      provisionalLabel: "待审核",
    });
    const items = all<HTMLLIElement>(container, ".trend-legend-item");
    expect(items.map((li) => [li.textContent, li.getAttribute("data-kind")])).toEqual([
      ["黄石", "line"],
      ["淄博", "line"],
      ["长治", "line"],
      ["四分位区间", "band"],
      ["中位数", "line"],
      ["已修订", "revised"],
      ["待审核", "provisional"],
    ]);
    // The legend swatch repeats the series' dash pattern.
    expect(items[1]?.querySelector("line")?.getAttribute("stroke-dasharray")).toBe(dashPatterns[1]);
  });

  it("leaves marker entries out of the legend when no point has that status", () => {
    const { container } = renderTrend({ series: [zibo], revisedLabel: "已修订", provisionalLabel: "待审核" });
    expect(all(container, ".trend-legend-item").map((li) => li.textContent)).toEqual(["淄博"]);
  });

  it.each([
    ["no series", []],
    ["only null values", [{ key: "SX-CZ", label: "长治", points: [{ quarter: "2024Q1", value: null }] }]],
    [
      "values only off the axis",
      [{ key: "SX-CZ", label: "长治", points: [{ quarter: "2020Q1", value: 3 }] }],
    ],
  ])("shows the empty message and no marks for %s", (_case, series) => {
    const { container } = renderTrend({ series, band });
    expect(screen.getByText("暂无数据")).toBeTruthy();
    expect(screen.getByTestId("indicator-trend").getAttribute("data-points")).toBe("0");
    expect(container.querySelector("svg")).toBeNull();
    expect(all(container, ".trend-dot, .trend-line, .trend-band, .trend-median")).toHaveLength(0);
  });

  it("draws a single value as a dot and says why there is no trend", () => {
    const { container } = renderTrend({
      series: [{ key: "HB-HS", label: "黄石", points: [{ quarter: "2024Q3", value: 5 }] }],
    });
    expect(dots(container).map((d) => d.getAttribute("data-quarter"))).toEqual(["2024Q3"]);
    expect(screen.getByTestId("indicator-trend").getAttribute("data-points")).toBe("1");
    expect(screen.getByText("仅有一个季度的数据，暂不能显示趋势")).toBeTruthy();
  });

  it("draws a single value on a single-quarter axis", () => {
    const { container } = renderTrend({
      quarters: ["2024Q3"],
      series: [{ key: "HB-HS", label: "黄石", points: [{ quarter: "2024Q3", value: 5 }] }],
    });
    expect(dots(container)).toHaveLength(1);
    expect(container.querySelector(".trend-single-point")).not.toBeNull();
  });

  it("shows no single-point message for two values, or when none is given", () => {
    const two = renderTrend({
      series: [
        { key: "HB-HS", label: "黄石", points: [{ quarter: "2024Q1", value: 5 }] },
        { key: "SD-ZB", label: "淄博", points: [{ quarter: "2024Q3", value: 6 }] },
      ],
    });
    expect(two.container.querySelectorAll(".trend-dot")).toHaveLength(2);
    expect(screen.queryByText("仅有一个季度的数据，暂不能显示趋势")).toBeNull();
    two.unmount();
    const { container } = renderTrend({
      singlePointMessage: undefined,
      series: [{ key: "HB-HS", label: "黄石", points: [{ quarter: "2024Q3", value: 5 }] }],
    });
    expect(container.querySelector(".trend-single-point")).toBeNull();
    expect(dots(container)).toHaveLength(1);
  });

  it("is an image named by the title, in a CJK-capable font", () => {
    renderTrend();
    expect(screen.getByRole("img", { name: "地区生产总值走势" }).tagName.toLowerCase()).toBe("svg");
    expect(screen.getByTestId("indicator-trend").style.fontFamily).toBe(chartFontFamily);
  });

  it("fills its container when no width is given", () => {
    const rect = vi
      .spyOn(HTMLElement.prototype, "getBoundingClientRect")
      .mockReturnValue(new DOMRect(0, 0, 720, 320));
    try {
      renderTrend({ width: undefined });
      expect(screen.getByRole("img").getAttribute("width")).toBe("720");
    } finally {
      rect.mockRestore();
    }
  });
});
