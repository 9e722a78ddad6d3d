/**
 * CSV formula injection (OWASP "CSV injection"): Excel and WPS run a cell that starts with one of these
 * characters as a formula when they open a CSV. A leading `'` makes it text. The same rule as the entry
 * templates of `@zones/spreadsheets`, and as `copyObservationsCsv` applies in SQL.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Numbers as PostgreSQL writes `numeric::text` (and people write them): `-3.5`, `1929.50`, `1e3`. */
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isNumericText(text: string): boolean {
  return NUMERIC_TEXT.test(text);
}

/** Prefixes `'` to text that a spreadsheet would run as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** A number cell's text: as is when it is a plain number, else (`NaN`, `-Infinity`) neutralised like text. */
export function numberCellText(text: string): string {
  return isNumericText(text) ? text : neutraliseFormula(text);
}
