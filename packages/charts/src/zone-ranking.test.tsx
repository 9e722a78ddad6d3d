import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { chartFontFamily, neutralColor, palette } from "./palette";
import { ZoneRanking, type ZoneRankingProps } from "./zone-ranking";

const zones: ZoneRankingProps["data"] = [
  { key: "huangshi", label: "黄石", value: 12.5 },
  { key: "zibo", label: "淄博", value: 30.25 },
  { key: "changzhi", label: "长治", value: null },
  { key: "baotou", label: "包头", value: 7 },
  { key: "panzhihua", label: "攀枝花", value: 18 },
];

// A formatter whose output can't be confused with the raw numbers.
const formatValue = (v: number) => `≈${v.toFixed(1)}`;

function renderRanking(props: Partial<ZoneRankingProps> = {}) {
  return render(
    <ZoneRanking
      data={zones}
      direction="higher"
      unit="%"
      formatValue={formatValue}
      title="研发投入强度排名"
      emptyMessage="本季度暂无数据"
      width={600}
      height={320}
      {...props}
    />,
  );
}

const bars = (root: HTMLElement) => [...root.querySelectorAll<SVGRectElement>("rect.zone-ranking-bar")];
const barKeys = (root: HTMLElement) => bars(root).map((b) => b.getAttribute("data-key"));
const valueLabels = (root: HTMLElement) =>
  [...root.querySelectorAll("text.zone-ranking-value")].map((t) => t.textContent);
const tickLabels = (root: HTMLElement) =>
  [...root.querySelectorAll("text.zone-ranking-label")].map((t) => t.textContent);

