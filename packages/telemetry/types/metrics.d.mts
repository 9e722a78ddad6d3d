/** What other packages see of `src/metrics.mjs` (checked against it by src/declarations.ts). */
import type { Counter, Gauge, Histogram, Registry } from "prom-client";

export interface PoolUsage {
  inUse: number;
  waiting: number;
  size: number;
}
export interface QueueSize {
  queue: string;
  state: "queued" | "active";
  size: number;
}

export interface ReplicaSample {
  /** The replica's host, port and database (never its user or password). */
  replica: string;
  /** Whether reads go to it now. */
  up: boolean;
  /** Its replay's lag behind the primary at the last check; null when unknown (down). */
  lagSeconds: number | null;
}

export declare const registry: Registry;
export declare const metrics: {
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route">;
  procedureCalls: Counter<"procedure" | "type" | "status">;
  procedureDuration: Histogram<"procedure" | "type">;
  dbPoolInUse: Gauge;
  dbPoolWaiting: Gauge;
  dbPoolSize: Gauge;
  dbReplicaUp: Gauge<"replica">;
  dbReplicaLag: Gauge<"replica">;
  jobQueueSize: Gauge<"queue" | "state">;
  exportRuns: Counter<"status">;
  exportRunDuration: Histogram<"status">;
  signInFailures: Counter<"step">;
  signInThrottled: Counter<"step">;
};
export declare function observeDatabasePool(sample: () => PoolUsage): () => void;
export declare function observeDatabaseReplicas(sample: () => ReplicaSample[]): () => void;
export declare function observeQueueSizes(database: string, sample: () => Promise<QueueSize[]>): () => void;
