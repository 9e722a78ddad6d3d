import { fireEvent, render, screen } from "@testing-library/react";
import { formatCompact, formatQuarterLabel, type QuarterString } from "@zones/domain";
import { describe, expect, it, vi } from "vitest";
import { DistributionBand, type DistributionBandProps } from "./distribution-band";
import { chartFontFamily, distributionColors, palette } from "./palette";

const quarters = ["2024Q1", "2024Q2", "2024Q3", "2024Q4"];

const band: DistributionBandProps["band"] = [
  { quarter: "2024Q1", min: 20_000, p25: 40_000, median: 55_000, p75: 70_000, max: 120_000 },
  { quarter: "2024Q2", min: 25_000, p25: 42_000, median: 58_000, p75: 75_000, max: 130_000 },
  { quarter: "2024Q3", min: 22_000, p25: 45_000, median: 60_000, p75: 80_000, max: 125_000 },
  { quarter: "2024Q4", min: null, p25: null, median: null, p75: null, max: null },
];

const highlight: DistributionBandProps["highlight"] = {
  key: "HB-HS",
  label: "黄石",
  points: [
    { quarter: "2024Q1", value: 50_000 },
    { quarter: "2024Q2", value: 65_000, revised: true },
    { quarter: "2024Q3", value: null },
    { quarter: "2024Q4", value: 72_000, provisional: true },
  ],
};

const labels = { range: "最小–最大", iqr: "四分位区间", median: "中位数" };

function renderBand(props: Partial<DistributionBandProps> = {}) {
  return render(
    <DistributionBand
      quarters={quarters}
      band={band}
      highlight={highlight}
      title="规上工业企业数分布"
      formatValue={(v) => formatCompact(v, "zh-CN")}
      formatQuarter={(q) => formatQuarterLabel(q as QuarterString, "zh-CN")}
      unit="家"
      emptyMessage="暂无数据"
      singlePointMessage="仅有一个季度的数据"
      labels={labels}
      width={640}
      height={320}
      {...props}
    />,
  );
}

const all = (root: HTMLElement, selector: string) => [...root.querySelectorAll<SVGElement>(selector)];
const subpaths = (path: Element | null | undefined) =>
  (path?.getAttribute("d") ?? "").match(/M/g)?.length ?? 0;

