import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCaller } from "@zones/api";
import { contextFor, createRoleUsers, testAuth } from "@zones/api/testing";
import type { Role } from "@zones/auth";
import {
  type Database,
  type DatabaseHandle,
  openPostgres,
  type ReplicaState,
  rowsOf,
} from "@zones/db/client";
import { migrateDatabase } from "@zones/db/migrate";
import { users as usersTable } from "@zones/db/schema";
import { seedDatabase } from "@zones/db/seed";
import { parseExportFilters } from "@zones/exports";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { type Cluster, clusterPorts, createCluster, createStandby, postgresBinDir } from "./databases";
import { ADMIN, exportRun, queueExport } from "./export-world";
import {
  assertBuilt,
  freePort,
  type LogLine,
  productionEnv,
  type Service,
  startServer,
  startWorker,
  waitForAnswer,
} from "./processes";

const BIN_DIR = postgresBinDir();

/** Seeded as of 2026-11-28: 2026Q3 is open, HN-C's and CQ-M's submitted, the other zones' approved. */
const NOW = new Date("2026-11-28T10:00:00+08:00");
const HN_C_2026Q3 = { zoneCode: "HN-C", quarter: "2026Q3" } as const;
/** The fixture accounts' password (`createRoleUsers`). */
const PASSWORD = "fixture-password-2026";
/** The application name of a replica's read pool (@zones/db's client), as pg_stat_activity shows it. */
const READ_POOL = "zones-replica-reads";
/** In-process handles check their replica this often, so that a change of state is seen soon. */
const CHECK_INTERVAL_MS = 200;

/** HB-HS's approved GDP of 2026Q2: what the worker's export writes. */
const ONE_VALUE = parseExportFilters({
  zoneCodes: ["HB-HS"],
  indicatorCodes: ["gdp"],
  from: "2026Q2",
  to: "2026Q2",
  statuses: ["approved"],
  layout: "long",
  headerLanguage: "en",
  encoding: "utf-8-bom",
});

