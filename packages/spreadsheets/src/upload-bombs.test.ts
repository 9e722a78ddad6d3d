import { describe, expect, it } from "vitest";
import {
  MAX_CELL_LENGTH,
  MAX_INFLATED_BYTES,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_COLUMNS,
  MAX_UPLOAD_ROWS,
} from "./limits";
import type { ParsedUpload } from "./parse-upload";
import { parseUpload } from "./parse-upload";
import { readInWorker } from "./read-in-worker";
import { utf8 } from "./test-helpers";
import {
  inlineCells,
  inlineRow,
  SHARED_STRINGS_HEAD,
  SHARED_STRINGS_TAIL,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookZip,
} from "./test-zip";

const MB = 1024 * 1024;
/** Refusals must come this fast, on a loaded CI machine too. */
const REFUSAL_MS = 2000;
/** Peak growth of this process's RSS (the worker's heap counts in it) while a bomb is read. */
const RSS_GROWTH_LIMIT = 200 * MB;

const HEADER = ["zone_code", "quarter", "indicator_code", "value"];
const DATA = ["HB-HS", "2026Q3", "gdp", "1"];

/** Parses and measures: elapsed time and the peak RSS growth, sampled every 5 ms meanwhile. */
async function measured(bytes: Uint8Array): Promise<{ parsed: ParsedUpload; ms: number; rssGrowth: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  try {
    const parsed = await parseUpload({ name: "bomb.xlsx", bytes });
    return {
      parsed,
      ms: performance.now() - started,
      rssGrowth: Math.max(peak, process.memoryUsage.rss()) - before,
    };
  } finally {
    clearInterval(sampler);
  }
}

function codes(parsed: ParsedUpload): string[] {
  return parsed.errors.map((error) => error.code);
}

/** One body of about 1 MB: the same row over and over, as a bomb has it. */
function rowsBody(bytes: number, row: string): string {
  return row.repeat(Math.ceil(bytes / row.length));
}

describe("parseUpload: decompression bombs", () => {
  it("refuses a sheet that inflates to 453 MB, fast and without inflating it", async () => {
    const sheet = { head: SHEET_HEAD, body: rowsBody(MB, inlineRow(2, DATA)), times: 453, tail: SHEET_TAIL };
    const bytes = workbookZip(sheet);
    expect(bytes.length).toBeLessThan(MAX_UPLOAD_BYTES);
    const { parsed, ms, rssGrowth } = await measured(bytes);
    expect(codes(parsed)).toEqual(["too-large"]);
    expect(parsed.errors[0]?.message.en).toContain(`${MAX_INFLATED_BYTES / MB} MB`);
    expect(ms).toBeLessThan(REFUSAL_MS);
    expect(rssGrowth).toBeLessThan(RSS_GROWTH_LIMIT);
  });

  it("refuses a sheet that lies about its size, as soon as it passes the declared size", async () => {
    const sheet = { head: SHEET_HEAD, body: rowsBody(MB, inlineRow(2, DATA)), times: 453, tail: SHEET_TAIL };
    const { parsed, ms, rssGrowth } = await measured(workbookZip(sheet, { declaredSheetSize: 1000 }));
    expect(parsed.rows).toEqual([]);
    expect(codes(parsed)).toEqual(["not-a-spreadsheet"]);
    expect(ms).toBeLessThan(REFUSAL_MS);
    expect(rssGrowth).toBeLessThan(RSS_GROWTH_LIMIT);
  });

  it("refuses a shared-strings part that inflates to 300 MB", async () => {
    const sharedStrings = {
      head: SHARED_STRINGS_HEAD,
      body: rowsBody(MB, "<si><t>x</t></si>"),
      times: 300,
      tail: SHARED_STRINGS_TAIL,
    };
    const sheet = `${SHEET_HEAD}${inlineRow(1, HEADER)}${SHEET_TAIL}`;
    const { parsed, ms, rssGrowth } = await measured(workbookZip(sheet, { sharedStrings }));
    expect(codes(parsed)).toEqual(["too-large"]);
    expect(ms).toBeLessThan(REFUSAL_MS);
    expect(rssGrowth).toBeLessThan(RSS_GROWTH_LIMIT);
  });

  it("counts every part against one budget: two parts under it, together over it", async () => {
    const half = Math.floor(MAX_INFLATED_BYTES / MB / 2) + 1;
    const sharedStrings = {
      head: SHARED_STRINGS_HEAD,
      body: rowsBody(MB, "<si><t>x</t></si>"),
      times: half,
      tail: SHARED_STRINGS_TAIL,
    };
    const sheet = { head: SHEET_HEAD, body: rowsBody(MB, "<row/>"), times: half, tail: SHEET_TAIL };
    const { parsed, ms } = await measured(workbookZip(sheet, { sharedStrings }));
    expect(codes(parsed)).toEqual(["too-large"]);
    expect(ms).toBeLessThan(REFUSAL_MS);
  });

  it("refuses one cell of 300 MB with a short message", async () => {
    const sheet = {
      head: `${SHEET_HEAD}${inlineRow(1, HEADER)}<row r="2"><c t="inlineStr"><is><t>`,
      body: "A".repeat(MB),
      times: 300,
      tail: `</t></is></c></row>${SHEET_TAIL}`,
    };
    const { parsed, ms, rssGrowth } = await measured(workbookZip(sheet));
    expect(codes(parsed)).toEqual(["too-large"]);
    expect(JSON.stringify(parsed).length).toBeLessThan(2000);
    expect(ms).toBeLessThan(REFUSAL_MS);
    expect(rssGrowth).toBeLessThan(RSS_GROWTH_LIMIT);
  });
});

