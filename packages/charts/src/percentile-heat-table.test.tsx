import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { blueForRank, contrastRatio, relativeLuminance, sequentialBlues, textColorOn } from "./palette";
import { PercentileHeatTable, type PercentileHeatTableProps } from "./percentile-heat-table";
import { loadChartStyles } from "./test-styles";

const zones: PercentileHeatTableProps["zones"] = [
  { key: "HB-HS", label: "黄石", href: "/zones/HB-HS" },
  { key: "SD-ZB", label: "淄博" },
  { key: "SX-CZ", label: "长治" },
];
const columns: PercentileHeatTableProps["columns"] = [
  { key: "gdp", label: "地区生产总值", unit: "亿元", href: "/indicators/gdp" },
  { key: "rd", label: "研发投入强度", unit: "%" },
];
const cells: PercentileHeatTableProps["cells"] = [
  { zoneKey: "HB-HS", columnKey: "gdp", value: 1929.5, formatted: "1,929.50", percentile: 1 },
  { zoneKey: "SD-ZB", columnKey: "gdp", value: 4500, formatted: "4,500.00", percentile: 0.5 },
  { zoneKey: "SX-CZ", columnKey: "gdp", value: 800, formatted: "800.00", percentile: 0 },
  { zoneKey: "HB-HS", columnKey: "rd", value: 2.6, formatted: "2.6", percentile: 5 / 6 },
  // Reported but not ranked (e.g. the only zone with a value last quarter).
  { zoneKey: "SD-ZB", columnKey: "rd", value: 3.1, formatted: "3.1", percentile: null },
  // 长治 × 研发投入强度 has no cell at all.
];

function renderTable(props: Partial<PercentileHeatTableProps> = {}) {
  return render(
    <PercentileHeatTable
      caption="各示范区主要指标百分位"
      zones={zones}
      columns={columns}
      cells={cells}
      percentileLabel={(p) => `百分位 ${Math.round(p * 100)}`}
      missingLabel="无数据"
      legend={{ low: "靠后", high: "靠前" }}
      {...props}
    />,
  );
}

const heatCells = (root: HTMLElement) => [...root.querySelectorAll<HTMLTableCellElement>("td.heat-cell")];
const cellAt = (root: HTMLElement, zone: string, column: string) =>
  root.querySelector<HTMLTableCellElement>(`td.heat-cell[data-zone="${zone}"][data-column="${column}"]`);

