import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import journal from "../drizzle/meta/_journal.json" with { type: "json" };
import type { DatabaseHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { pendingMigrations } from "./pending-migrations";
import { createEmptyTestDatabase } from "./testing";

const ALL = journal.entries.map((entry) => entry.tag);

describe("pending migrations", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createEmptyTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("all of them on an empty database, none once migrated, and the newest when it was not applied", async () => {
    expect(await pendingMigrations(handle.db)).toEqual(ALL);
    await migrateDatabase(handle);
    expect(await pendingMigrations(handle.db)).toEqual([]);
    // A database of the previous release: its journal lacks the newest migration.
    const newest = journal.entries.at(-1);
    await handle.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${newest?.when}`);
    expect(await pendingMigrations(handle.db)).toEqual([newest?.tag]);
  });
});
