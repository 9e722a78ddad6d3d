import { parsePathOption } from "../backup/args";
import { createBackup } from "../backup/backup";
import { BackupError } from "../backup/errors";
import { env } from "../env";
import { defaultExportDir } from "../export-dir";
import { runBackupCommand } from "./run-backup-command";

/**
 * `npm run db:backup -- --out FOLDER`: the database of DATABASE_URL (pg_dump custom format, by the client
 * tools of the server's major version) and the export files, with a manifest of checksums. See
 * docs/operations.md.
 */
await runBackupCommand(async () => {
  const out = parsePathOption(process.argv.slice(2), "out", env.INIT_CWD ?? process.cwd());
  if (!env.DATABASE_URL) {
    throw new BackupError(
      "DATABASE_URL is not set: db:backup backs up PostgreSQL. The embedded store (PGLITE_DIR) is a folder: " +
        "stop the app and copy it.",
    );
  }
  const summary = await createBackup({
    databaseUrl: env.DATABASE_URL,
    out,
    exportDir: defaultExportDir(),
    binDir: env.PG_BIN_DIR,
  });
  const { database, files } = summary.manifest;
  const rows = Object.values(database.tables).reduce((sum, count) => sum + count, 0);
  const bucket = env.EXPORT_STORAGE_URL;
  console.log(
    `Backed up PostgreSQL ${database.serverVersion} (${Object.keys(database.tables).length} tables, ` +
      `${rows} rows, ${database.migrations} migrations) and ${files.length - 1} export files to ${summary.out}: ` +
      `${formatBytes(summary.bytes)} in ${summary.milliseconds} ms (${database.pgDump})`,
  );
  if (bucket) {
    console.log(
      `Export files are kept in s3://${bucket.bucket}/${bucket.prefix} (EXPORT_STORAGE_URL), not in this backup: ` +
        "the bucket's own versioning or replication keeps them (docs/operations.md#export-storage).",
    );
  }
});

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
