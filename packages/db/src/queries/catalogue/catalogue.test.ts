import { BUILT_IN_ZONES, INDICATORS, type IndicatorEdit } from "@zones/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../../client";
import { rowsOf } from "../../rows";
import { auditLog, indicators, zones } from "../../schema";
import { seedCatalogue } from "../../seed/catalogue";
import { createTestDatabase, testEngine, YULIN_ZONE_EDIT } from "../../testing";
import {
  addIndicator,
  addZone,
  createCatalogueCache,
  readCatalogue,
  readCatalogueVersion,
  referenceUnitCodes,
  setIndicatorRetired,
  setZoneRetired,
  updateIndicator,
  updateZone,
} from ".";

const ACTOR = { actorId: null as unknown as string };

const YULIN = YULIN_ZONE_EDIT;

function editOf(code: string): IndicatorEdit {
  const indicator = INDICATORS.find((found) => found.code === code);
  if (!indicator) throw new Error(code);
  return {
    code,
    theme: indicator.theme,
    nameZh: indicator.name.zh,
    nameEn: indicator.name.en,
    unitZh: indicator.unit.zh,
    unitEn: indicator.unit.en,
    definitionZh: indicator.definition.zh,
    definitionEn: indicator.definition.en,
    decimals: indicator.decimals,
    validMin: indicator.validRange.min,
    validMax: indicator.validRange.max,
    yoyThreshold: indicator.yoyThreshold,
    headline: indicator.headline,
  };
}

