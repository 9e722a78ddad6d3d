import { registry } from "@zones/telemetry/metrics";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "./client";
import { cursorRows } from "./exports/cursor";
import { createTestDatabase } from "./testing";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

/** The pool gauges as a scrape reads them. */
async function pool(): Promise<{ inUse: number; waiting: number; size: number }> {
  const text = await registry.metrics();
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, "m").exec(text)?.[1]);
  return {
    inUse: gauge("zones_db_pool_in_use"),
    waiting: gauge("zones_db_pool_waiting"),
    size: gauge("zones_db_pool_size"),
  };
}

describe("the PostgreSQL pool in the metrics", () => {
  it("counts queries in flight as in use, those beyond the pool's ten connections as waiting", async () => {
    expect(await pool()).toEqual({ inUse: 0, waiting: 0, size: 10 });
    // Drizzle's queries run when awaited: Promise.all starts them.
    const sleeping = Promise.all(
      Array.from({ length: 13 }, () => handle.db.execute(sql`select pg_sleep(0.5)`)),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await pool()).toEqual({ inUse: 10, waiting: 3, size: 10 });
    await sleeping;
    expect(await pool()).toMatchObject({ inUse: 0, waiting: 0 });
  });

  it("counts a transaction and a cursor while they hold their connection, failed ones too", async () => {
    let during = await pool();
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      during = await pool();
    });
    expect(during.inUse).toBe(1);
    await expect(handle.db.execute(sql`select * from no_such_table`)).rejects.toThrow();
    const rows = cursorRows<{ n: number }>(handle.db, sql`select generate_series(1, 5) as n`, {
      batchSize: 2,
    });
    for await (const _batch of rows) {
      during = await pool();
      break;
    }
    expect(during.inUse).toBe(1);
    expect(await pool()).toMatchObject({ inUse: 0, waiting: 0 });
  });
});
