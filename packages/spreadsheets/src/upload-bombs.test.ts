import { describe, expect, it } from "vitest";
import { MAX_CELL_LENGTH, MAX_INFLATED_BYTES, MAX_UPLOAD_COLUMNS, MAX_UPLOAD_ROWS } from "./limits";
import type { ParsedUpload } from "./parse-upload";
import { parseUpload, READ_LIMITS } from "./parse-upload";
import { readInWorker } from "./read-in-worker";
import { BOMB_DATA as DATA, BOMB_HEADER as HEADER, MILLION_ROWS_ROW, UPLOAD_BOMBS } from "./test-bombs";
import { BUILT_IN, utf8 } from "./test-helpers";
import {
  inlineCells,
  inlineRow,
  SHARED_STRINGS_HEAD,
  SHARED_STRINGS_TAIL,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookZip,
} from "./test-zip";

// How fast each refusal comes is a benchmark's figure (`npm run bench:uploads`), not a test's: here, that it
// comes having read little of the file, and without the memory reading it would take.

const MB = 1024 * 1024;
/** Peak growth of this process's RSS (the worker's heap counts in it) while a bomb is read. */
const RSS_GROWTH_LIMIT = 200 * MB;
/** The small parts a workbook's sheet is found through (relationships, workbook): far below this. */
const SMALL_PARTS_BYTES = 64 * 1024;
/** What the reader may inflate past the point where it stops: the inflater's chunk, and the XML parser's. */
const READ_AHEAD_BYTES = 1 * MB;

/** Parses as the server does, with the peak RSS growth meanwhile (sampled every 5 ms). */
async function measured(bytes: Uint8Array): Promise<{ parsed: ParsedUpload; rssGrowth: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    const parsed = await parseUpload({ name: "bomb.xlsx", bytes }, BUILT_IN);
    return { parsed, rssGrowth: Math.max(peak, process.memoryUsage.rss()) - before };
  } finally {
    clearInterval(sampler);
  }
}

/** How many bytes the reader inflated from an XLSX before it stopped, read as parseUpload reads it. */
async function inflatedBy(bytes: Uint8Array): Promise<number> {
  const read = await readInWorker({ kind: "xlsx", bytes, limits: READ_LIMITS, templateHeaders: [] });
  if (!("inflatedBytes" in read) || read.inflatedBytes === undefined) throw new Error("no inflated count");
  return read.inflatedBytes;
}

function codes(parsed: ParsedUpload): string[] {
  return parsed.errors.map((error) => error.code);
}

describe("parseUpload: decompression bombs", { timeout: 60_000 }, () => {
  it("refuses a sheet that inflates to 453 MB without inflating it", async () => {
    const bytes = UPLOAD_BOMBS.inflates453Mb.build();
    const { parsed, rssGrowth } = await measured(bytes);
    expect(codes(parsed)).toEqual(["too-large"]);
    expect(parsed.errors[0]?.message.en).toContain(`${MAX_INFLATED_BYTES / MB} MB`);
    expect(await inflatedBy(bytes)).toBeLessThan(SMALL_PARTS_BYTES);
    expect(rssGrowth).toBeLessThan(RSS_GROWTH_LIMIT);
  });

  it("refuses a sheet that lies about its size, as soon as it passes the declared size", async () => {
    const bytes = UPLOAD_BOMBS.liesAboutItsSize.build();
    const { parsed, rssGrowth } = await measured(bytes);
    expect(parsed.rows).toEqual([]);
    expect(codes(parsed)).toEqual(["not-a-spreadsheet"]);
    // It declares 1,000 bytes: reading stops a chunk past them, not 453 MB later.
    expect(await inflatedBy(bytes)).toBeLessThan(SMALL_PARTS_BYTES + 1000 + READ_AHEAD_BYTES);
    expect(rssGrowth).toBeLessThan(RSS_GROWTH_LIMIT);
  });

  it("refuses a shared-strings part that inflates to 300 MB without inflating it", async () => {
    const bytes = UPLOAD_BOMBS.sharedStrings300Mb.build();
    const { parsed, rssGrowth } = await measured(bytes);
    expect(codes(parsed)).toEqual(["too-large"]);
    expect(await inflatedBy(bytes)).toBeLessThan(SMALL_PARTS_BYTES);
    expect(rssGrowth).toBeLessThan(RSS_GROWTH_LIMIT);
  });

  it("counts every part against one budget: two parts under it, together over it", async () => {
    const bytes = UPLOAD_BOMBS.twoPartsOverBudget.build();
    const { parsed } = await measured(bytes);
    expect(codes(parsed)).toEqual(["too-large"]);
    expect(await inflatedBy(bytes)).toBeLessThan(SMALL_PARTS_BYTES);
  });

  it("refuses one cell of 300 MB with a short message, without inflating it", async () => {
    const bytes = UPLOAD_BOMBS.oneCell300Mb.build();
    const { parsed, rssGrowth } = await measured(bytes);
    expect(codes(parsed)).toEqual(["too-large"]);
    expect(JSON.stringify(parsed).length).toBeLessThan(2000);
    expect(await inflatedBy(bytes)).toBeLessThan(SMALL_PARTS_BYTES);
    expect(rssGrowth).toBeLessThan(RSS_GROWTH_LIMIT);
  });
});

