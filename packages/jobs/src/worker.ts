import type { DatabaseHandle } from "@zones/db/client";
import { allZonesApproved } from "@zones/db/exports";
import { DEFAULT_TIME_ZONE, LOCALES, type Locale, type QuarterString } from "@zones/domain";
import { type MailTransport, mailTransport } from "@zones/mail";
import type { ExportStorage } from "@zones/storage";
import { currentRequest, newRequestContext, runWithRequest } from "@zones/telemetry/context";
import { logger } from "@zones/telemetry/log";
import { observeQueueSizes } from "@zones/telemetry/metrics";
import type PgBoss from "pg-boss";

import { type BossTiming, createBoss, ensureExportQueues } from "./boss";
import { type BulletinPrinting, bulletinPdf } from "./bulletin";
import { afterScheduledRun, deliverAttempt } from "./delivery";
import type { DeliverySettings } from "./delivery-common";
import { type OutgoingMail, recordOutgoingMail, sendMailAttempt } from "./mail";
import { deliverPendingNotifications, runDeadlineNotices, runDigests } from "./notifications";
import { runPeriodOpening } from "./period-open";
import { exportQueueSizes } from "./queue-sizes";
import {
  BULLETIN_QUEUE,
  DEADLINE_NOTICE_CRON,
  DELIVERY_EXPIRE_SECONDS,
  DELIVERY_QUEUE,
  DELIVERY_RETRY,
  DIGEST_CRON,
  EXPORT_QUEUES,
  MAIL_CLAIM_STALE_SECONDS,
  MAIL_EXPIRE_SECONDS,
  MAIL_QUEUE,
  MAIL_RETRY,
  NOTIFICATION_DELIVER_CRON,
  NOTIFICATION_QUEUES,
  PERIOD_OPEN_CRON,
  PERIOD_QUEUES,
  RECOVERY_SWEEP_MS,
  RUN_EXPIRE_SECONDS,
  RUN_RETRY,
  STALE_RUN_SECONDS,
  TICK_CRON,
  WEBHOOK_CLAIM_STALE_SECONDS,
} from "./queues";
import { recoverStaleRuns, startSweep } from "./recovery";
import { LiveRuns, runExportAttempt } from "./run-export";
import { runQuarterApproved, runScheduleTick } from "./tick";

/** What the API needs of the job system (structurally `ExportJobs` of `@zones/api`). */
export interface ExportJobSender {
  enqueueRun(runId: string): Promise<void>;
  quarterApproved(quarter: string): Promise<void>;
  /** Progress of a run executing in this process, without a database round trip. */
  liveProgress(runId: string): { rowsDone: number; rowsExpected: number } | null;
  /** Stops a run executing in this process at once; false when it runs elsewhere (or not at all). */
  cancelLocal(runId: string): boolean;
  /**
   * Records a message and queues it for sending, once per dedupe key (the event and the recipient): `created`
   * is false when it was recorded before, and it is not sent twice.
   */
  enqueueMail(mail: OutgoingMail): Promise<{ id: string; created: boolean }>;
  /**
   * Notifications were recorded (a submission's step): their mail is decided soon by a worker. Missing this
   * loses nothing: the minute's pass decides them anyway.
   */
  deliverNotifications(): Promise<void>;
}

export interface ExportWorker {
  boss: PgBoss;
  jobs: ExportJobSender;
  /**
   * Stops fetching jobs, lets the jobs in progress finish until `deadline` (Date.now() ms; default in 30 s),
   * then hands back the exports still running (queued again for any worker, their half files removed), and
   * stops pg-boss.
   */
  stop(options?: { deadline?: number }): Promise<void>;
}

