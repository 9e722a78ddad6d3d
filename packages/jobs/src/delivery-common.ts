import type { Database } from "@zones/db/client";
import { recordExportDelivery } from "@zones/db/exports";
import type { Locale, QuarterString } from "@zones/domain";
import { NO_DELIVERY, type TScheduleDelivery, ZScheduleDeliverySchema } from "@zones/exports";
import type { MailTransport } from "@zones/mail";
import type { ExportStorage } from "@zones/storage";

/** What the deliveries of a run (mail and webhooks) share: settings, the attempt, reading a schedule's delivery. */

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
  /** Hosts a webhook may reach although their addresses are private (WEBHOOK_PRIVATE_HOSTS; default none). */
  webhookPrivateHosts?: readonly string[];
  /** The language of an account's mail (default: Chinese for everyone). */
  languageOf?: (userId: string) => Promise<Locale>;
}

/** A webhook that has not answered in this long failed this attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export function deliveryOf(stored: unknown): TScheduleDelivery {
  const parsed = ZScheduleDeliverySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : NO_DELIVERY;
}

export function downloadUrl(settings: DeliverySettings, runId: string, token: string): string {
  const base = settings.publicUrl.replace(/\/+$/, "");
  return `${base}/api/exports/runs/${runId}/download?token=${encodeURIComponent(token)}`;
}

export type DeliveryOutcome = "sent" | "failed" | "retrying" | "nothing-to-do";

export interface DeliveryAttempt {
  retryCount: number;
  retryLimit: number;
}

export interface DeliveryContext {
  settings: DeliverySettings;
  storage: ExportStorage;
  mail: MailTransport;
  mailClaimStaleSeconds: number;
  webhookClaimStaleSeconds: number;
  /** The quarterly bulletin of a quarter as a PDF (kept or printed); unset where this worker cannot print. */
  bulletin?: (quarter: QuarterString, language: Locale) => Promise<Buffer>;
}

export async function failDelivery(db: Database, id: string, answer: string): Promise<"failed"> {
  await recordExportDelivery(db, id, { status: "failed", answer });
  return "failed";
}
