import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:ops`: the production server (`node server.mjs` on the build in NEXT_DIST_DIR, default `.next`)
 * and `npm run worker` run as child processes, started, stopped and deprived of their database. Slow (a few
 * minutes) and needing a build and PostgreSQL (TEST_DATABASE_URL; Debian's PostgreSQL tools for a cluster of
 * their own), so apart from the unit tests; one file at a time, as each starts servers.
 */
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "src") } },
  test: {
    include: ["ops/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
