import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { logger } from "@zones/telemetry/log";
import { observeDatabasePool } from "@zones/telemetry/metrics";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import lockfile from "proper-lockfile";

import { env } from "./env";
import { countPoolUsage } from "./pool-usage";
import { openReplicaSet, REPLICA_CONNECT_TIMEOUT_SECONDS, type ReplicaSet } from "./replicas/replica-set";
import type { ReplicaState } from "./replicas/state";
import { repositoryRoot } from "./repository-root";
import * as schema from "./schema";
import { REPLICA_MAX_LAG_DEFAULT_SECONDS } from "./service/environment.mjs";

export type { ReplicaCondition, ReplicaState } from "./replicas/state";

export type Schema = typeof schema;

/** The one database type both engines satisfy; queries take it as their first argument. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  /** The primary: every write, and every read but the dashboards' and the exports' (`reader`). */
  db: Database;
  /**
   * The database for the dashboards' and the exports' reads, which may be a little behind the primary: at each
   * call the next read replica that is up and within REPLICA_MAX_LAG_SECONDS (round robin), else `db` (no
   * replica configured or none well; always on PGlite). Taken once for the reads of one answer (a procedure
   * call, an export), so that each reads one server. Those reads are chosen where they are made (the API's `dashboardProcedure`, the
   * web app's `getReader`, the worker's export); anything that reads what it has just written uses `db`.
   */
  reader(): Database;
  /** The read replicas' states once checked (none without replicas): for readiness's log details. */
  replicaStates(): Promise<ReplicaState[]>;
  engine: Engine;
  /** Where the data lives: the PostgreSQL URL without password, or the PGlite folder, or `memory`. */
  location: string;
  close(): Promise<void>;
  /** PostgreSQL only: the full connection URL, for tools that open their own pool (pg-boss). */
  connectionString?: string;
  /**
   * PGlite only: raw SQL on the embedded connection, for tools that cannot open their own (pg-boss's `db`
   * adapter). Statements without parameters may be several, separated by semicolons.
   */
  executeSql?: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  /** PGlite in memory only: its data dir as a tarball, to start other databases from (tests' templates). */
  dumpDataDir?: () => Promise<Blob>;
}

