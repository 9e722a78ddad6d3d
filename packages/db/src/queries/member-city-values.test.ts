import type { Rubric } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../client";
import { rowsOf } from "../rows";
import { evaluationResults, observations, reportingPeriods, submissions, users } from "../schema";
import { seedCatalogue } from "../seed/catalogue";
import { createTestDatabase, testEngine } from "../testing";
import { adjustEvaluation, computeEvaluation, publishEvaluation, saveRubricRow } from "./evaluation";
import { evaluationOfYear } from "./evaluation-reads";
import { cityValueFacts, saveMemberCityValues, templateCities } from "./member-city-values";

const REVIEWER = { id: "u-reviewer", name: "审核员", email: "reviewer@t.test", role: "reviewer" as const };
const YEAR = 2025;

/** One dimension: R&D intensity by percentile (half), PM2.5 at most 35 (half). */
const RUBRIC: Rubric = {
  year: YEAR,
  dimensions: [
    {
      code: "all",
      name: { zh: "全部", en: "All" },
      weight: 100,
      items: [
        { indicatorCode: "rd-intensity", weight: 50, rule: { kind: "percentile" } },
        { indicatorCode: "pm25", weight: 50, rule: { kind: "threshold", target: 35 } },
      ],
    },
  ],
  thresholds: { excellent: 90, good: 75, pass: 60 },
};

