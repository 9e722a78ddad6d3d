import { defineConfig } from "vitest/config";

import { databaseTestProjects } from "./src/test-projects.ts";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: databaseTestProjects(),
  },
});
