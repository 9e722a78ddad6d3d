import { afterEach, describe, expect, it, vi } from "vitest";

import { databaseTestProjects } from "./test-projects";

const names = () => databaseTestProjects().map((project) => project.test.name);

describe("databaseTestProjects", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("runs PGlite alone without a PostgreSQL server, and both engines with one", () => {
    vi.stubEnv("TEST_ENGINES", "");
    vi.stubEnv("TEST_DATABASE_URL", "");
    expect(names()).toEqual(["pglite"]);
    vi.stubEnv("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres");
    expect(names()).toEqual(["pglite", "postgres"]);
  });

  it("keeps only the engines TEST_ENGINES names", () => {
    vi.stubEnv("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres");
    vi.stubEnv("TEST_ENGINES", "postgres");
    expect(names()).toEqual(["postgres"]);
    vi.stubEnv("TEST_ENGINES", "pglite");
    expect(names()).toEqual(["pglite"]);
    vi.stubEnv("TEST_ENGINES", " pglite , postgres ");
    expect(names()).toEqual(["pglite", "postgres"]);
  });

  it("refuses an unknown engine, and PostgreSQL without a server", () => {
    vi.stubEnv("TEST_ENGINES", "sqlite");
    expect(() => databaseTestProjects()).toThrow(/TEST_ENGINES: unknown engine sqlite/);
    vi.stubEnv("TEST_DATABASE_URL", "");
    vi.stubEnv("TEST_ENGINES", "postgres");
    expect(() => databaseTestProjects()).toThrow(/needs TEST_DATABASE_URL/);
  });
});
