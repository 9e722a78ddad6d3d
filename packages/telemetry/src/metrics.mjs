// The one metrics registry of a process and every metric of ours (Prometheus, prom-client), with the
// process's own (CPU, memory, event loop, handles). Web and worker expose the same registry; a metric a
// process has no use for stays at zero there.
import client from "prom-client";

import { logger } from "./log.mjs";
import { processSingleton } from "./process-singleton.mjs";

/** How long a scrape waits for the job queues' sizes before leaving them out (the database is slow or down). */
const QUEUE_SAMPLE_TIMEOUT_MS = 2_000;

/** Request latency buckets, seconds: pages and procedures take milliseconds, uploads and exports seconds. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Export run buckets, seconds: a zone's quarter in a second, the whole history in minutes. */
const EXPORT_BUCKETS = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

/**
 * @typedef {{ inUse: number; waiting: number; size: number }} PoolUsage
 * @typedef {{ queue: string; state: "queued" | "active"; size: number }} QueueSize
 * @typedef {{ replica: string; up: boolean; lagSeconds: number | null }} ReplicaSample
 */

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  /** @type {Set<() => PoolUsage>} */
  const pools = new Set();
  /** @type {Map<string, () => Promise<QueueSize[]>>} */
  const queues = new Map();
  /** @type {Set<() => ReplicaSample[]>} */
  const replicas = new Set();
  const replicaSamples = () => [...replicas].flatMap((sample) => sample());
  /** @param {(usage: PoolUsage) => number} field */
  const poolSum = (field) => [...pools].reduce((sum, sample) => sum + field(sample()), 0);
  const registers = [registry];

  const metrics = {
    httpRequests: new client.Counter({
      name: "zones_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status.",
      labelNames: /** @type {const} */ (["method", "route", "status"]),
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "zones_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method and route pattern.",
      labelNames: /** @type {const} */ (["method", "route"]),
      buckets: REQUEST_BUCKETS,
      registers,
    }),
    procedureCalls: new client.Counter({
      name: "zones_procedure_calls_total",
      help: "tRPC procedure calls, by procedure, type (query or mutation) and HTTP status.",
      labelNames: /** @type {const} */ (["procedure", "type", "status"]),
      registers,
    }),
    procedureDuration: new client.Histogram({
      name: "zones_procedure_duration_seconds",
      help: "Time a tRPC procedure took, by procedure and type.",
      labelNames: /** @type {const} */ (["procedure", "type"]),
      buckets: REQUEST_BUCKETS,
      registers,
    }),
    dbPoolInUse: new client.Gauge({
      name: "zones_db_pool_in_use",
      help: "PostgreSQL connections busy with a query or transaction (embedded PGlite: none).",
      registers,
      collect() {
        this.set(poolSum((usage) => usage.inUse));
      },
    }),
    dbPoolWaiting: new client.Gauge({
      name: "zones_db_pool_waiting",
      help: "Queries and transactions waiting for a PostgreSQL connection.",
      registers,
      collect() {
        this.set(poolSum((usage) => usage.waiting));
      },
    }),
    dbPoolSize: new client.Gauge({
      name: "zones_db_pool_size",
      help: "PostgreSQL connections the pool may open.",
      registers,
      collect() {
        this.set(poolSum((usage) => usage.size));
      },
    }),
    dbReplicaUp: new client.Gauge({
      name: "zones_db_replica_up",
      help: "1 while a read replica takes the dashboards' and exports' reads; 0 while it is skipped (down, or further behind than REPLICA_MAX_LAG_SECONDS).",
      labelNames: /** @type {const} */ (["replica"]),
      registers,
      collect() {
        this.reset();
        for (const { replica, up } of replicaSamples()) this.set({ replica }, up ? 1 : 0);
      },
    }),
    dbReplicaLag: new client.Gauge({
      name: "zones_db_replica_lag_seconds",
      help: "How far a read replica's replay was behind the primary at its last check (absent while unknown: down).",
      labelNames: /** @type {const} */ (["replica"]),
      registers,
      collect() {
        this.reset();
        for (const { replica, lagSeconds } of replicaSamples()) {
          if (lagSeconds !== null) this.set({ replica }, lagSeconds);
        }
      },
    }),
    jobQueueSize: new client.Gauge({
      name: "zones_job_queue_size",
      help: "pg-boss jobs per queue: queued (created or waiting to retry) and active.",
      labelNames: /** @type {const} */ (["queue", "state"]),
      registers,
      async collect() {
        this.reset();
        for (const sample of queues.values()) {
          for (const { queue, state, size } of await sampleQueues(sample)) this.set({ queue, state }, size);
        }
      },
    }),
    exportRuns: new client.Counter({
      name: "zones_export_runs_total",
      help: "Export run attempts by how they ended: succeeded, failed, retrying, cancelled, skipped.",
      labelNames: /** @type {const} */ (["status"]),
      registers,
    }),
    exportRunDuration: new client.Histogram({
      name: "zones_export_run_duration_seconds",
      help: "Time an export run attempt took, by how it ended.",
      labelNames: /** @type {const} */ (["status"]),
      buckets: EXPORT_BUCKETS,
      registers,
    }),
    signInFailures: new client.Counter({
      name: "zones_sign_in_failures_total",
      help: "Failed sign-ins: a wrong password or unknown account, or a wrong two-factor code.",
      labelNames: /** @type {const} */ (["step"]),
      registers,
    }),
    signInThrottled: new client.Counter({
      name: "zones_sign_in_throttled_total",
      help: "Sign-in attempts refused by the throttle (too many failures per account or address).",
      labelNames: /** @type {const} */ (["step"]),
      registers,
    }),
  };
  return { registry, metrics, pools, queues, replicas };
}

/**
 * A sampler's sizes, or none when it fails or takes too long: a scrape must answer even when the database
 * does not (the health check reports that).
 *
 * @param {() => Promise<QueueSize[]>} sample
 * @returns {Promise<QueueSize[]>}
 */
async function sampleQueues(sample) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), QUEUE_SAMPLE_TIMEOUT_MS);
  });
  try {
    return /** @type {QueueSize[]} */ (await Promise.race([sample(), timeout]));
  } catch (error) {
    logger.warn({ err: error }, "metrics: job queue sizes not sampled");
    return [];
  } finally {
    clearTimeout(timer);
  }
}

const state = processSingleton("metrics", createMetrics);

export const registry = state.registry;
export const metrics = state.metrics;

/**
 * Counts a database pool into the pool gauges while it is open.
 *
 * @param {() => PoolUsage} sample
 * @returns {() => void} to call when the pool closes
 */
export function observeDatabasePool(sample) {
  state.pools.add(sample);
  return () => {
    state.pools.delete(sample);
  };
}

/**
 * Reports read replicas' states in the replica gauges while they are open (sampled at each scrape).
 *
 * @param {() => ReplicaSample[]} sample
 * @returns {() => void} to call when the replicas close
 */
export function observeDatabaseReplicas(sample) {
  state.replicas.add(sample);
  return () => {
    state.replicas.delete(sample);
  };
}

/**
 * Samples job queue sizes at each scrape. One sampler per `database`: two job systems of one process on the
 * same database (a worker and a sender) count its queues once.
 *
 * @param {string} database
 * @param {() => Promise<QueueSize[]>} sample
 * @returns {() => void} to call when the job system stops
 */
export function observeQueueSizes(database, sample) {
  state.queues.set(database, sample);
  return () => {
    if (state.queues.get(database) === sample) state.queues.delete(database);
  };
}
