import { describe, expect, it } from "vitest";
import { findZone, getZone, isZoneCode, ZONE_CODES, ZONES } from "./zones";

const CONTRACT_CODES = [
  "LN-C",
  "JL-C",
  "NM-W",
  "HE-TS",
  "SX-CZ",
  "SD-ZB",
  "AH-TL",
  "HB-HS",
  "HN-C",
  "CQ-M",
  "SC-ZG",
  "NX-NE",
];

describe("zones", () => {
  it("are exactly the 12 first-batch zones with the contract codes, in order", () => {
    expect(ZONES).toHaveLength(12);
    expect(ZONES.map((zone) => zone.code)).toEqual(CONTRACT_CODES);
    expect([...ZONE_CODES]).toEqual(CONTRACT_CODES);
    expect(new Set(ZONES.map((zone) => zone.code)).size).toBe(12);
  });

  it.each(ZONES.map((zone) => [zone.code, zone] as const))("%s is complete", (_code, zone) => {
    for (const text of [zone.name, zone.shortName, zone.province]) {
      expect(text.zh.trim()).not.toBe("");
      expect(text.en.trim()).not.toBe("");
      expect(text.zh).toMatch(/\p{Script=Han}/u);
      expect(text.en).toMatch(/^[\x20-\x7e–]+$/);
    }
    expect(zone.batch).toBe(1);
    expect(zone.designatedYear).toBe(2017);
    expect(zone.memberCities.length).toBeGreaterThanOrEqual(1);
    for (const city of zone.memberCities) {
      expect(city.code.startsWith(`${zone.code}-`)).toBe(true);
      expect(city.code).toMatch(/^[A-Z]{2}-[A-Z]+-[A-Z]{2,3}$/);
      expect(city.name.zh).not.toBe("");
      expect(city.name.en).not.toBe("");
    }
  });

  it("has globally unique member-city codes", () => {
    const codes = ZONES.flatMap((zone) => zone.memberCities.map((city) => city.code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("carries the facts of the shared notes", () => {
    expect(getZone("HB-HS").name.zh).toBe("湖北黄石");
    expect(getZone("HB-HS").shortName).toEqual({ zh: "黄石", en: "Huangshi" });
    expect(getZone("LN-C").name.zh).toBe("辽宁中部（沈阳—鞍山—抚顺）");
    expect(getZone("LN-C").shortName).toEqual({ zh: "辽宁中部", en: "Central Liaoning" });
    expect(getZone("HN-C").memberCities.map((city) => city.code)).toEqual(["HN-C-ZZ", "HN-C-XT", "HN-C-LD"]);
    expect(getZone("CQ-M").memberCities.map((city) => city.name.zh)).toEqual(["荣昌"]);
    expect(getZone("NX-NE").memberCities.map((city) => city.name.zh)).toEqual(["石嘴山", "宁东"]);
    expect(getZone("NM-W").province).toEqual({ zh: "内蒙古", en: "Inner Mongolia" });
  });

  it("finds by code, and throws on unknown codes with getZone", () => {
    expect(findZone("SD-ZB")?.shortName.zh).toBe("淄博");
    expect(findZone("XX-YY")).toBeUndefined();
    expect(findZone("hb-hs")).toBeUndefined();
    expect(() => getZone("XX-YY")).toThrow('unknown zone code "XX-YY"');
    expect(isZoneCode("AH-TL")).toBe(true);
    expect(isZoneCode("BJ-W")).toBe(false);
    // The second batch (2019) is built in too.
    expect(isZoneCode("HL-DQ")).toBe(true);
    expect(getZone("GZ-LPS").name.zh).toBe("贵州六盘水");
  });

  it("cannot be changed at run time", () => {
    const zone = getZone("HB-HS");
    expect(Object.isFrozen(ZONES)).toBe(true);
    expect(() => {
      zone.name.zh = "changed";
    }).toThrow(TypeError);
    expect(getZone("HB-HS").name.zh).toBe("湖北黄石");
  });
});
