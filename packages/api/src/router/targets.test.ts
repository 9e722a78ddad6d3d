import { observations, reportingPeriods, submissions, zoneTargets } from "@zones/db/schema";
import { testEngine } from "@zones/db/testing";
import { count as countRows, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";

import { targetProgressCsv } from "../targets/files";
import { useTestWorld } from "../test-world";

const RD = {
  zoneCode: "HB-HS",
  indicatorCode: "rd-intensity",
  targetYear: 2026,
  targetValue: 2.5,
  baselineYear: 2023,
  note: "十四五规划",
};

function upload(csv: string): FormData {
  const form = new FormData();
  form.set("file", new File([csv], "targets.csv", { type: "text/csv" }));
  return form;
}

describe(`plan targets through the API (${testEngine()})`, () => {
  const world = useTestWorld();
  const admin = () => world.caller(world.users.admin).targets;
  const count = async () => (await world.handle.db.select({ n: countRows() }).from(zoneTargets))[0]?.n;

  beforeEach(async () => {
    await world.handle.db.execute(sql`delete from zone_targets`);
    await world.handle.db.execute(sql`delete from observations where zone_code = 'HB-HS'`);
    await world.handle.db.execute(sql`delete from submissions where zone_code = 'HB-HS'`);
  });

  async function approvedOrNot(quarter: string, status: "approved" | "submitted", value: number) {
    await world.handle.db
      .insert(reportingPeriods)
      .values({ quarter, status: "closed", deadline: "2030-01-01" })
      .onConflictDoNothing();
    await world.handle.db.insert(submissions).values({ zoneCode: "HB-HS", quarter, status });
    await world.handle.db
      .insert(observations)
      .values({ zoneCode: "HB-HS", indicatorCode: "rd-intensity", quarter, value: String(value) });
  }

  it("saves a target with the comparison from the indicator's direction, audited", async () => {
    const { id } = await admin().save(RD);
    const listed = await admin().list({ zoneCode: "HB-HS" });
    expect(listed.rows).toMatchObject([{ id, comparison: "at-least", targetValue: 2.5, note: "十四五规划" }]);
    await admin().save({ ...RD, indicatorCode: "pm25", targetValue: 35 });
    expect((await admin().list({ indicatorCode: "pm25" })).rows[0]?.comparison).toBe("at-most");
    const audit = await world.handle.db.execute(
      sql`select action from audit_log where entity_type = 'target' and entity_id = ${id ?? ""}`,
    );
    expect(JSON.stringify(audit)).toContain("target.create");
  });

  it("computes the status from approved values only", async () => {
    await admin().save(RD);
    await approvedOrNot("2023Q4", "approved", 2);
    await approvedOrNot("2024Q4", "submitted", 2.6);
    const viewer = world.caller(world.users.viewer).targets;
    const before = await viewer.statuses({ zoneCode: "HB-HS", quarter: "2025Q1" });
    // Only the baseline is approved: nothing after it to measure.
    expect(before.rows.map((row) => row.status)).toEqual(["no-data"]);
    await world.handle.db.execute(sql`update submissions set status = 'approved' where quarter = '2024Q4'`);
    const after = await viewer.statuses({ zoneCode: "HB-HS", quarter: "2025Q1" });
    expect(after.rows).toMatchObject([{ status: "met", latest: { quarter: "2024Q4", value: 2.6 } }]);
    const summary = await viewer.summary({ quarter: "2025Q1" });
    expect(summary.zones).toEqual([
      expect.objectContaining({
        zoneCode: "HB-HS",
        counts: expect.objectContaining({ met: 1, "off-track": 0 }),
      }),
    ]);
    const csv = await targetProgressCsv(world.handle.db, { quarter: "2025Q1", locale: "zh-CN" });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.bytes);
    expect(text.startsWith("\uFEFF示范区代码,")).toBe(true);
    expect(text).toContain("HB-HS,黄石,rd-intensity");
    expect(text).toContain("已达标");
  });

  it("lets only admins change targets", async () => {
    for (const role of ["viewer", "official", "reviewer"] as const) {
      await expect(world.caller(world.users[role]).targets.save(RD)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        world.caller(world.users[role]).targets.import(upload("zone_code\r\nHB-HS\r\n")),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await count()).toBe(0);
  });

  it("refuses bad inputs naming the field, and changes nothing", async () => {
    const refused = async (input: Record<string, unknown>, field: string) => {
      const error = await admin()
        .save({ ...RD, ...input } as typeof RD)
        .then(
          () => null,
          (caught: { code: string; message: string }) => caught,
        );
      expect(error?.code).toBe("BAD_REQUEST");
      expect(error?.message).toContain(field);
    };
    await refused({ zoneCode: "XX-XX" }, "zoneCode");
    await refused({ indicatorCode: "no-such" }, "indicatorCode");
    await refused({ targetYear: 1900 }, "targetYear");
    await refused({ targetYear: 2025.5 }, "targetYear");
    await refused({ baselineYear: 2026 }, "baselineYear");
    await refused({ targetValue: 500 }, "targetValue");
    await refused({ targetValue: "2.5" }, "targetValue");
    await refused({ comparison: "more" }, "comparison");
    await refused({ note: "长".repeat(201) }, "note");
    expect(await count()).toBe(0);
    await expect(admin().delete({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("imports a template all or nothing", async () => {
    const header = "示范区代码,指标代码,目标年份,目标值,比较方式,基期年份,备注\r\n";
    const bad = await admin().import(
      upload(`${header}HB-HS,rd-intensity,2026,2.5,,2023,\r\nHB-HS,gdp,2026,abc,,2023,\r\n`),
    );
    expect(bad.saved).toBe(0);
    expect(bad.errors).toMatchObject([{ row: 3, column: "target_value" }]);
    expect(await count()).toBe(0);
    const good = await admin().import(
      upload(`${header}HB-HS,rd-intensity,2026,2.5,,2023,\r\nSD-ZB,pm25,2026,35,不高于,2023,规划\r\n`),
    );
    expect(good).toEqual({ saved: 2, errors: [] });
    expect(await count()).toBe(2);
    const tooBig = upload(`${header}${"x".repeat(1024 * 1024)}`);
    await expect(admin().import(tooBig)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await count()).toBe(2);
  });
});
