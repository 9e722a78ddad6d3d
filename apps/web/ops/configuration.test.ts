import { describe, expect, it } from "vitest";

import { assertBuilt, freePort, type Service, startServer, startWorker } from "./processes";

/** The one refusal line of a process that would not start, once it has exited. */
async function refusal(service: Service) {
  expect(await service.exited).toBe(1);
  const lines = service.logs().filter((line) => line.event === "config.invalid");
  expect(lines).toHaveLength(1);
  return lines[0] as unknown as { level: string; msg: string; variables: string[] };
}

const GOOD = {
  DATABASE_URL: "postgres://zones@127.0.0.1:5432/zones",
  BETTER_AUTH_SECRET: "a-secret-of-more-than-thirty-two-characters",
  BETTER_AUTH_URL: "https://zones.example.org",
};

const CASES: { name: string; env: Record<string, string>; variables: string[]; says: RegExp[] }[] = [
  {
    name: "nothing set",
    env: {},
    variables: ["DATABASE_URL", "BETTER_AUTH_SECRET", "BETTER_AUTH_URL"],
    says: [/DATABASE_URL is missing/, /BETTER_AUTH_SECRET is missing/, /BETTER_AUTH_URL is missing/],
  },
  {
    name: "a short secret",
    env: { ...GOOD, BETTER_AUTH_SECRET: "too-short" },
    variables: ["BETTER_AUTH_SECRET"],
    says: [/BETTER_AUTH_SECRET must be at least 32 characters/],
  },
  {
    name: "URLs that are not",
    env: { ...GOOD, DATABASE_URL: "mysql://zones@db/zones", BETTER_AUTH_URL: "zones.example.org" },
    variables: ["DATABASE_URL", "BETTER_AUTH_URL"],
    says: [/DATABASE_URL must be a PostgreSQL connection URL/, /BETTER_AUTH_URL must be the app's public/],
  },
  {
    name: "read replicas that are not",
    env: {
      ...GOOD,
      DATABASE_REPLICA_URLS: "postgres://zones@127.0.0.1:5433/zones,mysql://zones:hunter2@db/zones",
      REPLICA_MAX_LAG_SECONDS: "0",
    },
    variables: ["DATABASE_REPLICA_URLS", "REPLICA_MAX_LAG_SECONDS"],
    says: [
      /DATABASE_REPLICA_URLS must be PostgreSQL connection URLs .* entry 2 of 2 is not one/,
      /REPLICA_MAX_LAG_SECONDS must be 1 or more/,
    ],
  },
  {
    name: "an export bucket that is not one, without its credentials",
    env: {
      ...GOOD,
      EXPORT_STORAGE_URL: "https://zones-exports.s3.amazonaws.com/prod",
      S3_REGION: "us-east-1",
    },
    variables: ["EXPORT_STORAGE_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"],
    says: [
      /EXPORT_STORAGE_URL must be s3:\/\/BUCKET or s3:\/\/BUCKET\/PREFIX/,
      /S3_ACCESS_KEY_ID is missing \(required with EXPORT_STORAGE_URL\)/,
    ],
  },
  {
    name: "S3 variables without EXPORT_STORAGE_URL",
    env: { ...GOOD, S3_ENDPOINT: "http://minio.internal:9000" },
    variables: ["S3_ENDPOINT"],
    says: [/S3_ENDPOINT is set but EXPORT_STORAGE_URL is not/],
  },
  {
    name: "the process's own variables",
    env: { ...GOOD, SHUTDOWN_GRACE_SECONDS: "soon", MIGRATE_ON_START: "maybe" },
    variables: ["MIGRATE_ON_START", "SHUTDOWN_GRACE_SECONDS"],
    says: [/SHUTDOWN_GRACE_SECONDS must be a whole number/, /MIGRATE_ON_START must be 1 or 0/],
  },
];

describe("a process missing its configuration refuses to start, naming every variable at once", () => {
  it.each(CASES)("npm start with $name", async ({ env, variables, says }) => {
    assertBuilt();
    const line = await refusal(startServer({ ...env, PORT: String(await freePort()) }));
    expect(line.level).toBe("error");
    expect(line.variables.sort()).toEqual([...variables].sort());
    for (const pattern of says) expect(line.msg).toMatch(pattern);
    // Never a value: a URL may hold a password, the secret is one.
    expect(line.msg).not.toContain("too-short");
    expect(line.msg).not.toContain("zones@db");
    expect(line.msg).not.toContain("hunter2");
  });

  it("npm start names the web process's own variables too", async () => {
    const line = await refusal(startServer({ ...GOOD, PORT: "http", EXPORT_WORKER: "sometimes" }));
    expect(line.variables.sort()).toEqual(["EXPORT_WORKER", "PORT"]);
    expect(line.msg).toMatch(/PORT must be a port number/);
    expect(line.msg).toMatch(/EXPORT_WORKER must be one of inline, external, off/);
  });

  it.each(CASES)("npm run worker with $name", async ({ env, variables, says }) => {
    const line = await refusal(startWorker(env));
    expect(line.variables.sort()).toEqual([...variables].sort());
    for (const pattern of says) expect(line.msg).toMatch(pattern);
  });
});
