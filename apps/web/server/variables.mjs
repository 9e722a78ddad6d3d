// Plain JavaScript (typed in variables.d.mts): declared once for server.mjs, which checks them at start
// (config.mjs), and for the app's typed view of them (src/env.ts).
import { z } from "zod";

/** Where export jobs run (`EXPORT_WORKER`): see `exportWorkerMode` in src/server/process-resources.ts. */
export const EXPORT_WORKER_MODES = ["inline", "external", "off"];

/** The web process's own variables; those it shares with the worker are `SERVICE_VARIABLES` (@zones/db). */
export const WEB_VARIABLES = {
  /** The port to serve on (default 3000); `-p` on the command line wins. */
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a port number")
    .min(1, "must be a port number")
    .max(65535, "must be a port number"),
  /** Unset: `inline` on the embedded database, `external` with DATABASE_URL. */
  EXPORT_WORKER: z.enum(EXPORT_WORKER_MODES, { error: `must be one of ${EXPORT_WORKER_MODES.join(", ")}` }),
  /** The reverse proxies whose X-Forwarded-For is believed (packages/auth/src/client-address.mjs). */
  TRUSTED_PROXIES: z.string(),
  NODE_ENV: z.enum(["development", "production", "test"], {
    error: "must be production (or development, test)",
  }),
  /** The folder of the production build inside apps/web (next.config.ts); default `.next`. */
  NEXT_DIST_DIR: z.string().min(1),
};
