import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

import postgres from "postgres";

import { appliedMigrations, serverVersion, tableRowCounts } from "./database";
import { BackupError } from "./errors";
import { copyInto, listFiles } from "./files";
import { DATABASE_FILE, describeFiles, EXPORTS_FOLDER, type Manifest, writeManifest } from "./manifest";
import { findPgTool, runPgTool } from "./pg-tools";

export interface BackupOptions {
  databaseUrl: string;
  /** The folder to create; it must not exist. */
  out: string;
  /** The export folder to include; skipped when it does not exist. */
  exportDir: string;
  /** Where pg_dump is, instead of the usual places for the server's major version (`PG_BIN_DIR`). */
  binDir?: string;
  now?: Date;
}

export interface BackupSummary {
  out: string;
  manifest: Manifest;
  /** The bundle's size on disk (the database archive and the export files). */
  bytes: number;
  milliseconds: number;
}

/** Export files still being written (`<name>.part`, renamed when complete) are not worth keeping. */
const isUnfinishedExport = (file: string) => file.endsWith(".part");

/**
 * Writes a backup bundle: `database.dump` (pg_dump custom format by the server's major version), the export
 * files under `exports/`, and `manifest.json` with row counts and every file's SHA-256. The rows are
 * counted in the snapshot pg_dump reads, so the counts describe the archive exactly. The export files are
 * copied after the dump: a run finishing meanwhile leaves an extra file, never a run without its file.
 * The bundle is assembled next to `out` and renamed at the end, so `out` is complete or absent.
 */
export async function createBackup(options: BackupOptions): Promise<BackupSummary> {
  const started = performance.now();
  const out = path.resolve(options.out);
  if (existsSync(out)) {
    throw new BackupError(`--out: ${out} already exists; a backup never overwrites, choose a new name.`, 2);
  }
  const staging = `${out}.partial-${process.pid}`;
  await mkdir(staging, { recursive: true });
  try {
    const database = await dumpDatabase(options, path.join(staging, DATABASE_FILE));
    const exportFiles = (await listFiles(options.exportDir)).filter((file) => !isUnfinishedExport(file));
    for (const file of exportFiles) {
      await copyInto(path.join(options.exportDir, file), path.join(staging, EXPORTS_FOLDER, file));
    }
    const files = await describeFiles(staging);
    const manifest: Manifest = {
      format: "zones-backup",
      version: 1,
      createdAt: (options.now ?? new Date()).toISOString(),
      database,
      exportDir: existsSync(options.exportDir) ? path.resolve(options.exportDir) : null,
      files,
    };
    await writeManifest(staging, manifest);
    await rename(staging, out);
    return {
      out,
      manifest,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      milliseconds: Math.round(performance.now() - started),
    };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function dumpDatabase(options: BackupOptions, file: string): Promise<Manifest["database"]> {
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const server = await serverVersion(sql);
    const pgDump = await findPgTool("pg_dump", server.major, options.binDir);
    // pg_dump reads the snapshot this transaction exported, which stays open until the dump is done.
    return await sql.begin("isolation level repeatable read read only", async (tx) => {
      const [row] = await tx<{ id: string }[]>`select pg_export_snapshot() as id`;
      const tables = await tableRowCounts(tx);
      const migrations = await appliedMigrations(tx);
      await runPgTool(pgDump, options.databaseUrl, [
        "--format=custom",
        `--snapshot=${row?.id}`,
        `--file=${file}`,
      ]);
      return {
        file: DATABASE_FILE,
        serverVersion: server.version,
        serverMajor: server.major,
        pgDump: pgDump.version,
        migrations,
        tables,
      } satisfies Manifest["database"];
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
