/**
 * Hostile uploads, for the tests (each must be refused, having read little of it) and the benchmark (how long
 * the refusal takes: `npm run bench:uploads`). Built on demand: a few MB each that inflate to hundreds.
 */
import { MAX_INFLATED_BYTES, MAX_UPLOAD_ROWS } from "./limits";
import { utf8 } from "./test-helpers";
import {
  inlineRow,
  SHARED_STRINGS_HEAD,
  SHARED_STRINGS_TAIL,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookZip,
} from "./test-zip";
import type { UploadErrorCode } from "./upload-errors";

const MB = 1024 * 1024;

export const BOMB_HEADER = ["zone_code", "quarter", "indicator_code", "value"];
export const BOMB_DATA = ["HB-HS", "2026Q3", "gdp", "1"];

/** About `bytes` of the same row over and over, as a bomb has it. */
function rowsBody(bytes: number, row: string): string {
  return row.repeat(Math.ceil(bytes / row.length));
}

export interface UploadBomb {
  /** What it is, for the tests' and the benchmark's names. */
  name: string;
  /** The file. */
  build(): Uint8Array;
  /** The upload error it is refused with. */
  refusal: UploadErrorCode;
}

/** One row of the million-row sheet; the reader must stop at the first row past `MAX_UPLOAD_ROWS`. */
export const MILLION_ROWS_ROW = "<row><c><v>1</v></c></row>";

export const UPLOAD_BOMBS = {
  inflates453Mb: {
    name: "a sheet that inflates to 453 MB",
    build: () =>
      workbookZip({
        head: SHEET_HEAD,
        body: rowsBody(MB, inlineRow(2, BOMB_DATA)),
        times: 453,
        tail: SHEET_TAIL,
      }),
    refusal: "too-large",
  },
  liesAboutItsSize: {
    name: "a 453 MB sheet that declares 1,000 bytes",
    build: () =>
      workbookZip(
        { head: SHEET_HEAD, body: rowsBody(MB, inlineRow(2, BOMB_DATA)), times: 453, tail: SHEET_TAIL },
        { declaredSheetSize: 1000 },
      ),
    refusal: "not-a-spreadsheet",
  },
  sharedStrings300Mb: {
    name: "shared strings that inflate to 300 MB",
    build: () =>
      workbookZip(`${SHEET_HEAD}${inlineRow(1, BOMB_HEADER)}${SHEET_TAIL}`, {
        sharedStrings: {
          head: SHARED_STRINGS_HEAD,
          body: rowsBody(MB, "<si><t>x</t></si>"),
          times: 300,
          tail: SHARED_STRINGS_TAIL,
        },
      }),
    refusal: "too-large",
  },
  twoPartsOverBudget: {
    name: "two parts, each under the budget, together over it",
    build: () => {
      const half = Math.floor(MAX_INFLATED_BYTES / MB / 2) + 1;
      return workbookZip(
        { head: SHEET_HEAD, body: rowsBody(MB, "<row/>"), times: half, tail: SHEET_TAIL },
        {
          sharedStrings: {
            head: SHARED_STRINGS_HEAD,
            body: rowsBody(MB, "<si><t>x</t></si>"),
            times: half,
            tail: SHARED_STRINGS_TAIL,
          },
        },
      );
    },
    refusal: "too-large",
  },
  oneCell300Mb: {
    name: "one cell of 300 MB",
    build: () =>
      workbookZip({
        head: `${SHEET_HEAD}${inlineRow(1, BOMB_HEADER)}<row r="2"><c t="inlineStr"><is><t>`,
        body: "A".repeat(MB),
        times: 300,
        tail: `</t></is></c></row>${SHEET_TAIL}`,
      }),
    refusal: "too-large",
  },
  millionRows: {
    name: `a sheet of a million rows (${MAX_UPLOAD_ROWS.toLocaleString("en")} allowed)`,
    build: () =>
      workbookZip({
        head: `${SHEET_HEAD}${inlineRow(1, BOMB_HEADER)}`,
        body: MILLION_ROWS_ROW.repeat(10_000),
        times: 100,
        tail: SHEET_TAIL,
      }),
    refusal: "too-many-rows",
  },
  csvRecordOf8Mb: {
    name: "a CSV record of 8 MB",
    build: () => utf8(`${BOMB_HEADER.join(",")}\r\nHB-HS,2026Q3,gdp,"${"x".repeat(8 * MB)}"\r\n`),
    refusal: "cell-too-long",
  },
  csvOf60Mb: {
    name: "a CSV of 60 MB",
    build: () => new Uint8Array(60 * MB).fill(0x61),
    refusal: "too-large",
  },
} satisfies Record<string, UploadBomb>;
