/** Declared in @zones/db, which also backs the folder up; re-exported for the worker and the web app. */
export { defaultExportDir } from "@zones/db/export-dir";
