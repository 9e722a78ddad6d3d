import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Role, SessionUser } from "@zones/auth";
import { type DatabaseHandle, openPostgres } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createEmptyTestDatabase, createTestDatabase } from "@zones/db/testing";
import { BUILT_IN_ZONES } from "@zones/domain";
import { parseExportFilters } from "@zones/exports";
import { LocalExportStorage } from "@zones/storage";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportRunDownload } from "./exports/run-file";
import { createCaller } from "./root";
import { contextFor, createRoleUsers, testAuth } from "./test-fixtures";
import { npmRun, signIn, type TableFingerprint, tableFingerprints } from "./test-operations";

/**
 * The backup and restore drill of docs/operations.md (issue 15): a database with the demo data, an audit
 * trail and an export file is backed up with `npm run db:backup`, restored with `npm run db:restore` into
 * a new database and export folder, compared table by table, and served by the app. PostgreSQL only: the
 * commands back up PostgreSQL.
 */

const NOW = new Date("2026-11-28T10:00:00+08:00");
const RUN_ID = "5c0f3c52-8d7e-4b8e-9f0a-6a1d2e3f4b5c";
const FILE = "zones-2026Q2.csv";

describe("backup and restore drill", () => {
  let work: string;
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  let restored: DatabaseHandle;
  let users: Record<Role, SessionUser>;
  let before: Record<string, TableFingerprint>;
  let after: Record<string, TableFingerprint>;
  /** Audit rows the seed and the users wrote before the drill's own two. */
  let auditedBefore: number;
  const exportsOf = (side: "source" | "restored") => path.join(work, `exports-${side}`);

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "zones-drill-"));
    source = await createTestDatabase();
    await seedDatabase(source.db, { now: NOW });
    users = await createRoleUsers(testAuth(source.db), source.db);
    const filePath = path.join(exportsOf("source"), RUN_ID, FILE);
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(filePath, "\uFEFFzone_code,indicator_code,quarter,value\r\nHB-HS,gdp,2026Q2,1234.5\r\n");
    const filters = JSON.stringify(
      parseExportFilters({ zoneCodes: ["HB-HS"], indicatorCodes: ["gdp"], from: "2026Q2", to: "2026Q2" }),
    );
    await source.db.execute(sql`
      insert into export_runs (id, requested_by, filters, status, storage_key, file_name, row_count)
      values (${RUN_ID}, ${users.admin.id}, ${filters}, 'succeeded', ${`${RUN_ID}/${FILE}`}, ${FILE}, 1)`);
    auditedBefore = (await tableFingerprints(source.db))["public.audit_log"]?.rows ?? 0;
    await source.db.execute(sql`
      insert into audit_log (actor_id, action, entity_type, entity_id, zone_code, quarter, details)
      values (${users.official.id}, 'submission.save', 'submission', 'HB-HS/2026Q3', 'HB-HS', '2026Q3', '{"changed": ["gdp"]}'),
             (${users.reviewer.id}, 'submission.return', 'submission', 'HN-C/2026Q3', 'HN-C', '2026Q3', '{"comment": "请核对"}')`);
    before = await tableFingerprints(source.db);

    const backup = path.join(work, "backup");
    const backedUp = await npmRun("db:backup", ["--out", backup], {
      DATABASE_URL: source.connectionString ?? "",
      EXPORT_DIR: exportsOf("source"),
    });
    expect(backedUp.stderr).toBe("");
    expect(backedUp.code).toBe(0);

    target = await createEmptyTestDatabase();
    const restoredRun = await npmRun("db:restore", ["--in", backup], {
      DATABASE_URL: target.connectionString ?? "",
      EXPORT_DIR: exportsOf("restored"),
    });
    expect(restoredRun.stderr).toBe("");
    expect(restoredRun.code).toBe(0);
    // The app's own way in, as the web process opens DATABASE_URL.
    restored = openPostgres(target.connectionString ?? "");
    after = await tableFingerprints(restored.db);
  }, 120_000);
  afterAll(async () => {
    await restored?.close();
    await target?.close();
    await source?.close();
    await rm(work, { recursive: true, force: true });
  });

  it("restores every table with the same rows, observations and audit log byte for byte", () => {
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.keys(before)).toContain("drizzle.__drizzle_migrations");
    for (const [table, fingerprint] of Object.entries(before)) {
      expect(after[table]?.rows, table).toBe(fingerprint.rows);
    }
    expect(before["public.observations"]?.rows).toBeGreaterThan(9_000);
    expect(after["public.observations"]?.md5).toBe(before["public.observations"]?.md5);
    expect(before["public.audit_log"]?.rows).toBe(auditedBefore + 2);
    expect(auditedBefore).toBeGreaterThanOrEqual(4);
    expect(after["public.audit_log"]?.md5).toBe(before["public.audit_log"]?.md5);
    // Every other table too, the export run included: its file's key is relative to the export folder.
    const changed = Object.keys(before).filter((table) => after[table]?.md5 !== before[table]?.md5);
    expect(changed).toEqual([]);
  });

  it("restores the export files into the new folder, where the run's download finds its copy", async () => {
    const original = await readFile(path.join(exportsOf("source"), RUN_ID, FILE));
    expect(await readFile(path.join(exportsOf("restored"), RUN_ID, FILE))).toEqual(original);
    const storage = new LocalExportStorage(exportsOf("restored"));
    const download = await exportRunDownload(restored.db, storage, users.admin, RUN_ID);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(original);
  });

  it("serves the restored copy: an account signs in and sees what it saw before", async () => {
    const auth = testAuth(restored.db);
    const viewer = await signIn(auth, restored.db, users.viewer.email, "fixture-password-2026");
    expect(viewer).toMatchObject({ id: users.viewer.id, role: "viewer" });
    const fromCopy = createCaller(contextFor(restored.db, auth, viewer));
    const fromSource = createCaller(contextFor(source.db, testAuth(source.db), viewer));

    const overview = await fromCopy.overview.get({});
    expect(overview.quarter).toBe("2026Q2");
    // Every zone of the seeded catalogue (both batches report in 2026Q2).
    expect(overview.ranking).toHaveLength(BUILT_IN_ZONES.length);
    expect(overview).toEqual(await fromSource.overview.get({}));
    expect(await fromCopy.dashboard.zone({ zoneCode: "HB-HS" })).toEqual(
      await fromSource.dashboard.zone({ zoneCode: "HB-HS" }),
    );

    const admin = await signIn(auth, restored.db, users.admin.email, "fixture-password-2026");
    const runs = await createCaller(contextFor(restored.db, auth, admin)).exports.runs.list({ page: 1 });
    expect(runs).toMatchObject({ items: [expect.objectContaining({ id: RUN_ID, downloadable: true })] });
  });
});
