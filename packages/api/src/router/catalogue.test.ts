import { TRPCError } from "@trpc/server";
import { YULIN_ZONE_EDIT } from "@zones/db/testing";
import { BUILT_IN_ZONES } from "@zones/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openTestWorld, type TestWorld } from "../test-fixtures";

let world: TestWorld;
beforeAll(async () => {
  world = await openTestWorld();
});
afterAll(async () => {
  await world.handle.close();
});

async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof TRPCError)) throw new Error(`not refused: ${String(error)}`);
  return error;
}

const YULIN = YULIN_ZONE_EDIT;

describe("the catalogue's procedures", () => {
  it("gives everyone signed in the database's catalogue, and admins its edits", async () => {
    const viewer = world.caller(world.users.viewer);
    const before = await viewer.catalogue.get();
    expect(before.zones.map((zone) => zone.code)).toEqual(BUILT_IN_ZONES.map((zone) => zone.code));

    const admin = world.caller(world.users.admin);
    expect(await admin.catalogue.addZone(YULIN)).toEqual({ ok: true });
    const after = await viewer.catalogue.get();
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.zones.at(-1)).toMatchObject({ code: "SN-YL", cityType: "resource-based", region: "west" });
  });

  it("refuses edits from everyone but admins, and anonymous reads", async () => {
    for (const role of ["viewer", "official", "reviewer"] as const) {
      const caller = world.caller(world.users[role]);
      expect((await refusal(caller.catalogue.updateZone(YULIN))).code).toBe("FORBIDDEN");
      expect(
        (await refusal(caller.catalogue.setIndicatorRetired({ code: "gdp", retiredAfter: 2020 }))).code,
      ).toBe("FORBIDDEN");
    }
    expect((await refusal(world.caller(null).catalogue.get())).code).toBe("UNAUTHORIZED");
  });

  it("says what is wrong beside each field, in the caller's language, and changes nothing", async () => {
    const admin = world.caller(world.users.admin);
    const version = (await admin.catalogue.get()).version;
    const bad = { ...YULIN, code: "xz", nameZh: "", memberCities: [] };
    const error = await refusal(admin.catalogue.addZone(bad));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("目录修改有误：3 处，请按提示修改");
    const taken = await refusal(admin.catalogue.addZone(YULIN));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toBe("code：示范区代码 SN-YL 已被使用");
    // A member city's code is its zone's code and its own: another zone's city is refused before the database.
    const other = {
      ...YULIN,
      code: "JS-SZ",
      memberCities: [{ code: "SN-YL-YL", nameZh: "榆林", nameEn: "Yulin" }],
    };
    expect((await refusal(admin.catalogue.addZone(other))).message).toBe("目录修改有误：1 处，请按提示修改");
    expect((await admin.catalogue.get()).version).toBe(version);
    await admin.catalogue.updateZone({ ...YULIN, shortNameEn: "Yulin City" });
    expect(
      (await refusal(admin.catalogue.setZoneRetired({ code: "NO-NE", retiredFrom: "2030Q1" }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await refusal(admin.catalogue.setZoneRetired({ code: "SN-YL", retiredFrom: "2030Q5" }))).code,
    ).toBe("BAD_REQUEST");
    const after = await admin.catalogue.get();
    // Only the one valid update above changed the catalogue (the zone and its cities: statements of one edit).
    expect(after.version).toBeGreaterThan(version);
    expect(after.zones.find((zone) => zone.code === "SN-YL")?.shortName.en).toBe("Yulin City");
    expect(after.zones.find((zone) => zone.code === "JS-SZ")).toBeUndefined();
  });

  it("edits, adds and retires indicators", async () => {
    const admin = world.caller(world.users.admin);
    const pm25 = (await admin.catalogue.get()).indicators.find((indicator) => indicator.code === "pm25");
    if (!pm25) throw new Error("pm25");
    const edit = {
      code: "pm25",
      theme: pm25.theme,
      nameZh: "细颗粒物（PM2.5）平均浓度",
      nameEn: pm25.name.en,
      unitZh: pm25.unit.zh,
      unitEn: pm25.unit.en,
      definitionZh: pm25.definition.zh,
      definitionEn: pm25.definition.en,
      decimals: pm25.decimals,
      validMin: pm25.validRange.min,
      validMax: pm25.validRange.max,
      yoyThreshold: 20,
      headline: true,
    };
    expect(await admin.catalogue.updateIndicator(edit)).toEqual({ ok: true });
    const wrong = await refusal(admin.catalogue.updateIndicator({ ...edit, validMin: 5, validMax: 1 }));
    expect(wrong.message).toBe("目录修改有误：1 处，请按提示修改");
    await admin.catalogue.addIndicator({
      ...edit,
      code: "digital-economy-share",
      nameZh: "数字经济核心产业增加值占比",
      direction: "higher",
      frequency: "annual",
      cumulative: false,
      measure: "share",
      inForceFrom: 2022,
      sourceZh: "统计部门",
      sourceEn: "Statistics bureau",
    });
    await admin.catalogue.setIndicatorRetired({ code: "heritage-projects", retiredAfter: 2024 });
    const { indicators } = await admin.catalogue.get();
    expect(indicators.find((indicator) => indicator.code === "pm25")).toMatchObject({
      name: { zh: "细颗粒物（PM2.5）平均浓度" },
      yoyThreshold: 20,
      headline: true,
    });
    expect(indicators.at(-1)).toMatchObject({ code: "digital-economy-share", inForceFrom: 2022 });
    expect(indicators.find((indicator) => indicator.code === "heritage-projects")?.retiredAfter).toBe(2024);
  });
});
