import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_ERRORS, MAX_UPLOAD_ROWS } from "./limits";
import { parseUpload } from "./parse-upload";
import { BUILT_IN, csvFile, dataLine, ENGLISH_HEADER, utf8 } from "./test-helpers";

describe("parseUpload: columns", () => {
  it("accepts the Chinese headers, and a mixture, in any order, ignoring unknown columns", async () => {
    const parsed = await parseUpload(
      csvFile([
        "备注列,数值,Indicator_Code ,季度,示范区代码,上报说明",
        "随便写,12.5,GDP,2026q3,hb-hs,说明",
        "x, ,gdp-growth,2026Q3,HB-HS,",
      ]),
      BUILT_IN,
    );
    expect(parsed).toEqual({
      encoding: "utf-8",
      errors: [],
      rows: [
        { row: 2, zoneCode: "HB-HS", quarter: "2026Q3", indicatorCode: "gdp", value: "12.5", note: "说明" },
        { row: 3, zoneCode: "HB-HS", quarter: "2026Q3", indicatorCode: "gdp-growth", value: "", note: "" },
      ],
    });
  });

  it("reports every missing required column and stops", async () => {
    const parsed = await parseUpload(
      csvFile(["zone_name,quarter,indicator_code,note", ",2026Q3,gdp,"]),
      BUILT_IN,
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toMatchObject([
      { code: "missing-column", row: null, column: null },
      { code: "missing-column", row: null, column: null },
    ]);
    expect(parsed.errors[0]?.message.en).toContain('"zone_code"');
    expect(parsed.errors[0]?.message.zh).toContain("示范区代码");
    expect(parsed.errors[1]?.message.en).toContain('"value"');
  });

  it("does not need the note column", async () => {
    const parsed = await parseUpload(
      csvFile(["zone_code,quarter,indicator_code,value", "HB-HS,2026Q3,gdp,1"]),
      BUILT_IN,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]?.note).toBe("");
  });

  it("reads tab-separated text pasted from Excel", async () => {
    const parsed = await parseUpload(
      csvFile([
        "zone_code\tquarter\tindicator_code\tvalue\tnote",
        "HB-HS\t2026Q3\tgdp\t1,234.5\t含逗号, 的说明",
      ]),
      BUILT_IN,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ value: "1,234.5", note: "含逗号, 的说明" });
  });
});

describe("parseUpload: rows", () => {
  it("numbers rows as Excel shows them: blank lines count, a multi-line note is one row", async () => {
    const parsed = await parseUpload(
      csvFile([
        ENGLISH_HEADER,
        "",
        dataLine("HB-HS", "2026Q3", "gdp", "1", '"第一行\n第二行"'),
        ",,,,,,,",
        dataLine("HB-HS", "2026Q3", "gdp-growth", "-2.5"),
      ]),
      BUILT_IN,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((row) => [row.row, row.note])).toEqual([
      [3, "第一行\n第二行"],
      [5, ""],
    ]);
  });

  it("gives back a neutralised formula note as it was written", async () => {
    const parsed = await parseUpload(
      csvFile([ENGLISH_HEADER, dataLine("HB-HS", "2026Q3", "gdp", "1", "'=1+1")]),
      BUILT_IN,
    );
    expect(parsed.rows[0]?.note).toBe("=1+1");
  });

  it("keeps rows with an empty value", async () => {
    const parsed = await parseUpload(
      csvFile([ENGLISH_HEADER, dataLine("HB-HS", "2026Q3", "gdp", "")]),
      BUILT_IN,
    );
    expect(parsed.rows).toEqual([
      { row: 2, zoneCode: "HB-HS", quarter: "2026Q3", indicatorCode: "gdp", value: "", note: "" },
    ]);
  });
});

