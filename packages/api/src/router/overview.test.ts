import { TRPCError } from "@trpc/server";
import type { DatabaseHandle } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { BUILT_IN_ZONES } from "@zones/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "../root";
import { contextFor, createRoleUsers, testAuth } from "../test-fixtures";

/** Seeded as of 2026-11-28: 2026Q3 is open, 2026Q2 is the newest quarter with every zone approved. */
const NOW = new Date("2026-11-28T10:00:00+08:00");

/** The seeded catalogue's zones: both batches, all reporting in the quarters read here (2025Q4 on). */
const CATALOGUE_ZONES = BUILT_IN_ZONES.map((zone) => zone.code);

describe("overview router", () => {
  let handle: DatabaseHandle;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { now: NOW });
    const auth = testAuth(handle.db);
    const { viewer } = await createRoleUsers(auth, handle.db);
    caller = createCaller(contextFor(handle.db, auth, viewer));
  });
  afterAll(async () => {
    await handle.close();
  });

  it("defaults to the newest quarter in which every zone is approved", async () => {
    const overview = await caller.overview.get({});
    expect(overview.quarter).toBe("2026Q2");
    expect(overview.isDemo).toBe(true);
    expect(overview.quarters[0]).toBe("2026Q3");
    expect(overview.quarters).toContain("2017Q1");
  });

  it("ranks every zone of the catalogue on GDP growth, best first, with ranks and percentiles from SQL", async () => {
    const { ranking } = await caller.overview.get({ indicatorCode: "gdp-growth" });
    expect(ranking.map((row) => row.zoneCode).sort()).toEqual([...CATALOGUE_ZONES].sort());
    const values = ranking.map((row) => row.value);
    expect(values.every((value) => typeof value === "number")).toBe(true);
    expect(values).toEqual([...values].sort((a, b) => (b ?? 0) - (a ?? 0)));
    expect(ranking[0]?.rank).toBe(1);
    // percent_rank: zones tied for the best share the lowest position of their group.
    const tiedBest = ranking.filter((row) => row.value === ranking[0]?.value).length;
    expect(ranking[0]?.percentile).toBeCloseTo((ranking.length - tiedBest) / (ranking.length - 1));
    expect(ranking.at(-1)?.percentile).toBe(0);
    expect(ranking.every((row) => row.lastYearValue !== null)).toBe(true);
  });

  it("ranks a lower-is-better indicator with the lowest value first", async () => {
    const { ranking } = await caller.overview.get({ indicatorCode: "urban-unemployment" });
    const values = ranking.map((row) => row.value ?? Number.NaN);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(ranking[0]?.rank).toBe(1);
  });

  it("shows only approved data: zones not yet approved in the open quarter have no value", async () => {
    const { ranking, openStatus } = await caller.overview.get({ quarter: "2026Q3" });
    const withValue = ranking.filter((row) => row.value !== null).map((row) => row.zoneCode);
    // The demo's approved zones: seven of the first batch, four of the second.
    const approved = ["AH-TL", "HE-TS", "JL-C", "LN-C", "NM-W", "SD-ZB", "SX-CZ"];
    expect(withValue.sort()).toEqual([...approved, "BJ-JX", "HL-DQ", "JS-XZ", "LN-DL"].sort());
    const unranked = ranking.slice(withValue.length);
    expect(unranked).toHaveLength(CATALOGUE_ZONES.length - withValue.length);
    expect(unranked.every((row) => row.value === null && row.rank === null)).toBe(true);
    expect(openStatus?.quarter).toBe("2026Q3");
    expect(openStatus?.deadline).toBe("2026-10-25");
    // The first batch's states, then the second's (4 approved, 1 draft, 1 with nothing, 2 submitted).
    expect(openStatus?.counts).toEqual([
      { status: "approved", zones: 7 + 4 },
      { status: "draft", zones: 2 + 1 },
      { status: "none", zones: 1 + 1 },
      { status: "submitted", zones: 2 + 2 },
    ]);
  });

  it("returns the headline indicators of every zone with last year's values (annual ones in Q4)", async () => {
    const { headlines } = await caller.overview.get({});
    expect(headlines).toHaveLength(CATALOGUE_ZONES.length * 5);
    expect(headlines.some((row) => row.indicatorCode === "rd-intensity")).toBe(false);
    const fourthQuarter = await caller.overview.get({ quarter: "2025Q4" });
    expect(fourthQuarter.headlines).toHaveLength(CATALOGUE_ZONES.length * 6);
    expect(fourthQuarter.headlines.every((row) => row.lastYearValue !== null)).toBe(true);
    const huangshiGdp = headlines.find(
      (row) => row.zoneCode === "HB-HS" && row.indicatorCode === "gdp-growth",
    );
    expect(huangshiGdp?.value).toBeGreaterThan(2);
    expect(huangshiGdp?.value).toBeLessThan(10);
  });

  it("refuses a malformed quarter or an unknown indicator with BAD_REQUEST naming the field", async () => {
    for (const input of [{ quarter: "2025Q5" }, { quarter: "25Q1" }, { indicatorCode: "gdp-per-capita" }]) {
      const error = await caller.overview.get(input as never).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      expect((error as TRPCError).message).toMatch(/2025Q5|25Q1|gdp-per-capita/);
    }
  });
});

describe("overview router on an installation without data", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { now: NOW, demo: false });
  });
  afterAll(async () => {
    await handle.close();
  });

  it("answers with no quarter and empty lists, not an error, and does not claim demo data", async () => {
    const auth = testAuth(handle.db);
    const { viewer } = await createRoleUsers(auth, handle.db);
    const overview = await createCaller(contextFor(handle.db, auth, viewer)).overview.get({});
    expect(overview).toMatchObject({
      quarter: null,
      quarters: [],
      isDemo: false,
      ranking: [],
      headlines: [],
    });
    expect(overview.openStatus?.counts).toEqual([{ status: "none", zones: CATALOGUE_ZONES.length }]);
  });
});
