import { existsSync } from "node:fs";
import path from "node:path";

import postgres from "postgres";

import { existingObjects, serverVersion, tableRowCounts } from "./database";
import { BackupError } from "./errors";
import { copyInto } from "./files";
import { bundleProblems, DATABASE_FILE, EXPORTS_FOLDER, type Manifest, readManifest } from "./manifest";
import { findPgTool, runPgTool } from "./pg-tools";

export interface RestoreOptions {
  databaseUrl: string;
  /** The backup bundle (the folder `createBackup` wrote). */
  input: string;
  /** Where the export files go; none of them may exist there yet. */
  exportDir: string;
  /** Where pg_restore is, instead of the usual places for the server's major version (`PG_BIN_DIR`). */
  binDir?: string;
}

export interface RestoreSummary {
  manifest: Manifest;
  exportFiles: number;
  milliseconds: number;
}

/**
 * Restores a bundle into an empty database and the export folder. Everything that can refuse is checked
 * before anything is written: the manifest and every checksum, the server's major version against the
 * archive's, an empty target database, no export file already in place. pg_restore then runs in one
 * transaction (all or nothing), without owners and grants, so the connecting role owns what it restores.
 * Last, the row counts are compared with those recorded at backup time.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const started = performance.now();
  const input = path.resolve(options.input);
  if (!existsSync(input)) throw new BackupError(`--in: ${input} does not exist.`, 2);
  const manifest = await readManifest(input);
  const problems = await bundleProblems(input, manifest);
  if (problems.length > 0) {
    throw new BackupError(
      `The backup at ${input} does not match its manifest; nothing was restored:\n  ${problems.join("\n  ")}`,
    );
  }
  const exportDir = path.resolve(options.exportDir);
  const exportFiles = manifest.files
    .map((entry) => entry.path)
    .filter((file) => file.startsWith(`${EXPORTS_FOLDER}/`))
    .map((file) => ({
      from: path.join(input, file),
      to: path.join(exportDir, file.slice(EXPORTS_FOLDER.length + 1)),
    }));

  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const server = await serverVersion(sql);
    if (manifest.database.serverMajor > server.major) {
      throw new BackupError(
        `The backup is of PostgreSQL ${manifest.database.serverMajor}; this server is ${server.version}. ` +
          "Restore into a server of the same or a newer major version.",
      );
    }
    const pgRestore = await findPgTool("pg_restore", server.major, options.binDir);
    const existing = await existingObjects(sql);
    if (existing.count > 0) {
      throw new BackupError(
        `The target database is not empty (${existing.count} objects, e.g. ${existing.examples.join(", ")}); ` +
          "restore only into a new, empty database (createdb), then point DATABASE_URL at it.",
      );
    }
    const present = exportFiles.filter((file) => existsSync(file.to)).map((file) => file.to);
    if (present.length > 0) {
      throw new BackupError(
        `Export files already exist in ${exportDir} (${present.length}, e.g. ${present.slice(0, 3).join(", ")}); ` +
          "restore them into an empty EXPORT_DIR.",
      );
    }

    await runPgTool(pgRestore, options.databaseUrl, [
      "--single-transaction",
      "--exit-on-error",
      "--no-owner",
      "--no-privileges",
      path.join(input, DATABASE_FILE),
    ]);
    for (const file of exportFiles) await copyInto(file.from, file.to, true);

    const counts = await tableRowCounts(sql);
    const differences = Object.entries(manifest.database.tables)
      .filter(([table, rows]) => counts[table] !== rows)
      .map(([table, rows]) => `${table}: ${counts[table] ?? "missing"} rows, the backup had ${rows}`);
    if (differences.length > 0) {
      throw new BackupError(`The restored database differs from the backup:\n  ${differences.join("\n  ")}`);
    }
    return {
      manifest,
      exportFiles: exportFiles.length,
      milliseconds: Math.round(performance.now() - started),
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
