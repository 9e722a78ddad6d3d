/** @import { PartReader } from "./xml.mjs" */
import { attribute, parsePart } from "./xml.mjs";

/** @typedef {{ percent: boolean; date: boolean }} CellFormat */

/** Built-in number formats that have no code in styles.xml: 9 `0%`, 10 `0.00%`, and the date ones. */
const BUILT_IN_PERCENT = new Set([9, 10]);
const BUILT_IN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]);
for (const id of [45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILT_IN_DATE.add(id);

/**
 * A `%` outside quoted literal text: the cell shows the value as a percentage.
 * @param {string} code
 */
function isPercentFormat(code) {
  return code.replace(/"[^"]*"/g, "").includes("%");
}

/**
 * Day, month, year, hour or second placeholders outside literal text, escapes and `[…]` (colours,
 * locales): the cell shows the number as a date or time.
 * @param {string} code
 */
function isDateFormat(code) {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare);
}

/**
 * The format of each cell style (`s="…"` of a cell is an index into `cellXfs`).
 * @param {PartReader} zip
 * @param {string | undefined} path
 * @returns {Promise<CellFormat[]>}
 */
export async function readStyles(zip, path) {
  /** @type {Map<number, string>} */
  const codes = new Map();
  /** @type {CellFormat[]} */
  const formats = [];
  let inCellXfs = false;
  if (!path) return formats;
  await parsePart(zip, path, {
    open(name, attributes) {
      if (name === "numFmt") {
        codes.set(Number(attribute(attributes, "numFmtId")), attribute(attributes, "formatCode") ?? "");
      } else if (name === "cellXfs") {
        inCellXfs = true;
      } else if (name === "xf" && inCellXfs) {
        const id = Number(attribute(attributes, "numFmtId") ?? 0);
        const code = codes.get(id);
        formats.push({
          percent: code === undefined ? BUILT_IN_PERCENT.has(id) : isPercentFormat(code),
          date: code === undefined ? BUILT_IN_DATE.has(id) : isDateFormat(code),
        });
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats;
}
