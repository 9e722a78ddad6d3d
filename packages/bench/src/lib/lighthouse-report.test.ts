import { describe, expect, it } from "vitest";

import { formatBreakdown, type LighthouseReport, lighthouseBreakdown, scriptName } from "./lighthouse-report";

const report: LighthouseReport = {
  categories: { performance: { score: 0.85 } },
  audits: {
    "bootup-time": {
      details: {
        items: [
          { url: "http://127.0.0.1:3650/_next/static/chunks/small.js", total: 40 },
          { url: "http://127.0.0.1:3650/_next/static/chunks/recharts.js?v=1", total: 900.4 },
          { url: "Unattributable", total: 120 },
          { url: "http://127.0.0.1:3650/zones/HB-HS", total: 300 },
          { url: "http://127.0.0.1:3650/_next/static/chunks/app.js", total: 80 },
        ],
      },
    },
    "mainthread-work-breakdown": {
      details: {
        items: [
          { group: "styleLayout", groupLabel: "Style & Layout", duration: 200 },
          { group: "scriptEvaluation", groupLabel: "Script Evaluation", duration: 1200 },
          { group: "other", duration: 90 },
        ],
      },
    },
    "long-tasks": {
      details: {
        items: [
          { url: "http://x/a.js", duration: 250 },
          { url: "http://x/b.js", duration: 120.5 },
        ],
      },
    },
  },
};

describe("lighthouseBreakdown", () => {
  it("lists the scripts and kinds of work that took the most, longest first, and sums the long tasks", () => {
    expect(lighthouseBreakdown(report, 3)).toEqual({
      scripts: [
        { file: "recharts.js", ms: 900.4 },
        { file: "HB-HS", ms: 300 },
        { file: "Unattributable", ms: 120 },
      ],
      work: [
        { group: "Script Evaluation", ms: 1200 },
        { group: "Style & Layout", ms: 200 },
        { group: "other", ms: 90 },
      ],
      longTasks: { count: 2, ms: 370.5 },
    });
  });

  it("reads a report without these audits as nothing measured", () => {
    const bare: LighthouseReport = { categories: { performance: { score: 1 } }, audits: {} };
    expect(lighthouseBreakdown(bare)).toEqual({ scripts: [], work: [], longTasks: { count: 0, ms: 0 } });
    expect(formatBreakdown(lighthouseBreakdown(bare))).toBe("long tasks 0 (0 ms) · none · none");
  });

  it("prints one line", () => {
    expect(formatBreakdown(lighthouseBreakdown(report, 2))).toBe(
      "long tasks 2 (371 ms) · Script Evaluation 1200 ms, Style & Layout 200 ms · recharts.js 900 ms, HB-HS 300 ms",
    );
  });
});

describe("scriptName", () => {
  it("keeps a URL's last path segment, without its query", () => {
    expect(scriptName("http://127.0.0.1:3650/_next/static/chunks/0a1b.js?dpl=x")).toBe("0a1b.js");
    expect(scriptName("http://127.0.0.1:3650/")).toBe("/");
    expect(scriptName("Unattributable")).toBe("Unattributable");
  });
});
