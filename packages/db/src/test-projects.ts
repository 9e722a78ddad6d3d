export type TestEngine = "pglite" | "postgres";

/**
 * Vitest projects running the same integration tests once per engine: PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set. Files named `*.pglite.test.ts` test the embedded store itself and run once;
 * files named `*.postgres.test.ts` need a PostgreSQL server (its client tools, COPY) and run only there.
 */
export function databaseTestProjects(include = ["src/**/*.test.ts"]) {
  const pglite = {
    extends: true as const,
    test: {
      name: "pglite",
      include,
      exclude: ["**/node_modules/**", "**/*.postgres.test.ts"],
      env: { TEST_ENGINE: "pglite" },
    },
  };
  if (!process.env.TEST_DATABASE_URL) return [pglite];
  const postgres = {
    extends: true as const,
    test: {
      name: "postgres",
      include,
      exclude: ["**/node_modules/**", "**/*.pglite.test.ts"],
      env: { TEST_ENGINE: "postgres" },
    },
  };
  return [pglite, postgres];
}
