import { describe, expect, it } from "vitest";

import { readWorkerConfig } from "./config";

const DEPLOYMENT = {
  DATABASE_URL: "postgres://zones:secret@db.internal:5432/zones",
  BETTER_AUTH_SECRET: "s".repeat(32),
  BETTER_AUTH_URL: "https://zones.example.org",
};

describe("npm run worker's configuration", () => {
  it("reads where export files go: the bucket of EXPORT_STORAGE_URL and how to reach it", () => {
    expect(
      readWorkerConfig({
        ...DEPLOYMENT,
        EXPORT_STORAGE_URL: "s3://zones-exports/prod",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_REGION: "us-east-1",
        S3_ACCESS_KEY_ID: "minio",
        S3_SECRET_ACCESS_KEY: "minio-secret",
        S3_FORCE_PATH_STYLE: "1",
      }),
    ).toMatchObject({
      ok: true,
      storage: {
        EXPORT_STORAGE_URL: { bucket: "zones-exports", prefix: "prod" },
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_FORCE_PATH_STYLE: true,
      },
    });
    expect(readWorkerConfig(DEPLOYMENT)).toMatchObject({
      ok: true,
      storage: { EXPORT_STORAGE_URL: undefined },
    });
  });

  it("refuses an invalid EXPORT_STORAGE_URL and a bucket without credentials, naming each variable", () => {
    expect(readWorkerConfig({ ...DEPLOYMENT, EXPORT_STORAGE_URL: "/srv/exports" })).toMatchObject({
      ok: false,
      variables: ["EXPORT_STORAGE_URL", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"],
    });
    expect(
      readWorkerConfig({ ...DEPLOYMENT, EXPORT_STORAGE_URL: "s3://zones-exports", S3_REGION: "us-east-1" }),
    ).toMatchObject({ ok: false, variables: ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] });
  });

  it("prints the bulletin from APP_INTERNAL_URL, else from the public URL, and refuses one that is no URL", () => {
    expect(readWorkerConfig(DEPLOYMENT)).toMatchObject({
      ok: true,
      bulletin: { appUrl: "https://zones.example.org", secret: "s".repeat(32), chromium: undefined },
    });
    expect(
      readWorkerConfig({
        ...DEPLOYMENT,
        APP_INTERNAL_URL: "http://web:3000",
        CHROMIUM_PATH: "/opt/chromium",
      }),
    ).toMatchObject({ ok: true, bulletin: { appUrl: "http://web:3000", chromium: "/opt/chromium" } });
    expect(readWorkerConfig({ ...DEPLOYMENT, APP_INTERNAL_URL: "web:3000/" })).toMatchObject({
      ok: false,
      variables: ["APP_INTERNAL_URL"],
    });
    // A demo's worker without a secret prints nothing.
    expect(readWorkerConfig({ DATABASE_URL: DEPLOYMENT.DATABASE_URL, ZONES_DEMO: "1" })).toMatchObject({
      ok: true,
      bulletin: null,
    });
  });

  it("reads how mail leaves: SMTP_URL as MAIL_FROM, or the outbox without SMTP_URL", () => {
    expect(
      readWorkerConfig({
        ...DEPLOYMENT,
        SMTP_URL: "smtp://zones:pw@smtp.example.gov.cn:587",
        MAIL_FROM: "示范区监测 <noreply@example.gov.cn>",
      }),
    ).toMatchObject({
      ok: true,
      mail: {
        smtpUrl: "smtp://zones:pw@smtp.example.gov.cn:587",
        from: "示范区监测 <noreply@example.gov.cn>",
      },
    });
    expect(readWorkerConfig(DEPLOYMENT)).toMatchObject({ ok: true, mail: { smtpUrl: undefined } });
  });

  it("refuses SMTP_URL without MAIL_FROM, and one that is no SMTP URL, never saying the password", () => {
    expect(readWorkerConfig({ ...DEPLOYMENT, SMTP_URL: "smtp://smtp.example.gov.cn" })).toMatchObject({
      ok: false,
      variables: ["MAIL_FROM"],
    });
    const wrong = readWorkerConfig({
      ...DEPLOYMENT,
      SMTP_URL: "https://zones:hunter2-secret@smtp.example.gov.cn",
      MAIL_FROM: "noreply@example.gov.cn",
    });
    expect(wrong).toMatchObject({ ok: false, variables: ["SMTP_URL"] });
    expect(JSON.stringify(wrong)).not.toContain("hunter2");
  });

  it("reads the attachment limit and the link settings, refusing a limit past 25 MB", () => {
    expect(readWorkerConfig({ ...DEPLOYMENT, MAIL_ATTACHMENT_MAX_MB: "12" })).toMatchObject({
      ok: true,
      delivery: {
        secret: DEPLOYMENT.BETTER_AUTH_SECRET,
        publicUrl: DEPLOYMENT.BETTER_AUTH_URL,
        attachmentMaxMb: 12,
      },
    });
    expect(readWorkerConfig(DEPLOYMENT)).toMatchObject({
      ok: true,
      delivery: { attachmentMaxMb: undefined },
    });
    for (const wrong of ["26", "0", "1.5", "ten"]) {
      expect(readWorkerConfig({ ...DEPLOYMENT, MAIL_ATTACHMENT_MAX_MB: wrong })).toMatchObject({
        ok: false,
        variables: ["MAIL_ATTACHMENT_MAX_MB"],
      });
    }
  });

  it("reads the private hosts webhooks may reach, refusing a URL or a port in the list", () => {
    expect(
      readWorkerConfig({ ...DEPLOYMENT, WEBHOOK_PRIVATE_HOSTS: " Intranet.Example , 10.0.0.8, [fd00::1] " }),
    ).toMatchObject({
      ok: true,
      delivery: { webhookPrivateHosts: ["intranet.example", "10.0.0.8", "fd00::1"] },
    });
    for (const wrong of ["https://intranet.example", "intranet.example/hook", "host name"]) {
      expect(readWorkerConfig({ ...DEPLOYMENT, WEBHOOK_PRIVATE_HOSTS: wrong })).toMatchObject({
        ok: false,
        variables: ["WEBHOOK_PRIVATE_HOSTS"],
      });
    }
  });
});
