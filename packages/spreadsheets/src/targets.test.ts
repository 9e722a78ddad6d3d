import { describe, expect, it } from "vitest";

import {
  buildTargetTemplateCsv,
  readTargetUpload,
  type TargetCatalogue,
  validateTargetRows,
} from "./targets";

const CATALOGUE: TargetCatalogue = {
  zoneCodes: new Set(["HB-HS", "SD-ZB"]),
  indicators: new Map([
    ["rd-intensity", { direction: "higher", min: 0, max: 100 }],
    ["pm25", { direction: "lower", min: 0, max: 1000 }],
  ]),
};

const ROW = {
  zone_code: "HB-HS",
  indicator_code: "rd-intensity",
  target_year: "2025",
  target_value: "2.5",
  comparison: "",
  baseline_year: "2020",
  note: "十四五规划",
};

const csv = (text: string) => new TextEncoder().encode(text);

describe("targets template", () => {
  it("reads back the template it writes, with the comparison defaulting from the direction", async () => {
    const file = buildTargetTemplateCsv([ROW, { ...ROW, indicator_code: "pm25", target_value: "35" }]);
    const read = await readTargetUpload(file);
    expect(read.errors).toEqual([]);
    const { targets, errors } = validateTargetRows(read.rows, CATALOGUE);
    expect(errors).toEqual([]);
    expect(targets).toEqual([
      {
        zoneCode: "HB-HS",
        indicatorCode: "rd-intensity",
        targetYear: 2025,
        targetValue: 2.5,
        comparison: "at-least",
        baselineYear: 2020,
        note: "十四五规划",
      },
      {
        zoneCode: "HB-HS",
        indicatorCode: "pm25",
        targetYear: 2025,
        targetValue: 35,
        comparison: "at-most",
        baselineYear: 2020,
        note: "十四五规划",
      },
    ]);
  });

  it("names the row and column of every problem and keeps no target when any row is wrong", async () => {
    const read = await readTargetUpload(
      csv(
        "zone_code,indicator_code,target_year,target_value,comparison,baseline_year\n" +
          "HB-HS,rd-intensity,2025,2.5,不低于,2020\n" +
          "XX-YY,nope,20x5,abc,more,2026\n" +
          "HB-HS,rd-intensity,2025,300,,2030\n",
      ),
    );
    const { targets, errors } = validateTargetRows(read.rows, CATALOGUE);
    expect(targets).toEqual([]);
    expect(errors.map((error) => [error.row, error.column])).toEqual([
      [3, "zone_code"],
      [3, "indicator_code"],
      [3, "target_year"],
      [3, "target_value"],
      [3, "comparison"],
      [4, "baseline_year"],
      [4, "target_value"],
      [4, "target_year"],
    ]);
    expect(errors[0]?.message.zh).toBe("第 3 行 “示范区代码”（zone_code）：没有示范区“XX-YY”");
  });

  it("refuses a file without the required columns, an empty file and a binary one", async () => {
    const missing = await readTargetUpload(csv("zone_code,indicator_code\nHB-HS,gdp\n"));
    expect(missing.errors.map((error) => error.column)).toEqual([
      "target_year",
      "target_value",
      "baseline_year",
    ]);
    expect((await readTargetUpload(new Uint8Array())).errors[0]?.message.en).toBe("The file is empty.");
    expect(
      (await readTargetUpload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).errors,
    ).toHaveLength(1);
    expect((await readTargetUpload(new Uint8Array(1024 * 1024 + 1).fill(65))).errors[0]?.message.en).toBe(
      "The file is over 1 MB.",
    );
  });
});
