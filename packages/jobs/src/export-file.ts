import type { Database } from "@zones/db/client";
import {
  checkedExportFilters,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
  exportContentType,
  exportFileName,
  runExport,
  type TExportFilters,
} from "@zones/exports";
import { type ExportStorage, exportObjectKey } from "@zones/storage";

export interface ExportFile extends ExportResult {
  fileName: string;
  /** Its key in the export storage: `<run id>/<file name>`. */
  storageKey: string;
}

/**
 * Writes a run's export into the storage, streamed from the database cursor to the folder or the bucket: the
 * file appears under its key only once complete (a `.part` renamed, a multipart upload completed), and a
 * failure or cancellation leaves nothing there. Size and checksum are of the bytes stored.
 */
export async function storeExportFile(
  db: Database,
  filters: TExportFilters,
  format: ExportFormat,
  storage: ExportStorage,
  runId: string,
  options: ExportOptions & { now?: Date } = {},
): Promise<ExportFile> {
  // Named, like a download, after the codes in the catalogue's order (as the rows and sheets come).
  const checked = await checkedExportFilters(db, filters);
  const fileName = exportFileName(checked, format, options.now ?? new Date());
  const storageKey = exportObjectKey(runId, fileName);
  const { value: result } = await storage.store(
    storageKey,
    (sink) => runExport(db, checked, format, sink, options),
    { contentType: exportContentType(checked, format) },
  );
  return { ...result, fileName, storageKey };
}