describe.skipIf(!BIN_DIR)(
  "read replicas, on a primary and a streaming replica of the test's own (pg_basebackup -R; Debian's PostgreSQL tools)",
  () => {
    let primary: Cluster | undefined;
    let standby: Cluster | undefined;
    let onPrimary: postgres.Sql;
    let onStandby: postgres.Sql;
    let fixtureUsers: Awaited<ReturnType<typeof createRoleUsers>>;
    const handles: DatabaseHandle[] = [];
    const services: Service[] = [];
    let exportDir = "";

    beforeAll(async () => {
      const [primaryPort, standbyPort] = (await clusterPorts(2)) as [number, number];
      primary = createCluster(BIN_DIR as string, primaryPort);
      primary.start();
      const handle = openPostgres(primary.url);
      try {
        await migrateDatabase(handle);
        await seedDatabase(handle.db, { now: NOW });
        fixtureUsers = await createRoleUsers(testAuth(handle.db), handle.db);
        await handle.db.insert(usersTable).values({ ...ADMIN });
      } finally {
        await handle.close();
      }
      standby = createStandby(BIN_DIR as string, primary, standbyPort);
      standby.start();
      onPrimary = postgres(primary.url, { max: 1, onnotice: () => {} });
      onStandby = postgres(standby.url, { max: 1, onnotice: () => {} });
      exportDir = await mkdtemp(path.join(tmpdir(), "zones-ops-replicas-"));
    });
    afterAll(async () => {
      for (const service of services) await service.stop();
      for (const handle of handles) await handle.close().catch(() => {});
      await onStandby?.end({ timeout: 1 });
      await onPrimary?.end({ timeout: 1 });
      try {
        standby?.remove();
      } finally {
        primary?.remove();
        if (exportDir) await rm(exportDir, { recursive: true, force: true });
      }
    });

    /** The primary, with the standby as its read replica, skipped past `maxLagSeconds`. */
    function openWithReplica(maxLagSeconds: number): DatabaseHandle {
      const urls = [(standby as Cluster).url];
      const handle = openPostgres((primary as Cluster).url, {
        replicas: { urls, maxLagSeconds, checkIntervalMs: CHECK_INTERVAL_MS },
      });
      handles.push(handle);
      return handle;
    }

    /** The app's procedures as `role`, in a request's context on `handle` (its reader chosen now). */
    function callerOn(handle: DatabaseHandle, role: Role) {
      const context = contextFor(
        handle.db,
        testAuth(handle.db),
        fixtureUsers[role],
        undefined,
        handle.reader(),
      );
      return createCaller(context);
    }

    async function replicaState(handle: DatabaseHandle): Promise<ReplicaState> {
      const [state] = await handle.replicaStates();
      if (!state) throw new Error("no replica state");
      return state;
    }

    function until(handle: DatabaseHandle, state: ReplicaState["state"]): Promise<ReplicaState> {
      return vi.waitUntil(
        async () => {
          const current = await replicaState(handle);
          return current.state === state ? current : null;
        },
        { timeout: 30_000, interval: 50 },
      );
    }

    /** The port of the server `db` reads. */
    async function portOf(db: Database): Promise<number> {
      const [row] = rowsOf<{ port: number }>(await db.execute(sql`select inet_server_port() as port`));
      return Number(row?.port);
    }

    /** HN-C's GDP of 2026Q3 on the comparison page (approved values only): null until it is approved. */
    async function hnGdp(handle: DatabaseHandle): Promise<number | null> {
      const page = await callerOn(handle, "viewer").dashboard.compare({
        zoneCodes: ["HN-C", "CQ-M"],
        indicatorCodes: ["gdp"],
        from: "2026Q3",
        to: "2026Q3",
      });
      const series = page.series.find((line) => line.zoneCode === "HN-C");
      return series?.points.find((point) => point.quarter === "2026Q3")?.value ?? null;
    }

    it("in-process: dashboards read the replica, writes and the queue the primary; a replica lagging or down is skipped, and used again once well", async () => {
      const relaxed = openWithReplica(3600);
      const strict = openWithReplica(1);
      const standbyPort = (standby as Cluster).port;
      const primaryPort = (primary as Cluster).port;
      expect(await until(relaxed, "up")).toMatchObject({ replica: `127.0.0.1:${standbyPort}/postgres` });
      await until(strict, "up");
      expect(await portOf(relaxed.reader())).toBe(standbyPort);
      expect(await portOf(relaxed.db)).toBe(primaryPort);
      expect(await hnGdp(relaxed)).toBeNull();

      // The replica stops replaying; a reviewer approves HN-C's 2026Q3 on the primary.
      await onStandby`select pg_wal_replay_pause()`;
      const reviewer = callerOn(relaxed, "reviewer");
      const form = await reviewer.submission.form(HN_C_2026Q3);
      await reviewer.submission.approve({ ...HN_C_2026Q3, version: form.submission?.version ?? 0 });
      // Read after the write, on the primary: the queue no longer holds it.
      const queue = await reviewer.submission.queue({ status: "submitted" });
      expect(queue.rows.map((row) => `${row.zoneCode} ${row.quarter}`)).not.toContain("HN-C 2026Q3");
      // The dashboards read the replica, which has not replayed the approval (and may: its threshold is an hour).
      expect((await replicaState(relaxed)).state).toBe("up");
      expect(await hnGdp(relaxed)).toBeNull();

      // Past a threshold of 1 s, the paused replica is skipped: the dashboards read the primary.
      const lagging = await until(strict, "lagging");
      expect(lagging.lagSeconds).toBeGreaterThanOrEqual(1);
      expect(lagging.reason).toMatch(/behind the primary \(more than REPLICA_MAX_LAG_SECONDS=1\)/);
      expect(strict.reader()).toBe(strict.db);
      expect(await hnGdp(strict)).toEqual(expect.any(Number));

      await onStandby`select pg_wal_replay_resume()`;
      await vi.waitUntil(
        async () => {
          const [row] =
            await onStandby`select status from submissions where zone_code = 'HN-C' and quarter = '2026Q3'`;
          return row?.status === "approved";
        },
        { timeout: 30_000, interval: 50 },
      );
      expect(await hnGdp(relaxed)).toEqual(expect.any(Number));
      // The approval marked the quarter's peer statistics stale; a dashboard reading the replica recomputes
      // them on the primary (the replica would refuse the write).
      const staleOnReplica = await onStandby`select quarter from peer_statistics_stale`;
      expect(staleOnReplica.map((row) => row.quarter)).toContain("2026Q3");
      await callerOn(relaxed, "viewer").dashboard.zone({ ...HN_C_2026Q3, from: "2026Q3", to: "2026Q3" });
      expect(
        await onPrimary`select quarter from peer_statistics_stale where quarter = '2026Q3'`,
      ).toHaveLength(0);
      expect(await until(strict, "up")).toMatchObject({ reason: null });

      // A replica that stops: skipped, the reads go on on the primary; back once it answers again.
      (standby as Cluster).stop();
      const down = await until(relaxed, "down");
      expect(down.reason).toMatch(/ECONNREFUSED|connection|terminat/i);
      expect(relaxed.reader()).toBe(relaxed.db);
      expect(await hnGdp(relaxed)).toEqual(expect.any(Number));
      (standby as Cluster).start();
      await until(relaxed, "up");
      expect(await portOf(relaxed.reader())).toBe(standbyPort);
    });

    it("the server and the worker: dashboard pages and exports read the replica; a replica down is logged and skipped, the server stays ready", async () => {
      assertBuilt();
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = {
        ...productionEnv((primary as Cluster).url, port),
        DATABASE_REPLICA_URLS: (standby as Cluster).url,
        EXPORT_DIR: exportDir,
      };
      const [{ since }] = (await onStandby`select now() as since`) as unknown as [{ since: Date }];
      const server = startServer(env);
      services.push(server);
      await waitForAnswer(`${base}/api/health/ready`, (response) => response.status === 200);
      const up = await replicasLogged(server, base, "up");
      expect(up.level).toBe("info");

      // The pages of the dashboards read the replica (its read pool connects on first use).
      const readsOnStandby = async () => {
        const [row] = await onStandby`
          select count(*)::int as n from pg_stat_activity
          where application_name = ${READ_POOL} and backend_start > ${since}`;
        return Number(row?.n);
      };
      const cookie = await signIn(base, fixtureUsers.viewer.email);
      expect(await readsOnStandby()).toBe(0);
      expect((await fetch(`${base}/zones/HN-C`, { headers: { cookie } })).status).toBe(200);
      expect(await readsOnStandby()).toBeGreaterThan(0);

      // Stopped: logged with why, skipped; the server stays ready and serves the dashboards from the primary.
      (standby as Cluster).stop();
      const down = await replicasLogged(server, base, "down");
      expect(down.level).toBe("warn");
      const [state] = down.replicas as ReplicaState[];
      expect(state).toMatchObject({
        replica: `127.0.0.1:${(standby as Cluster).port}/postgres`,
        lagSeconds: null,
      });
      expect(state?.reason).toMatch(/ECONNREFUSED/);
      expect(JSON.stringify(down)).not.toContain("postgres://");
      expect((await fetch(`${base}/zones/HN-C`, { headers: { cookie } })).status).toBe(200);
      (standby as Cluster).start();
      expect((await replicasLogged(server, base, "up")).level).toBe("info");

      // The worker writes an export from the replica: with its replay paused, the file has the value from
      // before a change made on the primary.
      const worker = startWorker({ ...env, REPLICA_MAX_LAG_SECONDS: "3600" });
      services.push(worker);
      await worker.waitForLog("worker.started", undefined, 60_000);
      const [before] = await onPrimary`
        select value::text as value from observations
        where zone_code = 'HB-HS' and indicator_code = 'gdp' and quarter = '2026Q2'`;
      await onStandby`select pg_wal_replay_pause()`;
      await onPrimary`
        update observations set value = 424242.5
        where zone_code = 'HB-HS' and indicator_code = 'gdp' and quarter = '2026Q2'`;
      const handle = openPostgres((primary as Cluster).url);
      handles.push(handle);
      const runId = await queueExport(handle, "csv", ONE_VALUE);
      const run = await vi.waitUntil(
        async () => {
          const current = await exportRun(handle, runId);
          return current && ["succeeded", "failed"].includes(current.status) ? current : null;
        },
        { timeout: 60_000, interval: 100 },
      );
      expect(run).toMatchObject({ status: "succeeded", rowCount: 1 });
      const file = await readFile(path.join(exportDir, run.storageKey ?? "missing"), "utf8");
      expect(file).not.toContain("424242.5");
      expect(file).toContain(String(Number(before?.value)));
      await onStandby`select pg_wal_replay_resume()`;

      expect(await worker.stop()).toBe(0);
      expect(await server.stop()).toBe(0);
    });
  },
);

/**
 * Asks the readiness check (which must answer 200 meanwhile) until the server has logged the replica in
 * `state`; that log line.
 */
async function replicasLogged(server: Service, base: string, state: ReplicaState["state"]): Promise<LogLine> {
  return vi.waitUntil(
    async () => {
      const response = await fetch(`${base}/api/health/ready`);
      expect(response.status).toBe(200);
      const line = server.logs().findLast((each) => each.event === "health.replicas");
      const replicas = (line?.replicas ?? []) as ReplicaState[];
      return replicas[0]?.state === state ? line : null;
    },
    { timeout: 30_000, interval: 100 },
  );
}

/** Signs in with the fixture password; the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