// Each test here builds and reads a file of megabytes: beside the rest of `npm test` on 2 cores that can take
// longer than vitest's 5 s. What they check is what is read and kept, never how fast.
describe("parseUpload: limits on rows, columns and cells", { timeout: 60_000 }, () => {
  const longCell = `${"长".repeat(30)}${"x".repeat(MB)}`;

  it("refuses a cell longer than the limit in a sheet, quoting only its start", async () => {
    const sheet = `${SHEET_HEAD}${inlineRow(1, HEADER)}${inlineRow(2, ["HB-HS", "2026Q3", "gdp", longCell])}${SHEET_TAIL}`;
    const { parsed } = await measured(workbookZip(sheet));
    expect(parsed.errors).toMatchObject([{ code: "cell-too-long", row: 2 }]);
    expect(parsed.errors[0]?.message.en).toContain("column D");
    expect(parsed.errors[0]?.message.zh).toContain(`${"长".repeat(30)}${"x".repeat(10)}…`);
    expect(JSON.stringify(parsed.errors).length).toBeLessThan(1000);
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
    const long = await parseUpload({ name: "a.csv", bytes: csv("x".repeat(MAX_CELL_LENGTH + 1)) }, BUILT_IN);
    expect(long.errors).toMatchObject([{ code: "cell-too-long", row: 2 }]);
    expect(long.errors[0]?.message.en).toContain(`column D ("${"x".repeat(40)}…")`);
    const huge = await parseUpload({ name: "a.csv", bytes: UPLOAD_BOMBS.csvRecordOf8Mb.build() }, BUILT_IN);
    expect(huge.errors).toMatchObject([{ code: "cell-too-long", row: 2 }]);
  });

  it(`refuses content past column ${MAX_UPLOAD_COLUMNS}, but not empty formatted cells there`, async () => {
    const far = `<c r="XFD2" s="0"/>`;
    const ok = `${SHEET_HEAD}${inlineRow(1, HEADER)}<row r="2">${inlineCells(DATA)}${far}</row>${SHEET_TAIL}`;
    expect((await parseUpload({ name: "a.xlsx", bytes: workbookZip(ok) }, BUILT_IN)).errors).toEqual([]);
    const bad = `${SHEET_HEAD}${inlineRow(1, HEADER)}<row r="2"><c r="BM2"><v>1</v></c></row>${SHEET_TAIL}`;
    const parsed = await parseUpload({ name: "a.xlsx", bytes: workbookZip(bad) }, BUILT_IN);
    expect(parsed.errors).toMatchObject([{ code: "too-many-columns", row: 2 }]);
    const wideCsv = `${HEADER.join(",")}\r\n${DATA.join(",")}${",".repeat(MAX_UPLOAD_COLUMNS)}x\r\n`;
    const csv = await parseUpload({ name: "a.csv", bytes: utf8(wideCsv) }, BUILT_IN);
    expect(csv.errors).toMatchObject([{ code: "too-many-columns", row: 2 }]);
  });

  it("refuses a 60 MB CSV before reading it", async () => {
    const parsed = await parseUpload({ name: "big.csv", bytes: UPLOAD_BOMBS.csvOf60Mb.build() }, BUILT_IN);
    expect(codes(parsed)).toEqual(["too-large"]);
    // Refused for its size: not decoded, so no encoding was found.
    expect(parsed.encoding).toBeNull();
    expect(parsed.errors[0]?.message.en).toContain("(60.0 MB)");
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
      const atLimit = await parseUpload({ name: "limit", bytes: fileOf(MAX_UPLOAD_ROWS) }, BUILT_IN);
      expect(codes(atLimit)).not.toContain("too-many-rows");
      expect(atLimit.rows).toHaveLength(1);
      expect(atLimit.errors[0]?.code).toBe("duplicate-row");
      const over = await parseUpload({ name: "over", bytes: fileOf(MAX_UPLOAD_ROWS + 1) }, BUILT_IN);
      expect(over).toMatchObject({ rows: [], errors: [{ code: "too-many-rows", row: null }] });
    });
  });

  it("refuses a sheet of a million rows at the first row past the limit, not reading the rest", async () => {
    const bytes = UPLOAD_BOMBS.millionRows.build();
    const { parsed, rssGrowth } = await measured(bytes);
    expect(codes(parsed)).toEqual(["too-many-rows"]);
    const header = SHEET_HEAD.length + inlineRow(1, HEADER).length;
    const upToTheLimit = header + (MAX_UPLOAD_ROWS + 1) * MILLION_ROWS_ROW.length;
    // The sheet inflates to 26 MB; the reader stops a chunk past the first row too many (5.2 MB).
    expect(await inflatedBy(bytes)).toBeLessThan(SMALL_PARTS_BYTES + upToTheLimit + READ_AHEAD_BYTES);
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
