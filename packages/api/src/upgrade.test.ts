import { type DatabaseHandle, rowsOf } from "@zones/db/client";
import { migrateDatabase } from "@zones/db/migrate";
import { createPreviousReleaseDatabase, PREVIOUS_RELEASE } from "@zones/db/previous-release";
import { DEMO_PASSWORD } from "@zones/db/seed";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "./root";
import { contextFor, testAuth } from "./test-fixtures";
import { signIn, type TableFingerprint, tableFingerprints } from "./test-operations";

/**
 * The upgrade of docs/operations.md (issue 15): the database of the previous release — its migrations and
 * the data it wrote, `packages/db/test-fixtures/previous-release` — migrated to HEAD by the app's migrator,
 * keeps every row of every table, column for column, and the app serves it. On both engines.
 */

const JOURNAL = "drizzle.__drizzle_migrations";

describe(`upgrade from the previous release (${PREVIOUS_RELEASE.commit.slice(0, 7)})`, () => {
  let handle: DatabaseHandle;
  let before: Record<string, TableFingerprint>;
  let after: Record<string, TableFingerprint>;

  beforeAll(async () => {
    handle = await createPreviousReleaseDatabase();
    before = await tableFingerprints(handle.db);
    await migrateDatabase(handle);
    // The columns each table had: a column an upgrade adds is not a changed row.
    const columnsOf = Object.fromEntries(
      Object.entries(before).map(([table, { columns }]) => [table, columns]),
    );
    after = await tableFingerprints(handle.db, columnsOf);
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("starts from a database that holds rows in every table", () => {
    expect(before[JOURNAL]?.rows).toBe(PREVIOUS_RELEASE.migrations);
    expect(Object.entries(before).filter(([, { rows }]) => rows === 0)).toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(19);
  });

  it("keeps every row of every table, column for column, and records the new migrations", () => {
    for (const [table, fingerprint] of Object.entries(before)) {
      if (table === JOURNAL) continue;
      expect(after[table], table).toEqual(fingerprint);
    }
    expect(after[JOURNAL]?.rows).toBeGreaterThan(PREVIOUS_RELEASE.migrations);
  });

  it("gives the previous release's export files their storage keys: where they are in EXPORT_DIR", async () => {
    const runs = rowsOf<{ id: string; file_path: string | null; storage_key: string | null }>(
      await handle.db.execute(sql`select id, file_path, storage_key from export_runs order by id`),
    );
    expect(runs.filter((run) => run.file_path !== null).length).toBeGreaterThan(0);
    for (const run of runs) {
      // <EXPORT_DIR>/<run id>/<file name>: the key is the path below EXPORT_DIR.
      const key = run.file_path ? run.file_path.split("/").slice(-2).join("/") : null;
      expect(run.storage_key, run.id).toBe(key);
      if (key) expect(key.startsWith(`${run.id}/`)).toBe(true);
    }
  });

  it("is served by the app: a demo account signs in and sees the overview and a zone's figures", async () => {
    const auth = testAuth(handle.db);
    const viewer = await signIn(auth, handle.db, "viewer@demo.local", DEMO_PASSWORD);
    const caller = createCaller(contextFor(handle.db, auth, viewer));

    const overview = await caller.overview.get({});
    expect(overview.quarter).toBe("2026Q2");
    expect(overview.ranking.filter((row) => row.value !== null)).toHaveLength(12);
    // The fixture keeps the quarters from 2025Q1 on.
    expect(overview.quarters.at(-1)).toBe("2025Q1");

    const zone = await caller.dashboard.zone({ zoneCode: "HB-HS", from: "2025Q1", to: "2026Q2" });
    const gdp = zone.indicators.find((indicator) => indicator.code === "gdp");
    expect(gdp?.points.map((point) => point.quarter)).toEqual([
      "2025Q1",
      "2025Q2",
      "2025Q3",
      "2025Q4",
      "2026Q1",
      "2026Q2",
    ]);
    expect(gdp?.points.every((point) => typeof point.value === "number" && point.median !== null)).toBe(true);
  });
});
