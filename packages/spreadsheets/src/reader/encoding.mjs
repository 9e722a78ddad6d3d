import iconv from "iconv-lite";

/**
 * Text encodings of uploaded CSV files, decided by hand. Officials save CSV from Excel or WPS as
 * "CSV UTF-8" (UTF-8 with BOM), plain "CSV" (GBK on Chinese Windows, which GB18030 decodes), or from
 * other tools as UTF-8 without BOM. Detection libraries guess from statistics and are unreliable on
 * short files with few Chinese characters, so the rule is strict instead: BOM, else valid UTF-8, else
 * GB18030 if it decodes cleanly, else refuse and ask for "CSV UTF-8".
 */
/**
 * @typedef {"utf-8" | "utf-8-bom" | "gb18030"} TextEncoding
 * @typedef {{ ok: true; encoding: TextEncoding; text: string } | { ok: false; reason: "utf-16" | "undecodable" }} DecodeResult
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const REPLACEMENT_CHARACTER = 0xfffd;

/** C0 control characters other than tab, LF and CR, or the replacement character: signs of a wrong guess. */
/**
 * @param {string} text
 * @returns {boolean}
 */
function hasSuspiciousCharacter(text) {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === REPLACEMENT_CHARACTER) return true;
    if (code < 0x20 && code !== TAB && code !== LF && code !== CR) return true;
  }
  return false;
}

/**
 * @param {Uint8Array} bytes
 * @returns {string | undefined}
 */
function decodeUtf8(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * @param {Uint8Array} bytes
 * @returns {DecodeResult}
 */
export function decodeText(bytes) {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: "utf-16" };
  }
  if (UTF8_BOM.every((byte, index) => bytes[index] === byte)) {
    const text = decodeUtf8(bytes.subarray(UTF8_BOM.length));
    return text === undefined
      ? { ok: false, reason: "undecodable" }
      : { ok: true, encoding: "utf-8-bom", text };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { ok: true, encoding: "utf-8", text: utf8 };
  const gb18030 = iconv.decode(bytes, "gb18030");
  if (hasSuspiciousCharacter(gb18030)) return { ok: false, reason: "undecodable" };
  return { ok: true, encoding: "gb18030", text: gb18030 };
}
