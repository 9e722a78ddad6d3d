import { describe, expect, it } from "vitest";

import {
  isDemo,
  parseExportStorageUrl,
  parseMailFrom,
  readEnvironment,
  SERVICE_VARIABLES,
} from "./environment.mjs";

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

describe("the export storage variables", () => {
  const S3 = {
    ...DEPLOYMENT,
    EXPORT_STORAGE_URL: "s3://zones-exports/prod/exports/",
    S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
    S3_REGION: "cn-hangzhou",
    S3_ACCESS_KEY_ID: "LTAI-key",
    S3_SECRET_ACCESS_KEY: "the-secret-value",
  };

  it("reads the bucket and prefix of EXPORT_STORAGE_URL, and how to reach it", () => {
    expect(readEnvironment(SERVICE_VARIABLES, { ...S3, S3_FORCE_PATH_STYLE: "1" })).toMatchObject({
      ok: true,
      values: {
        EXPORT_STORAGE_URL: { bucket: "zones-exports", prefix: "prod/exports" },
        S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
        S3_REGION: "cn-hangzhou",
        S3_FORCE_PATH_STYLE: true,
      },
    });
    expect(parseExportStorageUrl("s3://zones-exports")).toEqual({ bucket: "zones-exports", prefix: "" });
    expect(parseExportStorageUrl("s3://zones.exports-1234567/")).toEqual({
      bucket: "zones.exports-1234567",
      prefix: "",
    });
    // Unset: the local folder, and no S3 variable needed.
    expect(readEnvironment(SERVICE_VARIABLES, DEPLOYMENT).ok).toBe(true);
  });

  it("refuses what is not s3://bucket/prefix, naming EXPORT_STORAGE_URL and why, never the value", () => {
    const cases: [string, RegExp][] = [
      ["/srv/zones/exports", /must be s3:\/\/BUCKET or s3:\/\/BUCKET\/PREFIX\. See/],
      ["https://zones-exports.s3.amazonaws.com/prod", /unset it to keep export files in EXPORT_DIR/],
      ["s3://key:secret@zones-exports/prod", /without credentials/],
      ["s3://zones-exports:9000/prod", /without credentials, port/],
      ["s3://zones-exports/prod?versionId=1", /query/],
      ["s3://Zones_Exports/prod", /a bucket name is 3–63 lowercase/],
      ["s3://ab/prod", /a bucket name/],
      ["s3:///prod", /a bucket name/],
      ["s3://zones-exports/../etc", /a prefix is folder names/],
      ["s3://zones-exports/a//b", /a prefix is folder names/],
      ["s3://zones-exports/导出", /a prefix is folder names/],
    ];
    for (const [value, why] of cases) {
      const reading = readEnvironment(SERVICE_VARIABLES, { ...S3, EXPORT_STORAGE_URL: value });
      expect(reading, value).toMatchObject({ ok: false, variables: ["EXPORT_STORAGE_URL"] });
      if (reading.ok) continue;
      expect(reading.message, value).toMatch(/EXPORT_STORAGE_URL must be s3:\/\/BUCKET/);
      expect(reading.message.split(";")[0], value).toMatch(why);
      if (value.includes("secret")) expect(reading.message).not.toContain("secret");
    }
  });

  it("requires a region and credentials with EXPORT_STORAGE_URL, and refuses the S3 variables without it", () => {
    const missing = readEnvironment(SERVICE_VARIABLES, {
      ...DEPLOYMENT,
      EXPORT_STORAGE_URL: "s3://zones-exports/prod",
    });
    expect(missing).toMatchObject({
      ok: false,
      variables: ["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"],
    });
    if (!missing.ok)
      expect(missing.message).toContain("S3_REGION is missing (required with EXPORT_STORAGE_URL)");

    const { EXPORT_STORAGE_URL: _unset, ...withoutUrl } = S3;
    const stray = readEnvironment(SERVICE_VARIABLES, withoutUrl);
    expect(stray).toMatchObject({
      ok: false,
      variables: ["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_ENDPOINT"],
    });
    if (!stray.ok) {
      expect(stray.message).toContain(
        "S3_ENDPOINT is set but EXPORT_STORAGE_URL is not (export files would stay in EXPORT_DIR)",
      );
      expect(stray.message).not.toContain("the-secret-value");
    }
  });

  it("refuses an endpoint that is not an http(s) URL or holds credentials, and a malformed region", () => {
    const reading = readEnvironment(SERVICE_VARIABLES, {
      ...S3,
      S3_ENDPOINT: "https://key:secret@minio.internal:9000",
      S3_REGION: "Hang Zhou",
      S3_FORCE_PATH_STYLE: "maybe",
    });
    expect(reading).toMatchObject({
      ok: false,
      variables: ["S3_ENDPOINT", "S3_REGION", "S3_FORCE_PATH_STYLE"],
    });
    if (!reading.ok) {
      expect(reading.message).toContain("S3_ENDPOINT must not hold credentials");
      expect(reading.message).toContain("S3_REGION must be a region name");
      expect(reading.message).not.toContain("secret");
    }
    const ftp = readEnvironment(SERVICE_VARIABLES, { ...S3, S3_ENDPOINT: "ftp://minio.internal" });
    expect(ftp).toMatchObject({ ok: false, variables: ["S3_ENDPOINT"] });
  });
});

