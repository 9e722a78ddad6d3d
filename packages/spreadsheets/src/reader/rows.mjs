/** @import { ReadLimits } from "./protocol.ts" */
/** @import { SheetRow } from "../sheet.ts" */
import { excerpt, Refusal } from "./refusal.mjs";

/**
 * @param {readonly string[]} cells
 * @returns {boolean}
 */
export function isBlankRow(cells) {
  return cells.every((cell) => cell.trim() === "");
}

/**
 * @param {number} row
 * @param {number} column 1-based
 * @param {string} text
 * @param {ReadLimits} limits
 */
export function checkCellLength(row, column, text, limits) {
  if (text.length > limits.maxCellLength) {
    throw new Refusal({ code: "cell-too-long", row, column, excerpt: excerpt(text) });
  }
}

/**
 * Collects the non-blank rows of a sheet and stops the reading (throws a `Refusal`) as soon as a limit
 * is passed, so that nothing past the limit is ever built. The header counts apart: exactly
 * `maxRows` data rows are accepted, one more is refused.
 * @param {ReadLimits} limits
 */
export function rowCollector(limits) {
  /** @type {SheetRow[]} */
  const rows = [];
  return {
    rows,
    /**
     * @param {number} row
     * @param {string[]} cells
     */
    add(row, cells) {
      if (cells.length > limits.maxColumns) {
        // Excel and WPS keep empty, formatted cells far to the right; only content there is refused.
        if (!isBlankRow(cells.slice(limits.maxColumns))) throw new Refusal({ code: "too-many-columns", row });
        cells.length = limits.maxColumns;
      }
      if (isBlankRow(cells)) return;
      // `rows` holds the header and the data rows so far.
      if (rows.length > limits.maxRows) throw new Refusal({ code: "too-many-rows" });
      rows.push({ row, cells });
    },
  };
}
