import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The overview's charts (sparklines, the ranking bars, the heat table) are plain SVG and HTML drawn by React:
 * the overview's first-load JavaScript has a 200 kB budget and Recharts alone is about 120 kB gzip. The
 * quarter charts of the zone, indicator and comparison pages use Recharts, loaded when the first one is drawn
 * (`lazy-charts.tsx`): those pages have a 250 kB budget. Nothing the overview's charts or the on-demand
 * wrappers import may reach a chart library, relative imports included.
 */
const CHART_LIBRARIES = ["recharts", "d3", "victory", "chart.js", "echarts", "@nivo", "@visx"];

/** The modules a source loads when it is evaluated: type-only imports are erased, `import()` waits for a call. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)(?!\s+type\b)[^'"]*?from\s+["']([^"']+)["']/gm)].map(
    (m) => m[1] ?? "",
  );
}

/** Every module specifier reachable from `file` through relative imports (`./x` resolved to x.ts or x.tsx). */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const specifier of specifiers(readFileSync(path.join(import.meta.dirname, file), "utf8"))) {
    if (!specifier.startsWith("./")) {
      seen.add(specifier);
      continue;
    }
    const base = specifier.slice(2);
    const found = [`${base}.ts`, `${base}.tsx`].find((candidate) =>
      existsSync(path.join(import.meta.dirname, candidate)),
    );
    if (!found) throw new Error(`${file}: cannot resolve ${specifier}`);
    reachable(found, seen);
  }
  return seen;
}

const isChartLibrary = (specifier: string) =>
  CHART_LIBRARIES.some(
    (library) =>
      specifier === library || specifier.startsWith(`${library}/`) || specifier.startsWith(`${library}-`),
  );

describe("the overview's charts, and the quarter charts before they are drawn", () => {
  it.each([
    "sparkline.tsx",
    "zone-ranking.tsx",
    "percentile-heat-table.tsx",
    "lazy-charts.tsx",
    "deferred-chart.tsx",
  ])("%s imports no chart library, directly or through its own modules", (file) => {
    const modules = [...reachable(file)];
    expect(modules.filter(isChartLibrary)).toEqual([]);
  });

  it("would notice one reached through the package's own modules", () => {
    expect([...reachable("indicator-trend.tsx")].filter(isChartLibrary)).toContain("recharts");
  });

  it("would notice one", () => {
    const found = specifiers(
      'import { Line } from "recharts";\nexport { x } from "./y";\nimport { scaleLinear } from "d3-scale";',
    );
    expect(found).toEqual(["recharts", "./y", "d3-scale"]);
    expect(found.filter(isChartLibrary)).toEqual(["recharts", "d3-scale"]);
  });

  it("does not count what loads nothing on evaluation: a type-only import, an import() called later", () => {
    const found = specifiers(
      'import type { LineProps } from "recharts";\nexport type { X } from "./x";\nconst chart = lazy(() => import("recharts"));',
    );
    expect(found).toEqual([]);
  });
});
