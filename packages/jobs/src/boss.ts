import type { DatabaseHandle } from "@zones/db/client";
import PgBoss from "pg-boss";

import {
  BULLETIN_EXPIRE_SECONDS,
  BULLETIN_QUEUE,
  BULLETIN_RETRY,
  DELIVERY_EXPIRE_SECONDS,
  DELIVERY_QUEUE,
  DELIVERY_RETRY,
  EXPORT_QUEUES,
  MAIL_EXPIRE_SECONDS,
  MAIL_QUEUE,
  MAIL_RETRY,
  NOTIFICATION_QUEUES,
  PERIOD_QUEUES,
  RUN_EXPIRE_SECONDS,
  RUN_RETRY,
} from "./queues";

export interface BossTiming {
  /** How often each worker polls its queues (pg-boss default 2 s). */
  pollingIntervalSeconds?: number;
  /** How often cron schedules are checked and sent (pg-boss defaults 30 s / 5 s; tests use 1 s). */
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
}

export interface BossOptions extends BossTiming {
  /** Maintenance (expiring lost jobs, archiving) and cron in this instance; off for a sender-only one. */
  supervise?: boolean;
  schedule?: boolean;
}

/**
 * A pg-boss instance on the database behind `handle`: its own connection pool on PostgreSQL, the embedded
 * connection through `executeSql` on PGlite (which cannot open a second one).
 */
export function createBoss(
  handle: Pick<DatabaseHandle, "engine" | "connectionString" | "executeSql">,
  options: BossOptions = {},
): PgBoss {
  const { pollingIntervalSeconds: _polling, ...bossOptions } = options;
  const connection =
    handle.engine === "pglite"
      ? { db: { executeSql: requireExecutor(handle) } }
      : { connectionString: requireUrl(handle), max: 4 };
  return new PgBoss({ ...connection, ...bossOptions, application_name: "zones-jobs" });
}

function requireExecutor(handle: Pick<DatabaseHandle, "executeSql">) {
  const executeSql = handle.executeSql;
  if (!executeSql) throw new Error("pg-boss on PGlite needs the handle's executeSql");
  return (text: string, values: unknown[] = []) => executeSql(text, values);
}

function requireUrl(handle: Pick<DatabaseHandle, "connectionString">): string {
  if (!handle.connectionString) throw new Error("pg-boss on PostgreSQL needs the handle's connectionString");
  return handle.connectionString;
}

/**
 * Creates the export queues, the period opening's and the mail queue (idempotent; pg-boss 10 needs a queue before
 * sending to it). The mail queue is `stately`: at most one waiting and one active job per message (its singletonKey).
 */
export async function ensureExportQueues(boss: PgBoss): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  const wanted: PgBoss.Queue[] = [
    { name: EXPORT_QUEUES.tick, policy: "standard", retryLimit: 0, expireInSeconds: 300 },
    { name: EXPORT_QUEUES.run, policy: "standard", ...RUN_RETRY, expireInSeconds: RUN_EXPIRE_SECONDS },
    {
      name: EXPORT_QUEUES.quarterApproved,
      policy: "standard",
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
    },
    // A failed opening is retried; tomorrow's run would catch up anyway.
    { name: PERIOD_QUEUES.open, policy: "standard", retryLimit: 3, retryDelay: 60, expireInSeconds: 300 },
    { name: MAIL_QUEUE, policy: "stately", ...MAIL_RETRY, expireInSeconds: MAIL_EXPIRE_SECONDS },
    { name: DELIVERY_QUEUE, policy: "stately", ...DELIVERY_RETRY, expireInSeconds: DELIVERY_EXPIRE_SECONDS },
    // Requests to deliver coalesce (one waiting); a failed pass is retried, and the next minute's runs anyway.
    {
      name: NOTIFICATION_QUEUES.deliver,
      policy: "stately",
      retryLimit: 2,
      retryDelay: 10,
      expireInSeconds: 300,
    },
    // Re-running either the same day records nothing twice (event keys) and mails nothing twice (dedupe keys).
    {
      name: NOTIFICATION_QUEUES.deadlines,
      policy: "standard",
      retryLimit: 3,
      retryDelay: 60,
      expireInSeconds: 600,
    },
    {
      name: NOTIFICATION_QUEUES.digest,
      policy: "standard",
      retryLimit: 3,
      retryDelay: 60,
      expireInSeconds: 600,
    },
    { name: BULLETIN_QUEUE, policy: "stately", ...BULLETIN_RETRY, expireInSeconds: BULLETIN_EXPIRE_SECONDS },
  ];
  for (const queue of wanted) {
    if (existing.has(queue.name)) continue;
    try {
      await boss.createQueue(queue.name, queue);
    } catch (error) {
      // Another worker starting at the same moment created it first.
      const created = (await boss.getQueues()).some((found) => found.name === queue.name);
      if (!created) throw error;
    }
  }
}
