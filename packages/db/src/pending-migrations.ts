import { sql } from "drizzle-orm";

import journal from "../drizzle/meta/_journal.json" with { type: "json" };
import type { Database } from "./client";
import { rowsOf } from "./rows";

/**
 * The committed migrations (`packages/db/drizzle`, drizzle's journal) that the database has not applied, oldest
 * first, by name (`0007_peer_statistics_stale`). Built into the app, the journal is the schema this release
 * was written for. Drizzle's migrator applies every migration newer than the newest applied one, so the same
 * rule says which are missing.
 */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const [table] = rowsOf<{ name: string | null }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`),
  );
  let newest = Number.NEGATIVE_INFINITY;
  if (table?.name) {
    const [row] = rowsOf<{ newest: string | null }>(
      await db.execute(sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`),
    );
    if (row?.newest) newest = Number(row.newest);
  }
  return journal.entries.filter((entry) => entry.when > newest).map((entry) => entry.tag);
}
