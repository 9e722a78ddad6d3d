import "server-only";

import { type Database, type DatabaseHandle, openDatabase } from "@zones/db";

/**
 * One database handle per server process, kept on globalThis so that dev-mode module reloads reuse it
 * instead of reopening (and, for the embedded store, tripping over its own lock).
 */
const holder = globalThis as typeof globalThis & { zonesDatabase?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!holder.zonesDatabase) {
    holder.zonesDatabase = openDatabase();
    // A failed open (e.g. the embedded store is in use) is retried on the next request.
    holder.zonesDatabase.catch(() => {
      holder.zonesDatabase = undefined;
    });
  }
  return holder.zonesDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
