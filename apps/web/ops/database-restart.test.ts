import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseHandle } from "@zones/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@zones/db/seed";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { clusterPorts, createCluster, postgresBinDir } from "./databases";
import { everythingIn, exportRun, openExportWorld, queueExport } from "./export-world";
import {
  assertBuilt,
  freePort,
  productionEnv,
  type Service,
  startServer,
  startWorker,
  waitForAnswer,
} from "./processes";

const BIN_DIR = postgresBinDir();

/** The database is back within this long of PostgreSQL accepting connections again (the contract: 10 s). */
const BACK_WITHIN_MS = 10_000;

/** A small export (two zones, one indicator, one quarter): what a worker that resumed must complete. */
/**
 * Requests of a signed-in user that need the database at once, through each kind of handler: a tRPC query that
 * reads a table (`session.me` may be answered from the session cache, which is its point), a route handler
 * (`signedInRoute`) and better-auth's own route.
 */
const NEEDS_DATABASE = [
  "/api/trpc/notifications.unreadCount",
  "/api/exports?zones=HB-HS&indicators=gdp&from=2026Q1&to=2026Q2",
  "/api/auth/get-session",
];

/** What an answer may never show of the fault: a stack, SQL, the driver's words, the server's address. */
const FAULT_TEXT = /\bat \S+ \(|select|ECONNREFUSED|CONNECTION_|127\.0\.0\.1|postgres/i;

/** The session cookie of the demo admin, signed in through better-auth's route as the login page does. */
async function signInCookie(base: string): Promise<string> {
  const admin = DEMO_ACCOUNTS.find((account) => account.role === "admin");
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: admin?.email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

describe.skipIf(!BIN_DIR)(
  "PostgreSQL restarts, on a cluster of the test's own (needs Debian's PostgreSQL tools)",
  () => {
    let cluster: ReturnType<typeof createCluster>;
    let handle: DatabaseHandle;
    let exportDir: string;
    const services: Service[] = [];
    beforeAll(async () => {
      assertBuilt();
      const [port] = await clusterPorts(1);
      cluster = createCluster(BIN_DIR as string, port as number);
      cluster.start();
      handle = await openExportWorld(cluster.url);
      exportDir = await mkdtemp(path.join(tmpdir(), "zones-ops-restart-"));
    });
    afterAll(async () => {
      for (const service of services) await service.stop();
      await handle?.close().catch(() => {});
      cluster?.remove();
      if (exportDir) await rm(exportDir, { recursive: true, force: true });
    });

    async function start() {
      const port = await freePort();
      const env = { ...productionEnv(cluster.url, port), EXPORT_DIR: exportDir };
      const server = startServer(env);
      const worker = startWorker(env);
      services.push(server, worker);
      return { server, worker, base: `http://127.0.0.1:${port}` };
    }

    async function exportCompletes() {
      // Two zones' GDP (the catalogue's first indicator): a small export.
      const runId = await queueExport(handle, "csv", await everythingIn(handle, { zones: 2, indicators: 1 }));
      const run = await waitForRun(runId);
      expect(run.status).toBe("succeeded");
    }

    async function waitForRun(runId: string) {
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
        const run = await exportRun(handle, runId);
        if (run && ["succeeded", "failed"].includes(run.status)) return run;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`run ${runId} did not finish`);
    }

    it("while PostgreSQL restarts: a plain 503; serving again within 10 s of its return, without a restart; the worker resumes", async () => {
      const { server, worker, base } = await start();
      await waitForAnswer(`${base}/api/health/ready`, (response) => response.status === 200);
      await worker.waitForLog("worker.started", undefined, 60_000);
      expect((await fetch(`${base}/login`)).status).toBe(200);
      const cookie = await signInCookie(base);
      for (const path of NEEDS_DATABASE) {
        expect((await fetch(`${base}${path}`, { headers: { cookie } })).status, path).toBe(200);
      }

      cluster.stop();
      // Until the database watch sees it gone (server.mjs then answers before the app, in plain text), these
      // reach the app and fail on the database there: a 503 as well, never a 500.
      const answers: { path: string; status: number; text: string; plain: boolean }[] = [];
      await vi.waitUntil(
        async () => {
          const round = await Promise.all(
            NEEDS_DATABASE.map(async (path) => {
              const response = await fetch(`${base}${path}`, { headers: { cookie } });
              const plain = response.headers.get("content-type") === "text/plain; charset=utf-8";
              return { path, status: response.status, text: await response.text(), plain };
            }),
          );
          answers.push(...round);
          // The tRPC answer in plain text: server.mjs answered it.
          return round[0]?.plain && round[0].status === 503;
        },
        { timeout: 15_000, interval: 0 },
      );
      for (const answer of answers) {
        expect(answer.status, `${answer.path}: ${answer.text}`).toBe(503);
        expect(answer.text, answer.path).not.toMatch(FAULT_TEXT);
      }
      const down = await waitForAnswer(`${base}/login`, (response) => response.status === 503, 15_000);
      expect(down.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      const text = await down.text();
      expect(text).toMatch(/temporarily unavailable/);
      // No stack, no SQL, no address.
      expect(text).not.toMatch(/\bat \S+ \(|select|ECONNREFUSED|127\.0\.0\.1|postgres/i);
      const trpc = await fetch(`${base}/api/trpc/session.me`);
      expect(trpc.status).toBe(503);
      expect(await fetch(`${base}/api/health/ready`).then((response) => response.status)).toBe(503);
      expect(await fetch(`${base}/api/health/live`).then((response) => response.status)).toBe(200);
      await server.waitForLog("database.unavailable");

      cluster.start();
      const back = Date.now();
      await waitForAnswer(`${base}/login`, (response) => response.status === 200, BACK_WITHIN_MS);
      await waitForAnswer(`${base}/api/health/ready`, (response) => response.status === 200, BACK_WITHIN_MS);
      expect(Date.now() - back).toBeLessThan(BACK_WITHIN_MS);
      await server.waitForLog("database.available");
      expect(server.child.exitCode).toBeNull();

      // The worker, never restarted, takes new exports again.
      await exportCompletes();
      expect(worker.child.exitCode).toBeNull();
      expect(await server.stop()).toBe(0);
      expect(await worker.stop()).toBe(0);
    });

    it("started while PostgreSQL is down: retries with backoff saying why, ready 503 meanwhile, then serves", async () => {
      cluster.stop();
      const { server, worker, base } = await start();
      await waitForAnswer(`${base}/api/health/live`, (response) => response.ok);
      expect(await fetch(`${base}/api/health/ready`).then((response) => response.status)).toBe(503);
      // Why, and ever longer waits between tries.
      await server.waitForLog("database.unavailable", (line) => line.attempt === 3);
      const tries = server.logs().filter((line) => line.event === "database.unavailable");
      expect(tries[0]?.reason).toMatch(/ECONNREFUSED/);
      expect(tries[0]?.reason).not.toMatch(/select|Failed query/);
      expect(tries.map((line) => line.retryInMs)).toEqual([500, 1000, 2000]);
      await worker.waitForLog("database.unavailable", (line) => line.attempt === 2);
      expect((await fetch(`${base}/login`)).status).toBe(503);

      cluster.start();
      const back = Date.now();
      await waitForAnswer(`${base}/api/health/ready`, (response) => response.status === 200, BACK_WITHIN_MS);
      expect(Date.now() - back).toBeLessThan(BACK_WITHIN_MS);
      await worker.waitForLog("worker.started", undefined, 30_000);
      await exportCompletes();
      expect(await server.stop()).toBe(0);
      expect(await worker.stop()).toBe(0);
    });
  },
);
