import { type DatabaseHandle, rowsOf } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "./root";
import { contextFor, createRoleUsers, testAuth } from "./test-fixtures";

/** Seeded as of 2026-11-28: 2026Q3 is open, 2026Q2 complete. */
const NOW = new Date("2026-11-28T10:00:00+08:00");

/**
 * Which database each procedure reads: two databases stand for the primary (the catalogue and periods, no
 * demo data) and a read replica (the demo data), so an answer says where it was read. The real streaming
 * replica is tested in apps/web/ops/read-replicas.test.ts.
 */
describe("reads on the request's reader (a replica) or on the primary", () => {
  let primary: DatabaseHandle;
  let replica: DatabaseHandle;
  let users: Awaited<ReturnType<typeof createRoleUsers>>;
  let callerAs: (role: keyof typeof users) => ReturnType<typeof createCaller>;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await seedDatabase(primary.db, { now: NOW, demo: false });
    await seedDatabase(replica.db, { now: NOW });
    const auth = testAuth(primary.db);
    users = await createRoleUsers(auth, primary.db);
    callerAs = (role) => createCaller(contextFor(primary.db, auth, users[role], undefined, replica.db));
  });
  afterAll(async () => {
    await Promise.all([primary?.close(), replica?.close()]);
  });

  it("the dashboards (overview, zone, indicator, compare, overview extras) read the reader", async () => {
    const viewer = callerAs("viewer");
    const overview = await viewer.overview.get({});
    expect(overview.isDemo).toBe(true);
    expect(overview.headlines.length).toBeGreaterThan(0);
    const zone = await viewer.dashboard.zone({ zoneCode: "HB-HS" });
    expect(
      zone.indicators.flatMap((indicator) => indicator.points).some((point) => point.value !== null),
    ).toBe(true);
    const indicator = await viewer.dashboard.indicator({ indicatorCode: "gdp" });
    expect(indicator.ranking.length).toBeGreaterThan(0);
    const compare = await viewer.dashboard.compare({
      zoneCodes: ["HB-HS", "SD-ZB"],
      indicatorCodes: ["gdp"],
    });
    expect(compare.series.flatMap((series) => series.points).length).toBeGreaterThan(0);
    const extras = await viewer.dashboard.overviewExtras({});
    expect(extras.cells.length).toBeGreaterThan(0);
  });

  it("everything else reads and writes the primary: the review queue, the form after a save", async () => {
    const queue = await callerAs("reviewer").submission.queue({ status: "submitted" });
    expect(queue.total).toBe(0);
    const official = callerAs("official");
    const key = { zoneCode: "HB-HS" as const, quarter: "2026Q3" as const };
    await official.submission.save({ ...key, baseVersion: 0, values: { "gdp-growth": "6.7" } });
    const form = await official.submission.form(key);
    expect(form.indicators.find((row) => row.indicatorCode === "gdp-growth")?.value).toBe("6.7");
    const onReplica = rowsOf<{ value: string }>(
      await replica.db.execute(sql`
        select value::text from observations
        where zone_code = 'HB-HS' and indicator_code = 'gdp-growth' and quarter = '2026Q3'`),
    );
    expect(onReplica.map((row) => row.value)).not.toContain("6.7");
  });
});
