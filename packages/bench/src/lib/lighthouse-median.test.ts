import { describe, expect, it } from "vitest";

import type { LighthouseReport } from "./lighthouse-report";
import { medianRun } from "./pages";

/** A report with what Lighthouse's median choice reads: FCP, time to interactive, and a score to tell runs apart. */
function run(name: string, fcp: number, interactive: number) {
  const report = {
    categories: { performance: { score: 0.9 } },
    audits: {
      "first-contentful-paint": { numericValue: fcp },
      interactive: { numericValue: interactive },
    },
  } as unknown as LighthouseReport;
  return { name, report };
}

describe("the Lighthouse run the bench reports", () => {
  it("is the one nearest the median FCP and time to interactive, not the best or the last", () => {
    const runs = [run("fast", 900, 2_000), run("middle", 1_000, 2_600), run("slow", 1_400, 4_000)];
    expect(medianRun(runs).name).toBe("middle");
    expect(medianRun([runs[2], runs[0], runs[1]] as typeof runs).name).toBe("middle");
  });

  it("is the only run when there is one", () => {
    expect(medianRun([run("only", 1_000, 2_000)]).name).toBe("only");
  });
});
