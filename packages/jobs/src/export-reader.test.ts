import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DatabaseHandle } from "@zones/db/client";
import { getExportRun } from "@zones/db/exports";
import { createTestDatabase } from "@zones/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runExportAttempt } from "./run-export";
import { loadJobsFixture, REVIEWER } from "./test-fixture";
import { insertManualRun, useJobsWorld } from "./test-world";

const world = useJobsWorld();

/**
 * An export run's rows come from its reader (a read replica's database), its records from the primary. A
 * second database stands for the replica, holding another value, so the file says where it was read; the real
 * streaming replica is tested in apps/web/ops/read-replicas.test.ts.
 */
describe("an export run with a reader", () => {
  let replica: DatabaseHandle;
  beforeAll(async () => {
    replica = await createTestDatabase();
    await loadJobsFixture(replica);
    await replica.db.execute(sql`
      update observations set value = 4321 where zone_code = 'HB-HS' and indicator_code = 'gdp' and quarter = '2026Q2'`);
  });
  afterAll(async () => {
    await replica?.close();
  });

  it("writes the reader's rows, and records the run on the primary", async () => {
    const run = await insertManualRun(world.handle.db, { requestedBy: REVIEWER.id });
    const outcome = await runExportAttempt(
      world.handle.db,
      run.id,
      { retryCount: 0, retryLimit: 2 },
      { storage: world.storage, reader: replica.db },
    );
    expect(outcome).toBe("succeeded");
    const stored = await getExportRun(world.handle.db, run.id);
    expect(stored).toMatchObject({ status: "succeeded", rowCount: 1 });
    const text = await readFile(path.join(world.exportDir, stored?.storageKey ?? "missing"), "utf8");
    expect(text).toContain("4321");
    expect(text).not.toContain("1234.5");
  });
});
