import { addZone } from "@zones/db/catalogue";
import type { DatabaseHandle } from "@zones/db/client";
import { seedCatalogue } from "@zones/db/seed";
import { createTestDatabase, testEngine } from "@zones/db/testing";
import { ZonesError } from "@zones/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { translate } from "../messages";
import { requireIndicator, requireIndicators, requireZone, requireZones } from "./membership";

async function refusalOf(promise: Promise<unknown>): Promise<ZonesError> {
  const caught = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(caught instanceof ZonesError)) throw new Error(`expected a ZonesError, got ${String(caught)}`);
  return caught;
}

describe(`catalogue membership (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedCatalogue(handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("finds the built-in zones and indicators the seed put in the database", async () => {
    expect((await requireZone(handle.db, "HB-HS")).shortName.zh).toBe("黄石");
    expect((await requireIndicator(handle.db, "gdp")).unit.zh).toBe("亿元");
    expect((await requireZones(handle.db, ["SD-ZB", "HB-HS"])).map((zone) => zone.code)).toEqual([
      "SD-ZB",
      "HB-HS",
    ]);
  });

  it("refuses a code the catalogue does not have as bad input naming the field and every unknown code", async () => {
    const zone = await refusalOf(requireZone(handle.db, "SN-XA"));
    expect(zone.code).toBe("invalid");
    expect(zone.issues.map((issue) => issue.path)).toEqual([["zoneCode"]]);
    expect(translate("en", zone)).toBe("zoneCode: no zone SN-XA in the catalogue");
    expect(translate("zh-CN", zone)).toBe("zoneCode：目录中没有示范区 SN-XA");
    const indicators = await refusalOf(requireIndicators(handle.db, ["gdp", "x-1", "x-2"], "notes"));
    expect(translate("en", indicators)).toBe("notes: no indicator x-1, x-2 in the catalogue");
  });

  it("knows a zone an admin adds at once: the catalogue's version moves with the edit", async () => {
    await refusalOf(requireZone(handle.db, "SN-XA"));
    const added = await addZone(
      handle.db,
      {
        code: "SN-XA",
        nameZh: "陕西西安",
        nameEn: "Xi'an, Shaanxi",
        shortNameZh: "西安",
        shortNameEn: "Xi'an",
        provinceZh: "陕西",
        provinceEn: "Shaanxi",
        batch: 3,
        namedOn: "2026-06-01",
        reportsFrom: "2026Q3",
        cityType: "old-industrial",
        region: "west",
        memberCities: [{ code: "SN-XA-XA", nameZh: "西安", nameEn: "Xi'an" }],
      },
      { actorId: null as unknown as string },
    );
    expect(added).toBe("done");
    expect((await requireZone(handle.db, "SN-XA")).reportsFrom).toBe("2026Q3");
  });
});
