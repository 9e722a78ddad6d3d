import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

import { computeMedianRun } from "lighthouse/core/lib/median-run.js";

import { type LighthouseBreakdown, type LighthouseReport, lighthouseBreakdown } from "./lighthouse-report";
import { run, runChecked, WEB_DIR } from "./proc";

export interface RouteJs {
  route: string;
  files: number;
  raw: number;
  gzip: number;
}

/**
 * Gzipped JS per route, by the web app's own `scripts/route-js-size.mjs` (which reads `apps/web/.next`):
 * run unchanged from a scratch folder whose `.next` points at the bench build, so the harness reuses the
 * script as it is instead of copying its logic.
 */
export async function routeJsSizes(distDir: string): Promise<{ routes: RouteJs[]; framework: RouteJs }> {
  const scratch = mkdtempSync(path.join(tmpdir(), "zones-route-js-"));
  try {
    mkdirSync(path.join(scratch, "scripts"));
    copyFileSync(
      path.join(WEB_DIR, "scripts/route-js-size.mjs"),
      path.join(scratch, "scripts/route-js-size.mjs"),
    );
    symlinkSync(path.join(WEB_DIR, distDir), path.join(scratch, ".next"));
    const { stdout } = await runChecked(
      process.execPath,
      [path.join(scratch, "scripts/route-js-size.mjs"), "--json"],
      {
        cwd: scratch,
      },
    );
    const routes = JSON.parse(stdout) as RouteJs[];
    // The floor every page pays: the framework's root files alone (the smallest route is the closest we read).
    const smallest = [...routes].sort((a, b) => a.gzip - b.gzip)[0];
    if (!smallest) throw new Error("route-js-size.mjs listed no routes");
    return { routes, framework: smallest };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface LighthouseMeasure {
  path: string;
  /** Every run's score, in the order run; the other fields are the median run's. */
  scores: number[];
  /** Lighthouse's CPU benchmark of the median run: a busy or slow machine reads lower (≈2,000 here, quiet). */
  benchmarkIndex: number;
  score: number;
  lcp: number;
  tbt: number;
  breakdown: LighthouseBreakdown;
}

const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

interface LighthouseOptions {
  cookie: string;
  preset: "desktop" | "mobile";
  chromium: string;
  /** Where to keep the median run's whole JSON report, to read the trace's details after the run. */
  reportFile?: string;
  /** Loads of the page; the median run is reported (Lighthouse's advice: its scores vary run to run). */
  runs?: number;
}

/**
 * Lighthouse 12.2.3 (the bench's pinned dependency, its own CLI) on the system Chromium, performance only,
 * with the session cookie on every request. `preset`: `desktop` (the officials' browsers) or `mobile`
 * (Lighthouse's default: a slow phone on 4G, simulated).
 */
export async function lighthouse(url: string, options: LighthouseOptions): Promise<LighthouseMeasure> {
  const runs: { report: LighthouseReport; json: string }[] = [];
  for (let index = 0; index < (options.runs ?? 1); index++)
    runs.push(await lighthouseWithRetries(url, options));
  const median = medianRun(runs);
  if (options.reportFile) writeFileSync(options.reportFile, median.json);
  return measureOf(
    url,
    median.report,
    runs.map(({ report }) => performanceScore(url, report)),
  );
}

/**
 * Lighthouse's own choice of the run to report (as PageSpeed Insights and Lighthouse CI make it): the one
 * nearest the median FCP and time to interactive, so that score, LCP and TBT come from one real load.
 */
export function medianRun<T extends { report: LighthouseReport }>(runs: readonly T[]): T {
  const chosen = computeMedianRun(runs.map((run) => run.report) as Parameters<typeof computeMedianRun>[0]);
  const run = runs.find(({ report }) => report === chosen);
  if (!run) throw new Error("no median Lighthouse run");
  return run;
}

async function lighthouseWithRetries(url: string, options: LighthouseOptions) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(url, options);
    } catch (error) {
      if (attempt >= LIGHTHOUSE_ATTEMPTS || !isTransientLighthouseError(error)) throw error;
      console.warn(`  lighthouse ${url}: ${(error as Error).message.split("\n")[0]} — running it again`);
    }
  }
}

function performanceScore(url: string, report: LighthouseReport): number {
  const score = report.categories.performance.score;
  if (score === null) throw new Error(`lighthouse ${url}: no performance score`);
  return Math.round(score * 100);
}

function measureOf(url: string, report: LighthouseReport, scores: number[]): LighthouseMeasure {
  return {
    path: new URL(url).pathname,
    scores,
    benchmarkIndex: report.environment?.benchmarkIndex ?? Number.NaN,
    score: performanceScore(url, report),
    lcp: report.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    tbt: report.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    breakdown: lighthouseBreakdown(report),
  };
}

/**
 * Lighthouse's own trace-recording failures (NO_NAVSTART, NO_FCP…) end with "Please run Lighthouse again":
 * a busy 2-core machine loses the navigation start now and then, and the page is not at fault.
 */
const LIGHTHOUSE_ATTEMPTS = 3;
export function isTransientLighthouseError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Please run Lighthouse again|NO_NAVSTART|NO_TRACING_STARTED|PROTOCOL_TIMEOUT/.test(message);
}

async function lighthouseOnce(
  url: string,
  options: LighthouseOptions,
): Promise<{ report: LighthouseReport; json: string }> {
  const cli = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");
  const args = [
    cli,
    url,
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance",
    "--quiet",
    `--chrome-flags=${CHROMIUM_FLAGS.join(" ")}`,
    `--extra-headers=${JSON.stringify({ Cookie: options.cookie })}`,
    "--max-wait-for-load=60000",
    ...(options.preset === "desktop" ? ["--preset=desktop"] : []),
  ];
  const result = await run(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: options.chromium },
  });
  if (result.code !== 0)
    throw new Error(`lighthouse ${url} exited with ${result.code}: ${result.stderr.slice(-1500)}`);
  const report = JSON.parse(result.stdout) as LighthouseReport;
  if (report.runtimeError)
    throw new Error(`lighthouse ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  performanceScore(url, report);
  return { report, json: result.stdout };
}
