import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, rowsOf } from "../client";
import { seedDatabase } from "../seed";
import { createEmptyTestDatabase, createTestDatabase } from "../testing";
import { MANIFEST_FILE, type Manifest } from "./manifest";

/**
 * `db:backup` and `db:restore` as an operator runs them (child processes), on PostgreSQL: a restore into
 * an empty database and an empty export folder, and every refusal — which must leave both untouched. The
 * drill with demo data and the app serving the copy is `packages/api/src/backup-drill.test.ts`.
 */

const packageDir = fileURLToPath(new URL("../../", import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(command: "backup" | "restore", args: string[], env: Record<string, string>): Promise<Outcome> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // A test started through npm inherits INIT_CWD; the paths given here are absolute anyway.
  delete childEnv.INIT_CWD;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `src/cli/${command}.ts`, ...args],
      { cwd: packageDir, env: childEnv },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function appObjects(handle: DatabaseHandle): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await handle.db.execute(sql`
      select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'drizzle')`),
  );
  return row?.n ?? -1;
}

async function rowCounts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(
    await handle.db.execute(sql`
      select table_schema || '.' || table_name as name from information_schema.tables
       where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`),
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: number }>(
      await handle.db.execute(sql.raw(`select count(*)::int as n from ${name}`)),
    );
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

const urlOf = (handle: DatabaseHandle) => handle.connectionString ?? "";

