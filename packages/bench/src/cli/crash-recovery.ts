/**
 * How long a background export takes to recover after its worker is SIGKILLed, measured on a real PostgreSQL
 * with real worker processes (`packages/jobs/src/cli/worker.ts`, as `npm run worker` runs it, default
 * timings). Each round: start a worker, start an export large enough to run for seconds, kill the worker
 * mid-export, start another worker at once (a supervisor restarting it), and time the kill → the run running
 * again (its next attempt claimed) → the run succeeded. Creates a scratch database (dropped afterwards).
 * Prints figures; asserts nothing.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:recovery
 *
 * ROUNDS (default 5) rounds; ROWS (default 400000) observations in the export; KILL_AFTER_ROWS (default 20000)
 * rows written before the kill.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { type ExportRunRecord, getExportRun, insertExportRun } from "@zones/db/exports";
import { users } from "@zones/db/schema";
import { INDICATOR_CODES, ZONE_CODES } from "@zones/domain";
import { parseExportFilters } from "@zones/exports";
import { HEARTBEAT_MS, RECOVERY_SWEEP_MS, STALE_RUN_SECONDS, startExportSender } from "@zones/jobs";

import { ROOT } from "../lib/proc";
import { fillScratchObservations, openScratchDatabase, scratchSpan } from "../lib/scratch";
import { deploymentAuthEnv } from "../lib/server";

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const ROWS = Number(process.env.ROWS ?? 400_000);
const KILL_AFTER_ROWS = Number(process.env.KILL_AFTER_ROWS ?? 20_000);
const { quarters: QUARTERS, from: FIRST, to: LAST } = scratchSpan(ROWS);
/** The jobs package, where `npm run worker` starts `src/cli/worker.ts`. */
const JOBS_DIR = path.join(ROOT, "packages/jobs");
const ADMIN = { id: "bench-admin", name: "基准管理员", email: "admin@bench.test", role: "admin" } as const;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** A worker process, as `npm run worker` starts it (one process: SIGKILL reaches the worker itself). */
async function startWorker(databaseUrl: string, exportDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/worker.ts"], {
    cwd: JOBS_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      EXPORT_DIR: exportDir,
      ...deploymentAuthEnv("http://127.0.0.1"),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error("no stdout of the worker");
  // Ready when it says so; an exit before that is a failure to start.
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`worker exited (${code}) before it was ready`));
    child.once("exit", onExit);
    stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes('"event":"worker.started"')) {
        child.off("exit", onExit);
        resolve();
      }
    });
  });
  return child;
}

/** Polls the run's record every 50 ms until `done` holds; the resolution of every figure below. */
async function until(
  read: () => Promise<ExportRunRecord | null>,
  done: (run: ExportRunRecord) => boolean,
  what: string,
  ms = 180_000,
): Promise<ExportRunRecord> {
  const deadline = Date.now() + ms;
  for (;;) {
    const run = await read();
    if (run && done(run)) return run;
    if (run?.status === "failed" || run?.status === "cancelled")
      throw new Error(`run ${run.status}: ${run.error}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Round {
  rowsAtKill: number;
  /** Age of the last heartbeat seen before the kill. */
  heartbeatAgeMs: number;
  toRunning: number;
  toSucceeded: number;
}

const handle = await openScratchDatabase();
const exportDir = await mkdtemp(path.join(tmpdir(), "zones-recovery-bench-"));
const children = new Set<ChildProcess>();
try {
  const { db } = handle;
  const databaseUrl = handle.connectionString;
  if (!databaseUrl) throw new Error("no connection string");
  await fillScratchObservations(db, QUARTERS);
  await db.insert(users).values({ ...ADMIN });
  const filters = parseExportFilters({
    zoneCodes: [...ZONE_CODES],
    indicatorCodes: [...INDICATOR_CODES],
    from: FIRST,
    to: LAST,
  });

  const load = loadavg().map((value) => value.toFixed(2));
  console.log(
    `${ZONE_CODES.length * INDICATOR_CODES.length * QUARTERS} rows per export; heartbeat ${HEARTBEAT_MS / 1000} s, stale after ${STALE_RUN_SECONDS} s, sweep every ${RECOVERY_SWEEP_MS / 1000} s`,
  );
  console.log(`Node ${process.version}, ${cpus().length} CPUs, load average before ${load.join(" ")}\n`);

  const sender = await startExportSender(handle);
  const rounds: Round[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const first = await startWorker(databaseUrl, exportDir);
      children.add(first);
      const run = await insertExportRun(db, {
        requestedBy: ADMIN.id,
        trigger: "manual",
        filters,
        format: "csv",
        maxAttempts: 3,
      });
      if (!run) throw new Error("no run");
      await sender.jobs.enqueueRun(run.id);
      const read = () => getExportRun(db, run.id);
      const before = await until(
        read,
        (current) => current.status === "running" && current.rowsDone >= KILL_AFTER_ROWS,
        "the first attempt to be under way",
      );
      const exited = once(first, "exit");
      const killedAt = Date.now();
      first.kill("SIGKILL");
      await exited;
      children.delete(first);
      const second = await startWorker(databaseUrl, exportDir);
      children.add(second);
      await until(
        read,
        (current) => current.attempts >= 2 && current.status === "running",
        "the run to be taken up again",
      );
      const runningAt = Date.now();
      const done = await until(read, (current) => current.status === "succeeded", "the run to succeed");
      const succeededAt = Date.now();
      if (done.attempts !== 2) throw new Error(`expected 2 attempts, found ${done.attempts}`);
      const files = await readdir(path.join(exportDir, run.id));
      if (files.length !== 1 || files[0] !== done.fileName) throw new Error(`unexpected files: ${files}`);
      const result: Round = {
        rowsAtKill: before.rowsDone,
        heartbeatAgeMs: before.heartbeatAt ? killedAt - before.heartbeatAt.getTime() : Number.NaN,
        toRunning: runningAt - killedAt,
        toSucceeded: succeededAt - killedAt,
      };
      rounds.push(result);
      console.log(
        `round ${round}: killed at ${result.rowsAtKill} rows (heartbeat ${seconds(result.heartbeatAgeMs)} old); ` +
          `running again after ${seconds(result.toRunning)}, succeeded after ${seconds(result.toSucceeded)} ` +
          `(${done.rowCount} rows, recovered attempt ${seconds(succeededAt - runningAt)})`,
      );
      const stopped = once(second, "exit");
      second.kill("SIGTERM");
      await stopped;
      children.delete(second);
    }
  } finally {
    await sender.stop();
  }
  const toRunning = rounds.map((round) => round.toRunning);
  const toSucceeded = rounds.map((round) => round.toSucceeded);
  console.log(
    `\nkill → running again: median ${seconds(median(toRunning))} (min ${seconds(Math.min(...toRunning))}, max ${seconds(Math.max(...toRunning))})`,
  );
  console.log(
    `kill → succeeded:     median ${seconds(median(toSucceeded))} (min ${seconds(Math.min(...toSucceeded))}, max ${seconds(Math.max(...toSucceeded))})`,
  );
  console.log(
    `load average after ${loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}`,
  );
} finally {
  for (const child of children) child.kill("SIGKILL");
  await rm(exportDir, { recursive: true, force: true });
  await handle.close();
}
