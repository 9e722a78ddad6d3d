/**
 * What a Lighthouse JSON report says about where a page's main-thread time went: the scripts that took the
 * most (`bootup-time`), the kinds of work (`mainthread-work-breakdown`) and the long tasks. The bench prints
 * it beside each score, because on a shared machine a score alone cannot tell a heavier page from a busier
 * CPU.
 */

interface Items<T> {
  details?: { items?: T[] };
  numericValue?: number;
}

export interface LighthouseReport {
  categories: { performance: { score: number | null } };
  audits: {
    "largest-contentful-paint"?: Items<never>;
    "total-blocking-time"?: Items<never>;
    "bootup-time"?: Items<{ url: string; total: number; scripting?: number; scriptParseCompile?: number }>;
    "mainthread-work-breakdown"?: Items<{ group: string; groupLabel?: string; duration: number }>;
    "long-tasks"?: Items<{ url: string; duration: number; startTime?: number }>;
  } & Record<string, Items<unknown> | undefined>;
  runtimeError?: { code: string; message: string };
  /** Lighthouse's reading of this machine's CPU speed when the page ran (higher is faster). */
  environment?: { benchmarkIndex?: number };
}

export interface LighthouseBreakdown {
  /** The scripts with the most main-thread time, longest first: the file's last path segment, ms. */
  scripts: { file: string; ms: number }[];
  /** Main-thread time by kind of work (script evaluation, style and layout…), longest first, ms. */
  work: { group: string; ms: number }[];
  longTasks: { count: number; ms: number };
}

const TOP = 4;

/** `http://host/_next/static/chunks/abc.js?x` → `abc.js`; Lighthouse's own rows (`Unattributable`) as they are. */
export function scriptName(url: string): string {
  try {
    const { pathname } = new URL(url);
    return pathname.split("/").filter(Boolean).at(-1) ?? pathname;
  } catch {
    return url;
  }
}

export function lighthouseBreakdown(report: LighthouseReport, top = TOP): LighthouseBreakdown {
  const scripts = (report.audits["bootup-time"]?.details?.items ?? [])
    .map((item) => ({ file: scriptName(item.url), ms: item.total }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
  const work = (report.audits["mainthread-work-breakdown"]?.details?.items ?? [])
    .map((item) => ({ group: item.groupLabel ?? item.group, ms: item.duration }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
  const tasks = report.audits["long-tasks"]?.details?.items ?? [];
  return {
    scripts,
    work,
    longTasks: { count: tasks.length, ms: tasks.reduce((sum, task) => sum + task.duration, 0) },
  };
}

/** One line for the bench's log, e.g. `long tasks 3 (412 ms) · Script Evaluation 820 ms, … · 1234.js 300 ms, …`. */
export function formatBreakdown(breakdown: LighthouseBreakdown): string {
  const list = (entries: { name: string; ms: number }[]) =>
    entries.map((entry) => `${entry.name} ${Math.round(entry.ms)} ms`).join(", ") || "none";
  return [
    `long tasks ${breakdown.longTasks.count} (${Math.round(breakdown.longTasks.ms)} ms)`,
    list(breakdown.work.map((entry) => ({ name: entry.group, ms: entry.ms }))),
    list(breakdown.scripts.map((entry) => ({ name: entry.file, ms: entry.ms }))),
  ].join(" · ");
}
