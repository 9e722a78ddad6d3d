import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { SessionUser } from "@zones/auth";
import type { Database } from "@zones/db/client";
import { insertExportRun } from "@zones/db/exports";
import { exportRuns } from "@zones/db/schema";
import { parseExportFilters, type TExportFiltersInput } from "@zones/exports";
import { type ExportStorage, exportObjectKey } from "@zones/storage";
import { eq } from "drizzle-orm";

/** Test-only: the scope of the runs below unless a test says otherwise. */
export const HB_HS_GDP: Partial<TExportFiltersInput> = {
  zoneCodes: ["HB-HS"],
  indicatorCodes: ["gdp"],
  from: "2026Q1",
  to: "2026Q2",
};

/**
 * Test-only: a finished run of `user` whose file (`bytes`) is kept in `storage`, recorded as the worker records
 * it. `filters` change the default scope (HB_HS_GDP).
 */
export async function storeFinishedRun(
  db: Database,
  storage: ExportStorage,
  user: SessionUser,
  bytes: Buffer,
  filters: Partial<TExportFiltersInput> = {},
): Promise<{ id: string; storageKey: string; fileName: string }> {
  const run = await insertExportRun(db, {
    requestedBy: user.id,
    trigger: "manual",
    filters: parseExportFilters({ ...HB_HS_GDP, ...filters }),
    format: "csv",
    maxAttempts: 3,
  });
  if (!run) throw new Error("no run");
  const fileName = "zones-export-HB-HS-gdp-2026Q1-2026Q2-20261128.csv";
  const storageKey = exportObjectKey(run.id, fileName);
  await storage.store(storageKey, (sink) => pipeline(Readable.from([bytes]), sink));
  await db
    .update(exportRuns)
    .set({
      status: "succeeded",
      fileName,
      storageKey,
      byteSize: bytes.length,
      checksum: createHash("sha256").update(bytes).digest("hex"),
    })
    .where(eq(exportRuns.id, run.id));
  return { id: run.id, storageKey, fileName };
}