describe(`the catalogue in the database (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedCatalogue(handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("reads back exactly the built-in catalogue a new installation is seeded with", async () => {
    const catalogue = await readCatalogue(handle.db);
    expect(catalogue.zones).toEqual(BUILT_IN_ZONES);
    expect(catalogue.indicators).toEqual(INDICATORS);
    expect(catalogue.version).toBeGreaterThan(0);
  });

  it("bumps the version with every change, in the changing transaction", async () => {
    const before = await readCatalogueVersion(handle.db);
    await handle.db.transaction(async (tx) => {
      await tx.update(zones).set({ shortNameEn: "Huangshi" }).where(eq(zones.code, "HB-HS"));
      expect(await readCatalogueVersion(tx)).toBe(before + 1);
    });
    await handle.db
      .transaction(async (tx) => {
        await tx.update(indicators).set({ decimals: 3 }).where(eq(indicators.code, "gdp"));
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await readCatalogueVersion(handle.db)).toBe(before + 1);
  });

  it("keeps an admin's edit when seeded again, and fills what an upgrade added", async () => {
    await handle.db
      .update(zones)
      .set({ nameEn: "Huangshi (edited)", cityType: null })
      .where(eq(zones.code, "HB-HS"));
    await seedCatalogue(handle.db);
    const [row] = await handle.db.select().from(zones).where(eq(zones.code, "HB-HS"));
    expect(row?.nameEn).toBe("Huangshi (edited)");
    expect(row?.cityType).toBe("resource-based");
    await handle.db.update(zones).set({ nameEn: "Huangshi, Hubei" }).where(eq(zones.code, "HB-HS"));
  });

  it("adds, edits and retires a zone with its member cities, each change audited", async () => {
    expect(await addZone(handle.db, YULIN, ACTOR)).toBe("done");
    expect(await addZone(handle.db, YULIN, ACTOR)).toBe("zone-taken");
    let yulin = (await readCatalogue(handle.db)).zones.at(-1);
    expect(yulin).toMatchObject({ code: "SN-YL", batch: 2, reportsFrom: "2019Q4", region: "west" });
    expect(yulin?.memberCities).toEqual([{ code: "SN-YL-YL", name: { zh: "榆林", en: "Yulin" } }]);

    const twoCities = {
      ...YULIN,
      shortNameEn: "Yulin City",
      memberCities: [...YULIN.memberCities, { code: "SN-YL-SM", nameZh: "神木", nameEn: "Shenmu" }],
    };
    expect(await updateZone(handle.db, twoCities, ACTOR)).toBe("done");
    expect(await setZoneRetired(handle.db, { code: "SN-YL", retiredFrom: "2030Q1" }, ACTOR)).toBe(true);
    yulin = (await readCatalogue(handle.db)).zones.find((zone) => zone.code === "SN-YL");
    expect(yulin?.shortName.en).toBe("Yulin City");
    expect(yulin?.memberCities.map((city) => city.code)).toEqual(["SN-YL-YL", "SN-YL-SM"]);
    expect(yulin?.retiredFrom).toBe("2030Q1");

    const actions = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, "SN-YL"))
      .orderBy(auditLog.id);
    expect(actions.map((row) => row.action)).toEqual([
      "catalogue.zone.add",
      "catalogue.zone.update",
      "catalogue.zone.retire",
    ]);
  });

  it("refuses a member city code of another zone and leaves everything as it was", async () => {
    const version = await readCatalogueVersion(handle.db);
    const stolen = { ...YULIN, memberCities: [{ code: "HB-HS-HS", nameZh: "黄石", nameEn: "Huangshi" }] };
    expect(await updateZone(handle.db, stolen, ACTOR)).toBe("city-taken");
    expect(await updateZone(handle.db, { ...YULIN, code: "XX-NO" }, ACTOR)).toBe("not-found");
    const catalogue = await readCatalogue(handle.db);
    expect(catalogue.version).toBe(version);
    expect(catalogue.zones.find((zone) => zone.code === "SN-YL")?.memberCities).toHaveLength(2);
  });

  it("edits an indicator's metadata, adds one from a year and retires one after a year", async () => {
    expect(
      await updateIndicator(handle.db, { ...editOf("pm25"), yoyThreshold: 15, decimals: 1 }, ACTOR),
    ).toBe(true);
    expect(await updateIndicator(handle.db, { ...editOf("pm25"), code: "no-such" }, ACTOR)).toBe(false);
    const added = {
      ...editOf("rd-intensity"),
      code: "digital-economy-share",
      nameZh: "数字经济核心产业增加值占GDP比重",
      nameEn: "Digital economy core industries, share of GDP",
      direction: "higher" as const,
      frequency: "annual" as const,
      cumulative: false,
      measure: "share" as const,
      inForceFrom: 2022,
      sourceZh: "统计部门",
      sourceEn: "Statistics bureau",
    };
    expect(await addIndicator(handle.db, added, ACTOR)).toBe(true);
    expect(await addIndicator(handle.db, added, ACTOR)).toBe(false);
    expect(
      await setIndicatorRetired(handle.db, { code: "heritage-projects", retiredAfter: 2024 }, ACTOR),
    ).toBe(true);

    const catalogue = await readCatalogue(handle.db);
    expect(catalogue.indicators.find((found) => found.code === "pm25")).toMatchObject({
      yoyThreshold: 15,
      decimals: 1,
    });
    expect(catalogue.indicators.at(-1)).toMatchObject({ code: "digital-economy-share", inForceFrom: 2022 });
    expect(catalogue.indicators.find((found) => found.code === "heritage-projects")?.retiredAfter).toBe(2024);
    const audited = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from audit_log where entity_type = 'indicator'`),
    );
    expect(audited[0]?.n).toBe(3);
  });

  it("caches the catalogue until its version changes", async () => {
    const cached = createCatalogueCache();
    const first = await cached(handle.db);
    expect(await cached(handle.db)).toBe(first);
    await handle.db.update(zones).set({ shortNameZh: "黄石市" }).where(eq(zones.code, "HB-HS"));
    const second = await cached(handle.db);
    expect(second).not.toBe(first);
    expect(second.zones.find((zone) => zone.code === "HB-HS")?.shortName.zh).toBe("黄石市");
  });

  it("leaves a reference unit out of the catalogue, and names it when asked by code", async () => {
    await handle.db.update(zones).set({ programme: false }).where(eq(zones.code, "NX-NE"));
    try {
      const catalogue = await readCatalogue(handle.db);
      expect(catalogue.zones.map((zone) => zone.code)).not.toContain("NX-NE");
      expect(await referenceUnitCodes(handle.db, ["HB-HS", "NX-NE", "XX-YY"])).toEqual(["NX-NE"]);
      expect(await referenceUnitCodes(handle.db, [])).toEqual([]);
    } finally {
      await handle.db.update(zones).set({ programme: true }).where(eq(zones.code, "NX-NE"));
    }
  });
});
