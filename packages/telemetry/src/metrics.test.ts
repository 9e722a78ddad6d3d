import { afterEach, describe, expect, it, vi } from "vitest";

import {
  metrics,
  observeDatabasePool,
  observeDatabaseReplicas,
  observeQueueSizes,
  registry,
} from "./metrics.mjs";
import { scrapeAnswer, startMetricsServer, WORKER_METRICS_PATH } from "./scrape.mjs";

/** The metrics of the contract (docs/operations.md, "Logs and metrics"). */
const OURS = [
  "zones_http_requests_total",
  "zones_http_request_duration_seconds",
  "zones_procedure_calls_total",
  "zones_procedure_duration_seconds",
  "zones_db_pool_in_use",
  "zones_db_pool_waiting",
  "zones_db_pool_size",
  "zones_db_replica_up",
  "zones_db_replica_lag_seconds",
  "zones_job_queue_size",
  "zones_export_runs_total",
  "zones_export_run_duration_seconds",
  "zones_sign_in_failures_total",
  "zones_sign_in_throttled_total",
];
const TOKEN = "metrics-token-for-tests-0123456789";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the registry", () => {
  it("holds every metric of ours and the process's own", async () => {
    const names = (await registry.getMetricsAsJSON()).map((metric) => metric.name);
    expect(names).toEqual(expect.arrayContaining(OURS));
    expect(names).toEqual(
      expect.arrayContaining([
        "process_cpu_seconds_total",
        "process_resident_memory_bytes",
        "nodejs_eventloop_lag_seconds",
      ]),
    );
  });

  it("sums the open database pools, and forgets a closed one", async () => {
    const first = observeDatabasePool(() => ({ inUse: 3, waiting: 1, size: 10 }));
    const second = observeDatabasePool(() => ({ inUse: 2, waiting: 0, size: 4 }));
    const text = await registry.metrics();
    expect(text).toMatch(/^zones_db_pool_in_use 5$/m);
    expect(text).toMatch(/^zones_db_pool_waiting 1$/m);
    expect(text).toMatch(/^zones_db_pool_size 14$/m);
    first();
    second();
    expect(await registry.metrics()).toMatch(/^zones_db_pool_in_use 0$/m);
  });

  it("reports each read replica's state and lag, and forgets closed ones", async () => {
    const stop = observeDatabaseReplicas(() => [
      { replica: "replica-1:5432/zones", up: true, lagSeconds: 0.4 },
      { replica: "replica-2:5432/zones", up: false, lagSeconds: 95 },
      { replica: "replica-3:5432/zones", up: false, lagSeconds: null },
    ]);
    const text = await registry.metrics();
    expect(text).toMatch(/^zones_db_replica_up\{replica="replica-1:5432\/zones"\} 1$/m);
    expect(text).toMatch(/^zones_db_replica_up\{replica="replica-2:5432\/zones"\} 0$/m);
    expect(text).toMatch(/^zones_db_replica_up\{replica="replica-3:5432\/zones"\} 0$/m);
    expect(text).toMatch(/^zones_db_replica_lag_seconds\{replica="replica-1:5432\/zones"\} 0.4$/m);
    expect(text).toMatch(/^zones_db_replica_lag_seconds\{replica="replica-2:5432\/zones"\} 95$/m);
    expect(text).not.toMatch(/^zones_db_replica_lag_seconds\{replica="replica-3/m);
    stop();
    expect(await registry.metrics()).not.toMatch(/^zones_db_replica_up\{/m);
  });

  it("samples job queues at each scrape, once per database, and answers without them when they fail", async () => {
    const sample = vi.fn(async () => [
      { queue: "export-run", state: "queued" as const, size: 4 },
      { queue: "export-run", state: "active" as const, size: 1 },
    ]);
    const stopWorker = observeQueueSizes("postgres://db/zones", sample);
    const stopSender = observeQueueSizes("postgres://db/zones", sample);
    const text = await registry.metrics();
    expect(sample).toHaveBeenCalledTimes(1);
    expect(text).toMatch(/^zones_job_queue_size\{queue="export-run",state="queued"\} 4$/m);
    expect(text).toMatch(/^zones_job_queue_size\{queue="export-run",state="active"\} 1$/m);
    stopSender();
    stopWorker();
    const stopBroken = observeQueueSizes("postgres://down/zones", async () => {
      throw new Error("connection refused");
    });
    const withoutQueues = await registry.metrics();
    expect(withoutQueues).not.toMatch(/^zones_job_queue_size\{/m);
    expect(withoutQueues).toMatch(/^# TYPE zones_http_requests_total counter$/m);
    stopBroken();
  });
});

describe("who may read the metrics", () => {
  it("nobody when METRICS_TOKEN is unset: 404", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    expect((await scrapeAnswer(`Bearer ${TOKEN}`)).status).toBe(404);
    expect((await scrapeAnswer(null)).status).toBe(404);
  });

  it("only the bearer of METRICS_TOKEN: anyone else gets the same 404 as an unknown address", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    for (const wrong of [null, "", TOKEN, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, `Bearer ${TOKEN.slice(1)}`]) {
      const answer = await scrapeAnswer(wrong);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toMatch(/zones_/);
    }
    const answer = await scrapeAnswer(`Bearer ${TOKEN}`);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(answer.body).toMatch(/^# TYPE zones_http_requests_total counter$/m);
  });

  it("the worker's port answers the same at /metrics, and nothing else", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const server = await startMetricsServer({ port: 3843, host: "127.0.0.1" });
    try {
      const base = `http://127.0.0.1:${server?.port}`;
      metrics.exportRuns.inc({ status: "succeeded" });
      const scraped = await fetch(`${base}${WORKER_METRICS_PATH}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^zones_export_runs_total\{status="succeeded"\} [1-9]/m);
      expect((await fetch(`${base}${WORKER_METRICS_PATH}`)).status).toBe(404);
      expect((await fetch(`${base}/`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await server?.close();
    }
  });

  it("no worker port without WORKER_METRICS_PORT; a wrong one stops the worker, naming it", async () => {
    vi.stubEnv("WORKER_METRICS_PORT", "");
    expect(await startMetricsServer()).toBeNull();
    vi.stubEnv("WORKER_METRICS_PORT", "90000");
    await expect(startMetricsServer()).rejects.toThrow(/WORKER_METRICS_PORT: "90000" is not a port number/);
  });
});
