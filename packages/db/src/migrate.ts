import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

import type { DatabaseHandle, Schema } from "./client";
import { peerStatisticsMissing, refreshPeerStatistics } from "./queries/dashboard/peer-statistics";
import { repositoryRoot } from "./repository-root";

/**
 * The committed migrations, found from the repository's root at run time: the web server migrates too
 * (MIGRATE_ON_START), from Next's build, where this file's own URL is that of a bundle (the comment keeps Next
 * from tracing the folder).
 */
export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ repositoryRoot(), "packages", "db", "drizzle");
}

/**
 * Applies the committed migrations in `packages/db/drizzle`; the same files serve both engines. Then fills
 * derived tables that a migration added empty (the peer statistics of a database that already holds
 * approved data), so an upgraded database shows the same dashboards as before.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await oneMigratorAtATime(handle, async () => {
    await applyMigrations(handle, migrationsFolder());
    if (await peerStatisticsMissing(handle.db)) await refreshPeerStatistics(handle.db, "all");
  });
}

/** Any fixed number: the advisory lock the migrators of one PostgreSQL database take in turn. */
const MIGRATION_LOCK = 720_150_001;

/**
 * On PostgreSQL, runs `migrate` holding a session lock, so that processes started together with
 * MIGRATE_ON_START (several web servers, a worker) or beside `npm run db:migrate` migrate one after the other:
 * drizzle's migrator takes no lock, and two would apply the same migration twice. The next one then finds
 * nothing left to do. The embedded store has one process.
 */
async function oneMigratorAtATime(handle: DatabaseHandle, migrate: () => Promise<void>): Promise<void> {
  if (!handle.connectionString) return migrate();
  const session = postgres(handle.connectionString, { max: 1, onnotice: () => {} });
  try {
    await session`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate();
  } finally {
    // Ending the session releases the lock, also when the unlock cannot be sent.
    await session.end({ timeout: 5 });
  }
}

/** Applies the migrations of `folder` (drizzle's layout) that the database has not applied yet. */
export async function applyMigrations(handle: DatabaseHandle, folder: string): Promise<void> {
  if (handle.engine === "pglite") {
    await migratePglite(handle.db as PgliteDatabase<Schema>, { migrationsFolder: folder });
  } else {
    await migratePostgres(handle.db as PostgresJsDatabase<Schema>, { migrationsFolder: folder });
  }
}
