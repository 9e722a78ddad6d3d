import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    /** Signs session cookies. Without it a random secret is generated once and kept in the database. */
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    /** Public URL of the app; when it is https, cookies are marked Secure. */
    BETTER_AUTH_URL: z.url().optional(),
    /** The port the app serves on (set by `npm start`, the demo and `next start -p`); its own origin without BETTER_AUTH_URL. */
    PORT: z.coerce.number().int().min(1).max(65535).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
