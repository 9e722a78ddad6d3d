import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { pendingMigrations } from "./pending-migrations";
import { rowsOf } from "./rows";
import { createEmptyTestDatabase, createTestDatabase } from "./testing";

const tables = async (db: Parameters<typeof pendingMigrations>[0]) =>
  rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
    ),
  ).map((row) => row.name);

// Test databases on PGlite start from dumped data dirs (templates): each must be whole and on its own.
describe("PGlite test databases from templates", () => {
  it("gives a migrated database with nothing pending, and an empty one without tables", async () => {
    const migrated = await createTestDatabase();
    const empty = await createEmptyTestDatabase();
    try {
      expect(await pendingMigrations(migrated.db)).toEqual([]);
      expect(await tables(migrated.db)).toContain("observations");
      expect(await tables(empty.db)).toEqual([]);
    } finally {
      await migrated.close();
      await empty.close();
    }
  });

  it("never shares data between two databases of one template", async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    try {
      await first.db.execute(sql`insert into settings (key, value) values ('template-probe', '1'::jsonb)`);
      const probe = sql`select count(*)::int as n from settings where key = 'template-probe'`;
      expect(rowsOf<{ n: number }>(await first.db.execute(probe))[0]?.n).toBe(1);
      expect(rowsOf<{ n: number }>(await second.db.execute(probe))[0]?.n).toBe(0);
      const third = await createTestDatabase();
      expect(rowsOf<{ n: number }>(await third.db.execute(probe))[0]?.n).toBe(0);
      await third.close();
    } finally {
      await first.close();
      await second.close();
    }
  });
});
