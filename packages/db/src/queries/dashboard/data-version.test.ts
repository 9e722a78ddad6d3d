import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../../client";
import { reportingPeriods, users, zones } from "../../schema";
import { seedCatalogue } from "../../seed/catalogue";
import type { SubmissionActor } from "../../submissions/actor";
import { saveSubmissionDraft } from "../../submissions/save-draft";
import { transitionSubmission } from "../../submissions/transitions";
import { createTestDatabase, testEngine } from "../../testing";
import { readDataVersion } from "./data-version";
import { ensurePeerStatistics } from "./peer-statistics";

const official: SubmissionActor = { id: "u-official", role: "official", ownsZone: true };
const reviewer: SubmissionActor = { id: "u-reviewer", role: "reviewer", ownsZone: false };
const ZONE = "HB-HS";
const OPEN = "2026Q3";

describe(`the data version (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedCatalogue(handle.db);
    await handle.db.insert(users).values([
      { id: official.id, name: "黄石填报员", email: "o@t.test", role: "official" },
      { id: reviewer.id, name: "审核员", email: "r@t.test", role: "reviewer" },
    ]);
    await handle.db
      .insert(reportingPeriods)
      .values({ quarter: OPEN, status: "open", deadline: "2999-12-31" });
  });
  afterAll(async () => {
    await handle.close();
  });

  /** Runs a change and tells whether it moved the version (and by how much nothing else matters). */
  async function bumps(change: () => Promise<unknown>): Promise<boolean> {
    const before = await readDataVersion(handle.db);
    await change();
    return (await readDataVersion(handle.db)) > before;
  }

  const save = (baseVersion: number, gdp: string) =>
    saveSubmissionDraft(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      baseVersion,
      values: { gdp },
      notes: {},
      actor: official,
      source: "form",
    });
  const step = (action: "submit" | "approve" | "revise", version: number, actor: SubmissionActor) =>
    transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action,
      version,
      actor,
      comment: "核实",
    });

  it("starts at 1 after migrating", async () => {
    expect(await readDataVersion(handle.db)).toBeGreaterThanOrEqual(1);
  });

  it("moves with every step a dashboard shows, not with a draft's later saves", async () => {
    // A new draft changes the open quarter's status counts; its next save changes nothing a dashboard shows.
    expect(await bumps(() => save(0, "100"))).toBe(true);
    expect(await bumps(() => save(1, "101"))).toBe(false);
    expect(await bumps(() => step("submit", 2, official))).toBe(true);
    expect(await bumps(() => step("approve", 3, reviewer))).toBe(true);
    // The first read after the approval recomputes the stored statistics: the version moves again.
    expect(await bumps(() => ensurePeerStatistics(handle.db, { from: OPEN, to: OPEN }))).toBe(true);
    expect(await bumps(() => ensurePeerStatistics(handle.db, { from: OPEN, to: OPEN }))).toBe(false);
    expect(await bumps(() => step("revise", 4, official))).toBe(true);
  });

  it("moves with a change to an approved value made around the workflow", async () => {
    await handle.db.execute(sql`update submissions set status = 'approved' where zone_code = ${ZONE}`);
    expect(
      await bumps(() =>
        handle.db.execute(
          sql`update observations set value = 99 where zone_code = ${ZONE} and quarter = ${OPEN}`,
        ),
      ),
    ).toBe(true);
  });

  it("moves with catalogue edits and periods", async () => {
    expect(
      await bumps(() => handle.db.update(zones).set({ nameZh: "黄石市" }).where(eq(zones.code, ZONE))),
    ).toBe(true);
    expect(
      await bumps(() => handle.db.execute(sql`update indicators set name_zh = name_zh where code = 'gdp'`)),
    ).toBe(true);
    expect(
      await bumps(() =>
        handle.db
          .update(reportingPeriods)
          .set({ deadline: "2999-12-30" })
          .where(eq(reportingPeriods.quarter, OPEN)),
      ),
    ).toBe(true);
  });

  it("a zone's activation marks every stored quarter stale, so the percentiles are ranked again", async () => {
    await ensurePeerStatistics(handle.db, { from: OPEN, to: OPEN });
    await handle.db.update(zones).set({ active: false }).where(eq(zones.code, "LN-C"));
    const stale = await handle.db.execute(sql`select quarter from peer_statistics_stale`);
    expect(JSON.stringify(stale)).toContain(OPEN);
    await handle.db.update(zones).set({ active: true }).where(eq(zones.code, "LN-C"));
  });
});
