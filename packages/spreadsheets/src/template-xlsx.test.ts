import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { TEMPLATE_COLUMNS } from "./columns";
import { parseUpload } from "./parse-upload";
import type { TemplateRow } from "./template-rows";
import { buildTemplateXlsx } from "./template-xlsx";
import { BUILT_IN } from "./test-helpers";

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function dataSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  return sheet;
}

const VALUE_COLUMN = TEMPLATE_COLUMNS.findIndex((column) => column.key === "value") + 1;
const NOTE_COLUMN = TEMPLATE_COLUMNS.findIndex((column) => column.key === "note") + 1;

const ROWS: TemplateRow[] = [
  { zoneCode: "HB-HS", quarter: "2026Q4", indicatorCode: "gdp" },
  { zoneCode: "HB-HS", quarter: "2026Q4", indicatorCode: "retail-sales" },
  { zoneCode: "HB-HS", quarter: "2026Q4", indicatorCode: "gdp-growth" },
  { zoneCode: "HB-HS", quarter: "2026Q4", indicatorCode: "industrial-va-growth" },
  { zoneCode: "HB-HS", quarter: "2026Q4", indicatorCode: "rd-intensity" },
  { zoneCode: "HB-HS", quarter: "2026Q4", indicatorCode: "hightech-enterprises" },
  { zoneCode: "HB-HS", quarter: "2026Q4", indicatorCode: "pm25", value: "-1.5", note: "=1+1" },
];

describe("buildTemplateXlsx", () => {
  it("writes a data sheet named by its quarter with a bold, frozen header, then instructions", async () => {
    const workbook = await loadWorkbook(
      await buildTemplateXlsx({ rows: ROWS, headerLanguage: "zh", catalogue: BUILT_IN }),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["2026Q4", "说明"]);
    const sheet = dataSheet(workbook);
    expect(sheet.getRow(1).values).toEqual([undefined, ...TEMPLATE_COLUMNS.map((column) => column.zh)]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      "HB-HS",
      "湖北黄石",
      "2026Q4",
      "gdp",
      "地区生产总值",
      "亿元",
    ]);
    expect(sheet.getColumn(NOTE_COLUMN).width).toBeGreaterThanOrEqual(40);
    // Pre-filled values are numbers; notes are text cells, never formulas.
    expect(sheet.getRow(8).getCell(VALUE_COLUMN).value).toBe(-1.5);
    expect(sheet.getRow(8).getCell(NOTE_COLUMN).value).toBe("=1+1");
    expect(sheet.getRow(8).getCell(NOTE_COLUMN).type).toBe(ExcelJS.ValueType.String);
    expect(workbook.getWorksheet("说明")?.getCell("A1").value).toBe("季度指标填报模板说明");
  });

  it("writes English headers, names and instructions, and names a sheet of many quarters 'data'", async () => {
    const rows: TemplateRow[] = [...ROWS, { zoneCode: "HN-C", quarter: "2027Q1", indicatorCode: "gdp" }];
    const workbook = await loadWorkbook(
      await buildTemplateXlsx({ rows, headerLanguage: "en", catalogue: BUILT_IN }),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["data", "Instructions"]);
    const sheet = dataSheet(workbook);
    expect(sheet.getRow(1).values).toEqual([undefined, ...TEMPLATE_COLUMNS.map((column) => column.en)]);
    expect(sheet.getRow(2).getCell(2).value).toBe("Huangshi, Hubei");
  });

  it.each(["zh", "en"] as const)(
    "round-trips values filled in with Excel (%s headers)",
    async (headerLanguage) => {
      const workbook = await loadWorkbook(
        await buildTemplateXlsx({ rows: ROWS, headerLanguage, catalogue: BUILT_IN }),
      );
      const sheet = dataSheet(workbook);
      const fill = (row: number, value: ExcelJS.CellValue, note?: string, numFmt?: string) => {
        const cell = sheet.getRow(row).getCell(VALUE_COLUMN);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
        if (note !== undefined) sheet.getRow(row).getCell(NOTE_COLUMN).value = note;
      };
      fill(2, 1234.56, "统计口径调整");
      fill(3, 0.1);
      fill(4, 0.052, "typed as 5.2%", "0.0%");
      fill(5, { formula: "0.1+0.2", result: 0.1 + 0.2 });
      fill(6, " 2.35 ");
      // Row 7 left empty; row 8 keeps its pre-filled value.
      const parsed = await parseUpload(
        { name: "filled.xlsx", bytes: await saveWorkbook(workbook) },
        BUILT_IN,
      );
      expect(parsed.encoding).toBe("xlsx");
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows).toEqual([
        {
          row: 2,
          zoneCode: "HB-HS",
          quarter: "2026Q4",
          indicatorCode: "gdp",
          value: "1234.56",
          note: "统计口径调整",
        },
        {
          row: 3,
          zoneCode: "HB-HS",
          quarter: "2026Q4",
          indicatorCode: "retail-sales",
          value: "0.1",
          note: "",
        },
        {
          row: 4,
          zoneCode: "HB-HS",
          quarter: "2026Q4",
          indicatorCode: "gdp-growth",
          value: "5.2",
          note: "typed as 5.2%",
        },
        {
          row: 5,
          zoneCode: "HB-HS",
          quarter: "2026Q4",
          indicatorCode: "industrial-va-growth",
          value: "0.3",
          note: "",
        },
        {
          row: 6,
          zoneCode: "HB-HS",
          quarter: "2026Q4",
          indicatorCode: "rd-intensity",
          value: "2.35",
          note: "",
        },
        {
          row: 7,
          zoneCode: "HB-HS",
          quarter: "2026Q4",
          indicatorCode: "hightech-enterprises",
          value: "",
          note: "",
        },
        { row: 8, zoneCode: "HB-HS", quarter: "2026Q4", indicatorCode: "pm25", value: "-1.5", note: "=1+1" },
      ]);
    },
  );

  it("reads a workbook whose first sheet is not the data, and reports errors with Excel row numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("封面").addRow(["上报单位：黄石市统计局"]);
    const sheet = workbook.addWorksheet("数据");
    sheet.addRow(["示范区代码", "季度", "指标代码", "数值"]);
    sheet.addRow(["HB-HS", "2026Q3", "gdp", 10]);
    sheet.addRow([]);
    sheet.addRow(["HB-HS", "2026Q3", "rd-intensity", 2]);
    sheet.addRow(["HB-HS", "2026Q3", "gdp", 11]);
    const parsed = await parseUpload({ name: "report.xlsx", bytes: await saveWorkbook(workbook) }, BUILT_IN);
    expect(parsed.rows).toMatchObject([{ row: 2, value: "10" }]);
    expect(parsed.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 4, column: "quarter", code: "indicator-not-in-quarter" },
      { row: 5, column: null, code: "duplicate-row" },
    ]);
  });

  it("reports a workbook without the required columns", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["zone", "period", "indicator", "amount"]);
    const parsed = await parseUpload({ name: "x.xlsx", bytes: await saveWorkbook(workbook) }, BUILT_IN);
    expect(parsed.errors.map((error) => error.code)).toEqual([
      "missing-column",
      "missing-column",
      "missing-column",
      "missing-column",
    ]);
  });

  it("reports an empty workbook as empty-file", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1");
    const parsed = await parseUpload({ name: "x.xlsx", bytes: await saveWorkbook(workbook) }, BUILT_IN);
    expect(parsed).toMatchObject({ encoding: "xlsx", rows: [], errors: [{ code: "empty-file" }] });
  });
});
