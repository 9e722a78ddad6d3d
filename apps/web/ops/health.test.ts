import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type S3Emulator, startS3Emulator } from "@zones/storage/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import journal from "../../../packages/db/drizzle/meta/_journal.json" with { type: "json" };
import { ADMIN_URL, createDatabase } from "./databases";
import { assertBuilt, freePort, productionEnv, runMigrate, startServer, waitForAnswer } from "./processes";

const MIGRATIONS = journal.entries.map((entry) => entry.tag);

describe.skipIf(!ADMIN_URL)("health checks and migrations (needs TEST_DATABASE_URL)", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  let folder = "";
  beforeAll(async () => {
    assertBuilt();
    folder = await mkdtemp(path.join(tmpdir(), "zones-ops-health-"));
  });
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => {});
    await rm(folder, { recursive: true, force: true });
  });

  async function serve(env: Record<string, string>) {
    const database = await createDatabase(ADMIN_URL as string);
    cleanup.push(() => database.drop());
    const port = await freePort();
    const server = startServer({ ...productionEnv(database.url, port), ...env });
    cleanup.push(() => server.stop());
    const base = `http://127.0.0.1:${port}`;
    await waitForAnswer(`${base}/api/health/live`, (response) => response.ok);
    return { server, base, url: database.url };
  }

  async function answer(url: string) {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("with migrations pending: serves, but is not ready and logs which are missing; never migrates or seeds by itself; ready once `npm run db:migrate` ran", async () => {
    const { server, base, url } = await serve({ EXPORT_DIR: path.join(folder, "exports-a") });
    expect(await answer(`${base}/api/health/live`)).toEqual({ status: 200, body: { status: "ok" } });
    const pending = await server.waitForLog("migrations.pending");
    expect(pending.missing).toEqual(MIGRATIONS);
    expect(pending.level).toBe("warn");
    // Public answers: a status, nothing else.
    expect(await answer(`${base}/api/health/ready`)).toEqual({
      status: 503,
      body: { status: "unavailable" },
    });
    const notReady = await server.waitForLog("health.not-ready");
    expect(String(notReady.problems)).toContain(MIGRATIONS.at(-1));

    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [before] = await sql`select to_regclass('public.users')::text as users`;
      expect(before?.users).toBeNull();
      expect(await runMigrate(url)).toBe(0);
      const ready = await waitForAnswer(
        `${base}/api/health/ready`,
        (response) => response.status === 200,
        15_000,
      );
      expect(await ready.json()).toEqual({ status: "ready" });
      // Nothing seeded: no catalogue, no users.
      const [counts] = await sql`select (select count(*) from indicators)::int as indicators,
                                        (select count(*) from users)::int as users`;
      expect(counts).toEqual({ indicators: 0, users: 0 });
    } finally {
      await sql.end();
    }
    expect(await answer(`${base}/api/health`)).toEqual({
      status: 200,
      body: { status: "ok", database: "up", engine: "postgres" },
    });
  });

  it("with MIGRATE_ON_START=1 migrates when it starts; not ready while export storage cannot be written", async () => {
    const blocked = path.join(folder, "not-a-folder");
    await writeFile(blocked, "a file where the export folder should be");
    const { server, base } = await serve({ MIGRATE_ON_START: "1", EXPORT_DIR: blocked });
    const applied = await server.waitForLog("migrations.applied");
    expect(applied.applied).toEqual(MIGRATIONS);
    expect(await answer(`${base}/api/health/ready`)).toEqual({
      status: 503,
      body: { status: "unavailable" },
    });
    const notReady = await server.waitForLog("health.not-ready");
    expect(notReady.problems).toEqual([expect.stringContaining(`export storage ${blocked}`)]);
    await rm(blocked);
    await waitForAnswer(`${base}/api/health/ready`, (response) => response.status === 200, 15_000);
  });

  it("with EXPORT_STORAGE_URL: not ready while its bucket does not exist, saying why in the log; ready once it does", async () => {
    const emulator: S3Emulator = await startS3Emulator();
    cleanup.push(() => emulator.stop());
    const { server, base } = await serve({
      MIGRATE_ON_START: "1",
      EXPORT_STORAGE_URL: "s3://zones-later/ops",
      S3_ENDPOINT: emulator.endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "1",
    });
    await server.waitForLog("migrations.applied");
    expect(await answer(`${base}/api/health/ready`)).toEqual({
      status: 503,
      body: { status: "unavailable" },
    });
    const notReady = await server.waitForLog("health.not-ready");
    expect(notReady.problems).toEqual([
      `export storage s3://zones-later/ops at ${emulator.endpoint}: bucket zones-later: NotFound (HTTP 404)`,
    ]);
    expect(JSON.stringify(server.logs())).not.toContain("S3RVER");
    await emulator.createBucket("zones-later");
    await waitForAnswer(`${base}/api/health/ready`, (response) => response.status === 200, 15_000);
  });
});
