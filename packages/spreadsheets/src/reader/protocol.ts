/**
 * What the main thread and the reader worker (`worker.mjs`) send each other. The reader is plain
 * JavaScript so that Node can load it as a worker file as it is, in the Next.js server, vitest and tsx
 * alike; these types describe its messages for the TypeScript side.
 */
import type { SheetRow } from "../sheet";

export interface ReadLimits {
  /** Bytes inflated from the ZIP of an XLSX, all parts together. */
  maxInflatedBytes: number;
  /** Non-blank rows after the header. */
  maxRows: number;
  /** Columns that may hold something; empty cells further right are ignored. */
  maxColumns: number;
  /** Characters in one cell. */
  maxCellLength: number;
}

export interface ReadRequest {
  kind: "xlsx" | "text";
  bytes: Uint8Array;
  limits: ReadLimits;
  /** Header names (trimmed, lower case) of the required columns: they mark the data sheet of a workbook. */
  templateHeaders: string[];
}

export type ReaderEncoding = "utf-8" | "utf-8-bom" | "gb18030" | "xlsx";

export type ReadRefusal =
  | { code: "not-a-spreadsheet" }
  | { code: "utf-16" }
  | { code: "undecodable" }
  | { code: "empty-file" }
  | { code: "malformed-csv"; line: number | null }
  | { code: "inflated-too-large" }
  | { code: "too-many-rows" }
  | { code: "too-many-columns"; row: number }
  /** `column` is 1-based, null when a CSV record was too long to tell which cell; `excerpt` is its start. */
  | { code: "cell-too-long"; row: number; column: number | null; excerpt: string };

/**
 * XLSX: the bytes inflated from the ZIP before the reading ended, read or refused: a bomb is refused having
 * inflated little of it (the tests check it).
 */
interface Inflated {
  inflatedBytes?: number;
}

export type ReadResult =
  | ({ ok: true; encoding: ReaderEncoding; rows: SheetRow[]; strictWidth: boolean } & Inflated)
  | ({ ok: false; encoding: ReaderEncoding | null; refusal: ReadRefusal } & Inflated);