describe("parseUpload: errors", () => {
  const lines = [
    ENGLISH_HEADER,
    dataLine("HB-HS", "2026Q3", "gdp", "1"), // 2 ok
    dataLine("XX-YY", "2026Q3", "gdp", "1"), // 3 unknown zone
    dataLine("HB-HS", "2026-Q3", "gdp", "1"), // 4 bad quarter
    dataLine("HB-HS", "2026Q3", "gdp-per-capita", "1"), // 5 unknown indicator
    dataLine("HB-HS", "2026Q3", "rd-intensity", "2.1"), // 6 annual indicator in Q3
    dataLine("hb-hs ", "2026q3", " GDP", "2"), // 7 duplicate of row 2
    `${dataLine("HB-HS", "2026Q3", "retail-sales", "1")},extra`, // 8 one cell too many
    dataLine("", "", "", "1"), // 9 three errors
    dataLine("HB-HS", "2026Q4", "rd-intensity", "2.1"), // 10 ok
  ];

  it("reports each problem with its row and column, and keeps only the good rows", async () => {
    const parsed = await parseUpload(csvFile(lines), BUILT_IN);
    expect(parsed.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 3, column: "zone_code", code: "unknown-zone" },
      { row: 4, column: "quarter", code: "bad-quarter" },
      { row: 5, column: "indicator_code", code: "unknown-indicator" },
      { row: 6, column: "quarter", code: "indicator-not-in-quarter" },
      { row: 7, column: null, code: "duplicate-row" },
      { row: 8, column: null, code: "malformed-csv" },
      { row: 9, column: "zone_code", code: "unknown-zone" },
      { row: 9, column: "quarter", code: "bad-quarter" },
      { row: 9, column: "indicator_code", code: "unknown-indicator" },
    ]);
    expect(parsed.rows.map((row) => row.row)).toEqual([2, 10]);
  });

  it("writes messages in both languages that name the offending value", async () => {
    const { errors } = await parseUpload(csvFile(lines), BUILT_IN);
    // The first error of each code.
    const byCode = new Map([...errors].reverse().map((error) => [error.code, error.message]));
    expect(byCode.get("unknown-zone")).toMatchObject({
      zh: expect.stringContaining("XX-YY"),
      en: expect.stringContaining("XX-YY"),
    });
    expect(byCode.get("bad-quarter")?.en).toContain("2026-Q3");
    expect(byCode.get("unknown-indicator")?.zh).toContain("gdp-per-capita");
    expect(byCode.get("indicator-not-in-quarter")?.zh).toContain("2026Q3");
    expect(byCode.get("duplicate-row")).toMatchObject({
      zh: expect.stringContaining("第 2 行"),
      en: expect.stringContaining("row 2"),
    });
    for (const error of errors) {
      expect(error.message.zh).not.toBe("");
      expect(error.message.en).not.toBe("");
    }
  });

  it("reports a file without data as empty-file", async () => {
    expect((await parseUpload({ name: "a.csv", bytes: new Uint8Array() }, BUILT_IN)).errors).toMatchObject([
      { code: "empty-file", row: null },
    ]);
    expect((await parseUpload({ name: "a.csv", bytes: utf8("\r\n \r\n") }, BUILT_IN)).errors).toMatchObject([
      { code: "empty-file" },
    ]);
    const headerOnly = await parseUpload(csvFile([ENGLISH_HEADER]), BUILT_IN);
    expect(headerOnly).toMatchObject({ encoding: "utf-8", rows: [], errors: [{ code: "empty-file" }] });
  });

  it("reports unbalanced quotes as malformed-csv with the line", async () => {
    const parsed = await parseUpload(
      csvFile([ENGLISH_HEADER, dataLine("HB-HS", "2026Q3", "gdp", "1", '"open')]),
      BUILT_IN,
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toMatchObject([{ code: "malformed-csv", column: null }]);
    expect(parsed.errors[0]?.row).toBeGreaterThanOrEqual(2);
  });

  it(`stops collecting at ${MAX_UPLOAD_ERRORS} errors`, async () => {
    const bad = Array.from({ length: MAX_UPLOAD_ERRORS + 10 }, () => dataLine("XX", "2026Q3", "gdp", "1"));
    const parsed = await parseUpload(csvFile([ENGLISH_HEADER, ...bad]), BUILT_IN);
    expect(parsed.errors).toHaveLength(MAX_UPLOAD_ERRORS);
    expect(parsed.errors.at(-1)?.row).toBe(MAX_UPLOAD_ERRORS + 1);
  });

  it(`refuses more than ${MAX_UPLOAD_ROWS} data rows`, async () => {
    const line = "HB-HS,2026Q3,gdp,1";
    const text = `zone_code,quarter,indicator_code,value\n${`${line}\n`.repeat(MAX_UPLOAD_ROWS + 1)}`;
    const parsed = await parseUpload({ name: "huge.csv", bytes: utf8(text) }, BUILT_IN);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toMatchObject([{ code: "too-many-rows", row: null, column: null }]);
  });
});
