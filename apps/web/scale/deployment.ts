/** Test-only: a deployment of several processes on one machine, as docs/scaling.md draws it. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

import { ADMIN_URL, createDatabase } from "../ops/databases";
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
  webs: Service[];
  webPorts: number[];
  workers: Service[];
  /** The runs of a schedule, once there are `atLeast` of them. */
  scheduleRuns(scheduleId: string, wait: { atLeast: number; timeoutMs: number }): Promise<ScheduledRun[]>;
  stop(): Promise<void>;
}

/** The demo data (as of 2026-11-28), `webs` web processes behind nginx and `workers` workers. */
export async function deploy(options: { webs: number; workers: number }): Promise<Deployment> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    const database = await createDatabase(ADMIN_URL as string);
    stops.push(() => database.drop());
    const migrated = await runMigrate(database.url);
    if (migrated !== 0) throw new Error(`db:migrate exited ${migrated}`);
    const seeded = await runSeed(database.url, ["--as-of", "2026-11-28"]);
    if (seeded !== 0) throw new Error(`db:seed exited ${seeded}`);
    const exportDir = await mkdtemp(path.join(tmpdir(), "zones-scale-exports-"));
    stops.push(() => rm(exportDir, { recursive: true, force: true }));

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
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: proxy.url,
      TRUSTED_PROXIES: "127.0.0.1",
      EXPORT_DIR: exportDir,
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

    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    stops.push(() => sql.end());
    return {
      proxy,
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
