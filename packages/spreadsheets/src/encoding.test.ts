import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "./limits";
import { parseUpload } from "./parse-upload";
import { decodeText } from "./reader/encoding.mjs";
import { buildTemplateCsv } from "./template-csv";
import { BUILT_IN, UTF8_BOM, utf8 } from "./test-helpers";

/** The Chinese template with values and a Chinese note, as text without BOM. */
function chineseTemplateText(): string {
  const bytes = buildTemplateCsv({
    headerLanguage: "zh",
    rows: [
      { zoneCode: "LN-C", quarter: "2026Q4", indicatorCode: "gdp", value: "1234.56", note: "统计口径调整" },
      { zoneCode: "LN-C", quarter: "2026Q4", indicatorCode: "pm25", value: "31", note: "年均值，µg/m³" },
      { zoneCode: "NX-NE", quarter: "2026Q4", indicatorCode: "rd-intensity", value: "" },
    ],
    catalogue: BUILT_IN,
  });
  return new TextDecoder().decode(bytes.subarray(UTF8_BOM.length));
}

const EXPECTED_ROWS = [
  {
    row: 2,
    zoneCode: "LN-C",
    quarter: "2026Q4",
    indicatorCode: "gdp",
    value: "1234.56",
    note: "统计口径调整",
  },
  { row: 3, zoneCode: "LN-C", quarter: "2026Q4", indicatorCode: "pm25", value: "31", note: "年均值，µg/m³" },
  { row: 4, zoneCode: "NX-NE", quarter: "2026Q4", indicatorCode: "rd-intensity", value: "", note: "" },
];

describe("parseUpload: CSV encodings", () => {
  const text = chineseTemplateText();

  it.each([
    ["utf-8", utf8(text)],
    ["utf-8-bom", new Uint8Array([...UTF8_BOM, ...utf8(text)])],
    ["gb18030", new Uint8Array(iconv.encode(text, "gb18030"))],
  ] as const)("reads %s to the same rows", async (encoding, bytes) => {
    const parsed = await parseUpload({ name: "上报.csv", bytes }, BUILT_IN);
    expect(parsed).toEqual({ encoding, rows: EXPECTED_ROWS, errors: [] });
  });

  it("tries UTF-8 before GB18030: UTF-8 text that GB18030 would also decode, to other characters", async () => {
    // Six CJK characters are 18 UTF-8 bytes, all ≥ 0x80: read in pairs they are valid GB18030 too.
    const note = "统计口径调整";
    const text = `zone_code,quarter,indicator_code,value,note\r\nHB-HS,2026Q3,gdp,1,${note}\r\n`;
    const bytes = utf8(text);
    const asGb18030 = iconv.decode(Buffer.from(bytes), "gb18030");
    expect(asGb18030).not.toBe(text);
    // Clean: neither replacement characters nor control characters, so GB18030 would be accepted.
    expect(
      [...asGb18030].filter((char) => char === "\ufffd" || (char < " " && !"\r\n".includes(char))),
    ).toEqual([]);
    expect(decodeText(bytes)).toEqual({ ok: true, encoding: "utf-8", text });
    const parsed = await parseUpload({ name: "a.csv", bytes }, BUILT_IN);
    expect(parsed).toMatchObject({ encoding: "utf-8", errors: [], rows: [{ note }] });
  });

  it("reads GBK as written by Excel's plain CSV on Chinese Windows", async () => {
    const gbk = "示范区代码,季度,指标代码,数值,上报说明\r\nHB-HS,2026Q3,gdp,88.8,统计口径调整\r\n";
    const parsed = await parseUpload(
      { name: "a.csv", bytes: new Uint8Array(iconv.encode(gbk, "gbk")) },
      BUILT_IN,
    );
    expect(parsed.encoding).toBe("gb18030");
    expect(parsed.rows).toEqual([
      {
        row: 2,
        zoneCode: "HB-HS",
        quarter: "2026Q3",
        indicatorCode: "gdp",
        value: "88.8",
        note: "统计口径调整",
      },
    ]);
  });

  it.each([
    ["UTF-16 LE", new Uint8Array([0xff, 0xfe, ...iconv.encode(text, "utf-16le")])],
    ["UTF-16 BE", new Uint8Array([0xfe, 0xff, ...iconv.encode(text, "utf-16be")])],
  ])("refuses %s as unknown-encoding", async (_name, bytes) => {
    const parsed = await parseUpload({ name: "unicode.txt", bytes }, BUILT_IN);
    expect(parsed.encoding).toBeNull();
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toMatchObject([{ code: "unknown-encoding", row: null, column: null }]);
    expect(parsed.errors[0]?.message.zh).toContain("CSV UTF-8");
    expect(parsed.errors[0]?.message.en).toContain("CSV UTF-8");
  });

  it("refuses bytes that are neither UTF-8 nor GB18030", async () => {
    const parsed = await parseUpload(
      {
        name: "a.csv",
        bytes: new Uint8Array([0x61, 0x2c, 0x62, 0x0d, 0x0a, 0xff, 0x81]),
      },
      BUILT_IN,
    );
    expect(parsed.errors).toMatchObject([{ code: "unknown-encoding" }]);
  });

  it("refuses GB18030-decodable bytes that hold control characters", async () => {
    const parsed = await parseUpload(
      { name: "a.csv", bytes: new Uint8Array([0xb0, 0xa1, 0x01, 0x02]) },
      BUILT_IN,
    );
    expect(parsed.errors).toMatchObject([{ code: "unknown-encoding" }]);
  });
});

