import { appliesToQuarter, INDICATORS } from "@zones/domain";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { TEMPLATE_COLUMNS } from "./columns";
import { parseUpload } from "./parse-upload";
import { buildTemplateCsv } from "./template-csv";
import type { TemplateRow } from "./template-rows";
import { templateRowsFor } from "./template-rows";
import { BUILT_IN, UTF8_BOM } from "./test-helpers";

function csvRecords(bytes: Uint8Array): string[][] {
  return parse(new TextDecoder().decode(bytes.subarray(3)));
}

describe("templateRowsFor", () => {
  it("lists every applicable indicator per zone × quarter, in catalogue order", () => {
    const rows = templateRowsFor(BUILT_IN, ["HB-HS", "HN-C"], ["2026Q3", "2026Q4"]);
    const quarterly = INDICATORS.filter((indicator) => indicator.frequency === "quarterly");
    expect(rows).toHaveLength(2 * (quarterly.length + INDICATORS.length));
    expect(rows[0]).toEqual({ zoneCode: "HB-HS", quarter: "2026Q3", indicatorCode: INDICATORS[0]?.code });
    const q3 = rows.filter((row) => row.zoneCode === "HB-HS" && row.quarter === "2026Q3");
    expect(q3.map((row) => row.indicatorCode)).toEqual(quarterly.map((indicator) => indicator.code));
    const q4 = rows.filter((row) => row.zoneCode === "HN-C" && row.quarter === "2026Q4");
    expect(q4.map((row) => row.indicatorCode)).toEqual(INDICATORS.map((indicator) => indicator.code));
    expect(rows.map((row) => row.zoneCode).lastIndexOf("HB-HS")).toBeLessThan(
      rows.map((row) => row.zoneCode).indexOf("HN-C"),
    );
    for (const row of rows) {
      const indicator = INDICATORS.find((candidate) => candidate.code === row.indicatorCode);
      expect(indicator && appliesToQuarter(indicator, row.quarter)).toBe(true);
    }
  });

  it("throws on an unknown zone: the caller chooses the zones", () => {
    expect(() => templateRowsFor(BUILT_IN, ["XX"], ["2026Q1"])).toThrow(RangeError);
  });
});

describe("buildTemplateCsv", () => {
  const rows: TemplateRow[] = [
    { zoneCode: "HB-HS", quarter: "2026Q3", indicatorCode: "gdp", value: "1234.56", note: "统计口径调整" },
    { zoneCode: "HB-HS", quarter: "2026Q3", indicatorCode: "gdp-growth", value: "-3.2", note: "=1+1" },
    { zoneCode: "HB-HS", quarter: "2026Q3", indicatorCode: "retail-sales", note: "+SUM(A1)\n第二行, 带逗号" },
    { zoneCode: "HB-HS", quarter: "2026Q3", indicatorCode: "budget-revenue", note: '@cmd "quoted"' },
  ];

  it("starts with a UTF-8 BOM and ends lines with CRLF", () => {
    const bytes = buildTemplateCsv({ rows, headerLanguage: "en", catalogue: BUILT_IN });
    expect([...bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.startsWith(`${TEMPLATE_COLUMNS.map((column) => column.en).join(",")}\r\n`)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "").includes("\r")).toBe(false);
  });

  it("writes the header in the chosen language and the names in that language", () => {
    const zh = csvRecords(buildTemplateCsv({ rows, headerLanguage: "zh", catalogue: BUILT_IN }));
    expect(zh[0]).toEqual(["示范区代码", "示范区", "季度", "指标代码", "指标", "单位", "数值", "上报说明"]);
    expect(zh[1]).toEqual([
      "HB-HS",
      "湖北黄石",
      "2026Q3",
      "gdp",
      "地区生产总值",
      "亿元",
      "1234.56",
      "统计口径调整",
    ]);
    const en = csvRecords(buildTemplateCsv({ rows, headerLanguage: "en", catalogue: BUILT_IN }));
    expect(en[1]?.slice(0, 6)).toEqual([
      "HB-HS",
      "Huangshi, Hubei",
      "2026Q3",
      "gdp",
      "GDP (current prices)",
      "100 million yuan",
    ]);
  });

  it("neutralises formulas in text cells but writes negative numbers as they are", () => {
    const records = csvRecords(buildTemplateCsv({ rows, headerLanguage: "en", catalogue: BUILT_IN }));
    expect(records[2]?.[6]).toBe("-3.2");
    expect(records[2]?.[7]).toBe("'=1+1");
    expect(records[3]?.[7]).toBe("'+SUM(A1)\n第二行, 带逗号");
    expect(records[4]?.[7]).toBe('\'@cmd "quoted"');
    expect(
      buildTemplateCsv({
        rows: [{ zoneCode: "HB-HS", quarter: "2026Q3", indicatorCode: "gdp", value: "=HYPERLINK(1)" }],
        headerLanguage: "en",
        catalogue: BUILT_IN,
      }),
    ).toEqual(
      buildTemplateCsv({
        rows: [{ zoneCode: "HB-HS", quarter: "2026Q3", indicatorCode: "gdp", value: "'=HYPERLINK(1)" }],
        headerLanguage: "en",
        catalogue: BUILT_IN,
      }),
    );
  });

  it.each(["zh", "en"] as const)("round-trips through parseUpload (%s headers)", async (headerLanguage) => {
    const bytes = buildTemplateCsv({ rows, headerLanguage, catalogue: BUILT_IN });
    const parsed = await parseUpload({ name: "template.csv", bytes }, BUILT_IN);
    expect(parsed.errors).toEqual([]);
    expect(parsed.encoding).toBe("utf-8-bom");
    expect(parsed.rows).toEqual(
      rows.map((row, index) => ({
        row: index + 2,
        zoneCode: row.zoneCode,
        quarter: row.quarter,
        indicatorCode: row.indicatorCode,
        value: row.value ?? "",
        note: row.note ?? "",
      })),
    );
  });

  it("round-trips a whole generated template", async () => {
    const rows = templateRowsFor(BUILT_IN, ["LN-C", "NX-NE"], ["2025Q4", "2026Q1"]);
    const parsed = await parseUpload(
      {
        name: "t.csv",
        bytes: buildTemplateCsv({ rows, headerLanguage: "zh", catalogue: BUILT_IN }),
      },
      BUILT_IN,
    );
    expect(parsed.errors).toEqual([]);
    expect(
      parsed.rows.map(({ zoneCode, quarter, indicatorCode }) => ({ zoneCode, quarter, indicatorCode })),
    ).toEqual(rows);
  });
});
