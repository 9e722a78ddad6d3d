import type { Database } from "@zones/db/client";
import {
  claimExportDelivery,
  type ExportDeliveryRecord,
  type ExportRunListRow,
  recordExportDelivery,
} from "@zones/db/exports";
import { WEBHOOK_ANSWER_MAX_CHARS, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from "@zones/domain";
import { signDownloadToken, webhookSignature } from "@zones/exports/delivery-token";
import {
  type DeliveryAttempt,
  type DeliveryContext,
  type DeliveryOutcome,
  deliveryOf,
  downloadUrl,
  failDelivery,
  WEBHOOK_TIMEOUT_MS,
} from "./delivery-common";
import { checkWebhookTarget, WebhookAddressRefused } from "./webhook-address";

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

export async function deliverWebhook(
  db: Database,
  delivery: ExportDeliveryRecord,
  run: ExportRunListRow,
  schedule: { id: string; name: string; delivery: unknown },
  attempt: DeliveryAttempt,
  context: DeliveryContext,
): Promise<DeliveryOutcome> {
  const hook = deliveryOf(schedule.delivery).webhooks.find((candidate) => candidate.url === delivery.target);
  if (!hook?.secret) return failDelivery(db, delivery.id, "the webhook was removed from the schedule");
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
    await checkWebhookTarget(delivery.target, settings.webhookPrivateHosts ?? []);
  } catch (error) {
    // An address the installation does not POST to: no retry would change that.
    const refusal = error instanceof WebhookAddressRefused ? error.message : `refused: ${String(error)}`;
    await recordExportDelivery(db, delivery.id, {
      status: "failed",
      answer: appendAnswer(delivery.answer, claimed.attempts, refusal),
    });
    return "failed";
  }
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
    const text = await boundedText(response, WEBHOOK_ANSWER_MAX_CHARS * 4);
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

/** The first bytes of an answer as text: a hostile receiver may answer with an endless body. */
async function boundedText(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // What was read before the failure is the answer.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8").slice(0, WEBHOOK_ANSWER_MAX_CHARS);
}
