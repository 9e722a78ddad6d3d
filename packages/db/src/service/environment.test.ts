import { describe, expect, it } from "vitest";

import { isDemo, readEnvironment, SERVICE_VARIABLES } from "./environment.mjs";

const DEPLOYMENT = {
  DATABASE_URL: "postgres://zones:secret@db.internal:5432/zones",
  BETTER_AUTH_SECRET: "s".repeat(32),
  BETTER_AUTH_URL: "https://zones.example.org",
};

describe("a service process's environment", () => {
  it("reads a deployment's settings, with the switches and the grace typed", () => {
    const reading = readEnvironment(SERVICE_VARIABLES, {
      ...DEPLOYMENT,
      MIGRATE_ON_START: "1",
      SHUTDOWN_GRACE_SECONDS: "40",
    });
    expect(reading).toMatchObject({
      ok: true,
      values: { ...DEPLOYMENT, MIGRATE_ON_START: true, SHUTDOWN_GRACE_SECONDS: 40 },
    });
  });

  it("names every missing and invalid variable in one message, never a value", () => {
    const reading = readEnvironment(SERVICE_VARIABLES, {
      DATABASE_URL: "",
      BETTER_AUTH_SECRET: "hunter2",
      BETTER_AUTH_URL: "ftp://zones.example.org",
      SHUTDOWN_GRACE_SECONDS: "-1",
    });
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.variables).toEqual([
      "BETTER_AUTH_SECRET",
      "BETTER_AUTH_URL",
      "SHUTDOWN_GRACE_SECONDS",
      "DATABASE_URL",
    ]);
    expect(reading.message).toContain("DATABASE_URL is missing");
    expect(reading.message).toContain("BETTER_AUTH_SECRET must be at least 32 characters");
    expect(reading.message).toContain("BETTER_AUTH_URL must be the app's public http(s) URL");
    expect(reading.message).toContain("SHUTDOWN_GRACE_SECONDS must be 0 or more");
    expect(reading.message).not.toContain("hunter2");
  });

  it("reads the secrets a rotation retired as a list, each as long as a secret must be", () => {
    const retired = ["r".repeat(32), "q".repeat(40)];
    expect(
      readEnvironment(SERVICE_VARIABLES, {
        ...DEPLOYMENT,
        BETTER_AUTH_PREVIOUS_SECRETS: ` ${retired.join(" , ")} `,
      }),
    ).toMatchObject({ ok: true, values: { BETTER_AUTH_PREVIOUS_SECRETS: retired } });
    const short = readEnvironment(SERVICE_VARIABLES, {
      ...DEPLOYMENT,
      BETTER_AUTH_PREVIOUS_SECRETS: `${"r".repeat(32)},too-short-secret`,
    });
    expect(short).toMatchObject({ ok: false, variables: ["BETTER_AUTH_PREVIOUS_SECRETS"] });
    if (!short.ok) {
      expect(short.message).toContain(
        "BETTER_AUTH_PREVIOUS_SECRETS each secret must be at least 32 characters",
      );
      expect(short.message).not.toContain("too-short-secret");
    }
  });

  it("the demo and the tests (ZONES_DEMO=1) may leave the deployment's settings unset, not set them wrong", () => {
    expect(readEnvironment(SERVICE_VARIABLES, { ZONES_DEMO: "1" }).ok).toBe(true);
    expect(isDemo({ ZONES_DEMO: "1" })).toBe(true);
    expect(isDemo({})).toBe(false);
    const wrong = readEnvironment(SERVICE_VARIABLES, { ZONES_DEMO: "1", BETTER_AUTH_SECRET: "short" });
    expect(wrong).toMatchObject({ ok: false, variables: ["BETTER_AUTH_SECRET"] });
  });

  it("reads only the variables of the shape it is given", () => {
    const { DATABASE_URL, ZONES_DEMO } = SERVICE_VARIABLES;
    expect(readEnvironment({ DATABASE_URL, ZONES_DEMO }, {})).toMatchObject({
      ok: false,
      variables: ["DATABASE_URL"],
    });
  });

  it("reads the read replicas as a list of PostgreSQL URLs, and their lag threshold", () => {
    const reading = readEnvironment(SERVICE_VARIABLES, {
      ...DEPLOYMENT,
      DATABASE_REPLICA_URLS:
        "postgres://zones:secret@replica-1:5432/zones, postgresql://zones:secret@replica-2/zones",
      REPLICA_MAX_LAG_SECONDS: "15",
    });
    expect(reading).toMatchObject({
      ok: true,
      values: {
        DATABASE_REPLICA_URLS: [
          "postgres://zones:secret@replica-1:5432/zones",
          "postgresql://zones:secret@replica-2/zones",
        ],
        REPLICA_MAX_LAG_SECONDS: 15,
      },
    });
    const unset = readEnvironment(SERVICE_VARIABLES, DEPLOYMENT);
    expect(unset.ok && unset.values.DATABASE_REPLICA_URLS).toBeUndefined();
  });

  it("refuses a replica list with an entry that is no PostgreSQL URL, empty or repeated, naming the entry, not its text", () => {
    const refusal = (list: string) => {
      const reading = readEnvironment(SERVICE_VARIABLES, { ...DEPLOYMENT, DATABASE_REPLICA_URLS: list });
      expect(reading.ok).toBe(false);
      if (reading.ok) return "";
      expect(reading.variables).toEqual(["DATABASE_REPLICA_URLS"]);
      return reading.message;
    };
    const wrongScheme = refusal(
      "postgres://zones:s3cret@replica-1/zones,mysql://zones:hunter2@replica-2/zones",
    );
    expect(wrongScheme).toContain(
      "DATABASE_REPLICA_URLS must be PostgreSQL connection URLs (postgres://user:password@host:5432/database) separated by commas: entry 2 of 2 is not one",
    );
    expect(wrongScheme).not.toMatch(/hunter2|s3cret|replica-/);
    expect(refusal("postgres://replica-1/zones,,")).toContain(
      "separated by commas: entry 2 of 3 is empty, entry 3 of 3 is empty",
    );
    expect(refusal("postgres://replica-1/zones, postgres://replica-1/zones")).toContain(
      "separated by commas: entry 2 of 2 repeats entry 1",
    );
    expect(refusal("replica-1:5432")).toContain("entry 1 of 1 is not one");
  });

  it("refuses a lag threshold that is not a whole number of seconds from 1 to 3600", () => {
    for (const value of ["0", "-5", "1.5", "soon", "3601"]) {
      const reading = readEnvironment(SERVICE_VARIABLES, { ...DEPLOYMENT, REPLICA_MAX_LAG_SECONDS: value });
      expect(reading).toMatchObject({ ok: false, variables: ["REPLICA_MAX_LAG_SECONDS"] });
    }
  });
});
