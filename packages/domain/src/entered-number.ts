/**
 * Numbers as officials type or paste them (from Excel, WPS or a web page) into a form, read the same way
 * by the form and the server. Anything that could be read two ways is refused rather than guessed.
 */

export type EnteredNumberError = "empty" | "not-a-number" | "ambiguous-separator";

export type ParsedEnteredNumber =
  | {
      ok: true;
      value: number;
      /** Canonical plain decimal: no sign for zero or positives, no exponent, no grouping, no trailing zeros. */
      text: string;
    }
  | { ok: false; error: EnteredNumberError };

/**
 * A double holds any decimal of up to 15 significant digits exactly enough to give it back;
 * beyond that `Number` would round silently, so longer figures are refused.
 */
const MAX_SIGNIFICANT_DIGITS = 15;

/** Invisible characters a web page may leave at either end of a copied cell. */
const EDGE_INVISIBLES = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g;

/**
 * Integer part with thousands separators: one kind (`,` or a space) between groups of exactly three digits.
 * The first group may not be 0, so `0,123` (a decimal comma) is not read as 123.
 */
const GROUPED_INTEGER = /^[1-9]\d{0,2}(?:,\d{3})+$|^[1-9]\d{0,2}(?: \d{3})+$/;

const NOT_A_NUMBER = { ok: false, error: "not-a-number" } as const;
const AMBIGUOUS = { ok: false, error: "ambiguous-separator" } as const;

/**
 * Reads an entered figure. Accepts surrounding spaces (also U+3000 and NBSP), full-width characters
 * (`１２．５`, `－３`, `，`, via NFKC), the minus sign U+2212, a leading `+`, thousands separators
 * (`,` or a space) only in correct groups of three, and one trailing `%`, which is ignored.
 * Refuses exponents, hex, Infinity/NaN, letters and unit words such as 亿 (`not-a-number`), and a comma or space
 * that is not a correct thousands separator (`12,5` may be a decimal comma: `ambiguous-separator`).
 * `1,234` is read as one thousand two hundred and thirty-four: Chinese figures never use a decimal comma.
 */
export function parseEnteredNumber(input: string): ParsedEnteredNumber {
  let rest = input
    .normalize("NFKC")
    .replace(/\u2212/g, "-")
    .replace(EDGE_INVISIBLES, "");
  if (rest === "") return { ok: false, error: "empty" };

  if (rest.endsWith("%")) rest = rest.slice(0, -1).trimEnd();
  let negative = false;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    negative = rest.startsWith("-");
    rest = rest.slice(1).trimStart();
  }
  if (!/^[\d., ]+$/.test(rest)) return NOT_A_NUMBER;

  const parts = rest.split(".");
  if (parts.length > 2) return NOT_A_NUMBER;
  const [integerPart = "", fractionPart = ""] = parts;
  if (/[, ]/.test(fractionPart)) return AMBIGUOUS;
  if (/[, ]/.test(integerPart) && !GROUPED_INTEGER.test(integerPart)) return AMBIGUOUS;

  const integerDigits = integerPart.replace(/[, ]/g, "");
  if (integerDigits === "" && fractionPart === "") return NOT_A_NUMBER;
  return canonical(negative, integerDigits, fractionPart);
}

function canonical(negative: boolean, integerDigits: string, fractionDigits: string): ParsedEnteredNumber {
  const integer = integerDigits.replace(/^0+/, "") || "0";
  const fraction = fractionDigits.replace(/0+$/, "");
  const significant = `${integer}${fraction}`.replace(/^0+/, "").replace(/0+$/, "");
  if (significant.length > MAX_SIGNIFICANT_DIGITS) return NOT_A_NUMBER;
  const sign = negative && significant !== "" ? "-" : "";
  const text = `${sign}${integer}${fraction === "" ? "" : `.${fraction}`}`;
  return { ok: true, value: Number(text), text };
}
