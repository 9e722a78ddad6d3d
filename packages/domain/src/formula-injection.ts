/**
 * CSV formula injection (OWASP "CSV injection"): Excel and WPS run a cell that starts with one of these
 * characters as a formula when they open a CSV. A leading `'` makes the cell plain text. The one rule for
 * every CSV the programme writes: the entry templates of `@zones/spreadsheets` and the exports of
 * `@zones/exports` (`copyObservationsCsv` in `@zones/db` applies the same characters in SQL).
 */
export const FORMULA_TRIGGER_CHARACTERS = ["=", "+", "-", "@", "\t", "\r"] as const;

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Numbers as people and spreadsheets write them, and as PostgreSQL writes `numeric::text`: `-3.5`, `+5`,
 * `.5`, `1929.50`, `1e3`. Not `NaN`, `Infinity` or `1,000`.
 */
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether a spreadsheet would run `text` as a formula (it starts with = + - @, a tab or a carriage return). */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/** Whether `text` is a plain number (`-3.2`, `+5`, `.5`, `1e3`), safe to write as it is in a number cell. */
export function isNumericText(text: string): boolean {
  return NUMERIC_TEXT.test(text);
}

/**
 * Prefixes `'` to any text that a spreadsheet would run as a formula, numeric-looking text included: for
 * cells that hold text only (a note `-1+2` or `-3.5` stays text when opened).
 */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * Like `neutraliseFormula`, but a plain number such as `-3.2` stays as it is: for cells that may hold a
 * number (`NaN`, `-Infinity` and other text are neutralised like text).
 */
export function neutraliseFormulaUnlessNumeric(text: string): string {
  return isNumericText(text) ? text : neutraliseFormula(text);
}

/** Undoes the neutralisation, so that a note written into a template comes back as it was written. */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && startsLikeFormula(text.slice(1)) ? text.slice(1) : text;
}
