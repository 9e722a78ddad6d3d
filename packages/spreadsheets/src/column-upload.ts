import type { LocalizedText } from "@zones/domain";
import { restoreFormulaText } from "@zones/domain";

import { MAX_CELL_LENGTH, MAX_INFLATED_BYTES, MAX_UPLOAD_COLUMNS } from "./limits";
import { readInWorker } from "./read-in-worker";
import { sniffFile } from "./sniff";

/**
 * A file of rows read by header (Chinese, English, or both as a template writes them), the way the targets and
 * the member cities' figures are imported: CSV or XLSX decided by content, read within limits in a worker.
 */
export interface UploadColumn<K extends string> {
  key: K;
  zh: string;
  en: string;
  required: boolean;
}

export interface ColumnUploadError<K extends string> {
  /** 1-based row as in Excel (header = 1); null for the whole file. */
  row: number | null;
  column: K | null;
  message: LocalizedText;
}

/** A row of the file, its cells by column, not yet checked. */
export interface ColumnSheetRow<K extends string> {
  row: number;
  cells: Partial<Record<K, string>>;
}

const normalise = (header: string) => header.trim().toLowerCase();

/** A column's header as a template writes it: 示范区代码（zone_code）. */
export const headerOf = (column: { zh: string; en: string }) => `${column.zh}（${column.en}）`;

export const fileError = <K extends string>(zh: string, en: string): ColumnUploadError<K> => ({
  row: null,
  column: null,
  message: { zh, en },
});

/** An error in one cell, its message naming the row and the column in both languages. */
export function cellError<K extends string>(
  columns: readonly UploadColumn<K>[],
  row: number,
  key: K,
  zh: string,
  en: string,
): ColumnUploadError<K> {
  const column = columns.find((candidate) => candidate.key === key);
  const name = column ? `“${column.zh}”（${column.en}）` : key;
  return {
    row,
    column: key,
    message: { zh: `第 ${row} 行 ${name}：${zh}`, en: `Row ${row}, ${key}: ${en}` },
  };
}

/** Reads an upload into rows by column, within `maxBytes` and `maxRows`; every refusal said in both languages. */
export async function readColumnUpload<K extends string>(
  bytes: Uint8Array,
  params: { columns: readonly UploadColumn<K>[]; maxBytes: number; maxRows: number },
): Promise<{ rows: ColumnSheetRow<K>[]; errors: ColumnUploadError<K>[] }> {
  const { columns, maxBytes, maxRows } = params;
  const refuse = (error: ColumnUploadError<K>) => ({ rows: [], errors: [error] });
  if (bytes.length === 0) return refuse(fileError("文件是空的。", "The file is empty."));
  if (bytes.length > maxBytes) {
    const megabytes = maxBytes / 1024 / 1024;
    return refuse(fileError(`文件超过 ${megabytes} MB。`, `The file is over ${megabytes} MB.`));
  }
  const kind = sniffFile(bytes);
  if (kind !== "xlsx" && kind !== "text") {
    return refuse(
      fileError(
        "这不是 CSV 或 Excel（.xlsx）表格文件。",
        "This is not a CSV file or an Excel (.xlsx) workbook.",
      ),
    );
  }
  const read = await readInWorker({
    kind,
    bytes,
    limits: {
      maxInflatedBytes: MAX_INFLATED_BYTES,
      maxRows,
      maxColumns: MAX_UPLOAD_COLUMNS,
      maxCellLength: MAX_CELL_LENGTH,
    },
    templateHeaders: columns.flatMap((column) => [column.en, column.zh, normalise(headerOf(column))]),
  });
  if (!read.ok) {
    return refuse(
      read.refusal.code === "too-many-rows"
        ? fileError(`行数超过 ${maxRows} 行。`, `The file has more than ${maxRows} rows.`)
        : fileError(
            `无法读取文件（${read.refusal.code}），请使用下载的模板。`,
            `The file could not be read (${read.refusal.code}); use the downloaded template.`,
          ),
    );
  }
  const [header, ...data] = read.rows;
  if (!header) return refuse(fileError("文件是空的。", "The file is empty."));
  const positions = new Map<K, number>();
  header.cells.forEach((cell, index) => {
    const text = normalise(cell);
    const column = columns.find(
      (candidate) =>
        text === candidate.en || text === candidate.zh || text === normalise(headerOf(candidate)),
    );
    if (column && !positions.has(column.key)) positions.set(column.key, index);
  });
  const missing = columns.filter((column) => column.required && !positions.has(column.key));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: missing.map((column) => ({
        row: 1,
        column: column.key,
        message: {
          zh: `缺少“${column.zh}”（${column.en}）列，请使用下载的模板。`,
          en: `The "${column.en}" (${column.zh}) column is missing; use the downloaded template.`,
        },
      })),
    };
  }
  if (data.length === 0) {
    return refuse(fileError("文件只有表头，没有数据行。", "The file has a header row but no data rows."));
  }
  const rows = data.map((sheetRow) => ({
    row: sheetRow.row,
    cells: Object.fromEntries(
      [...positions].map(([key, index]) => [key, restoreFormulaText((sheetRow.cells[index] ?? "").trim())]),
    ) as Partial<Record<K, string>>,
  }));
  return { rows, errors: [] };
}
