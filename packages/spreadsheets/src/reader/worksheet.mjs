/** @import { ReadLimits } from "./protocol.ts" */
/** @import { CellFormat } from "./styles.mjs" */
/** @import { PartReader } from "./xml.mjs" */
import { numberToDecimalText, percentText } from "./number-text.mjs";
import { Refusal } from "./refusal.mjs";
import { checkCellLength, rowCollector } from "./rows.mjs";
import { appendCapped } from "./shared-strings.mjs";
import { attribute, parsePart } from "./xml.mjs";

/**
 * @typedef {{
 *   limits: ReadLimits;
 *   sharedStrings: readonly string[];
 *   formats: readonly CellFormat[];
 *   date1904: boolean;
 * }} SheetContext
 */

/** Beyond Excel's last column (XFD): a reference this far is nonsense, read as "too far right". */
const PAST_LAST_COLUMN = 16_385;

/**
 * The 1-based column of a cell reference such as `AB12`.
 * @param {string} reference
 */
function columnOf(reference) {
  let column = 0;
  for (const character of reference) {
    const code = character.charCodeAt(0) & ~0x20; // upper case
    if (code < 0x41 || code > 0x5a) break;
    column = column * 26 + (code - 0x40);
    if (column >= PAST_LAST_COLUMN) return PAST_LAST_COLUMN;
  }
  return column;
}

/**
 * An Excel date serial as an ISO date, as exceljs read it (a Date, then its day).
 * @param {number} serial
 * @param {boolean} date1904
 */
function dateText(serial, date1904) {
  const days = date1904 ? serial + 1462 : serial;
  const date = new Date(Math.round((days - 25_569) * 86_400_000));
  return Number.isNaN(date.getTime()) ? numberToDecimalText(serial) : date.toISOString().slice(0, 10);
}

/**
 * A cell as the text the person sees, so that the rules are the same as for CSV. A number in a
 * %-formatted cell is read as the percentage shown: typing "5.2%" stores 0.052, but the person meant 5.2.
 * A formula cell is read as its cached result (`<v>`).
 * @param {string} type the cell's `t`
 * @param {number} style the cell's `s`
 * @param {string} value text of `<v>`
 * @param {string} inline text of `<is>`
 * @param {SheetContext} context
 */
function cellText(type, style, value, inline, context) {
  switch (type) {
    case "s":
      return value === "" ? "" : (context.sharedStrings[Number(value)] ?? "");
    case "inlineStr":
      return inline;
    case "str":
    case "e":
      return value;
    case "b":
      return value === "" ? "" : value === "1" || value === "true" ? "TRUE" : "FALSE";
    case "d":
      return value.slice(0, 10);
    default: {
      if (value.trim() === "") return "";
      const number = Number(value);
      if (!Number.isFinite(number)) return value;
      const format = context.formats[style];
      if (format?.date) return dateText(number, context.date1904);
      const text = numberToDecimalText(number);
      return format?.percent ? percentText(text) : text;
    }
  }
}

/**
 * Reads one worksheet's non-blank rows, stopping at the first limit passed.
 * @param {PartReader} zip
 * @param {string} path
 * @param {SheetContext} context
 */
export async function readWorksheet(zip, path, context) {
  const { limits } = context;
  const collector = rowCollector(limits);
  let row = 0;
  /** @type {string[]} */
  let cells = [];
  let column = 0;
  let type = "n";
  let style = 0;
  let value = "";
  let inline = "";
  /** @type {"value" | "inline" | null} */
  let collecting = null;
  let inInline = false;
  let inPhonetic = false;

  /** @param {string} text */
  function place(text) {
    if (column > limits.maxColumns) {
      if (text.trim() !== "") throw new Refusal({ code: "too-many-columns", row });
      return;
    }
    checkCellLength(row, column, text, limits);
    cells[column - 1] = text;
  }

  await parsePart(zip, path, {
    open(name, attributes) {
      switch (name) {
        case "row": {
          const number = Number(attribute(attributes, "r"));
          row = Number.isInteger(number) && number > 0 ? number : row + 1;
          cells = [];
          column = 0;
          break;
        }
        case "c": {
          const reference = attribute(attributes, "r");
          column = reference ? columnOf(reference) : column + 1;
          type = attribute(attributes, "t") ?? "n";
          style = Number(attribute(attributes, "s") ?? 0);
          value = "";
          inline = "";
          break;
        }
        case "v":
          collecting = "value";
          break;
        case "is":
          inInline = true;
          break;
        case "rPh":
          inPhonetic = true;
          break;
        case "t":
          if (inInline && !inPhonetic) collecting = "inline";
          break;
      }
    },
    text(text) {
      if (collecting === "value") value = appendCapped(value, text, limits.maxCellLength);
      else if (collecting === "inline") inline = appendCapped(inline, text, limits.maxCellLength);
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          collecting = null;
          break;
        case "is":
          inInline = false;
          break;
        case "rPh":
          inPhonetic = false;
          break;
        case "c":
          place(cellText(type, style, value, inline, context));
          break;
        case "row":
          collector.add(
            row,
            Array.from(cells, (cell) => cell ?? ""),
          );
          break;
      }
    },
  });
  return collector.rows;
}
