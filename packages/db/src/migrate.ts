import { fileURLToPath } from "node:url";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";

import type { DatabaseHandle, Schema } from "./client";
import { peerStatisticsMissing, refreshPeerStatistics } from "./queries/dashboard/peer-statistics";

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/**
 * Applies the committed migrations in `packages/db/drizzle`; the same files serve both engines. Then fills
 * derived tables that a migration added empty (the peer statistics of a database that already holds
 * approved data), so an upgraded database shows the same dashboards as before.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await applyMigrations(handle, migrationsFolder);
  if (await peerStatisticsMissing(handle.db)) await refreshPeerStatistics(handle.db, "all");
}

/** Applies the migrations of `folder` (drizzle's layout) that the database has not applied yet. */
export async function applyMigrations(handle: DatabaseHandle, folder: string): Promise<void> {
  if (handle.engine === "pglite") {
    await migratePglite(handle.db as PgliteDatabase<Schema>, { migrationsFolder: folder });
  } else {
    await migratePostgres(handle.db as PostgresJsDatabase<Schema>, { migrationsFolder: folder });
  }
}
