import { INDICATORS, type Indicator, ZONES, type Zone } from "@zones/domain";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseUpload } from "./parse-upload";
import type { SheetCatalogue } from "./sheet-catalogue";
import { buildTemplateCsv } from "./template-csv";
import { templateRowsFor } from "./template-rows";
import { buildTemplateXlsx } from "./template-xlsx";
import { BUILT_IN, csvFile, dataLine, ENGLISH_HEADER, UTF8_BOM } from "./test-helpers";

/**
 * The catalogue as an admin left it in the database: a zone added from 2026Q3, one retired from 2026Q1, an
 * indicator added from 2026, GDP retired after 2025 and retail sales renamed. Templates and imports follow it,
 * quarter by quarter, not the built-in one.
 */
const builtInZone = (code: string): Zone => {
  const zone = ZONES.find((candidate) => candidate.code === code);
  if (!zone) throw new Error(`no built-in zone ${code}`);
  return zone;
};
const YULIN: Zone = {
  ...builtInZone("HB-HS"),
  code: "SN-YL",
  name: { zh: "陕西榆林", en: "Yulin, Shaanxi" },
  reportsFrom: "2026Q3",
  memberCities: [],
};
const GREEN_POWER: Indicator = {
  ...(INDICATORS[0] as Indicator),
  code: "green-power-share",
  name: { zh: "绿色电力消费占比", en: "Green power, share of consumption" },
  unit: { zh: "%", en: "%" },
  frequency: "quarterly",
  validRange: { min: 0, max: 100 },
  decimals: 0,
  inForceFrom: 2026,
  retiredAfter: null,
};
const CATALOGUE: SheetCatalogue = {
  zones: [
    ...ZONES.map((zone) => (zone.code === "LN-C" ? { ...zone, retiredFrom: "2026Q1" as const } : zone)),
    YULIN,
  ],
  indicators: [
    ...INDICATORS.map((indicator) =>
      indicator.code === "gdp"
        ? { ...indicator, retiredAfter: 2025 }
        : indicator.code === "retail-sales"
          ? { ...indicator, name: { zh: "社零总额（改名）", en: "Retail sales (renamed)" } }
          : indicator,
    ),
    GREEN_POWER,
  ],
};

const codesOf = (
  rows: { zoneCode: string; quarter: string; indicatorCode: string }[],
  zone: string,
  quarter: string,
) => rows.filter((row) => row.zoneCode === zone && row.quarter === quarter).map((row) => row.indicatorCode);

describe("templates follow the catalogue of each quarter", () => {
  const rows = templateRowsFor(CATALOGUE, ["SN-YL", "LN-C", "HB-HS"], ["2025Q4", "2026Q3"]);

  it("asks an added zone from its first quarter and a retired one until it retires", () => {
    expect(codesOf(rows, "SN-YL", "2025Q4")).toEqual([]);
    expect(codesOf(rows, "SN-YL", "2026Q3")).toContain("green-power-share");
    expect(codesOf(rows, "LN-C", "2025Q4")).toContain("gdp");
    expect(codesOf(rows, "LN-C", "2026Q3")).toEqual([]);
  });

  it("asks an added indicator from its first year and a retired one until its last", () => {
    expect(codesOf(rows, "HB-HS", "2025Q4")).toContain("gdp");
    expect(codesOf(rows, "HB-HS", "2025Q4")).not.toContain("green-power-share");
    expect(codesOf(rows, "HB-HS", "2026Q3")).toContain("green-power-share");
    expect(codesOf(rows, "HB-HS", "2026Q3")).not.toContain("gdp");
    // The built-in catalogue knows neither the added zone nor the added indicator.
    expect(() => templateRowsFor(BUILT_IN, ["SN-YL"], ["2026Q3"])).toThrow(RangeError);
    expect(codesOf(templateRowsFor(BUILT_IN, ["HB-HS"], ["2026Q3"]), "HB-HS", "2026Q3")).toContain("gdp");
  });

  it("writes the catalogue's names and units, and its ranges and decimals into the workbook", async () => {
    const yulin = rows.filter((row) => row.zoneCode === "SN-YL");
    const text = new TextDecoder().decode(
      buildTemplateCsv({ rows: yulin, headerLanguage: "zh", catalogue: CATALOGUE }).subarray(UTF8_BOM.length),
    );
    const records: string[][] = parse(text);
    expect(records.find((record) => record[3] === "green-power-share")).toEqual([
      "SN-YL",
      "陕西榆林",
      "2026Q3",
      "green-power-share",
      "绿色电力消费占比",
      "%",
      "",
      "",
    ]);
    expect(records.find((record) => record[3] === "retail-sales")?.[4]).toBe("社零总额（改名）");
    // A catalogue without the row's indicator cannot name it: the caller passed the wrong catalogue.
    expect(() => buildTemplateCsv({ rows: yulin, headerLanguage: "zh", catalogue: BUILT_IN })).toThrow(
      RangeError,
    );

    const workbook = new ExcelJS.Workbook();
    const bytes = await buildTemplateXlsx({ rows: yulin, headerLanguage: "en", catalogue: CATALOGUE });
    await workbook.xlsx.load(bytes.slice().buffer);
    const sheet = workbook.worksheets[0];
    const row = sheet
      ?.getRows(2, yulin.length)
      ?.find((candidate) => candidate.getCell(4).value === "green-power-share");
    expect(row?.getCell(5).value).toBe("Green power, share of consumption");
    expect(row?.getCell(7).dataValidation).toMatchObject({ type: "whole", formulae: [0, 100] });
    expect(row?.getCell(7).dataValidation.error).toContain("whole number from 0 to 100");
  });

  it("round-trips a template of the catalogue through an import of the same catalogue", async () => {
    const parsed = await parseUpload(
      { name: "t.csv", bytes: buildTemplateCsv({ rows, headerLanguage: "en", catalogue: CATALOGUE }) },
      CATALOGUE,
    );
    expect(parsed.errors).toEqual([]);
    expect(
      parsed.rows.map(({ zoneCode, quarter, indicatorCode }) => ({ zoneCode, quarter, indicatorCode })),
    ).toEqual(rows);
  });
});