describe("parseUpload: limits on rows, columns and cells", () => {
  const longCell = `${"长".repeat(30)}${"x".repeat(MB)}`;

  it("refuses a cell longer than the limit in a sheet, quoting only its start", async () => {
    const sheet = `${SHEET_HEAD}${inlineRow(1, HEADER)}${inlineRow(2, ["HB-HS", "2026Q3", "gdp", longCell])}${SHEET_TAIL}`;
    const { parsed, ms } = await measured(workbookZip(sheet));
    expect(parsed.errors).toMatchObject([{ code: "cell-too-long", row: 2 }]);
    expect(parsed.errors[0]?.message.en).toContain("column D");
    expect(parsed.errors[0]?.message.zh).toContain(`${"长".repeat(30)}${"x".repeat(10)}…`);
    expect(JSON.stringify(parsed.errors).length).toBeLessThan(1000);
    expect(ms).toBeLessThan(REFUSAL_MS);
  });

  it("refuses a shared string longer than the limit when a cell uses it", async () => {
    const sharedStrings = `${SHARED_STRINGS_HEAD}<si><t>${longCell}</t></si>${SHARED_STRINGS_TAIL}`;
    const sheet = `${SHEET_HEAD}${inlineRow(1, HEADER)}<row r="2"><c r="H2" t="s"><v>0</v></c></row>${SHEET_TAIL}`;
    const { parsed } = await measured(workbookZip(sheet, { sharedStrings }));
    expect(parsed.errors).toMatchObject([{ code: "cell-too-long", row: 2 }]);
    expect(parsed.errors[0]?.message.en).toContain("column H");
  });

  it(`accepts a cell of exactly ${MAX_CELL_LENGTH} characters`, async () => {
    const note = "注".repeat(MAX_CELL_LENGTH);
    const sheet = `${SHEET_HEAD}${inlineRow(1, [...HEADER, "note"])}${inlineRow(2, [...DATA, note])}${SHEET_TAIL}`;
    const { parsed } = await measured(workbookZip(sheet));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]?.note).toBe(note);
  });

  it("refuses a CSV cell longer than the limit, and a record too long to build", async () => {
    const csv = (cell: string) => utf8(`${HEADER.join(",")}\r\nHB-HS,2026Q3,gdp,"${cell}"\r\n`);
    const long = await parseUpload({ name: "a.csv", bytes: csv("x".repeat(MAX_CELL_LENGTH + 1)) });
    expect(long.errors).toMatchObject([{ code: "cell-too-long", row: 2 }]);
    expect(long.errors[0]?.message.en).toContain(`column D ("${"x".repeat(40)}…")`);
    const started = performance.now();
    const huge = await parseUpload({ name: "a.csv", bytes: csv("x".repeat(8 * MB)) });
    expect(huge.errors).toMatchObject([{ code: "cell-too-long", row: 2 }]);
    expect(performance.now() - started).toBeLessThan(REFUSAL_MS);
  });

  it(`refuses content past column ${MAX_UPLOAD_COLUMNS}, but not empty formatted cells there`, async () => {
    const far = `<c r="XFD2" s="0"/>`;
    const ok = `${SHEET_HEAD}${inlineRow(1, HEADER)}<row r="2">${inlineCells(DATA)}${far}</row>${SHEET_TAIL}`;
    expect((await parseUpload({ name: "a.xlsx", bytes: workbookZip(ok) })).errors).toEqual([]);
    const bad = `${SHEET_HEAD}${inlineRow(1, HEADER)}<row r="2"><c r="BM2"><v>1</v></c></row>${SHEET_TAIL}`;
    const parsed = await parseUpload({ name: "a.xlsx", bytes: workbookZip(bad) });
    expect(parsed.errors).toMatchObject([{ code: "too-many-columns", row: 2 }]);
    const wideCsv = `${HEADER.join(",")}\r\n${DATA.join(",")}${",".repeat(MAX_UPLOAD_COLUMNS)}x\r\n`;
    const csv = await parseUpload({ name: "a.csv", bytes: utf8(wideCsv) });
    expect(csv.errors).toMatchObject([{ code: "too-many-columns", row: 2 }]);
  });

  it("refuses a 60 MB CSV before reading it", async () => {
    const started = performance.now();
    const parsed = await parseUpload({ name: "big.csv", bytes: new Uint8Array(60 * MB).fill(0x61) });
    expect(codes(parsed)).toEqual(["too-large"]);
    expect(performance.now() - started).toBeLessThan(REFUSAL_MS);
  });

  describe(`exactly ${MAX_UPLOAD_ROWS} data rows are accepted, one more is refused`, () => {
    // Every data row is the same: the first is kept and the others are duplicates, which is beside the
    // point here: the file is read and validated instead of refused for its length.
    const csvOf = (rows: number) =>
      utf8(`${HEADER.join(",")}\r\n${`${DATA.join(",")}\r\n`.repeat(rows)}\r\n\r\n`);
    const row = `<row>${inlineCells(DATA)}</row>`;
    // Deflated a thousand rows at a time: one row at a time would not compress.
    const xlsxOf = (rows: number) =>
      workbookZip({
        head: `${SHEET_HEAD}${inlineRow(1, HEADER)}`,
        body: row.repeat(1000),
        times: Math.floor(rows / 1000),
        tail: `${row.repeat(rows % 1000)}<row r="${rows + 9}"/>${SHEET_TAIL}`,
      });

    it.each([
      ["CSV", csvOf],
      ["XLSX", xlsxOf],
    ])("%s", { timeout: 60_000 }, async (_kind, fileOf) => {
      const atLimit = await parseUpload({ name: "limit", bytes: fileOf(MAX_UPLOAD_ROWS) });
      expect(codes(atLimit)).not.toContain("too-many-rows");
      expect(atLimit.rows).toHaveLength(1);
      expect(atLimit.errors[0]?.code).toBe("duplicate-row");
      const over = await parseUpload({ name: "over", bytes: fileOf(MAX_UPLOAD_ROWS + 1) });
      expect(over).toMatchObject({ rows: [], errors: [{ code: "too-many-rows", row: null }] });
    });
  });

  it("refuses a sheet of a million rows at the first row past the limit, fast", async () => {
    const sheet = {
      head: `${SHEET_HEAD}${inlineRow(1, HEADER)}`,
      body: "<row><c><v>1</v></c></row>".repeat(10_000),
      times: 100,
      tail: SHEET_TAIL,
    };
    const { parsed, ms, rssGrowth } = await measured(workbookZip(sheet));
    expect(codes(parsed)).toEqual(["too-many-rows"]);
    expect(ms).toBeLessThan(REFUSAL_MS);
    expect(rssGrowth).toBeLessThan(RSS_GROWTH_LIMIT);
  });
});

describe("readInWorker", () => {
  const bytes = utf8(`${HEADER.join(",")}\r\n${`${DATA.join(",")}\r\n`.repeat(MAX_UPLOAD_ROWS)}`);
  const limits = { maxInflatedBytes: MB, maxRows: MAX_UPLOAD_ROWS, maxColumns: 64, maxCellLength: 5000 };
  const tooComplex = { ok: false, encoding: null, refusal: { code: "too-complex" } };

  it("ends a worker that passes the time limit and refuses the file as too complex", async () => {
    const result = await readInWorker(
      { kind: "text", bytes, limits, templateHeaders: [] },
      { timeLimitMs: 1, heapMb: 256 },
    );
    expect(result).toEqual(tooComplex);
  });

  it("refuses a file whose reading runs out of the worker's heap, and the server goes on", async () => {
    const result = await readInWorker(
      { kind: "text", bytes, limits, templateHeaders: [] },
      { timeLimitMs: 20_000, heapMb: 8 },
    );
    expect(result).toEqual(tooComplex);
  });
});
