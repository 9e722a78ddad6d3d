import { randomBytes } from "node:crypto";
import net from "node:net";
import postgres from "postgres";

import { type DatabaseHandle, openPglite, openPostgres } from "./client";
import { env } from "./env";
import { migrateDatabase } from "./migrate";

import type { TestEngine } from "./test-projects";

export type { TestEngine };

/** The engine this test run targets; vitest projects set TEST_ENGINE (see `databaseTestProjects`). */
export function testEngine(): TestEngine {
  return process.env.TEST_ENGINE === "postgres" ? "postgres" : "pglite";
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — on the postgres engine — a new
 * database created through TEST_DATABASE_URL and dropped again by `close()`.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const handle = await createEmptyTestDatabase();
  await migrateDatabase(handle);
  return handle;
}

/** A new empty database on the server of `adminUrl` (an admin connection); `drop()` removes it, connections and all. */
export async function createScratchDatabase(adminUrl: string, prefix = "zones_test") {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** As `createTestDatabase`, without migrations: a restore target, or a database of an older release. */
export async function createEmptyTestDatabase(): Promise<DatabaseHandle> {
  if (testEngine() === "pglite") return openPglite();
  const adminUrl = env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_ENGINE=postgres needs TEST_DATABASE_URL (an admin connection URL).");
  const scratch = await createScratchDatabase(adminUrl);
  const handle = openPostgres(scratch.url);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** A loopback port nobody listens on (one the system gave, released again): a PostgreSQL that is down. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
