import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:scale`: several production web processes and workers behind nginx (scale/). Needs a build
 * (NEXT_DIST_DIR, default `.next`), PostgreSQL (TEST_DATABASE_URL), nginx and openssl; a few minutes, so a
 * CI step of its own.
 */
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "src") } },
  test: {
    include: ["scale/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
