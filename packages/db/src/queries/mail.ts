import { type Locale, MAIL_ATTACHMENTS_MAX_BYTES, type MailStatus } from "@zones/domain";
import { and, asc, count, desc, eq, lt, or, sql } from "drizzle-orm";

import type { Database } from "../client";
import { mailAttachments, mailMessages } from "../schema";

/** A message to record: one recipient, its attachments already read into memory. */
export interface MailRecordInput {
  dedupeKey: string;
  toAddress: string;
  recipientId?: string | null;
  language: Locale;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: ReadonlyArray<{ filename: string; contentType?: string | null; content: Buffer }>;
}

export class MailAttachmentsTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`attachments of ${bytes} bytes exceed MAIL_ATTACHMENTS_MAX_BYTES (${MAIL_ATTACHMENTS_MAX_BYTES})`);
    this.name = "MailAttachmentsTooLargeError";
  }
}

/**
 * Records a message unless its dedupe key is recorded already: `created` says which. The same event and
 * recipient, recorded by two processes at once, is one row.
 */
export async function recordMail(
  db: Database,
  input: MailRecordInput,
): Promise<{ id: string; created: boolean }> {
  const attachments = input.attachments ?? [];
  const bytes = attachments.reduce((total, attachment) => total + attachment.content.byteLength, 0);
  if (bytes > MAIL_ATTACHMENTS_MAX_BYTES) throw new MailAttachmentsTooLargeError(bytes);
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(mailMessages)
      .values({
        dedupeKey: input.dedupeKey,
        toAddress: input.toAddress,
        recipientId: input.recipientId ?? null,
        language: input.language,
        subject: input.subject,
        text: input.text,
        html: input.html ?? null,
        attachments: attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType ?? null,
          size: attachment.content.byteLength,
        })),
      })
      .onConflictDoNothing({ target: mailMessages.dedupeKey })
      .returning({ id: mailMessages.id });
    if (!inserted) {
      const [existing] = await tx
        .select({ id: mailMessages.id })
        .from(mailMessages)
        .where(eq(mailMessages.dedupeKey, input.dedupeKey));
      if (!existing) throw new Error("a mail message vanished while recorded");
      return { id: existing.id, created: false };
    }
    if (attachments.length > 0) {
      await tx.insert(mailAttachments).values(
        attachments.map((attachment, position) => ({
          messageId: inserted.id,
          position,
          filename: attachment.filename,
          contentType: attachment.contentType ?? null,
          content: attachment.content,
        })),
      );
    }
    return { id: inserted.id, created: true };
  });
}

/** A message a worker took, with what it needs to send it. */
export interface ClaimedMail {
  id: string;
  dedupeKey: string;
  toAddress: string;
  language: Locale;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
  attachments: Array<{ filename: string; contentType: string | null; content: Buffer }>;
}

/**
 * Takes a message for sending: one that is queued, or whose taker died (`sending` for longer than
 * `staleSeconds`). Null when it is not to be sent now (sent, in the outbox, failed, or being sent by a live
 * worker): two workers on one message, one sends.
 */
export async function claimMail(db: Database, id: string, staleSeconds: number): Promise<ClaimedMail | null> {
  const [claimed] = await db
    .update(mailMessages)
    .set({ status: "sending", claimedAt: sql`now()`, attempts: sql`${mailMessages.attempts} + 1` })
    .where(
      and(
        eq(mailMessages.id, id),
        or(
          eq(mailMessages.status, "queued"),
          and(
            eq(mailMessages.status, "sending"),
            lt(mailMessages.claimedAt, sql`now() - make_interval(secs => ${staleSeconds})`),
          ),
        ),
      ),
    )
    .returning();
  if (!claimed) return null;
  const attachments = await db
    .select({
      filename: mailAttachments.filename,
      contentType: mailAttachments.contentType,
      content: mailAttachments.content,
    })
    .from(mailAttachments)
    .where(eq(mailAttachments.messageId, id))
    .orderBy(asc(mailAttachments.position));
  return {
    id: claimed.id,
    dedupeKey: claimed.dedupeKey,
    toAddress: claimed.toAddress,
    language: claimed.language as Locale,
    subject: claimed.subject,
    text: claimed.text,
    html: claimed.html,
    attempts: claimed.attempts,
    attachments,
  };
}

/**
 * Records the server's acceptance (or the outbox's note) in the one write that ends the sending: after it, a
 * retry of the job finds nothing to claim.
 */
export async function recordMailSent(
  db: Database,
  id: string,
  delivery: { via: "smtp" | "outbox"; response: string; messageId: string },
): Promise<void> {
  await db
    .update(mailMessages)
    .set({
      status: delivery.via === "smtp" ? "sent" : "outbox",
      response: delivery.response,
      messageId: delivery.messageId,
      lastError: null,
      sentAt: sql`now()`,
    })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, "sending")));
}

/** Records a failed attempt: `final` fails the message for good, otherwise it waits queued for a retry. */
export async function recordMailFailure(
  db: Database,
  id: string,
  failure: { answer: string; final: boolean },
): Promise<void> {
  await db
    .update(mailMessages)
    .set({ status: failure.final ? "failed" : "queued", lastError: failure.answer, claimedAt: null })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, "sending")));
}

/** A line of /admin/outbox. */
export interface MailListRow {
  id: string;
  subject: string;
  toAddress: string;
  status: MailStatus;
  createdAt: Date;
  sentAt: Date | null;
}

/** Messages newest first, a page at a time (pages from 1), and how many there are. */
export async function listMail(
  db: Database,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ rows: MailListRow[]; total: number }> {
  const rows = await db
    .select({
      id: mailMessages.id,
      subject: mailMessages.subject,
      toAddress: mailMessages.toAddress,
      status: mailMessages.status,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
    })
    .from(mailMessages)
    .orderBy(desc(mailMessages.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [counted] = await db.select({ total: count() }).from(mailMessages);
  return { rows, total: counted?.total ?? 0 };
}

/** One message as /admin/outbox shows it (attachments by name and size), or null. */
export async function getMail(db: Database, id: string) {
  const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return message ?? null;
}

export type MailRecord = NonNullable<Awaited<ReturnType<typeof getMail>>>;
