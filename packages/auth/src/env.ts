import { createEnv } from "@t3-oss/env-core";
import { SERVICE_VARIABLES } from "@zones/db/service-environment";
import { z } from "zod";

export const env = createEnv({
  server: {
    /** Signs session cookies. Without it a random secret is generated once and kept in the database. */
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    /** Secrets retired by a rotation: they still open two-factor enrolments they encrypted. */
    BETTER_AUTH_PREVIOUS_SECRETS: SERVICE_VARIABLES.BETTER_AUTH_PREVIOUS_SECRETS.optional(),
    /** Public URL of the app; when it is https, cookies are marked Secure. */
    BETTER_AUTH_URL: z.url().optional(),
    /** The port the app serves on (set by `npm start`, the demo and `next start -p`); its own origin without BETTER_AUTH_URL. */
    PORT: z.coerce.number().int().min(1).max(65535).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
