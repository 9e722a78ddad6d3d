import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database, DatabaseHandle } from "@zones/db/client";
import { insertExportRun } from "@zones/db/exports";
import { createTestDatabase } from "@zones/db/testing";
import { parseExportFilters, type TExportFilters, type TExportFiltersInput } from "@zones/exports";
import { LocalExportStorage } from "@zones/storage";
import { afterAll, beforeAll, vi } from "vitest";

import { loadJobsFixture, REVIEWER } from "./test-fixture";

/** Test-only: a database with the jobs fixture (`loadJobsFixture`) and an export folder of its own. */
export interface JobsWorld {
  handle: DatabaseHandle;
  exportDir: string;
  /** The export folder as the worker's storage. */
  storage: LocalExportStorage;
}

/**
 * Test-only: a jobs world opened before the tests of the file and removed after them (after the file's own
 * `afterAll` hooks, which run first: stop workers there). Its fields are set once its `beforeAll` has run.
 */
export function useJobsWorld(): JobsWorld {
  const world = {} as JobsWorld;
  beforeAll(async () => {
    world.handle = await createTestDatabase();
    await loadJobsFixture(world.handle);
    world.exportDir = await mkdtemp(path.join(tmpdir(), "zones-exports-"));
    world.storage = new LocalExportStorage(world.exportDir);
  });
  afterAll(async () => {
    await world.handle?.close();
    if (world.exportDir) await rm(world.exportDir, { recursive: true, force: true });
  });
  return world;
}

/** GDP of HB-HS in 2026Q2, the fixture's approved quarter, unless `input` says otherwise. */
export function gdpFilters(input: Partial<TExportFiltersInput> = {}): TExportFilters {
  return parseExportFilters({
    zoneCodes: ["HB-HS"],
    indicatorCodes: ["gdp"],
    from: "2026Q2",
    to: "2026Q2",
    ...input,
  });
}

/** A queued manual run (three attempts), by default the reviewer's CSV of `gdpFilters()`. */
export async function insertManualRun(
  db: Database,
  run: { requestedBy?: string; filters?: TExportFilters; format?: string } = {},
) {
  const inserted = await insertExportRun(db, {
    requestedBy: run.requestedBy ?? REVIEWER.id,
    trigger: "manual",
    filters: run.filters ?? gdpFilters(),
    format: run.format ?? "csv",
    maxAttempts: 3,
  });
  if (!inserted) throw new Error("no run");
  return inserted;
}

/**
 * Polls `probe` until it gives a value (workers are other loops, with no callback to await); fails naming
 * `what` when `timeoutMs` pass first.
 */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  { timeoutMs = 20_000, intervalMs = 100 } = {},
): Promise<NonNullable<T>> {
  try {
    return (await vi.waitUntil(probe, { timeout: timeoutMs, interval: intervalMs })) as NonNullable<T>;
  } catch (error) {
    throw new Error(`waiting for ${what}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
