import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { parsePathOption } from "./args";
import { BackupError } from "./errors";
import { bundleProblems, describeFiles, type Manifest, readManifest, writeManifest } from "./manifest";
import { findPgTool, libpqConnection, toolCandidates, toolMajorVersion } from "./pg-tools";

/** The parts of backup and restore that need no database: arguments, tools, the manifest's checks. */

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<BackupError> {
  const caught = await (typeof promise === "function" ? Promise.resolve().then(promise) : promise).then(
    () => null,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(BackupError);
  return caught as BackupError;
}

describe("command line", () => {
  it("resolves the folder against where the command was typed", () => {
    expect(parsePathOption(["--out", "backups/b1"], "out", "/srv/zones")).toBe("/srv/zones/backups/b1");
    expect(parsePathOption(["--in=/var/b1"], "in", "/srv/zones")).toBe("/var/b1");
  });

  it.each([
    [[], "out", /^--out FOLDER is required/],
    [["--out", "  "], "out", /^--out FOLDER is required/],
    [["--in"], "in", /--in/],
    [["--out", "b1", "--force"], "out", /Unknown option '--force'/],
    [["b1"], "out", /Unexpected argument 'b1'/],
    [["--out", "b1"], "in", /Unknown option '--out'/],
  ] as const)("refuses %j for --%s, naming the argument, with exit code 2", async (argv, name, message) => {
    const error = await refusal(() => parsePathOption([...argv], name, "/"));
    expect(error.message).toMatch(message);
    expect(error.message).toContain(
      `npm run db:${name === "out" ? "backup" : "restore"} -- --${name} FOLDER`,
    );
    expect(error.exitCode).toBe(2);
  });
});

describe("client tools", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "zones-pg-tools-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function fakeTool(name: string, versionLine: string) {
    const file = path.join(dir, name);
    await writeFile(file, `#!/bin/sh\necho '${versionLine}'\n`);
    await chmod(file, 0o755);
  }

  it("reads the major version of what --version prints", () => {
    expect(toolMajorVersion("pg_dump (PostgreSQL) 15.12 (Debian 15.12-0+deb12u2)")).toBe(15);
    expect(toolMajorVersion("pg_restore (PostgreSQL) 9.6.24")).toBe(9);
    expect(toolMajorVersion("bash: pg_dump: not found")).toBeNull();
  });

  it("looks in the server's version's folders, then the PATH; PG_BIN_DIR replaces them", () => {
    expect(toolCandidates("pg_dump", 16)).toEqual([
      "/usr/lib/postgresql/16/bin/pg_dump",
      "/usr/pgsql-16/bin/pg_dump",
      "/opt/homebrew/opt/postgresql@16/bin/pg_dump",
      "/usr/local/opt/postgresql@16/bin/pg_dump",
      "pg_dump",
    ]);
    expect(toolCandidates("pg_restore", 16, "/opt/pg/bin")).toEqual(["/opt/pg/bin/pg_restore"]);
  });

  it("takes a tool of the server's major version and refuses another, saying what it found", async () => {
    await fakeTool("pg_dump", "pg_dump (PostgreSQL) 16.4");
    expect(await findPgTool("pg_dump", 16, dir)).toEqual({
      path: path.join(dir, "pg_dump"),
      version: "pg_dump (PostgreSQL) 16.4",
    });
    const error = await refusal(findPgTool("pg_dump", 15, dir));
    expect(error.message).toContain("No pg_dump of PostgreSQL 15, the server's major version");
    expect(error.message).toContain(`${path.join(dir, "pg_dump")} (pg_dump (PostgreSQL) 16.4)`);
    expect(error.message).toContain("PG_BIN_DIR");
    const missing = await refusal(findPgTool("pg_restore", 16, dir));
    expect(missing.message).toContain(`${path.join(dir, "pg_restore")} (not found)`);
  });

  it("keeps the password out of the command line", () => {
    expect(libpqConnection("postgres://zones:s%40cret@db.internal:5433/zones?sslmode=require")).toEqual({
      dbname: "postgres://zones@db.internal:5433/zones?sslmode=require",
      env: { PGPASSWORD: "s@cret" },
    });
    expect(libpqConnection("postgres://postgres@127.0.0.1/zones").env).toEqual({});
  });
});

describe("manifest", () => {
  let bundle: string;
  let manifest: Manifest;
  beforeEach(async () => {
    bundle = await mkdtemp(path.join(tmpdir(), "zones-bundle-"));
    await writeFile(path.join(bundle, "database.dump"), "PGDMP archive");
    await mkdir(path.join(bundle, "exports", "run-1"), { recursive: true });
    await writeFile(path.join(bundle, "exports", "run-1", "zones.csv"), "zone,value\nHB-HS,1\n");
    manifest = {
      format: "zones-backup",
      version: 1,
      createdAt: "2026-11-28T02:00:00.000Z",
      database: {
        file: "database.dump",
        serverVersion: "15.12",
        serverMajor: 15,
        pgDump: "pg_dump (PostgreSQL) 15.12",
        migrations: 8,
        tables: { "public.zones": 12 },
      },
      exportDir: "/srv/zones/exports",
      files: await describeFiles(bundle),
    };
    await writeManifest(bundle, manifest);
  });
  afterEach(() => rm(bundle, { recursive: true, force: true }));

  it("lists every file but itself with its size and SHA-256, and reads back as written", async () => {
    expect(manifest.files.map((file) => [file.path, file.bytes])).toEqual([
      ["database.dump", 13],
      ["exports/run-1/zones.csv", 19],
    ]);
    expect(manifest.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readManifest(bundle)).toEqual(manifest);
    expect(await bundleProblems(bundle, manifest)).toEqual([]);
  });

  it("finds a changed, truncated, missing or added file", async () => {
    await writeFile(path.join(bundle, "database.dump"), "PGDMP archivf");
    await writeFile(path.join(bundle, "exports", "run-1", "zones.csv"), "zone,value\n");
    await writeFile(path.join(bundle, "exports", "run-1", "extra.csv"), "x");
    expect(await bundleProblems(bundle, manifest)).toEqual([
      "database.dump: SHA-256 differs from the manifest",
      "exports/run-1/zones.csv: 11 bytes, the manifest says 19",
      "exports/run-1/extra.csv: not in the manifest",
    ]);
    await rm(path.join(bundle, "database.dump"));
    expect(await bundleProblems(bundle, { ...manifest, files: manifest.files.slice(1) })).toContain(
      "database.dump: not listed in the manifest",
    );
    expect(await bundleProblems(bundle, manifest)).toContain("database.dump: missing");
  });

  it("refuses a folder without a manifest, and a manifest naming a path outside the bundle", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "zones-bundle-empty-"));
    const missing = await refusal(readManifest(empty));
    expect(missing.message).toMatch(/^--in: .* is not a Zones backup \(no readable manifest\.json/);
    expect(missing.exitCode).toBe(2);
    await rm(empty, { recursive: true });

    for (const outside of ["../etc/passwd", "/etc/passwd", "exports/../../x", "manifest.json"]) {
      const files = [...manifest.files, { path: outside, bytes: 1, sha256: "0".repeat(64) }];
      await writeManifest(bundle, { ...manifest, files });
      const error = await refusal(readManifest(bundle));
      expect(error.message).toContain("is not a valid manifest: files.2.path");
    }
  });
});
