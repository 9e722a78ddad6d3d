import { readFileSync } from "node:fs";
import path from "node:path";

/** Test-only: the charts' stylesheet in the test document, as the app loads it, for computed styles. */
export function loadChartStyles(): void {
  if (document.head.querySelector("style[data-charts]")) return;
  const style = document.createElement("style");
  style.dataset.charts = "";
  style.textContent = readFileSync(path.join(import.meta.dirname, "charts.css"), "utf8");
  document.head.append(style);
}
