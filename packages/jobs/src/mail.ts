import type { Readable } from "node:stream";
import type { Database } from "@zones/db/client";
import { claimMail, recordMail, recordMailFailure, recordMailSent } from "@zones/db/mail";
import { MAIL_ATTACHMENTS_MAX_BYTES } from "@zones/domain";
import { checkMail, type MailMessage, type MailTransport, mailFailure } from "@zones/mail";

/** A message to send: one recipient (a user's id when it is one), attachments as buffers or streams. */
export type OutgoingMail = MailMessage & { recipientId?: string | null };

export class MailAttachmentTooLargeError extends Error {
  constructor() {
    super(`attachments must be at most ${MAIL_ATTACHMENTS_MAX_BYTES} bytes in all`);
    this.name = "MailAttachmentTooLargeError";
  }
}

/** Reads a stream into memory, stopping as soon as it passes `limit` bytes (a hostile stream may be endless). */
async function readBounded(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += bytes.byteLength;
    if (size > limit) {
      stream.destroy();
      throw new MailAttachmentTooLargeError();
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * Records a message (once per dedupe key: `created` false when the event and recipient were recorded
 * before), its attachments read into the database so that any worker can send it.
 */
export async function recordOutgoingMail(
  db: Database,
  mail: OutgoingMail,
): Promise<{ id: string; created: boolean }> {
  checkMail(mail);
  let left = MAIL_ATTACHMENTS_MAX_BYTES;
  const attachments = [];
  for (const attachment of mail.attachments ?? []) {
    const content = Buffer.isBuffer(attachment.content)
      ? attachment.content
      : await readBounded(attachment.content, left);
    left -= content.byteLength;
    if (left < 0) throw new MailAttachmentTooLargeError();
    attachments.push({ filename: attachment.filename, contentType: attachment.contentType ?? null, content });
  }
  return recordMail(db, {
    dedupeKey: mail.dedupeKey,
    toAddress: mail.to,
    recipientId: mail.recipientId ?? null,
    language: mail.language,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    attachments,
  });
}

export type MailAttemptOutcome = "sent" | "outbox" | "failed" | "nothing-to-do";

/**
 * One attempt at a recorded message. Exactly once: only the worker that claims the message sends it, and the
 * server's acceptance is recorded in the one write that ends the sending, so a later attempt (a second worker,
 * a retry) finds nothing to claim. A passing failure (4xx, no connection) throws, for pg-boss to retry; a
 * refusal (5xx) or the last attempt's failure fails the message with the server's answer.
 */
export async function sendMailAttempt(
  db: Database,
  transport: MailTransport,
  messageId: string,
  attempt: { retryCount: number; retryLimit: number },
  claimStaleSeconds: number,
): Promise<MailAttemptOutcome> {
  // Not claimed: done already, or being sent by another worker, whose own job finishes it (or, should that
  // worker die, is retried by pg-boss once expired, by when the claim is stale and is taken again).
  const claimed = await claimMail(db, messageId, claimStaleSeconds);
  if (!claimed) return "nothing-to-do";
  let delivery: Awaited<ReturnType<MailTransport["send"]>>;
  try {
    delivery = await transport.send({
      to: claimed.toAddress,
      subject: claimed.subject,
      text: claimed.text,
      html: claimed.html,
      language: claimed.language,
      dedupeKey: claimed.dedupeKey,
      attachments: claimed.attachments.map((attachment) => ({
        filename: attachment.filename,
        content: attachment.content,
        ...(attachment.contentType ? { contentType: attachment.contentType } : {}),
      })),
    });
  } catch (error) {
    const failure = mailFailure(error);
    const final = failure.permanent || attempt.retryCount >= attempt.retryLimit;
    await recordMailFailure(db, messageId, { answer: failure.answer, final });
    if (final) return "failed";
    throw error;
  }
  await recordMailSent(db, messageId, delivery);
  return delivery.via === "smtp" ? "sent" : "outbox";
}
