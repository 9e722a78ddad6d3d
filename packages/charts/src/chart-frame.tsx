"use client";

import { type CSSProperties, type ReactNode, useId, useRef, useState } from "react";
import { chartFontFamily } from "./palette";
import { type ChartTable, safeFileName, tableToCsv } from "./table-export";

export interface ChartFrameProps {
  /** Shown as the figure caption and drawn at the top of the PNG. */
  title: string;
  description?: string;
  /** ASCII, without extension; sanitised with `safeFileName` anyway. */
  fileName: string;
  /** The numbers behind the chart, for the CSV download and the accessible table. */
  table: ChartTable;
  labels: { downloadCsv: string; downloadPng: string; showTable: string };
  /** Formats numbers in the on-page table (the CSV always has them raw); default `String`. */
  formatCell?: (value: number, columnIndex: number) => string;
  children: ReactNode;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const PNG_SCALE = 2;
const PNG_PADDING = 16;
const TITLE_SIZE = 16;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 20;
const SWATCH = { width: 24, height: 12 };
const MISSING = "—";

const buttonStyle: CSSProperties = {
  font: "inherit",
  fontSize: 12,
  padding: "2px 10px",
  border: "1px solid #bbb",
  borderRadius: 4,
  background: "#fff",
  color: "#333",
  cursor: "pointer",
};

/** Saves a blob under `name` through a temporary `<a download>`. */
function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = "none";
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The chart's own SVG: the first one exposed as an image, else simply the first one. */
function findChartSvg(root: HTMLElement): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('svg[role="img"]') ?? root.querySelector<SVGSVGElement>("svg");
}

function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const attr = (name: string) => Number.parseFloat(svg.getAttribute(name) ?? "");
  const rect = svg.getBoundingClientRect();
  const width = attr("width") > 0 ? attr("width") : rect.width;
  const height = attr("height") > 0 ? attr("height") : rect.height;
  return { width: width > 0 ? width : 600, height: height > 0 ? height : 300 };
}

/**
 * Loads a standalone copy of `svg` as an image. CSS does not reach inside an SVG drawn as an
 * image, so the font family (inherited from the page) is written onto the copy, and the
 * responsive 100% sizing is replaced with fixed pixels.
 */
function svgToImage(
  svg: SVGSVGElement,
  width: number,
  height: number,
  fontFamily: string,
): Promise<HTMLImageElement> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.setAttribute("font-family", fontFamily);
  copy.setAttribute("style", `font-family: ${fontFamily}; background: #fff`);
  const markup = new XMLSerializer().serializeToString(copy);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("The chart SVG could not be loaded as an image"));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

type LegendItem = { swatch: SVGSVGElement | null; text: string };

/** Lays legend items out in rows no wider than `maxWidth`; returns each item's position. */
function layoutLegend(
  items: readonly LegendItem[],
  measure: (text: string) => number,
  maxWidth: number,
): { positions: { x: number; y: number }[]; height: number } {
  const positions: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const width = SWATCH.width + 4 + measure(item.text);
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      y += LEGEND_ROW;
    }
    positions.push({ x, y });
    x += width + 16;
  }
  return { positions, height: items.length === 0 ? 0 : y + LEGEND_ROW };
}

/**
 * Draws title, chart and legend at 2× on a white background and downloads the PNG. The legend is
 * HTML on the page; its items are found by `[data-export-legend] > li` (swatch SVG + text).
 */
async function exportPng(frame: HTMLElement, title: string, name: string): Promise<void> {
  const svg = findChartSvg(frame);
  if (!svg) return;
  const fontFamily = getComputedStyle(svg).fontFamily || chartFontFamily;
  const { width, height } = svgSize(svg);
  const legendItems: LegendItem[] = [...frame.querySelectorAll("[data-export-legend] > li")].map((li) => ({
    swatch: li.querySelector("svg"),
    text: li.textContent?.trim() ?? "",
  }));

  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d");
  if (!context) return;
  context.font = `${LEGEND_SIZE}px ${fontFamily}`;
  const legend = layoutLegend(
    legendItems,
    (text) => context.measureText(text).width,
    width - 2 * PNG_PADDING,
  );

  const titleHeight = TITLE_SIZE + 12;
  const chartTop = PNG_PADDING + titleHeight;
  const legendTop = chartTop + height + (legend.height > 0 ? 8 : 0);
  const totalWidth = width + 2 * PNG_PADDING;
  const totalHeight = legendTop + legend.height + PNG_PADDING;

  const [chart, ...swatches] = await Promise.all([
    svgToImage(svg, width, height, fontFamily),
    ...legendItems.map((item) =>
      item.swatch ? svgToImage(item.swatch, SWATCH.width, SWATCH.height, fontFamily) : Promise.resolve(null),
    ),
  ]);
  if (!chart) return;

  // Resizing the canvas resets the context, so the font is set again below.
  canvas.width = Math.round(totalWidth * PNG_SCALE);
  canvas.height = Math.round(totalHeight * PNG_SCALE);
  context.scale(PNG_SCALE, PNG_SCALE);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, totalWidth, totalHeight);
  context.textBaseline = "top";
  context.fillStyle = "#222222";
  context.font = `600 ${TITLE_SIZE}px ${fontFamily}`;
  context.fillText(title, PNG_PADDING, PNG_PADDING, width);
  context.drawImage(chart, PNG_PADDING, chartTop, width, height);
  context.font = `${LEGEND_SIZE}px ${fontFamily}`;
  context.fillStyle = "#333333";
  context.textBaseline = "middle";
  legendItems.forEach((item, i) => {
    const position = legend.positions[i];
    if (!position) return;
    const x = PNG_PADDING + position.x;
    const y = legendTop + position.y;
    const swatch = swatches[i];
    if (swatch)
      context.drawImage(swatch, x, y + (LEGEND_ROW - SWATCH.height) / 2, SWATCH.width, SWATCH.height);
    context.fillText(item.text, x + SWATCH.width + 4, y + LEGEND_ROW / 2);
  });

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (blob) downloadBlob(blob, name);
}