describe("DistributionBand", () => {
  it("draws the min–max range, the interquartile range and the median", () => {
    const { container } = renderBand();
    const range = all(container, ".band-range path.recharts-area-area");
    const iqr = all(container, ".band-iqr path.recharts-area-area");
    expect(range).toHaveLength(1);
    expect(iqr).toHaveLength(1);
    expect(range[0]?.getAttribute("fill")).toBe(distributionColors.range);
    expect(iqr[0]?.getAttribute("fill")).toBe(distributionColors.iqr);
    const median = all(container, "path.band-median");
    expect(median).toHaveLength(1);
    expect(median[0]?.getAttribute("stroke")).toBe(distributionColors.median);
    // No isolated quarters here, so no stand-in marks.
    expect(all(container, "rect.band-range, rect.band-iqr, line.band-median")).toHaveLength(0);
  });

  it("paints the interquartile range over the full range", () => {
    const { container } = renderBand();
    const order = all(container, ".band-range, .band-iqr").map((g) => g.getAttribute("class"));
    expect(order.findIndex((c) => c?.includes("band-range"))).toBeLessThan(
      order.findIndex((c) => c?.includes("band-iqr")),
    );
    // The range is the wider of the two: its top edge is higher on screen at every quarter.
    const topOf = (selector: string) =>
      Number((container.querySelector(selector)?.getAttribute("d") ?? "").match(/^M[\d.]+,([\d.]+)/)?.[1]);
    expect(topOf(".band-range path.recharts-area-area")).toBeLessThan(
      topOf(".band-iqr path.recharts-area-area"),
    );
  });

  it("draws the highlighted zone as a line with a dot per value, over the band", () => {
    const { container } = renderBand();
    const line = all(container, "path.band-highlight");
    expect(line).toHaveLength(1);
    expect(line[0]?.getAttribute("stroke")).toBe(palette[0]);
    expect(line[0]?.getAttribute("data-key")).toBe("HB-HS");
    // 2024Q3 is null: the line breaks there.
    expect(subpaths(line[0])).toBe(2);
    expect(all(container, ".band-highlight-dot").map((d) => d.getAttribute("data-quarter"))).toEqual([
      "2024Q1",
      "2024Q2",
      "2024Q4",
    ]);
    expect(container.querySelector(".band-highlight-dot.trend-revision")?.getAttribute("data-quarter")).toBe(
      "2024Q2",
    );
    expect(
      container.querySelector(".band-highlight-dot.trend-provisional")?.getAttribute("data-quarter"),
    ).toBe("2024Q4");
    const root = screen.getByTestId("distribution-band");
    expect(root.getAttribute("data-points")).toBe("3");
    expect(root.getAttribute("data-highlight-points")).toBe("3");
  });

  it("works without a highlighted zone", () => {
    const { container } = renderBand({ highlight: undefined });
    expect(all(container, ".band-highlight, .band-highlight-dot")).toHaveLength(0);
    expect(all(container, "path.band-median")).toHaveLength(1);
  });

  it("draws a quarter between two gaps as a small box instead of losing it", () => {
    const { container } = renderBand({
      band: [
        band[0],
        { quarter: "2024Q2", min: null, p25: null, median: null, p75: null, max: null },
        band[2],
        band[3],
      ].filter((b) => b !== undefined),
    });
    for (const mark of ["rect.band-range", "rect.band-iqr", "line.band-median"]) {
      expect(all(container, mark).map((m) => m.getAttribute("data-quarter"))).toEqual(["2024Q1", "2024Q3"]);
    }
    const [rangeBox] = all(container, "rect.band-range");
    const [iqrBox] = all(container, "rect.band-iqr");
    expect(Number(rangeBox?.getAttribute("height"))).toBeGreaterThan(Number(iqrBox?.getAttribute("height")));
  });

  it("labels values with the formatter (万) and quarters with quarter labels", () => {
    const { container } = renderBand();
    const yTicks = all(container, ".recharts-yAxis-tick-labels text").map((t) => t.textContent);
    expect(yTicks.some((t) => t?.endsWith("万"))).toBe(true);
    expect(all(container, ".recharts-xAxis-tick-labels text").map((t) => t.textContent)).toEqual([
      "2024年第一季度",
      "2024年第二季度",
      "2024年第三季度",
      "2024年第四季度",
    ]);
  });

  it("shows the zone, median and both ranges in the tooltip", () => {
    const { container } = renderBand();
    fireEvent.focus(screen.getByRole("img"));
    const tooltip = container.querySelector(".band-tooltip");
    expect(tooltip?.firstElementChild?.textContent).toBe("2024年第一季度");
    expect([...container.querySelectorAll(".band-tooltip-item")].map((li) => li.textContent)).toEqual([
      "黄石: 5万 家",
      "中位数: 5.5万 家",
      "四分位区间: 4万–7万 家",
      "最小–最大: 2万–12万 家",
    ]);
  });

  it("lists the zone, median and ranges in the legend", () => {
    const { container } = renderBand({ revisedLabel: "已修订" });
    expect(
      [...container.querySelectorAll(".band-legend-item")].map((li) => [
        li.textContent,
        li.getAttribute("data-kind"),
      ]),
    ).toEqual([
      ["黄石", "line"],
      ["中位数", "line"],
      ["四分位区间", "band"],
      ["最小–最大", "band"],
      ["已修订", "revised"],
    ]);
  });

  it.each([
    ["no quarters", { quarters: [] }],
    ["only null values", { band: [band[3] ?? band[0]].filter((b) => b !== undefined), highlight: undefined }],
    [
      "a highlight without values and no band",
      { band: [], highlight: { key: "HB-HS", label: "黄石", points: [{ quarter: "2024Q1", value: null }] } },
    ],
  ])("shows the empty message and no marks for %s", (_case, props) => {
    const { container } = renderBand(props);
    expect(screen.getByText("暂无数据")).toBeTruthy();
    expect(screen.getByTestId("distribution-band").getAttribute("data-points")).toBe("0");
    expect(container.querySelector("svg")).toBeNull();
    expect(all(container, ".band-range, .band-iqr, .band-median, .band-highlight")).toHaveLength(0);
  });

  it("draws the highlight alone when the band has no values", () => {
    const { container } = renderBand({ band: [] });
    expect(all(container, ".band-range, .band-iqr, .band-median")).toHaveLength(0);
    expect(all(container, ".band-highlight-dot")).toHaveLength(3);
  });

  it("draws a single quarter as a box with its median and says why there is no trend", () => {
    const { container } = renderBand({ quarters: ["2024Q1"] });
    expect(all(container, "rect.band-range")).toHaveLength(1);
    expect(all(container, "rect.band-iqr")).toHaveLength(1);
    expect(all(container, "line.band-median")).toHaveLength(1);
    expect(all(container, ".band-highlight-dot")).toHaveLength(1);
    expect(screen.getByText("仅有一个季度的数据")).toBeTruthy();
  });

  it("shows no single-quarter message when there are several quarters", () => {
    renderBand();
    expect(screen.queryByText("仅有一个季度的数据")).toBeNull();
  });

  it("is an image named by the title, in a CJK-capable font", () => {
    renderBand();
    expect(screen.getByRole("img", { name: "规上工业企业数分布" }).tagName.toLowerCase()).toBe("svg");
    expect(screen.getByTestId("distribution-band").style.fontFamily).toBe(chartFontFamily);
  });

  it("fills its container when no width is given", () => {
    const rect = vi
      .spyOn(HTMLElement.prototype, "getBoundingClientRect")
      .mockReturnValue(new DOMRect(0, 0, 560, 320));
    try {
      renderBand({ width: undefined });
      expect(screen.getByRole("img").getAttribute("width")).toBe("560");
    } finally {
      rect.mockRestore();
    }
  });
});
