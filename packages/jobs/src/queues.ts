/** pg-boss queues of the export jobs. */
export const EXPORT_QUEUES = {
  /** Every minute (pg-boss cron): schedules whose occurrence came, stale runs to pick up again. */
  tick: "export-tick",
  /** One export run: `{ runId }`. Retried with backoff. */
  run: "export-run",
  /** A quarter's submission was approved: `{ quarter }`; runs the all-approved schedules once every zone is. */
  quarterApproved: "export-quarter-approved",
} as const;

export const TICK_CRON = "* * * * *";

/** Attempts of one export run: the first and two retries (after 10 s, then 20 s: pg-boss backoff). */
export const RUN_RETRY = { retryLimit: 2, retryDelay: 10, retryBackoff: true } as const;

/**
 * A run job still active after this long was lost with its process; pg-boss fails it and retries. A run's own
 * heartbeat (below) lets the tick pick up a crashed run much sooner.
 */
export const RUN_EXPIRE_SECONDS = 30 * 60;

/** A running export writes its heartbeat at least this often… */
export const HEARTBEAT_MS = 10_000;
/** …so one silent for longer than this died with its worker and is started again. */
export const STALE_RUN_SECONDS = 60;
