import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseHandle } from "@zones/db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { clusterPorts, createCluster, postgresBinDir } from "./databases";
import { EVERYTHING, exportRun, openExportWorld, queueExport } from "./export-world";
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
const SMALL = {
  ...EVERYTHING,
  zoneCodes: EVERYTHING.zoneCodes.slice(0, 2),
  indicatorCodes: ["gdp" as const],
};

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
      const runId = await queueExport(handle, "csv", SMALL);
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

      cluster.stop();
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