/** Thrown when a second process (or a second open in this one) reaches for an embedded store in use. */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The embedded database at ${dataDir} is already open in another process (or earlier in this one). ` +
        "Stop the other process (e.g. a running `npm run demo`) or set DATABASE_URL to use PostgreSQL.",
    );
    this.name = "EmbeddedDatabaseInUseError";
  }
}

const config = { schema, casing: "snake_case" } as const;

/**
 * Settings every PostgreSQL session of the app starts with (sent as startup parameters).
 *
 * `jit: off`: the dashboard and export statements are short or stream; PostgreSQL's JIT compiles them
 * anyway once their estimated cost passes `jit_above_cost`, which added 55–272 ms to heavy dashboard
 * statements and seconds to the export query at 4.56M observations (docs/performance.md). PGlite has no JIT.
 */
export const POSTGRES_SESSION_SETTINGS: Readonly<Record<string, string>> = Object.freeze({ jit: "off" });

/** Connections of a PostgreSQL pool. */
const POOL_SIZE = 10;

/** How a replica's read pool connects: named for `pg_stat_activity`, and refusing writes whatever the server. */
const REPLICA_SESSION_SETTINGS: Readonly<Record<string, string>> = Object.freeze({
  application_name: "zones-replica-reads",
  default_transaction_read_only: "on",
});

/** A pool of `url`, counted in the pool metrics (zones_db_pool_*) while it is open. */
function openPool(
  url: string,
  options: { connection?: Record<string, string>; connectTimeout?: number } = {},
) {
  const client = postgres(url, {
    max: POOL_SIZE,
    onnotice: () => {},
    connection: { ...POSTGRES_SESSION_SETTINGS, ...options.connection },
    ...(options.connectTimeout ? { connect_timeout: options.connectTimeout } : {}),
  });
  const stopObserving = observeDatabasePool(countPoolUsage(client, POOL_SIZE));
  return {
    db: drizzlePostgres({ client, ...config }) as Database,
    close: () => {
      stopObserving();
      return client.end({ timeout: 5 });
    },
  };
}

/** The primary behind each replica's database (see `primaryOf`). */
const primaries = new WeakMap<Database, Database>();

/**
 * The primary behind `db`: `db` itself, or for a read replica's database the primary it replicates. For the
 * rare write a read needs (the dashboards recompute stale peer statistics), wherever it was made.
 */
export function primaryOf(db: Database): Database {
  return primaries.get(db) ?? db;
}

export interface ReplicaOptions {
  /** Streaming replicas of the primary (DATABASE_REPLICA_URLS). */
  urls: readonly string[];
  /** Default REPLICA_MAX_LAG_DEFAULT_SECONDS. */
  maxLagSeconds?: number;
  /** Default REPLICA_CHECK_INTERVAL_MS (tests check more often). */
  checkIntervalMs?: number;
}

export function openPostgres(url: string, options: { replicas?: ReplicaOptions } = {}): DatabaseHandle {
  const primary = openPool(url);
  const replicaUrls = options.replicas?.urls ?? [];
  const replicas: ReplicaSet | null =
    replicaUrls.length === 0
      ? null
      : openReplicaSet(
          primary.db,
          replicaUrls,
          (replicaUrl) => {
            const pool = openPool(replicaUrl, {
              connection: REPLICA_SESSION_SETTINGS,
              connectTimeout: REPLICA_CONNECT_TIMEOUT_SECONDS,
            });
            primaries.set(pool.db, primary.db);
            return pool;
          },
          {
            maxLagSeconds: options.replicas?.maxLagSeconds ?? REPLICA_MAX_LAG_DEFAULT_SECONDS,
            ...(options.replicas?.checkIntervalMs
              ? { checkIntervalMs: options.replicas.checkIntervalMs }
              : {}),
          },
        );
  return {
    db: primary.db,
    reader: () => replicas?.pick() ?? primary.db,
    replicaStates: async () => (replicas ? await replicas.states() : []),
    engine: "postgres",
    location: redactUrl(url),
    close: async () => {
      await replicas?.close();
      await primary.close();
    },
    connectionString: url,
  };
}

/**
 * Opens the embedded PostgreSQL. A folder is locked for the life of the handle (stale locks of a crashed
 * process expire) so two processes never write one store; without a folder the database lives in memory,
 * started from `template` when given (tests).
 */
export async function openPglite(dataDir?: string, template?: Blob): Promise<DatabaseHandle> {
  if (!dataDir) {
    // A template (a data dir PGlite dumped) skips initdb: seconds per database on a small machine.
    const client = await PGlite.create(template ? { loadDataDir: template } : {});
    return {
      ...withoutReplicas(drizzlePglite({ client, ...config })),
      engine: "pglite",
      location: "memory",
      close: () => client.close(),
      executeSql: pgliteExecutor(client),
      dumpDataDir: () => client.dumpDataDir("none"),
    };
  }
  mkdirSync(dataDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}.lock`,
      // Starting PGlite blocks the event loop for seconds (WASM), far longer on a busy machine: the lock
      // is refreshed every 10 s and only a minute without refresh counts as a crashed owner.
      stale: 60_000,
      update: 10_000,
      realpath: false,
      // A refresh that came late must not crash the process (proper-lockfile's default is to throw).
      onCompromised: (error) =>
        logger.error({ err: error, lock: `${dataDir}.lock` }, "embedded database lock compromised"),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new EmbeddedDatabaseInUseError(dataDir);
    throw error;
  }
  try {
    const client = await PGlite.create({ dataDir });
    return {
      ...withoutReplicas(drizzlePglite({ client, ...config })),
      engine: "pglite",
      location: dataDir,
      executeSql: pgliteExecutor(client),
      close: async () => {
        await client.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** The embedded store has no replicas: its one connection reads and writes. */
function withoutReplicas(db: Database): Pick<DatabaseHandle, "db" | "reader" | "replicaStates"> {
  return { db, reader: () => db, replicaStates: async () => [] };
}

/** pg-boss sends multi-statement SQL (its migrations, queue creation) without parameters: `exec` runs those. */
function pgliteExecutor(client: PGlite) {
  return async (text: string, values?: unknown[]): Promise<{ rows: unknown[] }> => {
    if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
    const results = await client.exec(text);
    return { rows: results.at(-1)?.rows ?? [] };
  };
}

/**
 * PostgreSQL when `DATABASE_URL` is set, else the embedded store in `PGLITE_DIR` (default `.data/pglite`).
 * `replicas`: read DATABASE_REPLICA_URLS too (the web app and the worker; the command-line tools write, and
 * read what they wrote, on the primary only).
 */
export function openDatabase(options: { replicas?: boolean } = {}): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    const urls = options.replicas ? (env.DATABASE_REPLICA_URLS ?? []) : [];
    const maxLagSeconds = env.REPLICA_MAX_LAG_SECONDS ?? REPLICA_MAX_LAG_DEFAULT_SECONDS;
    return Promise.resolve(openPostgres(env.DATABASE_URL, { replicas: { urls, maxLagSeconds } }));
  }
  return openPglite(defaultPgliteDir());
}

export function defaultPgliteDir(): string {
  // Resolved at run time, not a build input (the comment keeps Next from tracing the whole tree).
  return path.resolve(
    /*turbopackIgnore: true*/ env.PGLITE_DIR ?? path.join(repositoryRoot(), ".data", "pglite"),
  );
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/** The rows of a `db.execute` result, whichever driver ran it. */
export { rowsOf } from "./rows";
