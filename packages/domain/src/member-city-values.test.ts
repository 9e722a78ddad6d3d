import { describe, expect, it } from "vitest";

import { defaultRubric, scoreUnits } from "./index";
import { citiesRatedIn, memberCityValues } from "./member-city-values";

const values = (entries: Record<string, Record<string, number>>) =>
  new Map(Object.entries(entries).map(([unit, byCode]) => [unit, new Map(Object.entries(byCode))]));

const CITIES = [
  { code: "HB-HS-HS", zoneCode: "HB-HS" },
  { code: "HN-C-ZZ", zoneCode: "HN-C" },
  { code: "HN-C-XT", zoneCode: "HN-C" },
  { code: "HN-C-LD", zoneCode: "HN-C" },
  { code: "NM-W-BT", zoneCode: "NM-W" },
  { code: "NM-W-WH", zoneCode: "NM-W" },
];

describe("member cities' values", () => {
  const zones = values({ "HB-HS": { gdp: 100 }, "HN-C": { gdp: 900 }, "NM-W": { gdp: 50 } });
  const figures = values({
    "HB-HS-HS": { gdp: 1 },
    "HN-C-ZZ": { gdp: 400 },
    "HN-C-XT": { gdp: 300, pm25: 40 },
    "NM-W-BT": { gdp: 30 },
  });

  it("lends a single-city zone's values to its city and gives other cities their imported figures", () => {
    const cities = memberCityValues(zones, figures, CITIES, new Set(["HB-HS", "HN-C", "NM-W"]));
    expect(
      Object.fromEntries([...cities].map(([code, byCode]) => [code, Object.fromEntries(byCode)])),
    ).toEqual({
      // The zone's own figure, not an imported one: a zone of one city is that city.
      "HB-HS-HS": { gdp: 100 },
      "HN-C-ZZ": { gdp: 400 },
      "HN-C-XT": { gdp: 300, pm25: 40 },
      "NM-W-BT": { gdp: 30 },
    });
    // Cities without a figure (HN-C-LD, NM-W-WH) are not evaluated: "where data exists".
    expect(cities.has("HN-C-LD")).toBe(false);
    expect(cities.has("NM-W-WH")).toBe(false);
  });

  it("leaves out the cities of zones that are not evaluated", () => {
    const cities = memberCityValues(zones, figures, CITIES, new Set(["HN-C"]));
    expect([...cities.keys()]).toEqual(["HN-C-ZZ", "HN-C-XT"]);
  });

  it("scores the cities as their own pool: percentiles among the cities only", () => {
    const rubric = defaultRubric(2025);
    rubric.dimensions = [
      {
        ...rubric.dimensions[0],
        weight: 100,
        items: [{ indicatorCode: "gdp", weight: 100, rule: { kind: "percentile" } }],
      },
    ] as typeof rubric.dimensions;
    const cities = memberCityValues(zones, figures, CITIES, new Set(["HB-HS", "HN-C", "NM-W"]));
    const scores = new Map(
      scoreUnits(rubric, cities, new Map([["gdp", "higher"]])).map((score) => [score.unit, score.total]),
    );
    // Among 100, 400, 300, 30 (the zones' 900 takes no part): 400 beats all three others.
    expect(Object.fromEntries(scores)).toEqual({
      "HB-HS-HS": 33.33,
      "HN-C-ZZ": 100,
      "HN-C-XT": 66.67,
      "NM-W-BT": 0,
    });
  });

  it("rates cities from 2020 on", () => {
    expect([2019, 2020, 2025].map(citiesRatedIn)).toEqual([false, true, true]);
  });
});