export function ChartFrame({
  title,
  description,
  fileName,
  table,
  labels,
  formatCell = (value) => String(value),
  children,
}: ChartFrameProps) {
  const frameRef = useRef<HTMLElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const [exporting, setExporting] = useState(false);
  const baseName = safeFileName(fileName);

  const downloadCsv = () => {
    downloadBlob(new Blob([tableToCsv(table)], { type: "text/csv;charset=utf-8" }), `${baseName}.csv`);
  };

  const downloadPng = async () => {
    const frame = frameRef.current;
    if (!frame || exporting) return;
    setExporting(true);
    try {
      await exportPng(frame, title, `${baseName}.png`);
    } catch (error) {
      console.error(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <figure
      ref={frameRef}
      data-testid="chart-frame"
      // figcaption should name the figure by itself, but not every screen reader does it.
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      style={{ margin: 0, fontFamily: chartFontFamily }}
    >
      <figcaption id={titleId} style={{ fontWeight: 600, fontSize: 15, marginBottom: 4 }}>
        {title}
      </figcaption>
      {description && (
        <p id={descriptionId} style={{ margin: "0 0 8px", fontSize: 13, color: "#555" }}>
          {description}
        </p>
      )}
      {children}
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginTop: 8, alignItems: "flex-start" }}>
        <button type="button" data-testid="download-csv" onClick={downloadCsv} style={buttonStyle}>
          {labels.downloadCsv}
        </button>
        <button
          type="button"
          data-testid="download-png"
          onClick={downloadPng}
          disabled={exporting}
          aria-busy={exporting}
          style={buttonStyle}
        >
          {labels.downloadPng}
        </button>
      </div>
      <details className="chart-frame-table" style={{ marginTop: 8, fontSize: 13 }}>
        <summary style={{ cursor: "pointer" }}>{labels.showTable}</summary>
        <div style={{ overflowX: "auto" }}>
          <DataTable title={title} table={table} formatCell={formatCell} />
        </div>
      </details>
    </figure>
  );
}

const tableCell: CSSProperties = { padding: "4px 8px", borderBottom: "1px solid #e5e5e5" };

/** The chart's numbers as a plain table; the first column heads each row. */
function DataTable({
  title,
  table,
  formatCell,
}: {
  title: string;
  table: ChartTable;
  formatCell: (value: number, columnIndex: number) => string;
}) {
  const show = (cell: string | number | null, column: number) =>
    cell === null || (typeof cell === "number" && !Number.isFinite(cell))
      ? MISSING
      : typeof cell === "number"
        ? formatCell(cell, column)
        : cell;
  return (
    <table style={{ borderCollapse: "collapse", marginTop: 4, fontVariantNumeric: "tabular-nums" }}>
      <caption style={{ textAlign: "left", fontWeight: 600, padding: "4px 0" }}>{title}</caption>
      <thead>
        <tr>
          {table.columns.map((column, c) => (
            <th
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional; two may share a name.
              key={c}
              scope="col"
              style={{ ...tableCell, textAlign: c === 0 ? "left" : "right" }}
            >
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position.
          <tr key={r}>
            {row.map((cell, c) =>
              c === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                <th key={c} scope="row" style={{ ...tableCell, textAlign: "left", fontWeight: 400 }}>
                  {show(cell, c)}
                </th>
              ) : (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                  key={c}
                  style={{ ...tableCell, textAlign: typeof cell === "number" ? "right" : "left" }}
                >
                  {show(cell, c)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
