import { fileURLToPath } from "node:url";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";

import type { DatabaseHandle, Schema } from "./client";

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** Applies the committed migrations in `packages/db/drizzle`; the same files serve both engines. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.engine === "pglite") {
    await migratePglite(handle.db as PgliteDatabase<Schema>, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as PostgresJsDatabase<Schema>, { migrationsFolder });
  }
}
