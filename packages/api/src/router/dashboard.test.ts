import { TRPCError } from "@trpc/server";
import type { DatabaseHandle } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { BUILT_IN_ZONES, INDICATORS } from "@zones/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";

import { createCaller } from "../root";
import { contextFor, createRoleUsers, testAuth } from "../test-fixtures";
import { describeZodError } from "../trpc";

/** Seeded as of 2026-11-28: 2026Q3 is open (7 zones approved, HN-C and CQ-M submitted), 2026Q2 complete. */
const NOW = new Date("2026-11-28T10:00:00+08:00");

async function failure(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("dashboard router on the demo data", () => {
  let handle: DatabaseHandle;
  let viewer: ReturnType<typeof createCaller>;
  let reviewer: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { now: NOW });
    const auth = testAuth(handle.db);
    const users = await createRoleUsers(auth, handle.db);
    viewer = createCaller(contextFor(handle.db, auth, users.viewer));
    reviewer = createCaller(contextFor(handle.db, auth, users.reviewer));
  });
  afterAll(async () => {
    await handle.close();
  });

  it("zone: every indicator × the 12 quarters up to the newest approved quarter, with the peer band", async () => {
    const page = await viewer.dashboard.zone({ zoneCode: "HN-C" });
    expect(page).toMatchObject({
      zoneCode: "HN-C",
      from: "2023Q4",
      to: "2026Q3",
      mode: "ytd",
      includesSubmitted: false,
      notice: null,
    });
    expect(page.quarters).toHaveLength(12);
    expect(page.indicators.map((indicator) => indicator.code)).toEqual(INDICATORS.map((i) => i.code));
    expect(page.indicators.every((indicator) => indicator.points.length === 12)).toBe(true);
    const gdp = page.indicators[0]?.points ?? [];
    expect(gdp.slice(0, 11).every((point) => typeof point.value === "number")).toBe(true);
    for (const point of gdp) {
      expect(point.low).toBeLessThanOrEqual(point.median ?? Number.NaN);
      expect(point.median).toBeLessThanOrEqual(point.high ?? Number.NaN);
    }
  });

  it("zone: a viewer's includeSubmitted is ignored; a reviewer's shows HN-C 2026Q3 flagged provisional", async () => {
    const asViewer = await viewer.dashboard.zone({ zoneCode: "HN-C", includeSubmitted: true });
    expect(asViewer.includesSubmitted).toBe(false);
    expect(asViewer.indicators[0]?.points.at(-1)).toMatchObject({
      quarter: "2026Q3",
      value: null,
      provisional: false,
    });
    const asReviewer = await reviewer.dashboard.zone({ zoneCode: "HN-C", includeSubmitted: true });
    expect(asReviewer.includesSubmitted).toBe(true);
    const latest = asReviewer.indicators[0]?.points.at(-1);
    expect(latest?.quarter).toBe("2026Q3");
    expect(latest?.value).toEqual(expect.any(Number));
    expect(latest?.provisional).toBe(true);
    expect(asReviewer.indicators[0]?.points.at(-2)?.provisional).toBe(false);
  });

  it("zone: single quarters of a cumulative amount are the year-to-date differences", async () => {
    const range = { zoneCode: "SD-ZB", from: "2025Q1", to: "2025Q4" } as const;
    const [ytd, single] = await Promise.all([
      viewer.dashboard.zone({ ...range, mode: "ytd" }),
      viewer.dashboard.zone({ ...range, mode: "single" }),
    ]);
    const values = (page: typeof ytd, code: string) =>
      page.indicators.find((indicator) => indicator.code === code)?.points.map((point) => point.value) ?? [];
    const ytdGdp = values(ytd, "gdp").map(Number);
    expect(ytdGdp).toHaveLength(4);
    expect(values(single, "gdp")).toEqual(
      ytdGdp.map((value, i) => (i === 0 ? value : Math.round((value - (ytdGdp[i - 1] ?? 0)) * 100) / 100)),
    );
    expect(values(single, "gdp-growth")).toEqual(values(ytd, "gdp-growth"));
  });

  it("zone: a reversed range is corrected with a notice; a malformed quarter or a range over 40 quarters is refused", async () => {
    const page = await viewer.dashboard.zone({ zoneCode: "HB-HS", from: "2026Q2", to: "2025Q3" });
    expect(page).toMatchObject({ from: "2025Q3", to: "2026Q2", notice: "range-reversed" });
    expect(page.quarters).toEqual(["2025Q3", "2025Q4", "2026Q1", "2026Q2"]);
    const malformed = await failure(viewer.dashboard.zone({ zoneCode: "HB-HS", from: "2025Q5" }));
    expect(malformed.code).toBe("BAD_REQUEST");
    expect(malformed.message).toMatch(/2025Q5/);
    const tooLong = await failure(viewer.dashboard.zone({ zoneCode: "HB-HS", from: "2010Q1", to: "2026Q3" }));
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(tooLong.message).toMatch(/^from:/);
  });

  it("indicator: ranking of the newest complete quarter, distribution and every zone's trend", async () => {
    const page = await viewer.dashboard.indicator({ indicatorCode: "urban-unemployment" });
    expect(page).toMatchObject({ quarter: "2026Q2", from: "2023Q4", to: "2026Q3", includesSubmitted: false });
    expect(page.availableQuarters[0]).toBe("2026Q3");
    // Every zone of the seeded catalogue: both batches report from 2019Q4 on.
    const zoneCodes = BUILT_IN_ZONES.map((zone) => zone.code);
    expect(page.ranking).toHaveLength(zoneCodes.length);
    expect(page.ranking[0]).toMatchObject({ rank: 1, percentile: 1 });
    expect(page.distribution).toHaveLength(12);
    expect(page.distribution.slice(0, 11).every((row) => row.zones === zoneCodes.length)).toBe(true);
    // 2026Q3: the approved zones only (7 of the first batch, 4 of the second).
    expect(page.distribution.at(-1)?.zones).toBe(7 + 4);
    expect(page.trends.map((trend) => trend.zoneCode)).toEqual(zoneCodes);
    expect(page.trends.every((trend) => trend.points.length === 12)).toBe(true);

    const chosen = await reviewer.dashboard.indicator({
      indicatorCode: "gdp",
      zoneCodes: ["CQ-M", "HN-C"],
      from: "2026Q3",
      to: "2026Q3",
      includeSubmitted: true,
    });
    // Approved and submitted: 7 + 2 of the first batch, 4 + 2 of the second.
    expect(chosen.distribution[0]?.zones).toBe(9 + 6);
    expect(chosen.trends.map((trend) => [trend.zoneCode, trend.points[0]?.provisional])).toEqual([
      ["HN-C", true],
      ["CQ-M", true],
    ]);
  });

  it("compare: zones × indicators in the order asked; fewer than 2 zones is refused naming the field", async () => {
    const page = await reviewer.dashboard.compare({
      zoneCodes: ["SD-ZB", "HB-HS", "HN-C"],
      indicatorCodes: ["gdp-growth", "gdp"],
      from: "2026Q1",
      to: "2026Q3",
      mode: "single",
      includeSubmitted: true,
    });
    expect(page.series.map((line) => `${line.indicatorCode} ${line.zoneCode}`)).toEqual([
      "gdp-growth SD-ZB",
      "gdp-growth HB-HS",
      "gdp-growth HN-C",
      "gdp SD-ZB",
      "gdp HB-HS",
      "gdp HN-C",
    ]);
    expect(page.series.every((line) => line.points.length === 3)).toBe(true);
    // HB-HS 2026Q3 is a draft: never shown. HN-C's is submitted: shown to the reviewer, provisional.
    expect(page.series[4]?.points[2]).toMatchObject({ value: null, provisional: false });
    expect(page.series[5]?.points[2]).toMatchObject({ provisional: true });
    expect(page.series[5]?.points[2]?.value).toEqual(expect.any(Number));

    const one = await failure(viewer.dashboard.compare({ zoneCodes: ["SD-ZB"], indicatorCodes: ["gdp"] }));
    expect(one.code).toBe("BAD_REQUEST");
    expect(one.message).toMatch(/zoneCodes/);
  });

  it("overviewExtras: the heat map of every indicator × zone and the headline sparklines", async () => {
    const extras = await viewer.dashboard.overviewExtras({});
    expect(extras.quarter).toBe("2026Q2");
    const zoneCount = BUILT_IN_ZONES.length;
    expect(extras.cells).toHaveLength(INDICATORS.length * zoneCount);
    const growth = extras.cells.filter((cell) => cell.indicatorCode === "gdp-growth");
    const best = growth.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a));
    // percent_rank: zones tied for the best share the lowest position of their group.
    const tiedBest = growth.filter((cell) => cell.value === best.value).length;
    expect(best.percentile).toBeCloseTo((zoneCount - tiedBest) / (zoneCount - 1));
    const unemployment = extras.cells.filter((cell) => cell.indicatorCode === "urban-unemployment");
    const lowest = unemployment.reduce((a, b) => ((b.value ?? 0) < (a.value ?? 0) ? b : a));
    expect(lowest.percentile).toBe(1);
    // Annual indicators have no Q2 value.
    expect(
      extras.cells
        .filter((cell) => cell.indicatorCode === "rd-intensity")
        .every((cell) => cell.value === null),
    ).toBe(true);
    const headlines = INDICATORS.filter((indicator) => indicator.headline).length;
    expect(extras.sparklines).toHaveLength(zoneCount * headlines);
    expect(extras.sparklines[0]?.points.map((point) => point.quarter)).toEqual([
      "2024Q3",
      "2024Q4",
      "2025Q1",
      "2025Q2",
      "2025Q3",
      "2025Q4",
      "2026Q1",
      "2026Q2",
    ]);
  });
  it("overviewExtras of one theme: its indicators' cells only, with the same percentiles; a year end without sparklines", async () => {
    const every = await viewer.dashboard.overviewExtras({ quarter: "2026Q2" });
    const green = await viewer.dashboard.overviewExtras({ quarter: "2026Q2", theme: "green" });
    const greenCodes = INDICATORS.filter((indicator) => indicator.theme === "green").map((i) => i.code);
    expect(greenCodes.length).toBeGreaterThan(0);
    expect(new Set(green.cells.map((cell) => cell.indicatorCode))).toEqual(new Set(greenCodes));
    expect(green.cells).toEqual(every.cells.filter((cell) => greenCodes.includes(cell.indicatorCode)));
    expect(green.sparklines).toEqual(every.sparklines);

    const yearEnd = await viewer.dashboard.overviewExtras({
      quarter: "2025Q4",
      theme: "green",
      sparklines: false,
    });
    expect(yearEnd.sparklines).toEqual([]);
    expect(yearEnd.cells.some((cell) => cell.value !== null)).toBe(true);

    const refused = await failure(viewer.dashboard.overviewExtras({ theme: "weather" as "green" }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/theme/);
  });

  it("peers: the band, ranking and heat table among a peer group; an unknown group is refused naming the field", async () => {
    const all = await viewer.dashboard.zone({ zoneCode: "HB-HS", to: "2026Q2" });
    const central = await viewer.dashboard.zone({ zoneCode: "HB-HS", to: "2026Q2", peers: "region-central" });
    expect(all.peers).toBe("all");
    expect(central.peers).toBe("region-central");
    expect(central.peerGroups.filter((group) => group.ofZone).map((group) => group.key)).toEqual([
      "batch-1",
      "type-resource-based",
      "region-central",
    ]);
    const gdpBand = (page: typeof all) =>
      page.indicators[0]?.points.map(({ low, median, high }) => [low, median, high]);
    expect(gdpBand(central)).not.toEqual(gdpBand(all));
    // The zone's own values do not depend on the group.
    expect(central.indicators[0]?.points.map((point) => point.value)).toEqual(
      all.indicators[0]?.points.map((point) => point.value),
    );

    const ranking = await viewer.dashboard.indicator({
      indicatorCode: "gdp",
      quarter: "2026Q2",
      peers: "type-old-industrial",
    });
    const oldIndustrial = BUILT_IN_ZONES.filter((zone) => zone.cityType === "old-industrial");
    expect(ranking.ranking.map((row) => row.zoneCode).sort()).toEqual(
      oldIndustrial.map((zone) => zone.code).sort(),
    );
    expect(ranking.ranking.map((row) => row.rank)).toEqual(oldIndustrial.map((_, index) => index + 1));
    expect(ranking.distribution.find((row) => row.quarter === "2026Q2")?.zones).toBe(oldIndustrial.length);

    const heat = await viewer.dashboard.overviewExtras({ quarter: "2026Q2", peers: "region-central" });
    expect([...new Set(heat.cells.map((cell) => cell.zoneCode))]).toEqual(
      BUILT_IN_ZONES.filter((zone) => zone.region === "central").map((zone) => zone.code),
    );
    expect(heat.peers).toBe("region-central");

    for (const call of [
      () => viewer.dashboard.zone({ zoneCode: "HB-HS", peers: "region-mars" }),
      () => viewer.dashboard.indicator({ indicatorCode: "gdp", peers: "batch-0" }),
      () => viewer.dashboard.overviewExtras({ peers: "x".repeat(10_000) }),
    ]) {
      const refused = await failure(call());
      expect(refused.code).toBe("BAD_REQUEST");
      // As the HTTP answer says it: one sentence naming the field, without the input echoed at length.
      const said = describeZodError(refused.cause as ZodError);
      expect(said).toMatch(/^peers: (unknown peer group|at most 32 characters)/);
      expect(said.length).toBeLessThan(300);
    }
  });
});
