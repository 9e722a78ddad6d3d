import { describe, expect, it } from "vitest";
import {
  appliesToQuarter,
  findIndicator,
  getIndicator,
  INDICATOR_CODES,
  INDICATORS,
  indicatorsByTheme,
  isSingleQuarterDerivable,
  ytdKind,
} from "./indicators";
import { THEME_CODES, THEMES } from "./themes";

const CONTRACT_CODES = [
  "gdp",
  "gdp-growth",
  "industrial-va-growth",
  "fixed-asset-investment-growth",
  "tech-upgrade-investment-growth",
  "retail-sales",
  "budget-revenue",
  "foreign-trade",
  "manufacturing-share",
  "hightech-manufacturing-share",
  "strategic-emerging-share",
  "tertiary-share",
  "rd-intensity",
  "hightech-enterprises",
  "rd-platforms",
  "new-business-registrations",
  "private-investment-growth",
  "online-government-services",
  "energy-intensity-reduction",
  "solid-waste-utilisation",
  "pm25",
  "good-air-days",
  "land-restored",
  "new-urban-jobs",
  "urban-unemployment",
  "urban-income",
  "rural-income",
  "urbanisation-rate",
  "relocation-projects",
  "heritage-projects",
];

describe("themes", () => {
  it("are the seven themes in display order", () => {
    expect(THEMES.map((theme) => theme.code)).toEqual([
      "growth",
      "structure",
      "innovation",
      "business",
      "green",
      "livelihood",
      "urban",
    ]);
    expect([...THEME_CODES]).toEqual(THEMES.map((theme) => theme.code));
    expect(THEMES.map((theme) => theme.name.zh)).toEqual([
      "经济增长",
      "产业结构",
      "创新驱动",
      "营商环境",
      "绿色低碳",
      "民生就业",
      "城市更新",
    ]);
    for (const theme of THEMES) expect(theme.name.en).not.toBe("");
  });
});

