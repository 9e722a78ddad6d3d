export type TestEngine = "pglite" | "postgres";

/**
 * Vitest projects running the same integration tests once per engine: PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set. Files named `*.pglite.test.ts` test the embedded store itself and run once;
 * files named `*.postgres.test.ts` need a PostgreSQL server (its client tools, COPY) and run only there.
 * TEST_ENGINES (`pglite`, `postgres` or both, comma-separated) keeps only those: CI runs each engine on one
 * Node version (PGlite on the machine's, PostgreSQL on Node 24) instead of both on both.
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
  const chosen = chosenEngines();
  const projects: (typeof pglite)[] = [];
  if (chosen.has("pglite")) projects.push(pglite);
  if (!process.env.TEST_DATABASE_URL || !chosen.has("postgres")) return projects;
  const postgres = {
    extends: true as const,
    test: {
      name: "postgres",
      include,
      exclude: ["**/node_modules/**", "**/*.pglite.test.ts"],
      env: { TEST_ENGINE: "postgres" },
    },
  };
  return [...projects, postgres];
}

function chosenEngines(): Set<TestEngine> {
  const listed = process.env.TEST_ENGINES?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (!listed || listed.length === 0) return new Set(["pglite", "postgres"]);
  const unknown = listed.filter((name) => name !== "pglite" && name !== "postgres");
  if (unknown.length > 0)
    throw new Error(`TEST_ENGINES: unknown engine ${unknown.join(", ")} (pglite, postgres)`);
  if (listed.includes("postgres") && !process.env.TEST_DATABASE_URL) {
    throw new Error("TEST_ENGINES=postgres needs TEST_DATABASE_URL (an admin connection URL).");
  }
  return new Set(listed as TestEngine[]);
}
