import { createEnv } from "@t3-oss/env-nextjs";
import { SERVICE_VARIABLES } from "@zones/db/service-environment";

import { EXPORT_WORKER_MODES, WEB_VARIABLES } from "../server/variables.mjs";

export { EXPORT_WORKER_MODES };

/**
 * The web app's typed view of its own configuration; the packages read theirs (DATABASE_URL, PGLITE_DIR in
 * @zones/db; BETTER_AUTH_SECRET, BETTER_AUTH_URL in @zones/auth). Every variable of the web process is
 * declared once (server/variables.mjs, and @zones/db's service environment for those the worker shares) and
 * checked all together when the process starts (server/config.mjs), before Next runs.
 *
 * Read where they are, as Next needs them: NEXT_RUNTIME and NEXT_PHASE (set by Next, and NEXT_RUNTIME replaced
 * at build time so that the instrumentation hook's Node-only branch leaves its edge bundle), and NODE_ENV in
 * client components (replaced at build time: the browser has no environment).
 */
export const env = createEnv({
  server: {
    /** Unset: `inline` on the embedded database, `external` with DATABASE_URL. */
    EXPORT_WORKER: WEB_VARIABLES.EXPORT_WORKER.optional(),
    /** Where finished export files are kept; unset: `.data/exports` at the repository root. */
    EXPORT_DIR: SERVICE_VARIABLES.EXPORT_DIR.optional(),
    /**
     * The port this server serves on (server.mjs sets it, `-p` included): without BETTER_AUTH_URL, only its
     * local origins are trusted.
     */
    PORT: WEB_VARIABLES.PORT.optional(),
    /** Export files in an S3-compatible bucket instead (`s3://bucket/prefix`), reached as the S3_* say. */
    EXPORT_STORAGE_URL: SERVICE_VARIABLES.EXPORT_STORAGE_URL.optional(),
    S3_ENDPOINT: SERVICE_VARIABLES.S3_ENDPOINT.optional(),
    S3_REGION: SERVICE_VARIABLES.S3_REGION.optional(),
    S3_ACCESS_KEY_ID: SERVICE_VARIABLES.S3_ACCESS_KEY_ID.optional(),
    S3_SECRET_ACCESS_KEY: SERVICE_VARIABLES.S3_SECRET_ACCESS_KEY.optional(),
    S3_FORCE_PATH_STYLE: SERVICE_VARIABLES.S3_FORCE_PATH_STYLE.optional(),
    /** Mail through this SMTP server (the inline worker's); unset: the outbox, read at /admin/outbox. */
    SMTP_URL: SERVICE_VARIABLES.SMTP_URL.optional(),
    MAIL_FROM: SERVICE_VARIABLES.MAIL_FROM.optional(),
    /** Largest export file a schedule mails attached (MB, default 10); larger ones are linked. */
    MAIL_ATTACHMENT_MAX_MB: SERVICE_VARIABLES.MAIL_ATTACHMENT_MAX_MB.optional(),
    /** Hosts webhooks may reach although their addresses are private (an intranet receiver). */
    WEBHOOK_PRIVATE_HOSTS: SERVICE_VARIABLES.WEBHOOK_PRIVATE_HOSTS.optional(),
    /** The app's URL as this process reaches it, for printing the bulletin; unset: BETTER_AUTH_URL, else localhost. */
    APP_INTERNAL_URL: SERVICE_VARIABLES.APP_INTERNAL_URL.optional(),
    /** The Chromium that prints the bulletin; unset: /usr/bin/chromium. */
    CHROMIUM_PATH: SERVICE_VARIABLES.CHROMIUM_PATH.optional(),
    /** Apply pending migrations when the server starts (otherwise only `npm run db:migrate` does). */
    MIGRATE_ON_START: SERVICE_VARIABLES.MIGRATE_ON_START.optional(),
  },
  shared: {
    NODE_ENV: WEB_VARIABLES.NODE_ENV.default("development"),
  },
  client: {},
  experimental__runtimeEnv: { NODE_ENV: process.env.NODE_ENV },
  emptyStringAsUndefined: true,
});
