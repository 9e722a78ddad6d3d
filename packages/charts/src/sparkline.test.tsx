import { render, screen } from "@testing-library/react";
import { formatQuarterLabel, type QuarterString } from "@zones/domain";
import { describe, expect, it, vi } from "vitest";
import { palette } from "./palette";
import { Sparkline, type SparklineProps } from "./sparkline";

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

  it("fills its container when no width is given", () => {
    const rect = vi
      .spyOn(HTMLElement.prototype, "getBoundingClientRect")
      .mockReturnValue(new DOMRect(0, 0, 200, 32));
    try {
      renderSparkline({ width: undefined });
      expect(screen.getByRole("img").getAttribute("width")).toBe("200");
    } finally {
      rect.mockRestore();
    }
  });
});
