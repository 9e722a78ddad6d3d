import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** The web app's own configuration; the database package validates DATABASE_URL itself. */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
});
