import type { Database } from "@zones/db/client";
import {
  type ExportDeliveryRecord,
  type ExportRunListRow,
  exportUserById,
  getExportDelivery,
  getExportRun,
  getExportSchedule,
  insertExportDeliveries,
  listAllowedMailDomains,
  recipientAccounts,
  recordExportDelivery,
} from "@zones/db/exports";
import { getMail } from "@zones/db/mail";
import { recordExportFailed } from "@zones/db/notifications";
import { type Locale, mailDomainOf, quarterOfDate } from "@zones/domain";
import { ZExportFiltersSchema } from "@zones/exports";
import { signDownloadToken } from "@zones/exports/delivery-token";

import { readAttachment } from "./delivery-attachment";
import {
  type DeliveryAttempt,
  type DeliveryContext,
  type DeliveryOutcome,
  deliveryOf,
  downloadUrl,
  failDelivery,
} from "./delivery-common";
import { type FileFacts, fileMail } from "./delivery-mail";
import { deliverWebhook } from "./delivery-webhook";
import { type OutgoingMail, recordOutgoingMail, sendMailAttempt } from "./mail";
import { exportRefusal } from "./run-export";

/** What planning a run's deliveries needs of the job system. */
export interface DeliverySender {
  sendDelivery(delivery: ExportDeliveryRecord): Promise<void>;
  enqueueMail(mail: OutgoingMail): Promise<{ id: string; created: boolean }>;
  /** Asks the workers to mail pending notifications (the failed run's, to its owner). */
  deliverNotifications(): Promise<void>;
}

/**
 * After a run of a schedule ended (the handler of its job, which pg-boss retries should the worker die, so it
 * may come twice): a finished file gets one delivery per recipient and webhook, each with its job; a failed run
 * tells the schedule's owner (a notification). Both are recorded once however often this runs.
 */
export async function afterScheduledRun(db: Database, runId: string, sender: DeliverySender): Promise<void> {
  const run = await getExportRun(db, runId);
  if (!run?.scheduleId) return;
  const schedule = await getExportSchedule(db, run.scheduleId);
  if (!schedule) return;
  if (run.status === "failed") {
    // The owner is told as of every other event: in the app, and by mail as their preferences say (once per run).
    await recordExportFailed(db, {
      runId,
      ownerId: schedule.ownerId,
      scheduleId: schedule.id,
      scheduleName: schedule.name,
      reason: run.error ?? "—",
    });
    await sender.deliverNotifications();
    return;
  }
  if (run.status !== "succeeded") return;
  const delivery = deliveryOf(schedule.delivery);
  const accounts = await recipientAccounts(db, delivery.accounts);
  const deliveries = await insertExportDeliveries(db, runId, [
    ...accounts.map((account) => ({
      channel: "mail" as const,
      target: account.email,
      recipientId: account.id,
    })),
    ...delivery.addresses.map((address) => ({ channel: "mail" as const, target: address })),
    ...delivery.webhooks.map((hook) => ({ channel: "webhook" as const, target: hook.url })),
  ]);
  for (const item of deliveries) {
    if (item.status === "queued" || item.status === "retrying") await sender.sendDelivery(item);
  }
}

/**
 * One attempt at one delivery (a job of the delivery queue). Mail goes through the outgoing message it records
 * once (its dedupe key is the delivery), which only one worker sends; a webhook's POST is made by the one
 * worker that claims the delivery. A passing failure throws, for pg-boss to retry with backoff.
 */
export async function deliverAttempt(
  db: Database,
  deliveryId: string,
  attempt: DeliveryAttempt,
  context: DeliveryContext,
): Promise<DeliveryOutcome> {
  const delivery = await getExportDelivery(db, deliveryId);
  if (!delivery || delivery.status === "sent" || delivery.status === "failed") return "nothing-to-do";
  const run = await getExportRun(db, delivery.runId);
  const schedule = run?.scheduleId ? await getExportSchedule(db, run.scheduleId) : null;
  if (!run || !schedule) {
    await recordExportDelivery(db, delivery.id, { status: "failed", answer: "the schedule was deleted" });
    return "failed";
  }
  return delivery.channel === "webhook"
    ? deliverWebhook(db, delivery, run, schedule, attempt, context)
    : deliverMail(db, delivery, run, schedule, attempt, context);
}

function facts(run: ExportRunListRow, scheduleName: string): FileFacts {
  return {
    scheduleName,
    fileName: run.fileName ?? "export",
    rows: run.rowCount ?? 0,
    bytes: run.byteSize ?? 0,
    sha256: run.checksum ?? "",
    finishedAt: run.finishedAt ?? new Date(),
  };
}

