/** @import { PartReader } from "./xml.mjs" */
import { parsePart } from "./xml.mjs";

/**
 * `text` appended to `to`, but never past `max + 1` characters: enough to tell that a cell is too long,
 * without holding a huge one.
 * @param {string} to
 * @param {string} text
 * @param {number} max
 */
export function appendCapped(to, text, max) {
  return to.length > max ? to : to + text.slice(0, max + 1 - to.length);
}

/**
 * The shared strings (`<si>`), each the text of its runs without phonetic guides (`<rPh>`). A string
 * longer than a cell may be is kept cut just past the limit: only a cell that uses it is refused.
 * @param {PartReader} zip
 * @param {string | undefined} path
 * @param {number} maxCellLength
 * @returns {Promise<string[]>}
 */
export async function readSharedStrings(zip, path, maxCellLength) {
  /** @type {string[]} */
  const strings = [];
  let current = "";
  let inText = false;
  let inPhonetic = false;
  if (!path) return strings;
  await parsePart(zip, path, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") inPhonetic = true;
      else if (name === "t") inText = !inPhonetic;
    },
    text(text) {
      if (inText) current = appendCapped(current, text, maxCellLength);
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") strings.push(current);
    },
  });
  return strings;
}
