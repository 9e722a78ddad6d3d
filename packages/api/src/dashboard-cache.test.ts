import type { DatabaseHandle } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { findSubmission } from "@zones/db/submissions";
import { createTestDatabase, testEngine } from "@zones/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "./root";
import { contextFor, createRoleUsers, testAuth } from "./test-fixtures";

/** Seeded as of 2026-11-28: 2026Q3 is open (7 zones approved, HN-C and CQ-M submitted), 2026Q2 complete. */
const NOW = new Date("2026-11-28T10:00:00+08:00");
const OPEN = "2026Q3";

describe(`dashboard answers kept per data version (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  let viewer: ReturnType<typeof createCaller>;
  let reviewer: ReturnType<typeof createCaller>;
  let admin: ReturnType<typeof createCaller>;
  let viewerUser: Awaited<ReturnType<typeof createRoleUsers>>["viewer"];

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { now: NOW });
    const auth = testAuth(handle.db);
    const users = await createRoleUsers(auth, handle.db);
    viewerUser = users.viewer;
    viewer = createCaller(contextFor(handle.db, auth, users.viewer));
    reviewer = createCaller(contextFor(handle.db, auth, users.reviewer));
    admin = createCaller(contextFor(handle.db, auth, users.admin));
  });
  afterAll(async () => {
    await handle.close();
  });

  async function versionOf(zoneCode: string): Promise<number> {
    const submission = await findSubmission(handle.db, { zoneCode, quarter: OPEN });
    if (!submission) throw new Error(`no submission of ${zoneCode} in ${OPEN}`);
    return submission.version;
  }

  const gdpOf = (
    cells: readonly { zoneCode: string; indicatorCode: string; value: number | null }[],
    zone: string,
  ) => cells.find((cell) => cell.zoneCode === zone && cell.indicatorCode === "gdp")?.value;

  it("answers a repeated call from the cache: the same (frozen) answer", async () => {
    const first = await viewer.dashboard.overviewExtras({ quarter: OPEN });
    const second = await viewer.dashboard.overviewExtras({ quarter: OPEN });
    expect(second).toBe(first);
    expect(Object.isFrozen(first.cells)).toBe(true);
    expect(await viewer.dashboard.overviewExtras({ quarter: "2026Q2" })).not.toBe(first);
  });

  it("keys answers by peer group: all is the default's answer, another group its own", async () => {
    const byDefault = await viewer.dashboard.zone({ zoneCode: "HB-HS", to: OPEN });
    expect(await viewer.dashboard.zone({ zoneCode: "HB-HS", to: OPEN, peers: "all" })).toBe(byDefault);
    const central = await viewer.dashboard.zone({ zoneCode: "HB-HS", to: OPEN, peers: "region-central" });
    expect(central).not.toBe(byDefault);
    expect(central.peers).toBe("region-central");
    expect(await viewer.dashboard.zone({ zoneCode: "HB-HS", to: OPEN, peers: "region-central" })).toBe(
      central,
    );
    const heat = await viewer.dashboard.overviewExtras({ quarter: OPEN, peers: "type-resource-based" });
    expect(heat).not.toBe(await viewer.dashboard.overviewExtras({ quarter: OPEN }));
    expect(await viewer.dashboard.overviewExtras({ quarter: OPEN, peers: "type-resource-based" })).toBe(heat);
  });

  it("computes every call where the context says so (the bench's recording)", async () => {
    const computing = createCaller({
      ...contextFor(handle.db, testAuth(handle.db), viewerUser),
      cachesDashboards: false,
    });
    const first = await computing.dashboard.overviewExtras({ quarter: OPEN });
    const second = await computing.dashboard.overviewExtras({ quarter: OPEN });
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });

  it("never serves a reviewer's answer with submitted values to a viewer asking the same", async () => {
    const input = { quarter: OPEN, includeSubmitted: true };
    const asReviewer = await reviewer.dashboard.overviewExtras(input);
    expect(asReviewer.includesSubmitted).toBe(true);
    expect(gdpOf(asReviewer.cells, "CQ-M")).toEqual(expect.any(Number));
    const asViewer = await viewer.dashboard.overviewExtras(input);
    expect(asViewer.includesSubmitted).toBe(false);
    expect(gdpOf(asViewer.cells, "CQ-M")).toBeNull();
    const zoneAsViewer = await viewer.dashboard.zone({ zoneCode: "CQ-M", includeSubmitted: true, to: OPEN });
    expect(zoneAsViewer.indicators[0]?.points.at(-1)).toMatchObject({ quarter: OPEN, value: null });
    // An admin may see submitted values too: the reviewer's answer is theirs as well.
    expect(await admin.dashboard.overviewExtras(input)).toBe(asReviewer);
  });

  it("an approval changes the next answer of every dashboard procedure; a reopening changes it back", async () => {
    const before = {
      extras: await viewer.dashboard.overviewExtras({ quarter: OPEN }),
      overview: await viewer.overview.get({ quarter: OPEN }),
      zone: await viewer.dashboard.zone({ zoneCode: "HN-C", to: OPEN }),
      indicator: await viewer.dashboard.indicator({ indicatorCode: "gdp", quarter: OPEN, to: OPEN }),
    };
    expect(gdpOf(before.extras.cells, "HN-C")).toBeNull();
    const approvedBefore = before.overview.openStatus?.counts;
    await reviewer.submission.approve({ zoneCode: "HN-C", quarter: OPEN, version: await versionOf("HN-C") });

    const extras = await viewer.dashboard.overviewExtras({ quarter: OPEN });
    expect(gdpOf(extras.cells, "HN-C")).toEqual(expect.any(Number));
    const overview = await viewer.overview.get({ quarter: OPEN });
    expect(overview.openStatus?.counts).not.toEqual(approvedBefore);
    expect(overview.ranking.find((row) => row.zoneCode === "HN-C")?.value).toEqual(expect.any(Number));
    const zone = await viewer.dashboard.zone({ zoneCode: "HN-C", to: OPEN });
    expect(before.zone.indicators[0]?.points.at(-1)?.value).toBeNull();
    expect(zone.indicators[0]?.points.at(-1)?.value).toEqual(expect.any(Number));
    const indicator = await viewer.dashboard.indicator({ indicatorCode: "gdp", quarter: OPEN, to: OPEN });
    expect(indicator.ranking.find((row) => row.zoneCode === "HN-C")?.value).toEqual(expect.any(Number));
    expect(indicator).not.toEqual(before.indicator);

    await admin.submission.revise({
      zoneCode: "HN-C",
      quarter: OPEN,
      version: await versionOf("HN-C"),
      reason: "最终核实数",
    });
    expect(gdpOf((await viewer.dashboard.overviewExtras({ quarter: OPEN })).cells, "HN-C")).toBeNull();
    expect(
      (await viewer.dashboard.zone({ zoneCode: "HN-C", to: OPEN })).indicators[0]?.points.at(-1)?.value,
    ).toBeNull();
  });
});
