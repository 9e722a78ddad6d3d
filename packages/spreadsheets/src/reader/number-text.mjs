/**
 * Decimal text of numbers read from XLSX cells. Excel keeps 15 significant digits, so rounding to 15
 * shows what the person typed or sees (1234.56, 0.1), and not float noise of formula results
 * (0.30000000000000004). The text never has an exponent: callers parse it as a plain decimal.
 */
/**
 * @param {number} value
 * @returns {string}
 */
export function numberToDecimalText(value) {
  if (!Number.isFinite(value)) return String(value);
  // The shortest text that reads back as the rounded number; `+ 0` turns -0 into 0.
  const shortest = String(Number(value.toPrecision(15)) + 0);
  return expandExponent(shortest);
}

/** `1.5e-7` → `0.00000015`, `1e+21` → `1000000000000000000000`; text without an exponent is returned as is. */
/**
 * @param {string} text
 * @returns {string}
 */
function expandExponent(text) {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = match;
  return sign + shiftDecimalPoint(whole, fraction, Number(exponent));
}

/** Moves the decimal point of `whole.fraction` by `places` (right if positive) and trims redundant zeros. */
/**
 * @param {string} whole
 * @param {string} fraction
 * @param {number} places
 * @returns {string}
 */
function shiftDecimalPoint(whole, fraction, places) {
  const digits = whole + fraction;
  const point = whole.length + places;
  const padded =
    point <= 0
      ? "0".repeat(1 - point) + digits
      : point >= digits.length
        ? digits.padEnd(point + 1, "0")
        : digits;
  const pointInPadded = Math.max(point, 1);
  const integerPart = padded.slice(0, pointInPadded).replace(/^0+(?=\d)/, "");
  const fractionPart = padded.slice(pointInPadded).replace(/0+$/, "");
  return fractionPart === "" ? integerPart : `${integerPart}.${fractionPart}`;
}

/** Multiplies decimal text by 100 without float arithmetic: what a cell formatted as % shows (0.052 → 5.2). */
/**
 * @param {string} decimalText
 * @returns {string}
 */
export function percentText(decimalText) {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimalText);
  if (!match) return decimalText;
  const [, sign = "", whole = "", fraction = ""] = match;
  const shifted = shiftDecimalPoint(whole, fraction, 2);
  return shifted === "0" ? "0" : sign + shifted;
}
