export { type BossOptions, type BossTiming, createBoss, ensureExportQueues } from "./boss";
export {
  BULLETIN_PRINT_TIMEOUT_MS,
  BULLETIN_READY_SELECTOR,
  BulletinBusyError,
  type BulletinPdf,
  type BulletinPrinting,
  bulletinPdf,
} from "./bulletin";
export { afterScheduledRun, deliverAttempt } from "./delivery";
export { type DeliveryOutcome, type DeliverySettings, WEBHOOK_TIMEOUT_MS } from "./delivery-common";
export { deliverySettingsFor } from "./delivery-settings";
export type { WebhookNotice } from "./delivery-webhook";
export { defaultExportDir } from "./export-dir";
export { type ExportFile, storeExportFile } from "./export-file";
export {
  MailAttachmentTooLargeError,
  type MailAttemptOutcome,
  type OutgoingMail,
  recordOutgoingMail,
  sendMailAttempt,
} from "./mail";
export {
  beijingDate,
  deliverPendingNotifications,
  type EnqueueMail,
  type QueueRecordedMail,
  runDeadlineNotices,
  runDigests,
} from "./notifications";
export { runPeriodOpening } from "./period-open";
export {
  BULLETIN_QUEUE,
  DEADLINE_NOTICE_CRON,
  DELIVERY_QUEUE,
  DELIVERY_RETRY,
  DIGEST_CRON,
  EXPORT_QUEUES,
  HEARTBEAT_MS,
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
} from "./queues";
export { recoverStaleRuns, type Sweep, startSweep } from "./recovery";
export {
  ExportCancelledError,
  ExportHandedBackError,
  exportRefusal,
  LiveRuns,
  pruneScheduleFiles,
  type RunAttempt,
  type RunExportOptions,
  type RunOutcome,
  runExportAttempt,
  scheduleOwnerRefusal,
} from "./run-export";
export { type DispatchRun, runQuarterApproved, runScheduleTick, type TickResult } from "./tick";
export {
  type ExportJobSender,
  type ExportWorker,
  type ExportWorkerOptions,
  type RunRetry,
  startExportSender,
  startExportWorker,
} from "./worker";