async function deliverMail(
  db: Database,
  delivery: ExportDeliveryRecord,
  run: ExportRunListRow,
  schedule: { name: string; delivery: unknown },
  attempt: DeliveryAttempt,
  context: DeliveryContext,
): Promise<DeliveryOutcome> {
  let mailId = delivery.mailId;
  if (!mailId) {
    const composed = await composeDeliveryMail(db, delivery, run, schedule, context);
    if ("refusal" in composed) return failDelivery(db, delivery.id, composed.refusal);
    mailId = (await recordOutgoingMail(db, composed.mail)).id;
    await recordExportDelivery(db, delivery.id, { status: delivery.status, answer: null, mailId });
  }
  let outcome: Awaited<ReturnType<typeof sendMailAttempt>>;
  try {
    outcome = await sendMailAttempt(db, context.mail, mailId, attempt, context.mailClaimStaleSeconds);
  } catch (error) {
    const message = await getMail(db, mailId);
    await recordExportDelivery(db, delivery.id, {
      status: "retrying",
      answer: message?.lastError ?? String(error),
      attempts: message?.attempts ?? delivery.attempts + 1,
    });
    throw error;
  }
  const message = await getMail(db, mailId);
  if (!message) return failDelivery(db, delivery.id, "the outgoing message vanished");
  if (message.status === "sent" || message.status === "outbox") {
    await recordExportDelivery(db, delivery.id, {
      status: "sent",
      answer: message.response,
      attempts: message.attempts,
    });
    return "sent";
  }
  if (message.status === "failed") {
    await recordExportDelivery(db, delivery.id, {
      status: "failed",
      answer: message.lastError,
      attempts: message.attempts,
    });
    return "failed";
  }
  // Being sent by another worker, whose job records the outcome.
  return outcome === "nothing-to-do" ? "nothing-to-do" : "retrying";
}

type Composed = { mail: OutgoingMail } | { refusal: string };

async function composeDeliveryMail(
  db: Database,
  delivery: ExportDeliveryRecord,
  run: ExportRunListRow,
  schedule: { name: string; delivery: unknown },
  context: DeliveryContext,
): Promise<Composed> {
  const settings = context.settings;
  const options = deliveryOf(schedule.delivery);
  const filters = ZExportFiltersSchema.safeParse(run.filters);
  if (!filters.success) return { refusal: "the run's filters are no longer valid" };
  if (!run.storageKey) return { refusal: "the run's file was deleted" };
  let language: Locale = "zh-CN";
  if (delivery.recipientId) {
    // An account gets only what its rights (as of now) allow, as it would on the exports page.
    const account = await exportUserById(db, delivery.recipientId);
    const refusal = exportRefusal(account, filters.data);
    if (refusal) return { refusal: `not sent: ${refusal}` };
    language = (await settings.languageOf?.(delivery.recipientId)) ?? "zh-CN";
  } else {
    const domain = mailDomainOf(delivery.target);
    const allowed = new Set(await listAllowedMailDomains(db));
    if (!domain || !allowed.has(domain)) {
      return { refusal: `not sent: outside mail to ${domain ?? delivery.target} is no longer allowed` };
    }
  }
  const expiresAt = new Date(Date.now() + options.linkDays * 24 * 60 * 60 * 1000);
  const token = signDownloadToken(settings.linkKey, {
    runId: run.id,
    recipient: delivery.recipientId ? { userId: delivery.recipientId } : { address: delivery.target },
    expiresAt,
  });
  const url = downloadUrl(settings, run.id, token);
  const base = {
    dedupeKey: `export-delivery:${delivery.id}`,
    to: delivery.target,
    recipientId: delivery.recipientId,
    language,
  };
  const bulletin = options.bulletin ? await bulletinAttachment(run, language, context) : null;
  if (options.mode === "attachment") {
    const attachment = await readAttachment(context.storage, run, options.zip, settings.attachmentMaxBytes);
    if (attachment) {
      return {
        mail: withBulletin(
          {
            ...base,
            ...fileMail(facts(run, schedule.name), { kind: "attached" }, language),
            attachments: [attachment],
          },
          bulletin,
        ),
      };
    }
    const access = { kind: "too-large" as const, url, expiresAt, limitBytes: settings.attachmentMaxBytes };
    return {
      mail: withBulletin({ ...base, ...fileMail(facts(run, schedule.name), access, language) }, bulletin),
    };
  }
  return {
    mail: withBulletin(
      { ...base, ...fileMail(facts(run, schedule.name), { kind: "link", url, expiresAt }, language) },
      bulletin,
    ),
  };
}

/**
 * The bulletin of the quarter whose approval ran the schedule (the run's occurrence is that quarter's start), in
 * the recipient's language. A worker that cannot print throws: the delivery is retried (a worker that can may
 * take it), rather than mailed without the bulletin the schedule promises.
 */
async function bulletinAttachment(
  run: ExportRunListRow,
  language: Locale,
  context: DeliveryContext,
): Promise<{ filename: string; content: Buffer; contentType: string } | null> {
  if (!run.dueAt) return null;
  if (!context.bulletin)
    throw new Error("this worker cannot print the quarterly bulletin (no print settings)");
  const quarter = quarterOfDate(new Date(run.dueAt));
  const content = await context.bulletin(quarter, language);
  return {
    filename: language === "en" ? `bulletin-${quarter}.pdf` : `季度监测通报-${quarter}.pdf`,
    content,
    contentType: "application/pdf",
  };
}

function withBulletin(
  mail: OutgoingMail,
  bulletin: { filename: string; content: Buffer; contentType: string } | null,
): OutgoingMail {
  if (!bulletin) return mail;
  const note =
    mail.language === "en"
      ? `The quarterly bulletin is attached (${bulletin.filename}).`
      : `附件为季度监测通报（${bulletin.filename}）。`;
  return { ...mail, text: `${note}\n\n${mail.text}`, attachments: [...(mail.attachments ?? []), bulletin] };
}
