import type { Readable } from "node:stream";
import type { Database } from "@zones/db/client";
import {
  claimExportDelivery,
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
import {
  type Locale,
  MAIL_ATTACHMENTS_MAX_BYTES,
  mailDomainOf,
  WEBHOOK_ANSWER_MAX_CHARS,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from "@zones/domain";
import {
  NO_DELIVERY,
  type TScheduleDelivery,
  ZExportFiltersSchema,
  ZScheduleDeliverySchema,
} from "@zones/exports";
import { signDownloadToken, webhookSignature } from "@zones/exports/delivery-token";
import type { MailTransport } from "@zones/mail";
import type { ExportStorage } from "@zones/storage";
import yazl from "yazl";

import { type FileFacts, fileMail, runFailedMail } from "./delivery-mail";
import { type OutgoingMail, recordOutgoingMail, sendMailAttempt } from "./mail";
import { exportRefusal } from "./run-export";

/** How deliveries are made: the link key and public URL, and the attachment limit. */
export interface DeliverySettings {
  /** Signs download links (`downloadLinkKey` of the service secret). */
  linkKey: Buffer;
  /** The app's public origin, which links point at (`BETTER_AUTH_URL`). */
  publicUrl: string;
  /** Attachments larger than this (zipped, when asked) are linked instead (MAIL_ATTACHMENT_MAX_MB). */
  attachmentMaxBytes: number;
  /** How long a webhook may take to answer (default WEBHOOK_TIMEOUT_MS). */
  webhookTimeoutMs?: number;
  /** The language of an account's mail (default: Chinese for everyone). */
  languageOf?: (userId: string) => Promise<Locale>;
}

/** A webhook that has not answered in this long failed this attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** What planning a run's deliveries needs of the job system. */
export interface DeliverySender {
  sendDelivery(delivery: ExportDeliveryRecord): Promise<void>;
  enqueueMail(mail: OutgoingMail): Promise<{ id: string; created: boolean }>;
}

function deliveryOf(stored: unknown): TScheduleDelivery {
  const parsed = ZScheduleDeliverySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : NO_DELIVERY;
}

function downloadUrl(settings: DeliverySettings, runId: string, token: string): string {
  const base = settings.publicUrl.replace(/\/+$/, "");
  return `${base}/api/exports/runs/${runId}/download?token=${encodeURIComponent(token)}`;
}

/**
 * After a run of a schedule ended (the handler of its job, which pg-boss retries should the worker die, so it
 * may come twice): a finished file gets one delivery per recipient and webhook, each with its job; a failed run
 * mails the schedule's owner. Both are recorded once however often this runs.
 */
export async function afterScheduledRun(
  db: Database,
  runId: string,
  sender: DeliverySender,
  settings: DeliverySettings,
): Promise<void> {
  const run = await getExportRun(db, runId);
  if (!run?.scheduleId) return;
  const schedule = await getExportSchedule(db, run.scheduleId);
  if (!schedule) return;
  if (run.status === "failed") {
    const owner = (await recipientAccounts(db, [schedule.ownerId]))[0];
    if (!owner || owner.disabled) return;
    const language = (await settings.languageOf?.(owner.id)) ?? "zh-CN";
    const text = runFailedMail(
      {
        scheduleName: schedule.name,
        runId,
        error: run.error ?? "—",
        url: `${settings.publicUrl.replace(/\/+$/, "")}/exports`,
      },
      language,
    );
    await sender.enqueueMail({
      dedupeKey: `export-run-failed:${runId}`,
      to: owner.email,
      recipientId: owner.id,
      language,
      ...text,
    });
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

export type DeliveryOutcome = "sent" | "failed" | "retrying" | "nothing-to-do";

export interface DeliveryAttempt {
  retryCount: number;
  retryLimit: number;
}

interface DeliveryContext {
  settings: DeliverySettings;
  storage: ExportStorage;
  mail: MailTransport;
  mailClaimStaleSeconds: number;
  webhookClaimStaleSeconds: number;
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

async function fail(db: Database, id: string, answer: string): Promise<"failed"> {
  await recordExportDelivery(db, id, { status: "failed", answer });
  return "failed";
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
    if ("refusal" in composed) return fail(db, delivery.id, composed.refusal);
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
  if (!message) return fail(db, delivery.id, "the outgoing message vanished");
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
  if (options.mode === "attachment") {
    const attachment = await readAttachment(context.storage, run, options.zip, settings.attachmentMaxBytes);
    if (attachment) {
      return {
        mail: {
          ...base,
          ...fileMail(facts(run, schedule.name), { kind: "attached" }, language),
          attachments: [attachment],
        },
      };
    }
    const access = { kind: "too-large" as const, url, expiresAt, limitBytes: settings.attachmentMaxBytes };
    return { mail: { ...base, ...fileMail(facts(run, schedule.name), access, language) } };
  }
  return {
    mail: { ...base, ...fileMail(facts(run, schedule.name), { kind: "link", url, expiresAt }, language) },
  };
}

/** The run's file as an attachment (zipped when asked), or null when it is over the limit. */
async function readAttachment(
  storage: ExportStorage,
  run: ExportRunListRow,
  zip: boolean,
  limit: number,
): Promise<{ filename: string; content: Buffer; contentType: string } | null> {
  // Unzipped, a file over the limit is never read; to be zipped, one may be larger, up to the stored bound.
  const readLimit = zip ? MAIL_ATTACHMENTS_MAX_BYTES : limit;
  if (!run.storageKey || !run.fileName || (run.byteSize ?? 0) > readLimit) return null;
  const file = await storage.open(run.storageKey);
  if (!file) throw new Error(`the file of run ${run.id} is missing from the export storage`);
  const content = await readUpTo(file.body, readLimit);
  if (!content) return null;
  if (!zip) {
    const contentType = run.fileName.endsWith(".xlsx")
      ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      : "text/csv; charset=utf-8";
    return { filename: run.fileName, content, contentType };
  }
  const zipped = await zipOne(run.fileName, content, limit);
  if (!zipped) return null;
  return {
    filename: `${run.fileName.replace(/\.[^.]+$/, "")}.zip`,
    content: zipped,
    contentType: "application/zip",
  };
}

/** The stream's bytes, or null (the stream destroyed) once it passes `limit`. */
async function readUpTo(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += bytes.byteLength;
    if (size > limit) {
      stream.destroy();
      return null;
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function zipOne(fileName: string, content: Buffer, limit: number): Promise<Buffer | null> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(content, fileName);
  zip.end();
  return readUpTo(zip.outputStream as unknown as Readable, limit);
}

// ---------------------------------------------------------------------------------------------------------
// Webhooks

/** The JSON a webhook receives. */
export interface WebhookNotice {
  runId: string;
  schedule: { id: string; name: string };
  scope: unknown;
  rows: number;
  bytes: number;
  sha256: string;
  link: string;
  finishedAt: string;
}

function appendAnswer(previous: string | null, attempt: number, answer: string): string {
  const line = `#${attempt} ${answer.replace(/\s+/g, " ").slice(0, WEBHOOK_ANSWER_MAX_CHARS)}`;
  const lines = [...(previous ? previous.split("\n") : []), line];
  // The latest few attempts: what the run log shows.
  return lines.slice(-5).join("\n");
}

async function deliverWebhook(
  db: Database,
  delivery: ExportDeliveryRecord,
  run: ExportRunListRow,
  schedule: { id: string; name: string; delivery: unknown },
  attempt: DeliveryAttempt,
  context: DeliveryContext,
): Promise<DeliveryOutcome> {
  const hook = deliveryOf(schedule.delivery).webhooks.find((candidate) => candidate.url === delivery.target);
  if (!hook?.secret) return fail(db, delivery.id, "the webhook was removed from the schedule");
  const claimed = await claimExportDelivery(db, delivery.id, context.webhookClaimStaleSeconds);
  if (!claimed) return "nothing-to-do";
  const settings = context.settings;
  const options = deliveryOf(schedule.delivery);
  const token = signDownloadToken(settings.linkKey, {
    runId: run.id,
    recipient: { address: delivery.target },
    expiresAt: new Date(Date.now() + options.linkDays * 24 * 60 * 60 * 1000),
  });
  const notice: WebhookNotice = {
    runId: run.id,
    schedule: { id: schedule.id, name: schedule.name },
    scope: run.filters,
    rows: run.rowCount ?? 0,
    bytes: run.byteSize ?? 0,
    sha256: run.checksum ?? "",
    link: downloadUrl(settings, run.id, token),
    finishedAt: (run.finishedAt ?? new Date()).toISOString(),
  };
  const body = JSON.stringify(notice);
  const timestamp = String(Math.floor(Date.now() / 1000));
  let answer: string;
  let ok = false;
  try {
    const response = await fetch(delivery.target, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Zones-Webhook/1",
        [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
        [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(hook.secret, timestamp, body),
      },
      body,
      // A redirect is an answer, not a place to send the notice again.
      redirect: "manual",
      signal: AbortSignal.timeout(settings.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    const text = (await response.text().catch(() => "")).slice(0, WEBHOOK_ANSWER_MAX_CHARS);
    ok = response.status >= 200 && response.status < 300;
    answer = `HTTP ${response.status}${text ? `: ${text}` : ""}`;
  } catch (error) {
    answer = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  const log = appendAnswer(delivery.answer, claimed.attempts, answer);
  if (ok) {
    await recordExportDelivery(db, delivery.id, { status: "sent", answer: log });
    return "sent";
  }
  const final = attempt.retryCount >= attempt.retryLimit;
  await recordExportDelivery(db, delivery.id, { status: final ? "failed" : "retrying", answer: log });
  if (final) return "failed";
  throw new Error(`webhook ${delivery.target}: ${answer}`);
}
