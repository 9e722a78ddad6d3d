import { defaultExportDir } from "@zones/db/export-dir";
import { type ExportStorage, exportStorageSettings, openExportStorage } from "@zones/storage";

import { env } from "~/env";

/**
 * Where this process keeps and finds export files: the bucket of EXPORT_STORAGE_URL, else the folder EXPORT_DIR
 * (checked when the server started: server/config.mjs). One per process, on globalThis like the database.
 */
const holder = globalThis as typeof globalThis & { zonesExportStorage?: ExportStorage };

export function getExportStorage(): ExportStorage {
  holder.zonesExportStorage ??= openExportStorage(
    exportStorageSettings(env, defaultExportDir(env.EXPORT_DIR)),
  );
  return holder.zonesExportStorage;
}
