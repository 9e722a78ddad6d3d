import type { ZoneTarget } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../client";
import { rowsOf } from "../rows";
import { observations, reportingPeriods, submissions, users } from "../schema";
import { seedCatalogue } from "../seed/catalogue";
import { createTestDatabase, testEngine } from "../testing";
import {
  activeZoneCodes,
  deleteTarget,
  listTargets,
  saveTargets,
  targetIndicatorFacts,
  targetStatuses,
} from "./targets";

const ADMIN = { id: "u-admin", name: "管理员", email: "admin@t.test", role: "admin" as const };

const RD: ZoneTarget = {
  zoneCode: "HB-HS",
  indicatorCode: "rd-intensity",
  targetYear: 2026,
  targetValue: 2.5,
  comparison: "at-least",
  baselineYear: 2023,
  note: "十四五规划",
};
const GDP: ZoneTarget = { ...RD, indicatorCode: "gdp", targetValue: 2000, note: null };

describe(`zone targets (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  const QUARTERS = ["2023Q4", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"];

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedCatalogue(handle.db);
    await handle.db.insert(users).values(ADMIN);
    await handle.db
      .insert(reportingPeriods)
      .values(QUARTERS.map((quarter) => ({ quarter, status: "closed" as const, deadline: "2030-01-01" })));
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.execute(sql`delete from zone_targets`);
    await handle.db.execute(sql`delete from observations`);
    await handle.db.execute(sql`delete from submissions`);
  });

  async function values(
    status: "approved" | "submitted",
    quarter: string,
    byIndicator: Record<string, number>,
    zoneCode = "HB-HS",
  ) {
    await handle.db.insert(submissions).values({ zoneCode, quarter, status });
    await handle.db.insert(observations).values(
      Object.entries(byIndicator).map(([indicatorCode, value]) => ({
        zoneCode,
        indicatorCode,
        quarter,
        value: String(value),
      })),
    );
  }

  it("saves, replaces and deletes targets, each change audited", async () => {
    const [id] = await saveTargets(handle.db, { targets: [RD], actorId: ADMIN.id, source: "form" });
    const [again] = await saveTargets(handle.db, {
      targets: [{ ...RD, targetValue: 2.8 }],
      actorId: ADMIN.id,
      source: "import",
    });
    expect(again).toBe(id);
    const listed = await listTargets(handle.db, { limit: 10, offset: 0 });
    expect(listed.total).toBe(1);
    expect(listed.rows[0]).toMatchObject({ targetValue: 2.8, zoneName: { zh: "黄石" }, note: "十四五规划" });
    expect(await deleteTarget(handle.db, { id: id ?? "", actorId: ADMIN.id })).toBe(true);
    expect(await deleteTarget(handle.db, { id: id ?? "", actorId: ADMIN.id })).toBe(false);
    const audit = rowsOf<{ action: string; details: { from: { targetValue: number } | null } }>(
      await handle.db.execute(
        sql`select action, details from audit_log where entity_type = 'target' and entity_id = ${id ?? ""} order by id`,
      ),
    );
    expect(audit.map((row) => row.action)).toEqual(["target.create", "target.update", "target.delete"]);
    expect(audit[1]?.details.from?.targetValue).toBe(2.5);
  });

  it("lists a page at a time, filtered by zone or indicator", async () => {
    await saveTargets(handle.db, {
      targets: [RD, GDP, { ...RD, zoneCode: "SD-ZB" }],
      actorId: ADMIN.id,
      source: "form",
    });
    expect((await listTargets(handle.db, { limit: 2, offset: 0 })).rows).toHaveLength(2);
    expect((await listTargets(handle.db, { limit: 2, offset: 2 })).rows).toHaveLength(1);
    expect((await listTargets(handle.db, { zoneCode: "SD-ZB", limit: 10, offset: 0 })).total).toBe(1);
    expect(
      (await listTargets(handle.db, { indicatorCode: "rd-intensity", limit: 10, offset: 0 })).total,
    ).toBe(2);
  });

  it("reads zones and indicator facts from the catalogue tables", async () => {
    expect([...(await activeZoneCodes(handle.db, ["HB-HS", "XX-XX"]))]).toEqual(["HB-HS"]);
    const facts = await targetIndicatorFacts(handle.db, ["pm25", "nope"]);
    expect([...facts.keys()]).toEqual(["pm25"]);
    expect(facts.get("pm25")?.direction).toBe("lower");
  });

  it("computes status from approved values only, full years for totals, latest quarter for shares", async () => {
    await saveTargets(handle.db, { targets: [RD, GDP], actorId: ADMIN.id, source: "form" });
    // Baseline 2023: R&D 2.0 %, GDP 1,000; by 2026: 2.5 % (0.1667 pt/yr) and 2,000 (25.99 %/yr).
    await values("approved", "2023Q4", { "rd-intensity": 2, gdp: 1000 });
    await values("approved", "2024Q4", { "rd-intensity": 2.2, gdp: 1300 });
    // 2025Q1's GDP running total is a quarter of a year: never compared with the annual target.
    await values("approved", "2025Q1", { gdp: 400 });
    // Submitted, not approved: does not count.
    await values("submitted", "2025Q2", { gdp: 5000 });

    const statuses = await targetStatuses(handle.db, { zoneCode: "HB-HS", quarter: "2025Q2" });
    const byIndicator = new Map(statuses.map((row) => [row.indicatorCode, row]));
    // R&D: 0.2 pt in one year against 0.1667 needed.
    expect(byIndicator.get("rd-intensity")).toMatchObject({
      baseline: 2,
      latest: { quarter: "2024Q4", value: 2.2 },
      progress: { status: "on-track" },
    });
    // GDP: the 2024 full year, 30 % against 26 % a year needed.
    expect(byIndicator.get("gdp")).toMatchObject({
      baseline: 1000,
      latest: { quarter: "2024Q4", value: 1300 },
      progress: { status: "on-track" },
    });

    // Before the baseline year's value is approved, nothing to measure from.
    const early = await targetStatuses(handle.db, { zoneCode: "HB-HS", quarter: "2023Q3" });
    expect(early.map((row) => row.progress.status)).toEqual(["no-data", "no-data"]);
  });

  it("reads the latest approved quarter for a share, and a met target as met", async () => {
    await saveTargets(handle.db, {
      targets: [{ ...RD, indicatorCode: "hightech-manufacturing-share", targetValue: 30 }],
      actorId: ADMIN.id,
      source: "form",
    });
    await values("approved", "2023Q4", { "hightech-manufacturing-share": 20 });
    await values("approved", "2025Q1", { "hightech-manufacturing-share": 31 });
    const [row] = await targetStatuses(handle.db, {
      indicatorCode: "hightech-manufacturing-share",
      quarter: "2025Q3",
    });
    expect(row?.latest).toEqual({ quarter: "2025Q1", value: 31 });
    expect(row?.progress.status).toBe("met");
  });
});
