import { createEnv } from "@t3-oss/env-core";
import { SERVICE_VARIABLES } from "@zones/db/service-environment";

/**
 * The only place this package reads configuration, by the rules the service processes check at start
 * (@zones/db's service environment), where a deployment must set both.
 */
export const env = createEnv({
  server: {
    /** Signs session cookies. Without it a random secret is generated once and kept in the database. */
    BETTER_AUTH_SECRET: SERVICE_VARIABLES.BETTER_AUTH_SECRET.optional(),
    /** Secrets retired by a rotation: they still open two-factor enrolments they encrypted. */
    BETTER_AUTH_PREVIOUS_SECRETS: SERVICE_VARIABLES.BETTER_AUTH_PREVIOUS_SECRETS.optional(),
    /** Public URL of the app; when it is https, cookies are marked Secure. */
    BETTER_AUTH_URL: SERVICE_VARIABLES.BETTER_AUTH_URL.optional(),
    /** How long reads may be answered from a session looked up before (`session-cache.ts`); default 30. */
    SESSION_CACHE_SECONDS: SERVICE_VARIABLES.SESSION_CACHE_SECONDS.optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
