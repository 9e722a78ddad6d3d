import {
  readEnvironment,
  SERVICE_VARIABLES,
  SHUTDOWN_GRACE_DEFAULT_SECONDS,
} from "@zones/db/service-environment";
import type { ExportStorageVariables } from "@zones/storage";

/**
 * Every variable `npm run worker` reads, checked at once when it starts (the web server checks the same shared
 * ones: apps/web/server/config.mjs). BETTER_AUTH_SECRET and BETTER_AUTH_URL are not used here: they are
 * required all the same, so a deployment is configured once for both processes and a worker never runs beside
 * a web app that would refuse to start.
 */
const WORKER_VARIABLES = {
  DATABASE_URL: SERVICE_VARIABLES.DATABASE_URL,
  DATABASE_REPLICA_URLS: SERVICE_VARIABLES.DATABASE_REPLICA_URLS,
  REPLICA_MAX_LAG_SECONDS: SERVICE_VARIABLES.REPLICA_MAX_LAG_SECONDS,
  PGLITE_DIR: SERVICE_VARIABLES.PGLITE_DIR,
  EXPORT_DIR: SERVICE_VARIABLES.EXPORT_DIR,
  EXPORT_STORAGE_URL: SERVICE_VARIABLES.EXPORT_STORAGE_URL,
  S3_ENDPOINT: SERVICE_VARIABLES.S3_ENDPOINT,
  S3_REGION: SERVICE_VARIABLES.S3_REGION,
  S3_ACCESS_KEY_ID: SERVICE_VARIABLES.S3_ACCESS_KEY_ID,
  S3_SECRET_ACCESS_KEY: SERVICE_VARIABLES.S3_SECRET_ACCESS_KEY,
  S3_FORCE_PATH_STYLE: SERVICE_VARIABLES.S3_FORCE_PATH_STYLE,
  SMTP_URL: SERVICE_VARIABLES.SMTP_URL,
  MAIL_FROM: SERVICE_VARIABLES.MAIL_FROM,
  MAIL_ATTACHMENT_MAX_MB: SERVICE_VARIABLES.MAIL_ATTACHMENT_MAX_MB,
  WEBHOOK_PRIVATE_HOSTS: SERVICE_VARIABLES.WEBHOOK_PRIVATE_HOSTS,
  BETTER_AUTH_SECRET: SERVICE_VARIABLES.BETTER_AUTH_SECRET,
  BETTER_AUTH_URL: SERVICE_VARIABLES.BETTER_AUTH_URL,
  APP_INTERNAL_URL: SERVICE_VARIABLES.APP_INTERNAL_URL,
  CHROMIUM_PATH: SERVICE_VARIABLES.CHROMIUM_PATH,
  MIGRATE_ON_START: SERVICE_VARIABLES.MIGRATE_ON_START,
  SHUTDOWN_GRACE_SECONDS: SERVICE_VARIABLES.SHUTDOWN_GRACE_SECONDS,
  ZONES_DEMO: SERVICE_VARIABLES.ZONES_DEMO,
};

export type WorkerConfig =
  | {
      ok: true;
      migrateOnStart: boolean;
      graceMs: number;
      /** Where export files go (with EXPORT_DIR, read by @zones/db): see `exportStorageSettings`. */
      storage: ExportStorageVariables;
      /** How mail leaves: SMTP_URL as MAIL_FROM, or the outbox without SMTP_URL (see `mailTransport`). */
      mail: { smtpUrl: string | undefined; from: string | undefined };
      /** How schedules deliver files: links signed with a key of BETTER_AUTH_SECRET, to BETTER_AUTH_URL. */
      delivery: {
        secret: string | undefined;
        publicUrl: string | undefined;
        attachmentMaxMb: number | undefined;
        webhookPrivateHosts: string[] | undefined;
      };
      /** The app's public address (BETTER_AUTH_URL): links in notification mail. */
      appUrl: string | undefined;
      /**
       * How the worker prints the quarterly bulletin: the web app's page at APP_INTERNAL_URL (default
       * BETTER_AUTH_URL), let in by a token signed with BETTER_AUTH_SECRET; null without them (a demo's worker).
       */
      bulletin: { appUrl: string; secret: string; chromium: string | undefined } | null;
    }
  | { ok: false; message: string; variables: string[] };

export function readWorkerConfig(source: Record<string, string | undefined> = process.env): WorkerConfig {
  const reading = readEnvironment(WORKER_VARIABLES, source);
  if (!reading.ok) return reading;
  const values = reading.values;
  return {
    ok: true,
    migrateOnStart: values.MIGRATE_ON_START ?? false,
    graceMs: (values.SHUTDOWN_GRACE_SECONDS ?? SHUTDOWN_GRACE_DEFAULT_SECONDS) * 1000,
    storage: {
      EXPORT_STORAGE_URL: values.EXPORT_STORAGE_URL,
      S3_ENDPOINT: values.S3_ENDPOINT,
      S3_REGION: values.S3_REGION,
      S3_ACCESS_KEY_ID: values.S3_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: values.S3_SECRET_ACCESS_KEY,
      S3_FORCE_PATH_STYLE: values.S3_FORCE_PATH_STYLE,
    },
    mail: { smtpUrl: values.SMTP_URL, from: values.MAIL_FROM },
    delivery: {
      secret: values.BETTER_AUTH_SECRET,
      publicUrl: values.BETTER_AUTH_URL,
      attachmentMaxMb: values.MAIL_ATTACHMENT_MAX_MB,
      webhookPrivateHosts: values.WEBHOOK_PRIVATE_HOSTS,
    },
    appUrl: values.BETTER_AUTH_URL,
    bulletin: bulletinPrinting(values),
  };
}

function bulletinPrinting(values: {
  APP_INTERNAL_URL?: string | undefined;
  BETTER_AUTH_URL?: string | undefined;
  BETTER_AUTH_SECRET?: string | undefined;
  CHROMIUM_PATH?: string | undefined;
}): Extract<WorkerConfig, { ok: true }>["bulletin"] {
  const appUrl = values.APP_INTERNAL_URL ?? values.BETTER_AUTH_URL;
  if (!appUrl || !values.BETTER_AUTH_SECRET) return null;
  return { appUrl, secret: values.BETTER_AUTH_SECRET, chromium: values.CHROMIUM_PATH };
}