describe("ZoneRanking", () => {
  it("draws one bar per non-null value and reports that count", () => {
    const { container } = renderRanking();
    expect(bars(container)).toHaveLength(4);
    expect(screen.getByTestId("zone-ranking").getAttribute("data-points")).toBe("4");
  });

  it("ranks descending when higher is better, with null zones last", () => {
    const { container } = renderRanking({ direction: "higher" });
    expect(barKeys(container)).toEqual(["zibo", "panzhihua", "huangshi", "baotou"]);
    expect(tickLabels(container)).toEqual(["淄博", "攀枝花", "黄石", "包头", "长治"]);
    // DOM order alone could hide a layout bug: the best bar must also be drawn on top.
    const ys = bars(container).map((b) => Number(b.getAttribute("y")));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it("ranks ascending when lower is better, with null zones still last", () => {
    const { container } = renderRanking({ direction: "lower" });
    expect(barKeys(container)).toEqual(["baotou", "huangshi", "panzhihua", "zibo"]);
    expect(tickLabels(container)).toEqual(["包头", "黄石", "攀枝花", "淄博", "长治"]);
  });

  it("labels each bar with its formatted value, in rank order", () => {
    const { container } = renderRanking();
    expect(valueLabels(container)).toEqual(["≈30.3", "≈18.0", "≈12.5", "≈7.0"]);
  });

  it("renders the Chinese zone names as SVG text in a CJK-capable font", () => {
    const { container } = renderRanking();
    const svgText = container.querySelector("svg")?.textContent ?? "";
    for (const name of ["黄石", "淄博", "长治", "包头", "攀枝花"]) expect(svgText).toContain(name);
    expect(screen.getByTestId("zone-ranking").style.fontFamily).toBe(chartFontFamily);
  });

  it("exposes the chart as an image named by the title", () => {
    renderRanking();
    const img = screen.getByRole("img", { name: "研发投入强度排名" });
    expect(img.tagName.toLowerCase()).toBe("svg");
  });

  it("gives null values no bar and no value label", () => {
    const { container } = renderRanking();
    expect(barKeys(container)).not.toContain("changzhi");
    expect(valueLabels(container)).toHaveLength(4);
  });

  it("renders a single point as one bar", () => {
    const { container } = renderRanking({ data: [{ key: "huangshi", label: "黄石", value: 5 }] });
    expect(barKeys(container)).toEqual(["huangshi"]);
    expect(valueLabels(container)).toEqual(["≈5.0"]);
  });

  it("keeps a zero value visible as a bar", () => {
    const { container } = renderRanking({
      data: [
        { key: "huangshi", label: "黄石", value: 0 },
        { key: "zibo", label: "淄博", value: 4 },
      ],
    });
    expect(barKeys(container)).toEqual(["zibo", "huangshi"]);
    expect(valueLabels(container)).toEqual(["≈4.0", "≈0.0"]);
  });

  it("keeps a negative value's label clear of the zone names, starting at the zero line", () => {
    const { container } = renderRanking({
      data: [
        { key: "huangshi", label: "黄石", value: 5 },
        { key: "zibo", label: "淄博", value: -3 },
      ],
    });
    expect(valueLabels(container)).toEqual(["≈5.0", "≈-3.0"]);
    const attr = (element: Element | null | undefined, name: string) => Number(element?.getAttribute(name));
    const negativeBar = container.querySelector('rect.zone-ranking-bar[data-key="zibo"]');
    const positiveBar = container.querySelector('rect.zone-ranking-bar[data-key="huangshi"]');
    // The negative bar grows leftwards and ends at the zero line, where the positive bar starts.
    const zeroLine = attr(positiveBar, "x");
    expect(attr(negativeBar, "x") + attr(negativeBar, "width")).toBeCloseTo(zeroLine, 5);
    expect(attr(negativeBar, "x")).toBeLessThan(zeroLine);
    // Its label starts just right of the zero line, not past its left end among the zone names.
    const label = [...container.querySelectorAll("text.zone-ranking-value")][1];
    expect(attr(label, "x")).toBeGreaterThan(zeroLine);
    expect(label?.getAttribute("text-anchor")).toBe("start");
    const names = [...container.querySelectorAll("text.zone-ranking-label")];
    expect(names.every((name) => attr(name, "x") < attr(negativeBar, "x"))).toBe(true);
    // Positive values keep their label just past the bar's end.
    const end = attr(positiveBar, "x") + attr(positiveBar, "width");
    expect(attr(container.querySelector("text.zone-ranking-value"), "x")).toBeGreaterThan(end);
  });

  it("draws longer bars for larger values, from a common start", () => {
    const { container } = renderRanking();
    const widths = bars(container).map((b) => Number(b.getAttribute("width")));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    expect(new Set(bars(container).map((b) => b.getAttribute("x"))).size).toBe(1);
    // Every bar fits in the chart, its value label after it.
    for (const bar of bars(container)) {
      expect(Number(bar.getAttribute("x")) + Number(bar.getAttribute("width"))).toBeLessThanOrEqual(600);
    }
  });

  it.each([
    ["no data", []],
    ["only nulls", [{ key: "changzhi", label: "长治", value: null }]],
  ])("shows the empty message and no chart for %s", (_case, data) => {
    const { container } = renderRanking({ data });
    expect(screen.getByText("本季度暂无数据")).toBeTruthy();
    expect(screen.getByTestId("zone-ranking").getAttribute("data-points")).toBe("0");
    expect(container.querySelector("svg")).toBeNull();
    expect(bars(container)).toHaveLength(0);
  });

  it("colours the highlighted zone differently from the rest", () => {
    const { container } = renderRanking({ highlightKey: "huangshi" });
    const fills = new Map(bars(container).map((b) => [b.getAttribute("data-key"), b.getAttribute("fill")]));
    expect(fills.get("huangshi")).toBe(palette[0]);
    expect(fills.get("zibo")).toBe(neutralColor);
    expect(fills.get("baotou")).toBe(neutralColor);
  });

  it("shows label, formatted value and unit in each bar's tooltip", () => {
    const { container } = renderRanking();
    // The native tooltip (SVG <title>) of the bar's group; a plain SVG chart has no script-driven tooltip.
    const titles = [...container.querySelectorAll("g[data-key] > title")].map((t) => t.textContent);
    expect(titles).toEqual(["淄博: ≈30.3 %", "攀枝花: ≈18.0 %", "黄石: ≈12.5 %", "包头: ≈7.0 %"]);
  });

  it("fills its container when no width is given", () => {
    // jsdom does no layout, so pretend the container is 640px wide.
    const rect = vi
      .spyOn(HTMLElement.prototype, "getBoundingClientRect")
      .mockReturnValue(new DOMRect(0, 0, 640, 200));
    try {
      renderRanking({ width: undefined, height: undefined });
      expect(screen.getByRole("img").getAttribute("width")).toBe("640");
    } finally {
      rect.mockRestore();
    }
  });

  it("is drawn at a standard width, scaled to its box, before the container is measured", () => {
    // jsdom reports a zero width, as the server render has none.
    renderRanking({ width: undefined, height: undefined });
    const img = screen.getByRole("img");
    expect(img.getAttribute("width")).toBe("100%");
    expect(img.getAttribute("viewBox")).toBe(`0 0 640 ${5 * 32 + 16}`);
    expect(img.getAttribute("height")).toBe(String(5 * 32 + 16));
  });
});
