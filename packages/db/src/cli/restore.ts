import { parsePathOption } from "../backup/args";
import { BackupError } from "../backup/errors";
import { restoreBackup } from "../backup/restore";
import { env } from "../env";
import { defaultExportDir } from "../export-dir";
import { runBackupCommand } from "./run-backup-command";

/**
 * `npm run db:restore -- --in FOLDER`: a backup of `db:backup` into the empty database of DATABASE_URL and
 * the export files into EXPORT_DIR. Refuses a non-empty database, existing export files and a bundle that
 * does not match its manifest, before writing anything. See docs/operations.md.
 */
await runBackupCommand(async () => {
  const input = parsePathOption(process.argv.slice(2), "in", env.INIT_CWD ?? process.cwd());
  if (!env.DATABASE_URL) {
    throw new BackupError(
      "DATABASE_URL is not set: db:restore restores into PostgreSQL; create an empty database and set it.",
    );
  }
  const exportDir = defaultExportDir();
  const summary = await restoreBackup({
    databaseUrl: env.DATABASE_URL,
    input,
    exportDir,
    binDir: env.PG_BIN_DIR,
  });
  const { database } = summary.manifest;
  const rows = Object.values(database.tables).reduce((sum, count) => sum + count, 0);
  console.log(
    `Restored ${input} (taken ${summary.manifest.createdAt}) into ${new URL(env.DATABASE_URL).pathname.slice(1)}: ` +
      `${Object.keys(database.tables).length} tables and ${rows} rows as counted at backup, ` +
      `${summary.exportFiles} export files into ${exportDir}, in ${summary.milliseconds} ms`,
  );
});
