/** Test-only: a deployment of several processes on one machine, as docs/scaling.md draws it. */
import { startS3Emulator } from "@zones/storage/testing";
import postgres from "postgres";

import { clusterPorts, createCluster, createStandby, postgresBinDir } from "../ops/databases";
import { freePort, runMigrate, runSeed, type Service, startServer, startWorker } from "../ops/processes";
import { type NginxProxy, startProxy } from "./proxy";

const SECRET = "scale-test-secret-0123456789-0123456789-abcdef";

export interface ScheduledRun {
  id: string;
  dueAt: string;
  attempts: number;
}

export interface Deployment {
  proxy: NginxProxy;
  /** The keys of the export files in the bucket. */
  storedFiles(): Promise<string[]>;
  /** SQL on the primary and on its streaming replica. */
  primary: postgres.Sql;
  replica: postgres.Sql;
  webs: Service[];
  webPorts: number[];
  workers: Service[];
  /** The runs of a schedule, once there are `atLeast` of them. */
  scheduleRuns(scheduleId: string, wait: { atLeast: number; timeoutMs: number }): Promise<ScheduledRun[]>;
  stop(): Promise<void>;
}

/** Debian's PostgreSQL tools, for the primary and its replica (the shared server is never touched). */
export const BIN_DIR = postgresBinDir();

/**
 * The demo data (as of 2026-11-28) on a PostgreSQL primary of the test's own with a streaming replica
 * (`pg_basebackup -R`), `webs` web processes behind nginx and `workers` workers, reading the replica.
 */
export async function deploy(options: { webs: number; workers: number }): Promise<Deployment> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    const [primaryPort, replicaPort] = (await clusterPorts(2)) as [number, number];
    const primaryCluster = createCluster(BIN_DIR as string, primaryPort);
    stops.push(async () => primaryCluster.remove());
    primaryCluster.start();
    const url = (cluster: { url: string }) => cluster.url.replace(/\/postgres$/, "/zones");
    const admin = postgres(primaryCluster.url, { max: 1, onnotice: () => {} });
    await admin`CREATE DATABASE zones`;
    await admin.end();
    const migrated = await runMigrate(url(primaryCluster));
    if (migrated !== 0) throw new Error(`db:migrate exited ${migrated}`);
    const seeded = await runSeed(url(primaryCluster), ["--as-of", "2026-11-28"]);
    if (seeded !== 0) throw new Error(`db:seed exited ${seeded}`);
    const replicaCluster = createStandby(BIN_DIR as string, primaryCluster, replicaPort);
    stops.push(async () => replicaCluster.remove());
    replicaCluster.start();
    const database = { url: url(primaryCluster), replicaUrl: url(replicaCluster) };
    // Export files in an S3 bucket (s3rver, an emulator, on 127.0.0.1): written by one worker, served by any web.
    const s3 = await startS3Emulator();
    stops.push(() => s3.stop());
    const bucket = s3.settings("scale");

    const webPorts: number[] = [];
    for (let index = 0; index < options.webs; index++) webPorts.push(await freePort());
    const proxy = await startProxy({
      httpsPort: await freePort(),
      httpPort: await freePort(),
      upstreams: webPorts,
    });
    stops.push(() => proxy.stop());
    const shared = {
      DATABASE_URL: database.url,
      DATABASE_REPLICA_URLS: database.replicaUrl,
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: proxy.url,
      TRUSTED_PROXIES: "127.0.0.1",
      EXPORT_STORAGE_URL: `s3://${bucket.bucket}/${bucket.prefix}`,
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: bucket.region,
      S3_ACCESS_KEY_ID: bucket.accessKeyId,
      S3_SECRET_ACCESS_KEY: bucket.secretAccessKey,
      S3_FORCE_PATH_STYLE: "1",
      LOG_LEVEL: "info",
    };
    const webs = webPorts.map((port) =>
      startServer({ ...shared, PORT: String(port), EXPORT_WORKER: "external" }),
    );
    stops.push(...webs.map((web) => () => web.stop()));
    const workers = Array.from({ length: options.workers }, () => startWorker(shared));
    stops.push(...workers.map((worker) => () => worker.stop()));
    await Promise.all([
      ...webs.map((web) => web.waitForLog("server.listening", undefined, 90_000)),
      ...workers.map((worker) => worker.waitForLog("worker.started", undefined, 90_000)),
    ]);

    const sql = postgres(database.url, { max: 2, onnotice: () => {} });
    stops.push(() => sql.end({ timeout: 1 }));
    const replica = postgres(database.replicaUrl, { max: 1, onnotice: () => {} });
    stops.push(() => replica.end({ timeout: 1 }));
    return {
      proxy,
      storedFiles: () => s3.keys(`${bucket.prefix}/`),
      primary: sql,
      replica,
      webs,
      webPorts,
      workers,
      async scheduleRuns(scheduleId, wait) {
        const deadline = Date.now() + wait.timeoutMs;
        for (;;) {
          const rows = await sql<ScheduledRun[]>`
            SELECT id, due_at::text AS "dueAt", attempts FROM export_runs
            WHERE schedule_id = ${scheduleId} AND trigger = 'schedule' ORDER BY due_at`;
          if (rows.length >= wait.atLeast || Date.now() > deadline) return [...rows];
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
