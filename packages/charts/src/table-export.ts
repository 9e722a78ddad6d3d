/** The numbers behind a chart: a header row and data rows, numbers unformatted, null = no value. */
export interface ChartTable {
  columns: string[];
  rows: (string | number | null)[][];
}

/**
 * The table as a CSV file's text: UTF-8 byte order mark (so Excel opens Chinese text correctly),
 * CRLF line ends and RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted, quotes
 * doubled). Numbers are written unformatted; null and non-finite numbers become empty fields.
 * Text starting with = + - @ tab or CR (or their full-width forms) gets a leading ' so a
 * spreadsheet does not run it as a formula (CSV injection); negative numbers are left alone.
 * csv-stringify's browser build (with its own Buffer, ~15 kB gzipped) is fetched when a file is asked for,
 * not with every page that shows a chart.
 */
export async function tableToCsv(table: ChartTable): Promise<string> {
  const { stringify } = await import("csv-stringify/browser/esm/sync");
  return stringify([table.columns, ...table.rows], {
    bom: true,
    record_delimiter: "windows",
    // Setting record_delimiter turns off quoting of bare CR and LF unless asked for again.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      number: (value) => (Number.isFinite(value) ? String(value) : ""),
    },
  });
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_LENGTH = 100;

/**
 * A file name (without extension) that every OS and browser accepts: ASCII letters, digits,
 * dot, dash and underscore; anything else becomes a dash. Never empty, hidden or reserved on Windows.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, MAX_LENGTH)
    .replace(/[-.]+$/, "");
  if (cleaned === "") return "chart";
  // Windows reserves these device names even with an extension: "con.csv" cannot be saved.
  return WINDOWS_RESERVED.test(cleaned.split(".")[0] ?? "") ? `chart-${cleaned}` : cleaned;
}