export interface ExportWorkerOptions {
  /** Where finished files are kept (`<runId>/<file>` in the folder or the bucket). */
  storage: ExportStorage;
  timing?: BossTiming;
  /** The tick's cron (default every minute, Asia/Shanghai). */
  tickCron?: string;
  /** Rows per database fetch of an export. */
  batchSize?: number;
  /** Retries of a failed run (default RUN_RETRY: two, after 10 s and 20 s). */
  runRetry?: RunRetry;
  /** How often this worker looks for runs whose worker died (default RECOVERY_SWEEP_MS). */
  recoverySweepMs?: number;
  /** The period opening's cron (default daily at 00:05, Asia/Shanghai). */
  periodOpenCron?: string;
  /** The period opening's "now" (tests move it to a quarter's end). */
  clock?: () => Date;
  /** Where errors of pg-boss's own loops go (default the process's log). */
  onError?: (error: unknown) => void;
  /** How mail leaves (`mailTransport` of SMTP_URL and MAIL_FROM); default the outbox. */
  mail?: MailTransport;
  /** After how long a message left `sending` by its worker is taken again (default MAIL_CLAIM_STALE_SECONDS). */
  mailClaimStaleSeconds?: number;
  /**
   * How schedules' files are delivered (signed links, attachments, webhooks); without it a run's recipients
   * get nothing (a process that cannot sign links) and a failed run tells nobody.
   */
  delivery?: DeliverySettings;
  /** Retries of a delivery (default DELIVERY_RETRY: four, from 30 s with backoff). */
  deliveryRetry?: RunRetry;
  /** After how long a webhook POST left in flight by its worker is made again (default 60 s). */
  webhookClaimStaleSeconds?: number;
  /** The app's public address (BETTER_AUTH_URL), for links in notification mail; without it, none. */
  appUrl?: string | null;
  /** Crons of the notifications (defaults: every minute; 08:00 and 08:30 Asia/Shanghai). */
  notificationDeliverCron?: string;
  deadlineNoticeCron?: string;
  digestCron?: string;
  /** How this worker prints the quarterly bulletin once every zone's quarter is approved; unset: it does not. */
  bulletin?: BulletinPrinting;
}

type Handle = Pick<
  DatabaseHandle,
  "db" | "reader" | "engine" | "location" | "connectionString" | "executeSql"
>;

/**
 * What a job carries of the request that sent it (none for the minute's tick): its id, so that the lines the
 * job writes in the worker can be followed back to the request.
 */
interface Sent {
  requestId?: string;
}

function sentBy(): Sent {
  const request = currentRequest();
  return request ? { requestId: request.requestId } : {};
}

/** Runs a job's work as part of the request that sent it, when one did. */
function asSent<T>(data: Sent, work: () => Promise<T>): Promise<T> {
  return data.requestId ? runWithRequest(newRequestContext(data.requestId), work) : work();
}

export type RunRetry = { retryLimit: number; retryDelay: number; retryBackoff: boolean };

function sender(
  boss: PgBoss,
  db: Handle["db"],
  live: LiveRuns | null,
  retry: RunRetry = RUN_RETRY,
): ExportJobSender {
  return {
    async enqueueRun(runId) {
      await boss.send(
        EXPORT_QUEUES.run,
        { runId, ...sentBy() },
        { ...retry, expireInSeconds: RUN_EXPIRE_SECONDS },
      );
    },
    async quarterApproved(quarter) {
      await boss.send(EXPORT_QUEUES.quarterApproved, { quarter, ...sentBy() });
    },
    liveProgress: (runId) => live?.get(runId) ?? null,
    cancelLocal: (runId) => live?.cancel(runId) ?? false,
    async enqueueMail(mail) {
      const recorded = await recordOutgoingMail(db, mail);
      // Queued again when recorded before: a sender that died between the two steps left it without a job.
      // The queue keeps one waiting job per key, and a sent message is not sent again.
      await queueMail(boss, recorded.id, mail.dedupeKey);
      return recorded;
    },
    async deliverNotifications() {
      await boss.send(NOTIFICATION_QUEUES.deliver, { ...sentBy() });
    },
  };
}

