import type { ExportIndicator, ExportZone, ObservationExportRow } from "@zones/db/exports";
import { ZONES } from "@zones/domain";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { writeCsv } from "./csv";
import { filters } from "./test-fixture";
import { writeXlsx } from "./xlsx";

/**
 * The writers on their own, without a database: each note below reaches them as it was typed (notes are not
 * normalised), so every character that RFC 4180 or a spreadsheet treats specially is here.
 */
const ZONE: ExportZone = {
  code: "HB-HS",
  nameZh: "湖北黄石",
  nameEn: "Huangshi, Hubei",
  shortNameZh: "黄石",
  shortNameEn: "Huangshi",
};
const INDICATOR: ExportIndicator = {
  code: "gdp",
  nameZh: "地区生产总值",
  nameEn: "GDP",
  unitZh: "亿元",
  unitEn: "100 million yuan",
};

/** Note → the field exactly as it must appear in the CSV (between the commas). */
const FIELDS: [note: string, field: string][] = [
  ["plain 说明", "plain 说明"],
  ["bare\rCR", '"bare\rCR"'],
  ["bare\nLF", '"bare\nLF"'],
  ["crlf\r\nline", '"crlf\r\nline"'],
  ['say "hi"', '"say ""hi"""'],
  ["a,b", '"a,b"'],
  // RFC 4180: spaces are part of the field; no quotes needed, none trimmed.
  [" leading", " leading"],
  ["trailing ", "trailing "],
  ["  both  ", "  both  "],
  ["'already quoted text", "'already quoted text"],
  // Formula triggers (OWASP CSV injection) get a leading `'`; a CR or a comma also needs the quotes.
  ["=1+1", "'=1+1"],
  ["+86 电话", "'+86 电话"],
  ["-1+2", "'-1+2"],
  ["@SUM(A1)", "'@SUM(A1)"],
  ["\tTab", "'\tTab"],
  ["\rcmd|' /C calc'!A0", "\"'\rcmd|' /C calc'!A0\""],
  ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ["=1,2", '"\'=1,2"'],
  // Not triggers: a line feed first, an apostrophe first, a space before `=`.
  ["\nfirst LF", '"\nfirst LF"'],
  [" =1+1", " =1+1"],
];

function row(quarter: string, note: string | null, value = "1.5"): ObservationExportRow {
  return {
    zone: ZONE,
    indicator: INDICATOR,
    quarter,
    value,
    status: "approved",
    revision: 0,
    revisionKind: "final",
    note,
  };
}

async function* batches(rows: ObservationExportRow[]): AsyncGenerator<readonly ObservationExportRow[]> {
  yield rows;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** The records of CSV text as a strict RFC 4180 reader sees them: CRLF ends a record, nothing else does. */
function records(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: "\r\n", relax_column_count: false });
}

/** What is left of CSV text outside its quoted fields (where every line break must be a record's CRLF). */
function unquoted(text: string): string {
  return text.replace(/"(?:[^"]|"")*"/g, "");
}

const ROWS = FIELDS.map(([note], index) => row(`20${String(10 + index)}Q1`, note));

describe("the CSV writer's fields", () => {
  it("quotes exactly the fields RFC 4180 needs quoted: a bare CR, a bare LF, CRLF, a quote, a comma", async () => {
    const text = (await collect(writeCsv(batches(ROWS), filters()))).toString("utf8");
    const header = "示范区代码,示范区,指标代码,指标,单位,季度,数值,状态,修订次数,数据性质,上报说明";
    const lines = FIELDS.map(
      ([, field], index) =>
        `HB-HS,湖北黄石,gdp,地区生产总值,亿元,${ROWS[index]?.quarter},1.5,已审核,0,最终核实,${field}\r\n`,
    );
    expect(text).toBe(`\uFEFF${header}\r\n${lines.join("")}`);
    // Outside quotes there is no line break but the record ends: a bare CR or LF there would split a record
    // in Excel, WPS and any reader that accepts all three line ends.
    expect(unquoted(text).split("\r\n").join("")).not.toMatch(/[\r\n]/);
    expect(unquoted(text).split("\r\n")).toHaveLength(FIELDS.length + 2);
  });

  it("parses back, one record per row, to each note (neutralised where it starts like a formula)", async () => {
    const text = (await collect(writeCsv(batches(ROWS), filters()))).toString("utf8");
    const [, ...parsed] = records(text);
    expect(parsed).toHaveLength(FIELDS.length);
    expect(parsed.map((record) => record[10])).toEqual(
      FIELDS.map(([note]) => (/^[=+\-@\t\r]/.test(note) ? `'${note}` : note)),
    );
    // A reader that takes a lone CR or LF as a record's end sees the same number of records too.
    const loose: string[][] = parse(text, {
      bom: true,
      record_delimiter: ["\r\n", "\r", "\n"],
      relax_column_count: false,
    });
    expect(loose).toHaveLength(FIELDS.length + 1);
  });

  it("writes numbers in number columns bare, text that looks like a number in a text column neutralised", async () => {
    const text = (
      await collect(writeCsv(batches([row("2025Q1", "-3.5", "-3.5"), row("2025Q2", null, "+5")]), filters()))
    ).toString("utf8");
    expect(text).toContain(",2025Q1,-3.5,已审核,0,最终核实,'-3.5\r\n");
    expect(text).toContain(",2025Q2,+5,已审核,0,最终核实,\r\n");
  });

  it("keeps a bare CR inside its quotes in GB18030 too", async () => {
    const scope = filters({ encoding: "gb18030" });
    const bytes = await collect(writeCsv(batches([row("2025Q1", "口径\r调整"), row("2025Q2", "x")]), scope));
    const text = iconv.decode(bytes, "gb18030");
    expect(text).toContain(',最终核实,"口径\r调整"\r\n');
    expect(unquoted(text).split("\r\n").join("")).not.toMatch(/[\r\n]/);
    expect(records(text).map((record) => record[10])).toEqual(["上报说明", "口径\r调整", "x"]);
  });

  it("writes a bare CR in an XLSX cell as a line break within the cell, in one row", async () => {
    const bytes = await collect(
      writeXlsx(
        batches([row("2025Q1", "口径\r调整"), row("2025Q2", "\rcmd"), row("2025Q3", "ok")]),
        filters(),
        ZONES,
      ),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.getWorksheet("黄石");
    expect(sheet?.rowCount).toBe(4);
    expect(sheet?.getRow(2).getCell(11).value).toBe("口径\n调整");
    // A text cell is never run as a formula: no prefix needed, the text stays as typed (CR → LF).
    expect(sheet?.getRow(3).getCell(11).value).toBe("\ncmd");
    expect(sheet?.getRow(3).getCell(11).type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getRow(4).getCell(6).value).toBe("2025Q3");
  });
});
