import { INDICATORS, type Indicator } from "@zones/domain";
import { describe, expect, it } from "vitest";

import { heatIndicators, heatYearEnd } from "./heat-columns";

describe("the overview heat table's year end", () => {
  it("is the last Q4 for a Q1–Q3 quarter whose theme has annual indicators", () => {
    expect(heatYearEnd(INDICATORS, "2026Q2", "structure")).toBe("2025Q4");
    expect(heatYearEnd(INDICATORS, "2026Q1", "green")).toBe("2025Q4");
    expect(heatYearEnd(INDICATORS, "2026Q3", "urban")).toBe("2025Q4");
  });

  it("is none for a theme of quarterly indicators only: nothing of the year end is fetched or sent", () => {
    expect(heatIndicators(INDICATORS, "2026Q2", "growth").every((i) => i.frequency === "quarterly")).toBe(
      true,
    );
    expect(heatYearEnd(INDICATORS, "2026Q2", "growth")).toBeNull();
    expect(heatYearEnd(INDICATORS, "2026Q2", "livelihood")).toBeNull();
  });

  it("is none for a fourth quarter, which has the annual values itself", () => {
    expect(heatYearEnd(INDICATORS, "2025Q4", "structure")).toBeNull();
  });

  it("follows the indicators in force that year, not the theme's name", () => {
    const retired = INDICATORS.map(
      (indicator): Indicator =>
        indicator.theme === "structure" && indicator.frequency === "annual"
          ? { ...indicator, retiredAfter: 2020 }
          : indicator,
    );
    expect(heatIndicators(retired, "2026Q2", "structure").some((i) => i.frequency === "annual")).toBe(false);
    expect(heatYearEnd(retired, "2026Q2", "structure")).toBeNull();
  });
});
