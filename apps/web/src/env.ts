import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** Where export jobs run (`EXPORT_WORKER`): see `exportWorkerMode` in server/process-resources.ts. */
export const EXPORT_WORKER_MODES = ["inline", "external", "off"] as const;

/**
 * The web app's own configuration, validated once when first imported; the packages validate theirs
 * (DATABASE_URL, PGLITE_DIR in @zones/db; BETTER_AUTH_SECRET, BETTER_AUTH_URL, PORT in @zones/auth).
 *
 * Read where they are, as Next needs them: NEXT_RUNTIME and NEXT_PHASE (set by Next, and NEXT_RUNTIME replaced
 * at build time so that the instrumentation hook's Node-only branch leaves its edge bundle), and NODE_ENV in
 * client components (replaced at build time: the browser has no environment). server.mjs, plain JavaScript
 * that node runs before Next, reads and checks PORT and TRUSTED_PROXIES itself.
 */
export const env = createEnv({
  server: {
    /** Unset: `inline` on the embedded database, `external` with DATABASE_URL. */
    EXPORT_WORKER: z.enum(EXPORT_WORKER_MODES).optional(),
    /** Where finished export files are kept; unset: `.data/exports` at the repository root. */
    EXPORT_DIR: z.string().min(1).optional(),
  },
  shared: {
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  },
  client: {},
  experimental__runtimeEnv: { NODE_ENV: process.env.NODE_ENV },
  emptyStringAsUndefined: true,
});
