/** Types of `variables.mjs` (plain JavaScript, so that the production server can run it with Node alone). */
import type { z } from "zod";

export declare const EXPORT_WORKER_MODES: readonly ["inline", "external", "off"];
export declare const WEB_VARIABLES: {
  PORT: z.ZodCoercedNumber<unknown>;
  EXPORT_WORKER: z.ZodEnum<{ inline: "inline"; external: "external"; off: "off" }>;
  TRUSTED_PROXIES: z.ZodString;
  NODE_ENV: z.ZodEnum<{ development: "development"; production: "production"; test: "test" }>;
  NEXT_DIST_DIR: z.ZodString;
};