describe("parseUpload: files that are not spreadsheets", () => {
  it("refuses more than MAX_UPLOAD_BYTES without reading it", async () => {
    const parsed = await parseUpload(
      {
        name: "big.csv",
        bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61),
      },
      BUILT_IN,
    );
    expect(parsed).toMatchObject({ encoding: null, rows: [], errors: [{ code: "too-large", row: null }] });
    expect(parsed.errors).toHaveLength(1);
  });

  it("accepts exactly MAX_UPLOAD_BYTES", async () => {
    const parsed = await parseUpload(
      { name: "big.csv", bytes: new Uint8Array(MAX_UPLOAD_BYTES).fill(0x20) },
      BUILT_IN,
    );
    expect(parsed.errors.map((error) => error.code)).not.toContain("too-large");
  });

  it("refuses old binary Excel (.xls) whatever its name, and says to save as CSV or XLSX", async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    for (const name of ["data.xls", "data.csv", "data.xlsx"]) {
      const parsed = await parseUpload({ name, bytes }, BUILT_IN);
      expect(parsed.errors).toMatchObject([{ code: "not-a-spreadsheet", row: null, column: null }]);
      expect(parsed.errors[0]?.message.zh).toContain("CSV UTF-8");
      expect(parsed.errors[0]?.message.en).toContain(".xlsx");
    }
  });

  it.each([
    ["PDF", utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")],
    ["PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ["NUL bytes", new Uint8Array([0x61, 0x2c, 0x00, 0x62])],
    ["a damaged ZIP", utf8("PK\u0003\u0004 not really a zip")],
    ["HTML saved as .xls", utf8("<html><body><table><tr><td>zone_code</td></tr></table></body></html>")],
  ])("refuses %s as not-a-spreadsheet", async (_name, bytes) => {
    const parsed = await parseUpload({ name: "upload.xls", bytes }, BUILT_IN);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toMatchObject([{ code: "not-a-spreadsheet" }]);
  });

  it("never throws on random bytes", async () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % 256;
    };
    for (let attempt = 0; attempt < 20; attempt++) {
      const bytes = Uint8Array.from({ length: 4096 }, random);
      const parsed = await parseUpload({ name: "random.csv", bytes }, BUILT_IN);
      expect(["not-a-spreadsheet", "unknown-encoding"]).toContain(parsed.errors[0]?.code);
      expect(parsed.rows).toEqual([]);
    }
  });
});