describe("imports follow the catalogue of each row's quarter", () => {
  const lines = [
    ENGLISH_HEADER,
    dataLine("SN-YL", "2026Q3", "green-power-share", "23"), // 2 ok: added zone, added indicator
    dataLine("HB-HS", "2025Q4", "green-power-share", "20"), // 3 before the indicator's first year
    dataLine("HB-HS", "2026Q3", "gdp", "100"), // 4 after GDP's last year
    dataLine("SN-YL", "2025Q4", "retail-sales", "1"), // 5 before the zone reports
    dataLine("LN-C", "2026Q3", "retail-sales", "1"), // 6 the zone retired
    dataLine("SN-ZZ", "2026Q3", "retail-sales", "1"), // 7 no such zone
    dataLine("HB-HS", "2026Q3", "no-such-indicator", "1"), // 8 no such indicator
    dataLine("HB-HS", "2025Q4", "gdp", "100"), // 9 ok: GDP in its last year
  ];

  it("accepts an added zone and indicator, and refuses each row outside the catalogue by row and column", async () => {
    const parsed = await parseUpload(csvFile(lines), CATALOGUE);
    expect(parsed.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 3, column: "indicator_code", code: "indicator-not-in-force" },
      { row: 4, column: "indicator_code", code: "indicator-not-in-force" },
      { row: 5, column: "zone_code", code: "zone-not-reporting" },
      { row: 6, column: "zone_code", code: "zone-not-reporting" },
      { row: 7, column: "zone_code", code: "unknown-zone" },
      { row: 8, column: "indicator_code", code: "unknown-indicator" },
    ]);
    expect(parsed.rows.map((row) => [row.row, row.zoneCode, row.indicatorCode])).toEqual([
      [2, "SN-YL", "green-power-share"],
      [9, "HB-HS", "gdp"],
    ]);
  });

  it("says why in Chinese and English, naming the entry, the quarter and the catalogue's years", async () => {
    const { errors } = await parseUpload(csvFile(lines), CATALOGUE);
    const byRow = new Map(errors.map((error) => [error.row, error.message]));
    expect(byRow.get(3)).toEqual({
      zh: "指标“绿色电力消费占比”（green-power-share）自 2026 年起填报，不能填在 2025Q4。",
      en: 'The indicator "Green power, share of consumption" (green-power-share) is reported from 2026, not for 2025Q4.',
    });
    expect(byRow.get(4)?.zh).toContain("2025 年后不再填报，不能填在 2026Q3");
    expect(byRow.get(4)?.en).toContain("no longer reported after 2025");
    expect(byRow.get(5)).toEqual({
      zh: "示范区“陕西榆林”（SN-YL）自 2026Q3 起填报，不能填在 2025Q4。",
      en: 'The zone "Yulin, Shaanxi" (SN-YL) reports from 2026Q3, not for 2025Q4.',
    });
    expect(byRow.get(6)?.zh).toContain("自 2026Q1 起不再填报，不能填在 2026Q3");
    expect(byRow.get(6)?.en).toContain("no longer reports from 2026Q1 on");
    expect(byRow.get(7)).toEqual({
      zh: "没有代码为“SN-ZZ”的示范区。",
      en: 'There is no zone with the code "SN-ZZ".',
    });
  });

  it("takes the catalogue it is given as plain data: a structured clone reads the same, the built-in one does not", async () => {
    const file = csvFile(lines.slice(0, 2));
    expect(await parseUpload(file, structuredClone(CATALOGUE))).toEqual(await parseUpload(file, CATALOGUE));
    const builtIn = await parseUpload(file, BUILT_IN);
    expect(builtIn.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: "zone_code", code: "unknown-zone" },
      { row: 2, column: "indicator_code", code: "unknown-indicator" },
    ]);
  });
});
