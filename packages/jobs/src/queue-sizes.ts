import type { QueueSize } from "@zones/telemetry/metrics";
import type PgBoss from "pg-boss";

import { EXPORT_QUEUES } from "./queues";

/**
 * The export queues' sizes, for the metrics: queued (created, or waiting to retry) and active jobs of each.
 * Two counts per queue on pg-boss's (name, state) index, sampled only when the metrics are read.
 */
export async function exportQueueSizes(boss: PgBoss): Promise<QueueSize[]> {
  const sizes = await Promise.all(
    Object.values(EXPORT_QUEUES).map(async (queue) => {
      const [queued, unfinished] = await Promise.all([
        boss.getQueueSize(queue),
        boss.getQueueSize(queue, { before: "completed" }),
      ]);
      return [
        { queue, state: "queued" as const, size: queued },
        { queue, state: "active" as const, size: Math.max(0, unfinished - queued) },
      ];
    }),
  );
  return sizes.flat();
}
