import type { UploadError } from "./upload-errors";

/** A non-blank row of an uploaded file, its cells as text, whatever the file format. */
export interface SheetRow {
  /** 1-based row as the user sees it in Excel or WPS (header = 1). */
  row: number;
  cells: string[];
}

export type SheetReadResult =
  | {
      ok: true;
      rows: SheetRow[];
      /** Every row must have as many cells as the header: in CSV a stray comma shifts the cells. */
      strictWidth: boolean;
    }
  | { ok: false; error: UploadError };