describe("indicator catalogue", () => {
  it("has the 30 contract codes in order, unique and kebab-case", () => {
    expect(INDICATORS.map((indicator) => indicator.code)).toEqual(CONTRACT_CODES);
    expect([...INDICATOR_CODES]).toEqual(CONTRACT_CODES);
    expect(new Set(CONTRACT_CODES).size).toBe(30);
    for (const code of CONTRACT_CODES) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(INDICATORS.map((indicator) => [indicator.code, indicator] as const))(
    "%s is complete",
    (_code, ind) => {
      for (const text of [ind.name, ind.definition, ind.unit, ind.source]) {
        expect(text.zh.trim()).not.toBe("");
        expect(text.en.trim()).not.toBe("");
      }
      expect(ind.definition.zh).toMatch(/。$/);
      expect(ind.definition.en).toMatch(/\.$/);
      expect(["higher", "lower"]).toContain(ind.direction);
      expect(["quarterly", "annual"]).toContain(ind.frequency);
      expect(["amount", "count", "rate", "share", "average"]).toContain(ind.measure);
      expect(THEME_CODES).toContain(ind.theme);
      expect(ind.validRange.min).toBeLessThan(ind.validRange.max);
      expect(Number.isInteger(ind.decimals)).toBe(true);
      expect(ind.decimals).toBeGreaterThanOrEqual(0);
      expect(ind.decimals).toBeLessThanOrEqual(4);
    },
  );

  it("keeps the physical ranges honest", () => {
    for (const ind of INDICATORS) {
      if (ind.measure === "share") expect(ind.validRange).toEqual({ min: 0, max: 100 });
      if (ind.measure === "amount" || ind.measure === "count" || ind.measure === "average") {
        expect(ind.validRange.min).toBe(0);
      }
      if (ind.measure === "rate") expect(ind.validRange.min).toBeGreaterThanOrEqual(-100);
      if (ind.unit.zh === "%") expect(["rate", "share"]).toContain(ind.measure);
    }
    expect(getIndicator("gdp-growth").validRange).toEqual({ min: -100, max: 1000 });
    expect(getIndicator("energy-intensity-reduction").validRange).toEqual({ min: -100, max: 100 });
    expect(getIndicator("pm25").validRange).toEqual({ min: 0, max: 1000 });
  });

  it("has exactly the six headline indicators", () => {
    expect(INDICATORS.filter((ind) => ind.headline).map((ind) => ind.code)).toEqual([
      "gdp",
      "gdp-growth",
      "industrial-va-growth",
      "rd-intensity",
      "new-urban-jobs",
      "urban-unemployment",
    ]);
  });

  it("matches the frequency, direction and YTD columns of the shared notes", () => {
    const annual = INDICATORS.filter((ind) => ind.frequency === "annual").map((ind) => ind.code);
    expect(annual).toEqual([
      "manufacturing-share",
      "strategic-emerging-share",
      "tertiary-share",
      "rd-intensity",
      "hightech-enterprises",
      "rd-platforms",
      "online-government-services",
      "energy-intensity-reduction",
      "solid-waste-utilisation",
      "land-restored",
      "urbanisation-rate",
      "relocation-projects",
      "heritage-projects",
    ]);
    const lowerIsBetter = INDICATORS.filter((ind) => ind.direction === "lower").map((ind) => ind.code);
    expect(lowerIsBetter).toEqual(["pm25", "urban-unemployment"]);
    // Every quarterly indicator is year-to-date, except the end-of-period unemployment rate.
    const quarterlyNotCumulative = INDICATORS.filter(
      (ind) => ind.frequency === "quarterly" && !ind.cumulative,
    );
    expect(quarterlyNotCumulative.map((ind) => ind.code)).toEqual(["urban-unemployment"]);
  });

  it("never marks annual indicators as cumulative, so nothing annual is split into quarters", () => {
    for (const ind of INDICATORS.filter((i) => i.frequency === "annual")) {
      expect(ind.cumulative).toBe(false);
      expect(isSingleQuarterDerivable(ind)).toBe(false);
    }
  });

  it("labels year-to-date averages and shares as such, not as bare totals (累计平均 / 累计占比)", () => {
    expect(ytdKind(getIndicator("pm25"))).toBe("average");
    expect(ytdKind(getIndicator("good-air-days"))).toBe("share");
    expect(ytdKind(getIndicator("gdp"))).toBe("total");
    expect(ytdKind(getIndicator("gdp-growth"))).toBe("growth");
    expect(ytdKind(getIndicator("urbanisation-rate"))).toBeNull();
  });

  it("derives single quarters only from cumulative amounts and counts", () => {
    const derivable = INDICATORS.filter(isSingleQuarterDerivable).map((ind) => ind.code);
    expect(derivable).toEqual([
      "gdp",
      "retail-sales",
      "budget-revenue",
      "foreign-trade",
      "new-business-registrations",
      "new-urban-jobs",
      "urban-income",
      "rural-income",
    ]);
    // YTD growth rates, shares and averages cannot be split.
    expect(isSingleQuarterDerivable(getIndicator("gdp-growth"))).toBe(false);
    expect(isSingleQuarterDerivable(getIndicator("hightech-manufacturing-share"))).toBe(false);
    expect(isSingleQuarterDerivable(getIndicator("pm25"))).toBe(false);
  });

  it("sets units, measures and decimals by kind", () => {
    expect(getIndicator("gdp")).toMatchObject({ unit: { zh: "亿元", en: "100 million yuan" }, decimals: 2 });
    expect(getIndicator("new-urban-jobs")).toMatchObject({
      unit: { zh: "万人" },
      measure: "count",
      decimals: 2,
    });
    expect(getIndicator("hightech-enterprises")).toMatchObject({ unit: { en: "firms" }, decimals: 0 });
    expect(getIndicator("urban-income")).toMatchObject({
      unit: { zh: "元" },
      measure: "amount",
      decimals: 0,
    });
    expect(getIndicator("land-restored")).toMatchObject({ unit: { en: "ha" }, measure: "amount" });
    expect(getIndicator("pm25")).toMatchObject({ measure: "average", unit: { zh: "µg/m³" } });
    expect(getIndicator("urban-unemployment")).toMatchObject({
      measure: "rate",
      validRange: { min: 0, max: 100 },
    });
  });

  it("finds by code and throws on unknown codes with getIndicator", () => {
    expect(findIndicator("pm25")?.name.zh).toBe("PM2.5平均浓度");
    expect(findIndicator("GDP")).toBeUndefined();
    expect(() => getIndicator("foo")).toThrow('unknown indicator code "foo"');
  });

  it("groups by theme in theme order without losing any indicator", () => {
    const groups = indicatorsByTheme(INDICATORS);
    expect(groups.map((group) => group.theme.code)).toEqual(THEMES.map((theme) => theme.code));
    expect(groups.flatMap((group) => group.indicators)).toHaveLength(30);
    expect(groups[0]?.indicators.map((ind) => ind.code)).toEqual(CONTRACT_CODES.slice(0, 8));
    for (const group of groups) {
      expect(group.indicators.length).toBeGreaterThan(0);
      for (const ind of group.indicators) expect(ind.theme).toBe(group.theme.code);
    }
  });

  it("applies annual indicators to Q4 only", () => {
    const annual = getIndicator("rd-intensity");
    const quarterly = getIndicator("gdp");
    expect(appliesToQuarter(annual, "2025Q4")).toBe(true);
    for (const q of ["2025Q1", "2025Q2", "2025Q3"] as const) expect(appliesToQuarter(annual, q)).toBe(false);
    for (const q of ["2025Q1", "2025Q2", "2025Q3", "2025Q4"] as const) {
      expect(appliesToQuarter(quarterly, q)).toBe(true);
    }
    expect(appliesToQuarter(annual, { year: 2025, q: 4 })).toBe(true);
  });
});