describe(`member cities' figures and their evaluation (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  const db = () => handle.db;

  const results = async (city: boolean) =>
    Object.fromEntries(
      (await evaluationOfYear(db(), YEAR, { publishedOnly: false }))
        .filter((row) => (row.memberCityCode !== null) === city)
        .map((row) => [row.memberCityCode ?? row.zoneCode, [row.computedScore, row.finalScore, row.source]]),
    );
  const figureCount = async () =>
    rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from member_city_values`))[0]?.n;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedCatalogue(db());
    await db().insert(users).values(REVIEWER);
    await db()
      .insert(reportingPeriods)
      .values({ quarter: `${YEAR}Q4`, status: "closed", deadline: "2030-01-01" })
      .onConflictDoNothing();
    // Zones' approved full-year values: Huangshi and Zibo (one city each) and Central Hunan (three cities).
    const zones: [string, number, number][] = [
      ["HB-HS", 3, 30],
      ["SD-ZB", 2, 40],
      ["HN-C", 1, 50],
    ];
    await db()
      .insert(submissions)
      .values(zones.map(([zoneCode]) => ({ zoneCode, quarter: `${YEAR}Q4`, status: "approved" as const })));
    await db()
      .insert(observations)
      .values(
        zones.flatMap(([zoneCode, rd, pm25]) => [
          { zoneCode, quarter: `${YEAR}Q4`, indicatorCode: "rd-intensity", value: String(rd) },
          { zoneCode, quarter: `${YEAR}Q4`, indicatorCode: "pm25", value: String(pm25) },
        ]),
      );
    await saveRubricRow(db(), RUBRIC);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("tells an import what it checks against: each city's zone and how many cities it has, the ranges, the published years", async () => {
    const facts = await cityValueFacts(db(), {
      cityCodes: ["HN-C-ZZ", "HB-HS-HS", "NO-SUCH"],
      indicatorCodes: ["pm25", "nope"],
      years: [YEAR],
    });
    expect(facts.cities.get("HN-C-ZZ")).toMatchObject({
      zoneCode: "HN-C",
      citiesOfZone: 3,
      zoneActive: true,
    });
    expect(facts.cities.get("HB-HS-HS")).toMatchObject({ citiesOfZone: 1 });
    expect(facts.cities.has("NO-SUCH")).toBe(false);
    expect(facts.indicators.get("pm25")).toMatchObject({ min: 0 });
    expect(facts.indicators.has("nope")).toBe(false);
    expect(facts.publishedYears.size).toBe(0);
    // The template lists the cities of zones of several cities only.
    const cities = (await templateCities(db(), YEAR)).map((city) => city.code);
    expect(cities).toContain("HN-C-LD");
    expect(cities).toContain("NX-NE-SZS");
    expect(cities).not.toContain("HB-HS-HS");
  });

  it("saves figures all together, replacing a year's figure, with one audit row per import", async () => {
    const saved = await saveMemberCityValues(db(), {
      values: [
        { year: YEAR, memberCityCode: "HN-C-ZZ", indicatorCode: "rd-intensity", value: 2.5 },
        { year: YEAR, memberCityCode: "HN-C-XT", indicatorCode: "rd-intensity", value: 1 },
        { year: YEAR, memberCityCode: "HN-C-XT", indicatorCode: "pm25", value: 30 },
      ],
      actorId: REVIEWER.id,
    });
    expect(saved).toEqual({ ok: true, value: { saved: 3 } });
    await saveMemberCityValues(db(), {
      values: [{ year: YEAR, memberCityCode: "HN-C-XT", indicatorCode: "rd-intensity", value: 1.5 }],
      actorId: REVIEWER.id,
    });
    expect(await figureCount()).toBe(3);
    const audit = rowsOf<{ entityId: string; details: { saved: number; values: { from: number | null }[] } }>(
      await db().execute(sql`
        select entity_id as "entityId", details from audit_log
        where action = 'evaluation.cityValues.import' order by id`),
    );
    expect(audit.map((row) => [row.entityId, row.details.saved])).toEqual([
      ["2025", 3],
      ["2025", 1],
    ]);
    expect(audit[1]?.details.values).toEqual([
      { year: YEAR, memberCityCode: "HN-C-XT", indicatorCode: "rd-intensity", value: 1.5, from: 1 },
    ]);
  });

  it("scores member cities as their own pool, a single city through its zone's values, none without figures", async () => {
    expect(await computeEvaluation(db(), { year: YEAR, actorId: REVIEWER.id })).toEqual({
      ok: true,
      value: { evaluated: 3, cities: 4 },
    });
    // Zones among zones: R&D 3 > 2 > 1.
    expect(await results(false)).toEqual({
      "HB-HS": [100, 100, "computed"],
      "SD-ZB": [25, 25, "computed"],
      "HN-C": [0, 0, "computed"],
    });
    // Cities among cities: R&D 3 (HB-HS-HS) > 2.5 (HN-C-ZZ) > 2 (SD-ZB-ZB) > 1.5 (HN-C-XT); PM2.5 met by HB-HS-HS
    // and HN-C-XT, unknown for HN-C-ZZ. HN-C-LD and the other cities have no figure: no result.
    expect(await results(true)).toEqual({
      "HB-HS-HS": [100, 100, "computed"],
      "HN-C-XT": [50, 50, "computed"],
      "HN-C-ZZ": [33.34, 33.34, "computed"],
      "SD-ZB-ZB": [16.67, 16.67, "computed"],
    });
    const zz = (await evaluationOfYear(db(), YEAR, { publishedOnly: false })).find(
      (row) => row.memberCityCode === "HN-C-ZZ",
    );
    expect(zz).toMatchObject({ zoneCode: "HN-C", missingItems: 1, cityNameZh: "株洲", rating: "poor" });
  });

  it("adjusts a member city's score (the city must be the zone's), audited, kept through a recompute", async () => {
    const refused = await adjustEvaluation(db(), {
      year: YEAR,
      zoneCode: "SD-ZB",
      memberCityCode: "HN-C-XT",
      adjustment: 5,
      reason: "省级审查意见",
      actorId: REVIEWER.id,
    });
    expect(refused).toEqual({ ok: false, refusal: "not-member" });
    const adjusted = await adjustEvaluation(db(), {
      year: YEAR,
      zoneCode: "HN-C",
      memberCityCode: "HN-C-XT",
      adjustment: 12.5,
      reason: "湘潭专家评审加分",
      actorId: REVIEWER.id,
    });
    expect(adjusted).toEqual({ ok: true, value: { finalScore: 62.5, rating: "pass" } });
    // A new figure changes the city's computed score; the adjustment stays on top of it.
    await saveMemberCityValues(db(), {
      values: [{ year: YEAR, memberCityCode: "HN-C-XT", indicatorCode: "rd-intensity", value: 2.8 }],
      actorId: REVIEWER.id,
    });
    await computeEvaluation(db(), { year: YEAR, actorId: REVIEWER.id });
    const xt = (await evaluationOfYear(db(), YEAR, { publishedOnly: false })).find(
      (row) => row.memberCityCode === "HN-C-XT",
    );
    expect(xt).toMatchObject({
      state: "adjusted",
      computedScore: 83.34,
      adjustment: 12.5,
      adjustmentReason: "湘潭专家评审加分",
      finalScore: 95.84,
      rating: "excellent",
    });
    // The zone of the same code is untouched by the city's adjustment.
    expect((await results(false))["HN-C"]).toEqual([0, 0, "computed"]);
    const audit = rowsOf<{ entityId: string; zoneCode: string }>(
      await db().execute(sql`
        select entity_id as "entityId", zone_code as "zoneCode" from audit_log where action = 'evaluation.adjust'`),
    );
    expect(audit).toEqual([{ entityId: "2025:HN-C-XT", zoneCode: "HN-C" }]);
  });

  it("never overwrites a city's rating entered as published history", async () => {
    await db().insert(evaluationResults).values({
      year: YEAR,
      zoneCode: "NX-NE",
      memberCityCode: "NX-NE-ND",
      source: "published-history",
      state: "published",
      rating: "good",
    });
    await saveMemberCityValues(db(), {
      values: [{ year: YEAR, memberCityCode: "NX-NE-ND", indicatorCode: "pm25", value: 20 }],
      actorId: REVIEWER.id,
    });
    await computeEvaluation(db(), { year: YEAR, actorId: REVIEWER.id });
    const nd = (await evaluationOfYear(db(), YEAR, { publishedOnly: false })).find(
      (row) => row.memberCityCode === "NX-NE-ND",
    );
    expect(nd).toMatchObject({ source: "published-history", rating: "good", computedScore: null });
  });

  it("refuses figures once the year is published, saving nothing", async () => {
    expect(await publishEvaluation(db(), { year: YEAR, actorId: REVIEWER.id })).toMatchObject({ ok: true });
    const before = await figureCount();
    const refused = await saveMemberCityValues(db(), {
      values: [
        { year: YEAR, memberCityCode: "HN-C-LD", indicatorCode: "pm25", value: 33 },
        { year: YEAR, memberCityCode: "HN-C-ZZ", indicatorCode: "rd-intensity", value: 9 },
      ],
      actorId: REVIEWER.id,
    });
    expect(refused).toEqual({ ok: false, refusal: "published" });
    expect(await figureCount()).toBe(before);
    expect(
      (await cityValueFacts(db(), { cityCodes: [], indicatorCodes: [], years: [YEAR] })).publishedYears,
    ).toEqual(new Set([YEAR]));
  });
});
