/** Test-only: a PostgreSQL database holding more than 10,000 exportable observations, and exports of them. */
import { readCatalogue } from "@zones/db/catalogue";
import { type DatabaseHandle, openPostgres } from "@zones/db/client";
import { getExportRun, insertExportRun } from "@zones/db/exports";
import { migrateDatabase } from "@zones/db/migrate";
import { users } from "@zones/db/schema";
import { DEMO_FIRST_QUARTER, seedDatabase } from "@zones/db/seed";
import { parseExportFilters, type TExportFilters } from "@zones/exports";
import { startExportSender } from "@zones/jobs";
import { hashPassword } from "better-auth/crypto";

export const ADMIN = {
  id: "ops-admin",
  name: "运维测试",
  email: "ops-admin@ops.test",
  role: "admin",
} as const;

/**
 * Migrated and seeded with the demo data through 2027Q4 (more than 10,000 observations, both batches' zones)
 * and the demo accounts (to sign in with), and an admin to export.
 */
export async function openExportWorld(url: string): Promise<DatabaseHandle> {
  const handle = openPostgres(url);
  await migrateDatabase(handle);
  await seedDatabase(handle.db, { now: new Date("2027-11-28T12:00:00+08:00"), demo: true, hashPassword });
  await handle.db.insert(users).values({ ...ADMIN });
  return handle;
}

/**
 * Every zone, indicator and quarter of the database's catalogue, approved and submitted: more than 10,000 rows.
 * `zones`/`indicators` take the first few of each, for a smaller export.
 */
export async function everythingIn(
  handle: DatabaseHandle,
  first: { zones?: number; indicators?: number } = {},
): Promise<TExportFilters> {
  const catalogue = await readCatalogue(handle.db);
  return parseExportFilters({
    zoneCodes: catalogue.zones.slice(0, first.zones).map((zone) => zone.code),
    indicatorCodes: catalogue.indicators.slice(0, first.indicators).map((indicator) => indicator.code),
    from: DEMO_FIRST_QUARTER,
    to: "2027Q4",
    statuses: ["approved", "submitted"],
    layout: "long",
    headerLanguage: "en",
    encoding: "utf-8-bom",
  });
}

/** Queues an export run of `filters` (default: everything) for the workers, as the app does for an admin. */
export async function queueExport(handle: DatabaseHandle, format: "csv" | "xlsx", filters?: TExportFilters) {
  const run = await insertExportRun(handle.db, {
    requestedBy: ADMIN.id,
    trigger: "manual",
    filters: filters ?? (await everythingIn(handle)),
    format,
    maxAttempts: 3,
  });
  if (!run) throw new Error("no run recorded");
  const sender = await startExportSender(handle);
  try {
    await sender.jobs.enqueueRun(run.id);
  } finally {
    await sender.stop();
  }
  return run.id;
}

export function exportRun(handle: DatabaseHandle, runId: string) {
  return getExportRun(handle.db, runId);
}
