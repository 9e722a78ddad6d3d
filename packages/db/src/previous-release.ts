import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

import type { DatabaseHandle } from "./client";
import { applyMigrations } from "./migrate";
import { createEmptyTestDatabase } from "./testing";

const fixture = (file: string) =>
  fileURLToPath(new URL(`../test-fixtures/previous-release/${file}`, import.meta.url));

/**
 * Test-only: the release before HEAD, as `test-fixtures/previous-release` holds it — the migrations as of
 * commit cd6a765 (0000–0006) and data that release's own seed and workflow wrote (see its README).
 */
export const PREVIOUS_RELEASE = {
  commit: "cd6a765c4cfe277f0ec18bd0ea2e07bb7933a1c2",
  migrations: 7,
} as const;

/** A test database (of the test engine) at the previous release's schema, holding its data. */
export async function createPreviousReleaseDatabase(): Promise<DatabaseHandle> {
  const handle = await createEmptyTestDatabase();
  try {
    await applyMigrations(handle, fixture("drizzle"));
    await runScript(handle, readFileSync(fixture("seed.sql"), "utf8"));
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Several statements without parameters, as one simple-protocol script. */
async function runScript(handle: DatabaseHandle, script: string): Promise<void> {
  if (handle.executeSql) {
    await handle.executeSql(script);
    return;
  }
  if (!handle.connectionString) throw new Error("a PostgreSQL handle carries its connection string");
  const sql = postgres(handle.connectionString, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(script).simple();
  } finally {
    await sql.end();
  }
}