describe("the mail variables", () => {
  const SMTP = { ZONES_DEMO: "1", SMTP_URL: "smtps://zones:s3cret-pw@smtp.example.gov.cn:465" };

  it("reads the SMTP server and the sender, a Chinese display name included", () => {
    const reading = readEnvironment(SERVICE_VARIABLES, {
      ...SMTP,
      MAIL_FROM: "示范区监测 <noreply@example.gov.cn>",
    });
    expect(reading).toMatchObject({
      ok: true,
      values: { SMTP_URL: SMTP.SMTP_URL, MAIL_FROM: "示范区监测 <noreply@example.gov.cn>" },
    });
    expect(parseMailFrom("noreply@example.gov.cn")).toEqual({
      from: "noreply@example.gov.cn",
      address: "noreply@example.gov.cn",
    });
  });

  it("requires MAIL_FROM with SMTP_URL, and allows it alone (the outbox says it too)", () => {
    const missing = readEnvironment(SERVICE_VARIABLES, SMTP);
    expect(missing).toMatchObject({ ok: false, variables: ["MAIL_FROM"] });
    if (missing.ok) return;
    expect(missing.message).toContain("MAIL_FROM is missing (required with SMTP_URL)");
    expect(readEnvironment(SERVICE_VARIABLES, { ZONES_DEMO: "1", MAIL_FROM: "a@example.cn" }).ok).toBe(true);
  });

  it.each(["http://smtp.example.gov.cn", "smtp.example.gov.cn:587", "mailto:zones:s3cret-pw@example.gov.cn"])(
    "refuses SMTP_URL %s, naming the variable and never the password",
    (value) => {
      const reading = readEnvironment(SERVICE_VARIABLES, {
        ZONES_DEMO: "1",
        SMTP_URL: value,
        MAIL_FROM: "a@b.cn",
      });
      expect(reading).toMatchObject({ ok: false, variables: ["SMTP_URL"] });
      if (reading.ok) return;
      expect(reading.message).toContain("SMTP_URL must be an smtp:// or smtps:// URL");
      expect(reading.message).not.toContain("s3cret");
    },
  );

  it.each([
    "noreply",
    "示范区监测",
    "a b@example.cn",
    "Name <noreply>",
    "<a@b.cn> trailing",
    "a@b.cn, c@d.cn",
  ])("refuses MAIL_FROM %s, naming the variable", (value) => {
    const reading = readEnvironment(SERVICE_VARIABLES, { ZONES_DEMO: "1", MAIL_FROM: value });
    expect(reading).toMatchObject({ ok: false, variables: ["MAIL_FROM"] });
    if (reading.ok) return;
    expect(reading.message).toContain("MAIL_FROM must be an e-mail address");
  });
});
