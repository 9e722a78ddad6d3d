import { chartFontFamily } from "./palette";

/*
 * The chart's downloads. The PNG is drawn from the page: the chart's SVG, with the title above it and the
 * HTML legend below it.
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const PNG_SCALE = 2;
const PNG_PADDING = 16;
const TITLE_SIZE = 16;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 20;
const SWATCH = { width: 24, height: 12 };

/** Saves a blob under `name` through a temporary `<a download>`. */
export function downloadBlob(blob: Blob, name: string): void {
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
export async function exportPng(frame: HTMLElement, title: string, name: string): Promise<void> {
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