/** jsdom reports inline colours as rgb(); compare in that form. */
function rgb(hex: string): string {
  const n = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
  return `rgb(${n(1)}, ${n(3)}, ${n(5)})`;
}
function hex(rgbText: string): string {
  const parts = rgbText.match(/\d+/g)?.map(Number) ?? [];
  return `#${parts.map((p) => p.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

describe("PercentileHeatTable", () => {
  it("is a captioned table with column and row headers", () => {
    renderTable();
    const table = screen.getByRole("table", { name: "各示范区主要指标百分位" });
    const colHeaders = within(table).getAllByRole("columnheader");
    expect(colHeaders.map((th) => [th.textContent, th.getAttribute("scope")])).toEqual([
      ["地区生产总值(亿元)", "col"],
      ["研发投入强度(%)", "col"],
    ]);
    const rowHeaders = within(table).getAllByRole("rowheader");
    expect(rowHeaders.map((th) => [th.textContent, th.getAttribute("scope")])).toEqual([
      ["黄石", "row"],
      ["淄博", "row"],
      ["长治", "row"],
    ]);
    expect(within(table).getByRole("link", { name: "黄石" }).getAttribute("href")).toBe("/zones/HB-HS");
    expect(within(table).getByRole("link", { name: "地区生产总值" }).getAttribute("href")).toBe(
      "/indicators/gdp",
    );
    expect(within(table).queryByRole("link", { name: "淄博" })).toBeNull();
  });

  it("has one cell per zone and indicator, tagged with zone, column and percentile", () => {
    const { container } = renderTable();
    expect(heatCells(container)).toHaveLength(6);
    expect(screen.getByTestId("percentile-heat-table").getAttribute("data-cells")).toBe("6");
    expect(
      heatCells(container).map((td) => [
        td.dataset.zone,
        td.dataset.column,
        td.getAttribute("data-percentile"),
      ]),
    ).toEqual([
      ["HB-HS", "gdp", "1"],
      ["HB-HS", "rd", String(5 / 6)],
      ["SD-ZB", "gdp", "0.5"],
      ["SD-ZB", "rd", null],
      ["SX-CZ", "gdp", "0"],
      ["SX-CZ", "rd", null],
    ]);
  });

  it("shows the formatted value and, for screen readers, the percentile", () => {
    const { container } = renderTable();
    const cell = cellAt(container, "HB-HS", "rd");
    expect(cell?.textContent).toBe("2.6 百分位 83");
    const hidden = cell?.querySelector("span");
    expect(hidden?.textContent).toBe(" 百分位 83");
    // Hidden by the charts' stylesheet (charts.css, which the app loads).
    if (!hidden) throw new Error("no hidden text");
    loadChartStyles();
    const style = getComputedStyle(hidden);
    expect(style.position).toBe("absolute");
    expect(style.width).toBe("1px");
    expect(style.overflow).toBe("hidden");
    expect(cell?.getAttribute("title")).toBe("百分位 83");
  });

  it("colours by rank: light for low, dark for high", () => {
    const { container } = renderTable();
    expect(cellAt(container, "SX-CZ", "gdp")?.style.background).toBe(rgb(sequentialBlues[0]));
    expect(cellAt(container, "SD-ZB", "gdp")?.style.background).toBe(rgb(sequentialBlues[3]));
    expect(cellAt(container, "HB-HS", "rd")?.style.background).toBe(rgb(sequentialBlues[5]));
    expect(cellAt(container, "HB-HS", "gdp")?.style.background).toBe(rgb(sequentialBlues[6]));
    // The scale really runs light to dark.
    const luminances = sequentialBlues.map(relativeLuminance);
    expect(luminances).toEqual([...luminances].sort((a, b) => b - a));
  });

  it("picks black or white text so every coloured cell reaches 4.5:1", () => {
    const { container } = renderTable({
      cells: [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1].map((p, i) => ({
        zoneKey: `z${i}`,
        columnKey: "gdp",
        value: p,
        formatted: String(p),
        percentile: p,
      })),
      zones: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ key: `z${i}`, label: `区${i}` })),
    });
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#FFFFFF")).toBeCloseTo(4.48, 2);
    for (const colour of sequentialBlues)
      expect(contrastRatio(colour, textColorOn(colour))).toBeGreaterThanOrEqual(4.5);
    // Light steps get black text, dark steps white.
    expect(textColorOn(sequentialBlues[0])).toBe("#000000");
    expect(textColorOn(sequentialBlues[6])).toBe("#FFFFFF");
    const coloured = heatCells(container).filter((td) => hex(td.style.background) !== "#FFFFFF");
    expect(coloured).toHaveLength(8);
    for (const td of coloured) {
      expect(contrastRatio(hex(td.style.background), hex(td.style.color))).toBeGreaterThanOrEqual(4.5);
    }
    // Both text colours are in use across the scale.
    expect(new Set(coloured.map((td) => hex(td.style.color)))).toEqual(new Set(["#000000", "#FFFFFF"]));
  });

  it("maps ranks to the seven steps, clamping out-of-range input", () => {
    expect([0, 0.14, 0.15, 0.5, 0.86, 0.999, 1].map(blueForRank)).toEqual([
      sequentialBlues[0],
      sequentialBlues[0],
      sequentialBlues[1],
      sequentialBlues[3],
      sequentialBlues[6],
      sequentialBlues[6],
      sequentialBlues[6],
    ]);
    expect(blueForRank(-1)).toBe(sequentialBlues[0]);
    expect(blueForRank(7)).toBe(sequentialBlues[6]);
  });

  it("shows the missing label, without colour or percentile, where there is no value", () => {
    const { container } = renderTable({
      cells: [...cells, { zoneKey: "SX-CZ", columnKey: "rd", value: null, formatted: "", percentile: 0.9 }],
    });
    const missing = cellAt(container, "SX-CZ", "rd");
    expect(missing?.textContent).toBe("无数据");
    expect(missing?.getAttribute("data-percentile")).toBeNull();
    expect(missing?.style.background).toBe(rgb("#FFFFFF"));
  });

  it("shows a value that has no rank uncoloured and without a percentile", () => {
    const { container } = renderTable();
    const unranked = cellAt(container, "SD-ZB", "rd");
    expect(unranked?.textContent).toBe("3.1");
    expect(unranked?.style.background).toBe(rgb("#FFFFFF"));
    expect(unranked?.getAttribute("title")).toBeNull();
  });

  it("shows the scale with its low and high labels", () => {
    const { container } = renderTable();
    const legend = container.querySelector(".heat-legend");
    expect(legend?.textContent).toBe("靠后靠前");
    expect(
      [...(legend?.querySelectorAll<HTMLElement>(".heat-legend-step") ?? [])].map((s) => s.dataset.color),
    ).toEqual([...sequentialBlues]);
  });

  it("renders a single cell", () => {
    const { container } = renderTable({
      zones: [zones[0] ?? { key: "", label: "" }],
      columns: [columns[0] ?? { key: "", label: "", unit: "" }],
    });
    expect(heatCells(container).map((td) => td.textContent)).toEqual(["1,929.50 百分位 100"]);
  });

  it.each([
    ["no zones", { zones: [] }],
    ["no columns", { columns: [] }],
  ])("says there is nothing to show for %s", (_case, props) => {
    const { container } = renderTable(props);
    expect(screen.getByText("无数据")).toBeTruthy();
    expect(container.querySelector("table")).toBeNull();
    expect(heatCells(container)).toHaveLength(0);
  });

  it("shows every cell as missing when no zone has a value", () => {
    const { container } = renderTable({ cells: [] });
    expect(heatCells(container).map((td) => td.textContent)).toEqual(Array(6).fill("无数据"));
    expect(heatCells(container).filter((td) => td.hasAttribute("data-percentile"))).toHaveLength(0);
  });
});
