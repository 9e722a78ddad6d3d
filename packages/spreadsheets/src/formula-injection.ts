/**
 * CSV formula injection (OWASP "CSV injection"): Excel and WPS run a cell that starts with one of
 * these characters as a formula when they open a CSV. Prefixing `'` makes the cell plain text.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Matches numbers as people and spreadsheets write them: `-3.2`, `+5`, `.5`, `1e3`. Safe to write as is. */
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isNumericText(text: string): boolean {
  return NUMERIC_TEXT.test(text);
}

/** Prefixes `'` to a text that a spreadsheet would run as a formula; numbers such as `-3.2` stay as they are. */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) && !isNumericText(text) ? `'${text}` : text;
}

/** Undoes `neutraliseFormula`, so that a note written into a template comes back unchanged. */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}
