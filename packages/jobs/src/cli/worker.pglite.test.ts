import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { waitFor } from "../test-world";

/** `npm run worker` as an operator runs it, on an embedded store of its own, with its metrics port. */
const PORT = 3844;
const TOKEN = "worker-metrics-token-0123456789";
const packageDir = path.resolve(import.meta.dirname, "../..");

let dataDir: string;
let worker: ChildProcess;
let stdout = "";

const lines = () =>
  stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "zones-worker-"));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  worker = spawn(process.execPath, ["--import", tsx, "src/cli/worker.ts"], {
    cwd: packageDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      PGLITE_DIR: path.join(dataDir, "store"),
      EXPORT_DIR: path.join(dataDir, "exports"),
      WORKER_METRICS_PORT: String(PORT),
      METRICS_TOKEN: TOKEN,
      LOG_LEVEL: "info",
      LOG_FORMAT: "",
      // The embedded store: a demo's worker, which applies the migrations itself.
      ZONES_DEMO: "1",
      MIGRATE_ON_START: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  worker.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  await waitFor(async () => lines().some((line) => line.event === "worker.started"), "the worker to start", {
    timeoutMs: 90_000,
    intervalMs: 250,
  });
}, 120_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.kill("SIGTERM");
    await exited;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("npm run worker", () => {
  it("serves its metrics on WORKER_METRICS_PORT to the bearer of METRICS_TOKEN, and nobody else", async () => {
    const url = `http://127.0.0.1:${PORT}/metrics`;
    const scraped = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scraped.status).toBe(200);
    const text = await scraped.text();
    for (const name of [
      "zones_export_runs_total",
      "zones_export_run_duration_seconds",
      "zones_job_queue_size",
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE ${name} `, "m"));
    }
    expect(text).toMatch(/^zones_job_queue_size\{queue="export-run",state="queued"\} 0$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url, { headers: { authorization: "Bearer wrong" } })).status).toBe(404);
  });

  it("writes JSON lines, and stops cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => worker.once("exit", resolve));
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(lines().map((line) => line.event)).toEqual(
      expect.arrayContaining(["worker.started", "worker.stopping", "worker.stopped"]),
    );
    expect(lines()[0]).toMatchObject({ level: "info", time: expect.any(String) });
  });
});
