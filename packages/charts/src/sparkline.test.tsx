import { render, screen } from "@testing-library/react";
import { formatQuarterLabel, type QuarterString } from "@zones/domain";
import { describe, expect, it } from "vitest";
import { palette } from "./palette";
import { Sparkline, type SparklineProps, sparklineLayout } from "./sparkline";
import { loadChartStyles } from "./test-styles";

const points: SparklineProps["points"] = [
  { quarter: "2024Q1", value: 5.1 },
  { quarter: "2024Q2", value: 5.4 },
  { quarter: "2024Q3", value: null },
  { quarter: "2024Q4", value: 6.2 },
  { quarter: "2025Q1", value: 6 },
  { quarter: "2025Q2", value: null },
];

function renderSparkline(props: Partial<SparklineProps> = {}) {
  return render(<Sparkline points={points} label="研发投入强度" width={120} height={32} {...props} />);
}

const line = (root: HTMLElement) => root.querySelectorAll("path.sparkline-line");
const subpaths = (root: HTMLElement) =>
  (root.querySelector("path.sparkline-line")?.getAttribute("d") ?? "").match(/M/g)?.length ?? 0;

describe("Sparkline", () => {
  it("draws one line and reports the number of values", () => {
    const { container } = renderSparkline();
    expect(line(container)).toHaveLength(1);
    expect(screen.getByTestId("sparkline").getAttribute("data-points")).toBe("4");
  });

  it("puts a dot on the last value, even when later quarters are empty", () => {
    const { container } = renderSparkline();
    const dots = container.querySelectorAll(".sparkline-dot");
    expect(dots).toHaveLength(1);
    expect(dots[0]?.getAttribute("data-quarter")).toBe("2025Q1");
  });

  it("breaks the line at a gap", () => {
    const { container } = renderSparkline();
    expect(subpaths(container)).toBe(2);
  });

  it("keeps a value between two gaps visible as a small dot", () => {
    const { container } = renderSparkline({
      points: [
        { quarter: "2024Q1", value: 1 },
        { quarter: "2024Q2", value: null },
        { quarter: "2024Q3", value: 3 },
        { quarter: "2024Q4", value: null },
        { quarter: "2025Q1", value: 2 },
        { quarter: "2025Q2", value: 4 },
      ],
    });
    const isolated = [...container.querySelectorAll(".sparkline-isolated")].map((d) =>
      d.getAttribute("data-quarter"),
    );
    expect(isolated).toEqual(["2024Q1", "2024Q3"]);
  });

  it("is an image whose name carries the first and last values", () => {
    renderSparkline({
      formatValue: (v) => `${v.toFixed(1)}%`,
      formatQuarter: (q) => formatQuarterLabel(q as QuarterString, "zh-CN"),
    });
    const img = screen.getByRole("img");
    expect(img.tagName.toLowerCase()).toBe("svg");
    expect(img.getAttribute("aria-label")).toBe("研发投入强度: 2024年第一季度 5.1% – 2025年第一季度 6.0%");
  });

  it("draws in the given colour, or the first palette colour", () => {
    const { container, unmount } = renderSparkline({ color: "#D55E00" });
    expect(container.querySelector("path.sparkline-line")?.getAttribute("stroke")).toBe("#D55E00");
    expect(container.querySelector(".sparkline-dot")?.getAttribute("fill")).toBe("#D55E00");
    unmount();
    const other = renderSparkline();
    expect(other.container.querySelector("path.sparkline-line")?.getAttribute("stroke")).toBe(palette[0]);
  });

  it.each([
    ["no points", []],
    ["only nulls", [{ quarter: "2024Q1", value: null }]],
  ])("shows a dash titled with the label for %s", (_case, empty) => {
    const { container } = renderSparkline({ points: empty });
    const root = screen.getByTestId("sparkline");
    expect(root.textContent).toBe("—");
    expect(root.getAttribute("title")).toBe("研发投入强度");
    expect(root.getAttribute("data-points")).toBe("0");
    expect(container.querySelector("svg")).toBeNull();
  });

  it("draws a single value as a dot without a line", () => {
    const { container } = renderSparkline({ points: [{ quarter: "2024Q1", value: 5 }] });
    expect(container.querySelectorAll(".sparkline-dot")).toHaveLength(1);
    expect(container.querySelector("path.sparkline-line")?.getAttribute("d") ?? null).toBeNull();
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("研发投入强度: 2024Q1 5");
  });

  it("fills its container when no width is given, without measuring it", () => {
    const { container } = renderSparkline({ width: undefined });
    const root = screen.getByTestId("sparkline");
    expect(root.style.width).toBe("100%");
    // Its fixed presentation comes from the charts' stylesheet (charts.css): the end dots' margin.
    loadChartStyles();
    expect(getComputedStyle(root).paddingLeft).toBe("4px");
    expect(getComputedStyle(root).boxSizing).toBe("border-box");
    const img = screen.getByRole("img");
    expect(img.getAttribute("width")).toBe("100%");
    // The line is drawn in a nested SVG stretched to the width; its stroke keeps its thickness.
    const lineBox = container.querySelector("path.sparkline-line")?.closest("svg");
    expect(lineBox).not.toBe(img);
    expect(lineBox?.getAttribute("width")).toBe("100%");
    expect(lineBox?.getAttribute("preserveAspectRatio")).toBe("none");
    expect(container.querySelector("path.sparkline-line")?.getAttribute("vector-effect")).toBe(
      "non-scaling-stroke",
    );
    // Dots are placed in percent of the width, so they stay round at any width.
    expect(container.querySelector(".sparkline-dot")?.getAttribute("cx")).toMatch(/%$/);
  });

  it("places the values between the lowest (bottom) and the highest (top), first to last across", () => {
    const { container } = renderSparkline({
      points: [
        { quarter: "2024Q1", value: 2 },
        { quarter: "2024Q2", value: 10 },
        { quarter: "2024Q3", value: 6 },
      ],
      height: 32,
    });
    // Four pixels of margin: 10 at the top (y 4), 2 at the bottom (y 28), 6 halfway; x from 0 to 100.
    expect(container.querySelector("path.sparkline-line")?.getAttribute("d")).toBe("M0,28L50,4L100,16");
    const dot = container.querySelector(".sparkline-dot");
    expect(dot?.getAttribute("cx")).toBe("100%");
    expect(dot?.getAttribute("cy")).toBe("16");
  });

  it("draws a flat series across the middle and a single value in the middle", () => {
    const { container, unmount } = renderSparkline({
      points: [
        { quarter: "2024Q1", value: 3 },
        { quarter: "2024Q2", value: 3 },
      ],
      height: 24,
    });
    expect(container.querySelector("path.sparkline-line")?.getAttribute("d")).toBe("M0,12L100,12");
    unmount();
    const single = renderSparkline({ points: [{ quarter: "2024Q1", value: 5 }], height: 24 });
    const dot = single.container.querySelector(".sparkline-dot");
    expect(dot?.getAttribute("cx")).toBe("50%");
    expect(dot?.getAttribute("cy")).toBe("12");
  });

  it("keeps the given width, inside which the line and dots are drawn", () => {
    renderSparkline({ width: 120 });
    expect(screen.getByTestId("sparkline").style.width).toBe("120px");
  });
});

describe("sparklineLayout", () => {
  it("maps gaps to null and keeps the others' positions", () => {
    expect(sparklineLayout([1, null, 3], 20)).toEqual([{ x: 0, y: 16 }, null, { x: 1, y: 4 }]);
  });
});
