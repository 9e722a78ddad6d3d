import { BUILT_IN_ZONES, type Catalogue, INDICATORS } from "@zones/domain";
import { readTargetUpload } from "@zones/spreadsheets";
import { describe, expect, it } from "vitest";

import { targetTemplate } from "./files";

const TODAY = new Date("2026-12-07T10:00:00+08:00");
const [FIRST, SECOND] = BUILT_IN_ZONES;
const BUILT_IN: Catalogue = { version: 1, zones: BUILT_IN_ZONES, indicators: INDICATORS };

async function exampleRows(catalogue: Pick<Catalogue, "zones" | "indicators">) {
  const { rows, errors } = await readTargetUpload(targetTemplate(catalogue, TODAY).bytes);
  expect(errors).toEqual([]);
  return rows.map((row) => row.cells);
}

const retired = (codes: string[]) =>
  INDICATORS.map((indicator) =>
    codes.includes(indicator.code) ? { ...indicator, retiredAfter: 2025 } : indicator,
  );

describe("the targets template's example rows", () => {
  it("aim the built-in examples at the next plan year, for the first zone reporting today", async () => {
    const rows = await exampleRows(BUILT_IN);
    expect(
      rows.map((row) => [row.zone_code, row.indicator_code, row.target_year, row.baseline_year]),
    ).toEqual([
      [FIRST?.code, "rd-intensity", "2030", "2025"],
      [FIRST?.code, "pm25", "2030", "2025"],
    ]);
  });

  it("follow the catalogue: a retired zone or indicator is never an example", async () => {
    const zones = BUILT_IN_ZONES.map((zone) =>
      zone.code === FIRST?.code ? { ...zone, retiredFrom: "2026Q1" as const } : zone,
    );
    const rows = await exampleRows({ zones, indicators: retired(["rd-intensity"]) });
    expect(rows.map((row) => [row.zone_code, row.indicator_code])).toEqual([[SECOND?.code, "pm25"]]);
  });

  it("offer the first headline indicator to fill in when both examples are retired", async () => {
    const indicators = retired(["rd-intensity", "pm25"]);
    const rows = await exampleRows({ zones: BUILT_IN_ZONES, indicators });
    const headline = indicators.find((indicator) => indicator.headline && indicator.retiredAfter === null);
    expect(rows).toEqual([
      expect.objectContaining({ zone_code: FIRST?.code, indicator_code: headline?.code, target_value: "" }),
    ]);
  });

  it("hold only the header without a zone reporting today", async () => {
    const { rows } = await readTargetUpload(
      targetTemplate({ zones: [], indicators: INDICATORS }, TODAY).bytes,
    );
    expect(rows).toEqual([]);
  });
});
