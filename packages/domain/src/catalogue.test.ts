import { describe, expect, it } from "vitest";

import {
  indicatorInForce,
  indicatorInForceInYear,
  indicatorsInForceIn,
  zoneReportsIn,
  zonesReportingIn,
} from "./catalogue";
import { checkIndicatorEdit, checkZoneEdit, type IndicatorEdit, type ZoneEdit } from "./catalogue-edits";
import { INDICATORS } from "./indicators";
import { inPeerGroup, parsePeerGroup, peerGroupKey, regionOfProvince } from "./peer-groups";
import { yoyThresholdOf } from "./submission-rules";
import type { Zone } from "./types";
import { BUILT_IN_ZONES, SECOND_BATCH_ZONES, ZONES } from "./zones";

const gdp = INDICATORS.find((indicator) => indicator.code === "gdp");
const rd = INDICATORS.find((indicator) => indicator.code === "rd-intensity");
if (!gdp || !rd) throw new Error("catalogue");

describe("the built-in catalogue", () => {
  it("has both batches: 12 zones of 2017 reporting from 2017Q1 and 8 of 2019 reporting from 2019Q4", () => {
    expect(ZONES).toHaveLength(12);
    expect(SECOND_BATCH_ZONES.map((zone) => zone.code)).toEqual([
      "BJ-JX",
      "LN-DL",
      "HL-DQ",
      "JS-XZ",
      "JX-PX",
      "HA-W",
      "GD-SG",
      "GZ-LPS",
    ]);
    expect(new Set(BUILT_IN_ZONES.map((zone) => zone.code)).size).toBe(20);
    expect(ZONES.every((zone) => zone.batch === 1 && zone.reportsFrom === "2017Q1")).toBe(true);
    expect(SECOND_BATCH_ZONES.every((zone) => zone.batch === 2 && zone.reportsFrom === "2019Q4")).toBe(true);
  });

  it("puts every zone in the economic region of its province", () => {
    for (const zone of BUILT_IN_ZONES)
      expect(zone.region, zone.code).toBe(regionOfProvince(zone.province.zh));
  });

  it("gives member city codes under their zone's code", () => {
    for (const zone of BUILT_IN_ZONES) {
      expect(zone.memberCities.length, zone.code).toBeGreaterThan(0);
      for (const city of zone.memberCities) expect(city.code.startsWith(`${zone.code}-`)).toBe(true);
    }
  });
});

