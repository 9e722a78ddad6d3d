/** Types of `environment.mjs` (plain JavaScript, so that the production server can run it with Node alone). */
import type { z } from "zod";

export declare const SERVICE_VARIABLES: {
  DATABASE_URL: z.ZodURL;
  DATABASE_REPLICA_URLS: z.ZodPipe<z.ZodString, z.ZodTransform<string[], string>>;
  REPLICA_MAX_LAG_SECONDS: z.ZodCoercedNumber<unknown>;
  PGLITE_DIR: z.ZodString;
  EXPORT_DIR: z.ZodString;
  EXPORT_STORAGE_URL: z.ZodPipe<z.ZodString, z.ZodTransform<ExportStorageLocation, string>>;
  S3_ENDPOINT: z.ZodURL;
  S3_REGION: z.ZodString;
  S3_ACCESS_KEY_ID: z.ZodString;
  S3_SECRET_ACCESS_KEY: z.ZodString;
  S3_FORCE_PATH_STYLE: z.ZodCodec<z.ZodString, z.ZodBoolean>;
  SMTP_URL: z.ZodURL;
  MAIL_FROM: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
  MAIL_ATTACHMENT_MAX_MB: z.ZodCoercedNumber<unknown>;
  WEBHOOK_PRIVATE_HOSTS: z.ZodPipe<
    z.ZodPipe<z.ZodString, z.ZodTransform<string[], string>>,
    z.ZodArray<z.ZodString>
  >;
  BETTER_AUTH_SECRET: z.ZodString;
  BETTER_AUTH_PREVIOUS_SECRETS: z.ZodPipe<
    z.ZodPipe<z.ZodString, z.ZodTransform<string[], string>>,
    z.ZodArray<z.ZodString>
  >;
  BETTER_AUTH_URL: z.ZodURL;
  APP_INTERNAL_URL: z.ZodURL;
  CHROMIUM_PATH: z.ZodString;
  MIGRATE_ON_START: z.ZodCodec<z.ZodString, z.ZodBoolean>;
  SHUTDOWN_GRACE_SECONDS: z.ZodCoercedNumber<unknown>;
  SESSION_CACHE_SECONDS: z.ZodCoercedNumber<unknown>;
  ZONES_DEMO: z.ZodCodec<z.ZodString, z.ZodBoolean>;
};

/** The bucket and key prefix of `EXPORT_STORAGE_URL`. */
export interface ExportStorageLocation {
  bucket: string;
  prefix: string;
}

export declare function parseExportStorageUrl(value: string): ExportStorageLocation | { problem: string };

export declare function parseMailFrom(value: string): { from: string; address: string } | { problem: string };

export declare const DEPENDENT_VARIABLES: Record<
  string,
  { required: readonly string[]; optional: readonly string[]; unused: string | null }
>;

export declare const PRODUCTION_VARIABLES: readonly ["DATABASE_URL", "BETTER_AUTH_SECRET", "BETTER_AUTH_URL"];
export declare const SHUTDOWN_GRACE_DEFAULT_SECONDS: 25;
export declare const REPLICA_MAX_LAG_DEFAULT_SECONDS: 30;

export declare function isDemo(source?: Record<string, string | undefined>): boolean;

export type EnvironmentReading<Shape extends z.ZodRawShape> =
  | { ok: true; values: Partial<z.output<z.ZodObject<Shape>>> }
  | { ok: false; variables: string[]; message: string };

export declare function readEnvironment<Shape extends z.ZodRawShape>(
  shape: Shape,
  source?: Record<string, string | undefined>,
): EnvironmentReading<Shape>;