describe("db:backup and db:restore", () => {
  let work: string;
  let source: DatabaseHandle;
  let sourceExports: string;
  let backup: string;
  const runId = "0b7e4c7a-3f59-4a55-9a8e-2b1f6c0d9e11";

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "zones-backup-cli-"));
    sourceExports = path.join(work, "exports-source");
    source = await createTestDatabase();
    await seedDatabase(source.db, { demo: false });
    const filePath = path.join(sourceExports, runId, "zones-2026Q3.csv");
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(filePath, "zone_code,indicator_code,quarter,value\r\nHB-HS,gdp,2026Q3,1234.5\r\n");
    // Half-written by a running export: not worth a place in the backup.
    await writeFile(path.join(sourceExports, runId, "next.csv.part"), "zone_code");
    await source.db.execute(sql`
      insert into export_runs (id, filters, status, storage_key, file_name)
      values (${runId}, '{}', 'succeeded', ${`${runId}/zones-2026Q3.csv`}, 'zones-2026Q3.csv')`);
    await source.db.execute(sql`
      insert into audit_log (action, entity_type, entity_id, details)
      values ('backup.test', 'test', '1', '{"n": 1}'), ('backup.test', 'test', '2', '{"n": 2}')`);
    backup = path.join(work, "backup-1");
    const outcome = await cli("backup", ["--out", backup], {
      DATABASE_URL: urlOf(source),
      EXPORT_DIR: sourceExports,
    });
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^Backed up PostgreSQL 1\d\.\d+ .* and 1 export files to /);
  });
  afterAll(async () => {
    await source?.close();
    await rm(work, { recursive: true, force: true });
  });

  it("restores into an empty database and export folder: every table's rows, the files where their keys say", async () => {
    const target = await createEmptyTestDatabase();
    try {
      const targetExports = path.join(work, "exports-restored");
      const outcome = await cli("restore", ["--in", backup], {
        DATABASE_URL: urlOf(target),
        EXPORT_DIR: targetExports,
      });
      expect(outcome.stderr).toBe("");
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toContain("1 export files into");
      expect(await rowCounts(target)).toEqual(await rowCounts(source));
      const restoredFile = path.join(targetExports, runId, "zones-2026Q3.csv");
      expect(await readFile(restoredFile, "utf8")).toBe(
        await readFile(path.join(sourceExports, runId, "zones-2026Q3.csv"), "utf8"),
      );
      // Keys are relative to the export folder: the restored run finds its file in the new one as it is.
      const [run] = rowsOf<{ storage_key: string }>(
        await target.db.execute(sql`select storage_key from export_runs where id = ${runId}`),
      );
      expect(path.join(targetExports, run?.storage_key ?? "?")).toBe(restoredFile);
      const manifest = JSON.parse(await readFile(path.join(backup, MANIFEST_FILE), "utf8")) as Manifest;
      expect(manifest.files.map((file) => file.path)).toEqual([
        "database.dump",
        `exports/${runId}/zones-2026Q3.csv`,
      ]);
    } finally {
      await target.close();
    }
  });

  it("says, when export files are kept in a bucket, that the backup holds none of them", async () => {
    const outcome = await cli("backup", ["--out", path.join(work, "backup-bucket")], {
      DATABASE_URL: urlOf(source),
      EXPORT_DIR: path.join(work, "no-exports"),
      EXPORT_STORAGE_URL: "s3://zones-exports/prod",
    });
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/ and 0 export files to /);
    expect(outcome.stdout).toContain(
      "Export files are kept in s3://zones-exports/prod (EXPORT_STORAGE_URL), not in this backup",
    );
  });

  it("refuses a database that is not empty, and changes nothing", async () => {
    const target = await createTestDatabase();
    try {
      const before = await rowCounts(target);
      const targetExports = path.join(work, "exports-not-empty");
      const outcome = await cli("restore", ["--in", backup], {
        DATABASE_URL: urlOf(target),
        EXPORT_DIR: targetExports,
      });
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toMatch(/^The target database is not empty \(\d+ objects, e\.g\. /);
      expect(outcome.stderr).toContain("restore only into a new, empty database");
      expect(await rowCounts(target)).toEqual(before);
      await expect(readFile(path.join(targetExports, runId, "zones-2026Q3.csv"))).rejects.toThrow();
    } finally {
      await target.close();
    }
  });

  it("refuses a backup that does not match its manifest before touching anything", async () => {
    const tampered = path.join(work, "backup-tampered");
    await cp(backup, tampered, { recursive: true });
    const manifestFile = path.join(tampered, MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
    const exportEntry = manifest.files[1];
    if (!exportEntry) throw new Error("the backup holds an export file");
    exportEntry.sha256 = exportEntry.sha256.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    await writeFile(manifestFile, JSON.stringify(manifest));
    const target = await createEmptyTestDatabase();
    try {
      const targetExports = path.join(work, "exports-tampered");
      const outcome = await cli("restore", ["--in", tampered], {
        DATABASE_URL: urlOf(target),
        EXPORT_DIR: targetExports,
      });
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain("does not match its manifest; nothing was restored");
      expect(outcome.stderr).toContain(
        `exports/${runId}/zones-2026Q3.csv: SHA-256 differs from the manifest`,
      );
      expect(await appObjects(target)).toBe(0);
      await expect(readFile(path.join(targetExports, runId, "zones-2026Q3.csv"))).rejects.toThrow();
    } finally {
      await target.close();
    }
  });

  it("refuses to overwrite an export file, before restoring the database", async () => {
    const target = await createEmptyTestDatabase();
    try {
      const targetExports = path.join(work, "exports-occupied");
      const existing = path.join(targetExports, runId, "zones-2026Q3.csv");
      await mkdir(path.dirname(existing), { recursive: true });
      await writeFile(existing, "someone else's file");
      const outcome = await cli("restore", ["--in", backup], {
        DATABASE_URL: urlOf(target),
        EXPORT_DIR: targetExports,
      });
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(
        `Export files already exist in ${targetExports} (1, e.g. ${existing})`,
      );
      expect(await readFile(existing, "utf8")).toBe("someone else's file");
      expect(await appObjects(target)).toBe(0);
    } finally {
      await target.close();
    }
  });

  it("refuses missing or wrong arguments, an existing --out and a missing DATABASE_URL", async () => {
    const env = { DATABASE_URL: urlOf(source), EXPORT_DIR: sourceExports };
    const cases: [Promise<Outcome>, number, RegExp][] = [
      [cli("backup", [], env), 2, /^--out FOLDER is required\. Usage: npm run db:backup -- --out FOLDER/],
      [
        cli("backup", ["--out", backup], env),
        2,
        /^--out: .*backup-1 already exists; a backup never overwrites/,
      ],
      [cli("restore", [], env), 2, /^--in FOLDER is required\. Usage: npm run db:restore -- --in FOLDER/],
      [cli("restore", ["--in", backup, "--clean"], env), 2, /^Unknown option '--clean'/],
      [cli("restore", ["--in", path.join(work, "nowhere")], env), 2, /^--in: .*nowhere does not exist\./],
      [cli("restore", ["--in", work], env), 2, /^--in: .* is not a Zones backup/],
      [
        cli("backup", ["--out", path.join(work, "backup-2")], { ...env, DATABASE_URL: "" }),
        1,
        /^DATABASE_URL is not set: db:backup backs up PostgreSQL/,
      ],
    ];
    for (const [running, code, message] of cases) {
      const outcome = await running;
      expect(outcome.stderr).toMatch(message);
      expect(outcome.code).toBe(code);
    }
    await expect(readFile(path.join(work, "backup-2", MANIFEST_FILE))).rejects.toThrow();
  });
});
