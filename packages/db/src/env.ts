import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

import { SERVICE_VARIABLES } from "./service/environment.mjs";

/**
 * The only place this package reads configuration. The variables the service processes share are declared in
 * service/environment.mjs, which those processes check at start (and require DATABASE_URL there).
 */
export const env = createEnv({
  server: {
    /** A real PostgreSQL; without it the embedded PGlite store is used. */
    DATABASE_URL: SERVICE_VARIABLES.DATABASE_URL.optional(),
    /** Streaming replicas of DATABASE_URL for the dashboards' and exports' reads (web and worker only). */
    DATABASE_REPLICA_URLS: SERVICE_VARIABLES.DATABASE_REPLICA_URLS.optional(),
    /** How far behind a replica may be and still be read; default REPLICA_MAX_LAG_DEFAULT_SECONDS. */
    REPLICA_MAX_LAG_SECONDS: SERVICE_VARIABLES.REPLICA_MAX_LAG_SECONDS.optional(),
    /** Where the embedded store lives; default `.data/pglite` at the repository root. */
    PGLITE_DIR: SERVICE_VARIABLES.PGLITE_DIR.optional(),
    /** Where export files are written; default `.data/exports` at the repository root (see export-dir.ts). */
    EXPORT_DIR: SERVICE_VARIABLES.EXPORT_DIR.optional(),
    /** Export files in a bucket instead: then `db:backup` has none to copy (it says so). */
    EXPORT_STORAGE_URL: SERVICE_VARIABLES.EXPORT_STORAGE_URL.optional(),
    /** The folder of pg_dump/pg_restore for backups, when not the server's major version's usual place. */
    PG_BIN_DIR: z.string().min(1).optional(),
    /** Set by npm: the folder a command was typed in (workspace scripts run in the package's folder). */
    INIT_CWD: z.string().min(1).optional(),
    /** Admin connection used by integration tests to create a database per test file. */
    TEST_DATABASE_URL: z.url().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