describe("the catalogue as it stood for a quarter", () => {
  const daqing = SECOND_BATCH_ZONES.find((zone) => zone.code === "HL-DQ") as Zone;
  const retired: Zone = { ...daqing, retiredFrom: "2024Q1" };

  it("expects a zone from its first quarter until it retires", () => {
    expect(zoneReportsIn(daqing, "2019Q3")).toBe(false);
    expect(zoneReportsIn(daqing, "2019Q4")).toBe(true);
    expect(zoneReportsIn(retired, "2023Q4")).toBe(true);
    expect(zoneReportsIn(retired, "2024Q1")).toBe(false);
    expect(zonesReportingIn({ zones: BUILT_IN_ZONES }, "2018Q2")).toHaveLength(12);
    expect(zonesReportingIn({ zones: BUILT_IN_ZONES }, { year: 2020, q: 1 })).toHaveLength(20);
  });

  it("asks for an indicator from its first year to its last, annual ones with Q4 only", () => {
    const added = { ...rd, inForceFrom: 2022, retiredAfter: 2025 };
    expect(indicatorInForce(added, "2021Q4")).toBe(false);
    expect(indicatorInForce(added, "2022Q4")).toBe(true);
    expect(indicatorInForce(added, "2022Q3")).toBe(false);
    expect(indicatorInForce(added, "2025Q4")).toBe(true);
    expect(indicatorInForce(added, "2026Q4")).toBe(false);
    // The year alone, whatever the frequency: what an import names when it refuses a row.
    expect([2021, 2022, 2025, 2026].map((year) => indicatorInForceInYear(added, year))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    const catalogue = { indicators: [gdp, added] };
    expect(indicatorsInForceIn(catalogue, "2018Q4").map((indicator) => indicator.code)).toEqual(["gdp"]);
    expect(indicatorsInForceIn(catalogue, "2023Q4").map((indicator) => indicator.code)).toEqual([
      "gdp",
      "rd-intensity",
    ]);
  });

  it("takes an indicator's own year-on-year threshold before its measure's default", () => {
    expect(yoyThresholdOf(gdp)).toBe(30);
    expect(yoyThresholdOf(rd)).toBe(10);
    expect(yoyThresholdOf({ ...gdp, yoyThreshold: 12.5 })).toBe(12.5);
  });
});

describe("peer groups", () => {
  const zone = { batch: 2, cityType: "resource-based", region: "central" } as const;

  it("round-trips every group through its URL key and refuses anything else", () => {
    for (const key of ["all", "batch-2", "type-resource-based", "type-old-industrial", "region-northeast"]) {
      const group = parsePeerGroup(key);
      expect(group && peerGroupKey(group)).toBe(key);
    }
    for (const key of ["", "batch-0", "batch-x", "type-", "region-south", "ALL", "batch-100"]) {
      expect(parsePeerGroup(key), key).toBeUndefined();
    }
  });

  it("says whether a zone belongs to a group", () => {
    expect(inPeerGroup(zone, { kind: "all" })).toBe(true);
    expect(inPeerGroup(zone, { kind: "batch", batch: 2 })).toBe(true);
    expect(inPeerGroup(zone, { kind: "batch", batch: 1 })).toBe(false);
    expect(inPeerGroup(zone, { kind: "type", cityType: "old-industrial" })).toBe(false);
    expect(inPeerGroup(zone, { kind: "region", region: "central" })).toBe(true);
  });
});

describe("admin edits of the catalogue", () => {
  const zone: ZoneEdit = {
    code: "HL-DQ",
    nameZh: "黑龙江大庆",
    nameEn: "Daqing",
    shortNameZh: "大庆",
    shortNameEn: "Daqing",
    provinceZh: "黑龙江",
    provinceEn: "Heilongjiang",
    batch: 2,
    namedOn: "2019-08-01",
    reportsFrom: "2019Q4",
    cityType: "resource-based",
    region: "northeast",
    memberCities: [{ code: "HL-DQ-DQ", nameZh: "大庆", nameEn: "Daqing" }],
  };
  const paths = (issues: ReturnType<typeof checkZoneEdit>) => issues.map((issue) => issue.path.join("."));

  it("lets a complete zone through", () => {
    expect(checkZoneEdit(zone)).toEqual([]);
  });

  it("names each field at fault, in both languages", () => {
    const issues = checkZoneEdit({
      ...zone,
      code: "hl dq",
      nameZh: "",
      namedOn: "2019-13-45",
      reportsFrom: "2019Q5",
      memberCities: [
        { code: "HB-HS-HS", nameZh: "黄石", nameEn: "Huangshi" },
        { code: "hl-dq-x", nameZh: "", nameEn: "" },
      ],
    });
    expect(paths(issues)).toEqual([
      "nameZh",
      "code",
      "namedOn",
      "reportsFrom",
      "memberCities.0.code",
      "memberCities.1.code",
      "memberCities.1.nameZh",
      "memberCities.1.nameEn",
    ]);
    expect(issues[0]?.message.params?.text).toEqual({ zh: "请填写中文名称", en: "Chinese name is required" });
    expect(paths(checkZoneEdit({ ...zone, memberCities: [] }))).toEqual(["memberCities"]);
    for (const namedOn of ["0000-01-01", "2019-02-30", "2019-8-1", "2101-01-01"]) {
      expect(paths(checkZoneEdit({ ...zone, namedOn })), namedOn).toEqual(["namedOn"]);
    }
    const twice = [zone.memberCities[0], zone.memberCities[0]] as ZoneEdit["memberCities"];
    expect(paths(checkZoneEdit({ ...zone, memberCities: twice }))).toEqual(["memberCities.1.code"]);
  });

  it("checks an indicator's code, range and threshold", () => {
    const edit: IndicatorEdit = {
      code: "rd-intensity",
      theme: "innovation",
      nameZh: "研发投入强度",
      nameEn: "R&D intensity",
      unitZh: "%",
      unitEn: "%",
      definitionZh: "",
      definitionEn: "",
      decimals: 2,
      validMin: 0,
      validMax: 20,
      yoyThreshold: null,
      headline: false,
    };
    expect(checkIndicatorEdit(edit)).toEqual([]);
    const issues = checkIndicatorEdit({ ...edit, code: "R&D", validMin: 20, yoyThreshold: 0, unitEn: "" });
    expect(issues.map((issue) => issue.path.join("."))).toEqual([
      "unitEn",
      "code",
      "validMax",
      "yoyThreshold",
    ]);
  });
});
