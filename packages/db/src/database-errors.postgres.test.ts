import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, openPostgres } from "./client";
import { isDatabaseUnavailable, isUniqueViolation, sqlState } from "./database-errors";
import { env } from "./env";
import { createScratchDatabase } from "./testing";

/** The errors PostgreSQL itself raises, through the app's driver. */
describe("database errors of a real PostgreSQL", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    scratch = await createScratchDatabase(env.TEST_DATABASE_URL as string, "zones_errors");
    handle = openPostgres(scratch.url);
  });
  afterAll(async () => {
    await handle?.close();
    await scratch?.drop();
  });

  it("a query whose connection is terminated, as a stop terminates them, is 'unavailable'", async () => {
    const marker = `zones_errors_${Date.now()}`;
    const sleeping = handle.db.execute(sql.raw(`select pg_sleep(60) as ${marker}`)).then(
      () => null,
      (error: unknown) => error,
    );
    const admin = postgres(env.TEST_DATABASE_URL as string, { max: 1, onnotice: () => {} });
    try {
      // Once the query runs, its backend is ended as `pg_ctl stop -m fast` ends every one.
      for (;;) {
        const [ended] = await admin`
          select pg_terminate_backend(pid) as ended from pg_stat_activity
          where query like ${`%${marker}%`} and pid <> pg_backend_pid()`;
        if (ended) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await admin.end();
    }
    const error = await sleeping;
    // postgres-js reports the server's FATAL 57P01 as the connection closed under the query.
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // The pool opens a new connection: the next query is served.
    expect(isDatabaseUnavailable(await handle.db.execute(sql`select 1`).then(() => null))).toBe(false);
  });

  it("a refusal of the database's own (a duplicate key, a division by zero) is not", async () => {
    await handle.db.execute(sql`create table once (id int primary key)`);
    await handle.db.execute(sql`insert into once values (1)`);
    const duplicate = await handle.db
      .execute(sql`insert into once values (1)`)
      .catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    const division = await handle.db.execute(sql`select 1 / 0`).catch((error: unknown) => error);
    expect(sqlState(division)).toBe("22012");
    expect(isDatabaseUnavailable(division)).toBe(false);
  });
});