/** Queues the sending of a recorded message: one waiting job per dedupe key. */
async function queueMail(boss: PgBoss, messageId: string, dedupeKey: string): Promise<void> {
  await boss.send(
    MAIL_QUEUE,
    { messageId, ...sentBy() },
    { ...MAIL_RETRY, expireInSeconds: MAIL_EXPIRE_SECONDS, singletonKey: dedupeKey },
  );
}

/**
 * A worker: pg-boss on the database, the minute tick and the daily period opening scheduled (pg-boss cron, so
 * with several workers each occurrence goes to one of them), and handlers for runs, ticks, approvals and the
 * opening. Several may run on one database.
 */
export async function startExportWorker(handle: Handle, options: ExportWorkerOptions): Promise<ExportWorker> {
  const boss = createBoss(handle, options.timing);
  const onError =
    options.onError ?? ((error: unknown) => logger.error({ err: error }, "export worker failed"));
  boss.on("error", onError);
  await boss.start();
  await ensureExportQueues(boss);
  await boss.schedule(EXPORT_QUEUES.tick, options.tickCron ?? TICK_CRON, {}, { tz: DEFAULT_TIME_ZONE });
  await boss.schedule(
    PERIOD_QUEUES.open,
    options.periodOpenCron ?? PERIOD_OPEN_CRON,
    {},
    { tz: DEFAULT_TIME_ZONE },
  );

  const notificationCrons = [
    [NOTIFICATION_QUEUES.deliver, options.notificationDeliverCron ?? NOTIFICATION_DELIVER_CRON],
    [NOTIFICATION_QUEUES.deadlines, options.deadlineNoticeCron ?? DEADLINE_NOTICE_CRON],
    [NOTIFICATION_QUEUES.digest, options.digestCron ?? DIGEST_CRON],
  ] as const;
  for (const [queue, cron] of notificationCrons) {
    await boss.schedule(queue, cron, {}, { tz: DEFAULT_TIME_ZONE });
  }

  const live = new LiveRuns();
  const jobs = sender(boss, handle.db, live, options.runRetry);
  const deliveryRetry = options.deliveryRetry ?? DELIVERY_RETRY;
  const deliveries = {
    enqueueMail: jobs.enqueueMail,
    deliverNotifications: jobs.deliverNotifications,
    async sendDelivery(delivery: { id: string; runId: string; channel: string; target: string }) {
      await boss.send(
        DELIVERY_QUEUE,
        { deliveryId: delivery.id, ...sentBy() },
        {
          ...deliveryRetry,
          expireInSeconds: DELIVERY_EXPIRE_SECONDS,
          singletonKey: `${delivery.runId}:${delivery.channel}:${delivery.target}`,
        },
      );
    },
  };
  const mail = options.mail ?? mailTransport({});
  // Handlers in progress (exports, ticks, approvals), which a stopping worker waits for.
  let active = 0;
  const tracked =
    <T>(handler: (jobs: T) => Promise<void>) =>
    async (batch: T) => {
      active += 1;
      try {
        await handler(batch);
      } finally {
        active -= 1;
      }
    };
  const polling =
    options.timing?.pollingIntervalSeconds !== undefined
      ? { pollingIntervalSeconds: options.timing.pollingIntervalSeconds }
      : {};
  const db = handle.db;

  await boss.work<{ runId: string } & Sent>(
    EXPORT_QUEUES.run,
    { ...polling, batchSize: 1, includeMetadata: true },
    tracked(async ([job]) => {
      if (!job) return;
      const delivery = options.delivery;
      const outcome = await asSent(job.data, async () => {
        try {
          return await runExportAttempt(
            db,
            job.data.runId,
            { retryCount: job.retryCount, retryLimit: job.retryLimit },
            {
              storage: options.storage,
              // The export's rows come from a read replica when one is well; the run's records from the primary.
              reader: handle.reader(),
              live,
              ...(options.batchSize ? { batchSize: options.batchSize } : {}),
            },
          );
        } finally {
          // Whatever the attempt came to (a final failure throws too): a finished run is delivered, a failed one
          // told to its owner — once, however many jobs (a retry after a crash) come here.
          if (delivery) {
            await afterScheduledRun(db, job.data.runId, deliveries).catch((error: unknown) => onError(error));
          }
        }
      });
      // A new job for the run, which another worker (or the next one started) takes.
      if (outcome === "handed-back") await jobs.enqueueRun(job.data.runId);
    }),
  );
  await boss.work(
    EXPORT_QUEUES.tick,
    { ...polling, batchSize: 1 },
    tracked(async () => {
      await runScheduleTick(db, jobs.enqueueRun);
    }),
  );
  await boss.work<{ quarter: string } & Sent>(
    EXPORT_QUEUES.quarterApproved,
    { ...polling, batchSize: 1 },
    tracked(async ([job]) => {
      if (!job) return;
      await asSent(job.data, () => runQuarterApproved(db, jobs.enqueueRun, job.data.quarter));
      // The quarter's bulletin, in each language, once its last submission is approved.
      if (options.bulletin && (await allZonesApproved(db, job.data.quarter))) {
        for (const language of LOCALES) {
          await boss.send(
            BULLETIN_QUEUE,
            { quarter: job.data.quarter, language, ...sentBy() },
            { singletonKey: `${job.data.quarter}:${language}` },
          );
        }
      }
    }),
  );
  const printing = options.bulletin;
  if (printing) {
    await boss.work<{ quarter: string; language: Locale } & Sent>(
      BULLETIN_QUEUE,
      { ...polling, batchSize: 1 },
      tracked(async ([job]) => {
        if (!job) return;
        const { quarter, language } = job.data;
        // A busy printer or a failure throws: pg-boss tries again after BULLETIN_RETRY's delay.
        await asSent(job.data, () =>
          bulletinPdf(db, options.storage, printing, { quarter, language, trigger: "all-approved" }),
        );
      }),
    );
  }

  await boss.work<{ messageId: string } & Sent>(
    MAIL_QUEUE,
    { ...polling, batchSize: 1, includeMetadata: true },
    tracked(async ([job]) => {
      if (!job) return;
      await asSent(job.data, () =>
        sendMailAttempt(
          db,
          mail,
          job.data.messageId,
          { retryCount: job.retryCount, retryLimit: job.retryLimit },
          options.mailClaimStaleSeconds ?? MAIL_CLAIM_STALE_SECONDS,
        ),
      );
    }),
  );
  // Schedules that attach the quarterly bulletin get the one kept for the data, or a new print.
  const printedBulletin = async (quarter: QuarterString, language: Locale) =>
    printing
      ? (await bulletinPdf(db, options.storage, printing, { quarter, language, trigger: "all-approved" })).pdf
      : Promise.reject(new Error("no bulletin printing"));
  await boss.work<{ deliveryId: string } & Sent>(
    DELIVERY_QUEUE,
    { ...polling, batchSize: 1, includeMetadata: true },
    tracked(async ([job]) => {
      if (!job) return;
      const delivery = options.delivery;
      if (!delivery) return;
      await asSent(job.data, () =>
        deliverAttempt(
          db,
          job.data.deliveryId,
          { retryCount: job.retryCount, retryLimit: job.retryLimit },
          {
            settings: delivery,
            storage: options.storage,
            mail,
            mailClaimStaleSeconds: options.mailClaimStaleSeconds ?? MAIL_CLAIM_STALE_SECONDS,
            webhookClaimStaleSeconds: options.webhookClaimStaleSeconds ?? WEBHOOK_CLAIM_STALE_SECONDS,
            ...(printing ? { bulletin: printedBulletin } : {}),
          },
        ),
      );
    }),
  );
  const appUrl = { appUrl: options.appUrl ?? null };
  await boss.work<Sent>(
    NOTIFICATION_QUEUES.deliver,
    { ...polling, batchSize: 1 },
    tracked(async ([job]) => {
      await asSent(job?.data ?? {}, () => deliverPendingNotifications(db, jobs.enqueueMail, appUrl));
    }),
  );
  await boss.work(
    NOTIFICATION_QUEUES.deadlines,
    { ...polling, batchSize: 1 },
    tracked(async () => {
      const { inserted } = await runDeadlineNotices(db, options.clock?.() ?? new Date());
      if (inserted > 0) await jobs.deliverNotifications();
    }),
  );
  await boss.work(
    NOTIFICATION_QUEUES.digest,
    { ...polling, batchSize: 1 },
    tracked(async () => {
      await runDigests(
        db,
        (messageId, dedupeKey) => queueMail(boss, messageId, dedupeKey),
        options.clock?.() ?? new Date(),
        appUrl,
      );
    }),
  );
  await boss.work(
    PERIOD_QUEUES.open,
    { ...polling, batchSize: 1 },
    tracked(async () => {
      await runPeriodOpening(db, options.clock?.() ?? new Date());
    }),
  );
  // A quarter that ended while no worker ran opens now rather than at the next cron; workers starting together
  // send one job (a duplicate would open nothing more).
  await boss.send(PERIOD_QUEUES.open, {}, { singletonKey: "worker-start", singletonSeconds: 60 });

  // Several workers sweeping find the same dead run: pg-boss keeps one recovery job per run per stale window
  // (a throttle key); a duplicate would be harmless anyway, its claim finds the run alive again.
  const resend = async (runId: string) => {
    await boss.send(
      EXPORT_QUEUES.run,
      { runId },
      {
        ...(options.runRetry ?? RUN_RETRY),
        expireInSeconds: RUN_EXPIRE_SECONDS,
        singletonKey: `recover:${runId}`,
        singletonSeconds: STALE_RUN_SECONDS,
      },
    );
  };
  const stopSampling = observeQueueSizes(handle.location, () => exportQueueSizes(boss));
  const sweep = startSweep(
    () => recoverStaleRuns(db, resend, { runsHere: (runId) => live.get(runId) !== null }),
    options.recoverySweepMs ?? RECOVERY_SWEEP_MS,
    onError,
  );

  return {
    boss,
    jobs,
    async stop({ deadline = Date.now() + 30_000 } = {}) {
      stopSampling();
      await sweep.stop();
      await Promise.all(
        [
          ...Object.values(EXPORT_QUEUES),
          ...Object.values(PERIOD_QUEUES),
          ...Object.values(NOTIFICATION_QUEUES),
          MAIL_QUEUE,
          DELIVERY_QUEUE,
          BULLETIN_QUEUE,
        ].map((queue) => boss.offWork(queue)),
      );
      const idle = () => active === 0;
      await until(idle, deadline);
      // Those still running, and any whose job was fetched just before: each stops at its next batch, and its
      // handler queues it again.
      live.handBackAll();
      await until(idle, Date.now() + HAND_BACK_MS);
      // Nothing of ours is in progress any more: pg-boss has nothing to wait for (or to fail).
      await boss.stop({ graceful: true, wait: true, timeout: 1_000 });
      mail.close();
    },
  };
}

/** How long a handed-back export may take to stop and be queued again. */
const HAND_BACK_MS = 10_000;

/** Resolves when `done()` holds or at `deadline` (Date.now() ms), whichever comes first. */
async function until(done: () => boolean, deadline: number): Promise<void> {
  while (!done() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(0, deadline - Date.now()))));
  }
}

/**
 * Sends jobs without working on any (the web app when `npm run worker` runs elsewhere): no cron, no
 * maintenance in this process.
 */
export async function startExportSender(
  handle: Handle,
): Promise<{ jobs: ExportJobSender; stop(): Promise<void> }> {
  const boss = createBoss(handle, { supervise: false, schedule: false });
  boss.on("error", (error) => logger.error({ err: error }, "export job sender failed"));
  await boss.start();
  await ensureExportQueues(boss);
  const stopSampling = observeQueueSizes(handle.location, () => exportQueueSizes(boss));
  return {
    jobs: sender(boss, handle.db, null),
    stop: () => {
      stopSampling();
      return boss.stop({ graceful: false, wait: true });
    },
  };
}
