/** @import { ReadRequest, ReadResult, ReaderEncoding } from "./protocol.ts" */
import { readCsv } from "./csv.mjs";
import { decodeText } from "./encoding.mjs";
import { Refusal } from "./refusal.mjs";
import { readXlsx } from "./xlsx.mjs";

/**
 * @param {ReaderEncoding | null} encoding
 * @param {unknown} error
 * @returns {ReadResult}
 */
function refused(encoding, error) {
  if (error instanceof Refusal) return { ok: false, encoding, refusal: error.refusal };
  throw error;
}

/**
 * @param {ReadRequest} request
 * @returns {Promise<ReadResult>}
 */
async function readWorkbook({ bytes, limits, templateHeaders }) {
  const usage = { inflatedBytes: 0 };
  try {
    const rows = await readXlsx(bytes, limits, templateHeaders, usage);
    return { ok: true, encoding: "xlsx", rows, strictWidth: false, inflatedBytes: usage.inflatedBytes };
  } catch (error) {
    // Not a ZIP that holds a workbook: a damaged file, a .docx, an .ods, bad XML, …
    const refusal = error instanceof Refusal ? error : new Refusal({ code: "not-a-spreadsheet" });
    return { ...refused("xlsx", refusal), inflatedBytes: usage.inflatedBytes };
  }
}

/**
 * @param {ReadRequest} request
 * @returns {ReadResult}
 */
function readText({ bytes, limits }) {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, encoding: null, refusal: { code: decoded.reason } };
  const { encoding, text } = decoded;
  if (text.trim() === "") return { ok: false, encoding, refusal: { code: "empty-file" } };
  // HTML or XML saved as ".xls" by web systems and old Excel ("XML Spreadsheet 2003").
  if (text.trimStart().startsWith("<"))
    return { ok: false, encoding, refusal: { code: "not-a-spreadsheet" } };
  try {
    return { ok: true, encoding, rows: readCsv(text, limits), strictWidth: true };
  } catch (error) {
    return refused(encoding, error);
  }
}

/**
 * Reads an upload whose kind the main thread sniffed into rows of cell text, within the limits.
 * @param {ReadRequest} request
 * @returns {Promise<ReadResult>}
 */
export async function readUpload(request) {
  return request.kind === "xlsx" ? readWorkbook(request) : readText(request);
}
