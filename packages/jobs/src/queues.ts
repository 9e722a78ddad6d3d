/** pg-boss queues of the export jobs. */
export const EXPORT_QUEUES = {
  /** Every minute (pg-boss cron): schedules whose occurrence came. */
  tick: "export-tick",
  /** One export run: `{ runId }`. Retried with backoff. */
  run: "export-run",
  /** A quarter's submission was approved: `{ quarter }`; runs the all-approved schedules once every zone is. */
  quarterApproved: "export-quarter-approved",
} as const;

export const TICK_CRON = "* * * * *";

/** pg-boss queue of the daily opening of reporting periods (`period-open.ts`). */
export const PERIOD_QUEUES = {
  /** Opens each ended quarter that has no period yet; no data. */
  open: "period-open",
} as const;

/** Daily at 00:05 Asia/Shanghai: just after a quarter ends at midnight, once its last minute is surely over. */
export const PERIOD_OPEN_CRON = "5 0 * * *";

/** Attempts of one export run: the first and two retries (after 10 s, then 20 s: pg-boss backoff). */
export const RUN_RETRY = { retryLimit: 2, retryDelay: 10, retryBackoff: true } as const;

/**
 * A run job still active after this long was lost with its process; pg-boss fails it and retries. Crash
 * recovery does not wait for this: the workers' sweep (below) sends a dead worker's run again much sooner, and
 * the late retry of the lost job then finds the run finished and does nothing.
 */
export const RUN_EXPIRE_SECONDS = 30 * 60;

/*
 * Crash recovery. pg-boss 10 has no job heartbeat, so a run keeps its own (`export_runs.heartbeat_at`):
 *
 * - a running export writes it with every progress write (each 500 ms while rows flow) and, when no rows flow
 *   (the count query, closing an XLSX), at least every HEARTBEAT_MS;
 * - a run silent for STALE_RUN_SECONDS died with its worker: every worker looks for such runs each
 *   RECOVERY_SWEEP_MS and sends them again; the next attempt claims the run only if it is still stale.
 *
 * Worst case from a SIGKILL to the run running again: the last heartbeat is at most the moment of the kill, so
 * the run is stale by kill + STALE_RUN_SECONDS; a sweep sees it within RECOVERY_SWEEP_MS; a worker takes the
 * job at its next poll (pg-boss default 2 s): 30 + 5 + 2 = 37 s, plus query latency. The stale threshold is six
 * heartbeats, so a live run is not taken for dead unless its heartbeat writes stall for ~25 s.
 */

/** A running export writes its heartbeat at least this often… */
export const HEARTBEAT_MS = 5_000;
/** …so one silent for longer than this died with its worker and is started again. */
export const STALE_RUN_SECONDS = 30;
/** How often each worker looks for runs whose worker died. */
export const RECOVERY_SWEEP_MS = 5_000;
/** pg-boss's default polling interval of a worker (how long a sent job may wait to be taken). */
export const DEFAULT_POLLING_SECONDS = 2;

/** pg-boss queue of outgoing mail: `{ messageId }`, one job per message (`singletonKey`: its dedupe key). */
export const MAIL_QUEUE = "mail-send";

/**
 * Attempts of one message: the first and four retries (after 30 s, 60 s, 120 s, 240 s), for a server that
 * answers 4xx (try later) or cannot be reached. A 5xx answer fails the message at once.
 */
export const MAIL_RETRY = { retryLimit: 4, retryDelay: 30, retryBackoff: true } as const;

/**
 * A message `sending` for longer than this lost its worker (an SMTP conversation ends within about two minutes:
 * @zones/mail's timeouts): the next attempt takes it again. The job expires later still, so that pg-boss's retry
 * of a crashed worker's job finds the claim stale and sends the message.
 */
export const MAIL_CLAIM_STALE_SECONDS = 5 * 60;
export const MAIL_EXPIRE_SECONDS = 10 * 60;

/**
 * pg-boss queue of a run's deliveries: `{ deliveryId }`, one job per recipient or webhook (`singletonKey`: the
 * run and its target).
 */
export const DELIVERY_QUEUE = "export-delivery";

/** Attempts of one delivery: the first and four retries (after 30 s, 60 s, 120 s, 240 s). */
export const DELIVERY_RETRY = { retryLimit: 4, retryDelay: 30, retryBackoff: true } as const;

/**
 * A webhook POST in flight for longer than this lost its worker (a POST gives up after WEBHOOK_TIMEOUT_MS): the
 * next attempt makes it again. Mail deliveries follow their message's own claim (MAIL_CLAIM_STALE_SECONDS).
 */
export const WEBHOOK_CLAIM_STALE_SECONDS = 60;
export const DELIVERY_EXPIRE_SECONDS = 10 * 60;
/** pg-boss queues of notifications (`notifications.ts`). */
export const NOTIFICATION_QUEUES = {
  /**
   * Decides the mail of notifications still pending (each at once, into the digest, or none): every minute, and
   * sent by the API after a step that recorded some. `stately`: one waiting and one active job, however many
   * steps ask.
   */
  deliver: "notification-deliver",
  /** Daily: reminders before each open quarter's deadline and the overdue notice the day after it. */
  deadlines: "notification-deadlines",
  /** Daily: one digest mail per user who chose it, of the notifications since the last. */
  digest: "notification-digest",
} as const;

/** Every minute: notifications whose sender died before asking for their mail are not left waiting long. */
export const NOTIFICATION_DELIVER_CRON = "* * * * *";
/** Daily at 08:00 Asia/Shanghai: reminders and overdue notices arrive at the start of the working day. */
export const DEADLINE_NOTICE_CRON = "0 8 * * *";
/** Daily at 08:30 Asia/Shanghai: the digest, after that morning's reminders have been recorded. */
export const DIGEST_CRON = "30 8 * * *";

/**
 * pg-boss queue of the quarterly bulletin: `{ quarter, language }`, sent when every zone's submission of the
 * quarter is approved; `stately` with the quarter and language as its singletonKey, so approvals arriving
 * together print it once.
 */
export const BULLETIN_QUEUE = "bulletin-issue";

/** A print that failed (Chromium, the web app unreachable, another print running) is tried again later. */
export const BULLETIN_RETRY = { retryLimit: 4, retryDelay: 60, retryBackoff: true } as const;
export const BULLETIN_EXPIRE_SECONDS = 10 * 60;
