import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { Locale } from "@zones/domain";
import type Mail from "nodemailer/lib/mailer";

/** A file sent with a message: its bytes, or a stream of them (read once, when the message is sent). */
export interface MailAttachment {
  filename: string;
  content: Buffer | Readable;
  contentType?: string;
}

/** One message to one recipient, in the recipient's language. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: readonly MailAttachment[];
  language: Locale;
  /**
   * What makes this message unique (the event and the recipient): the same key is sent once, and its
   * Message-ID is derived from it, so that a receiver may recognise the rare resend after a crash.
   */
  dedupeKey: string;
}

/** Why a message cannot be composed; names the field. */
export class MailCompositionError extends Error {
  constructor(
    readonly field: keyof MailMessage | "from",
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = "MailCompositionError";
  }
}

/** A header line may not hold a line break (it would start another header). */
const LINE_BREAK = /[\r\n]/;
/** One mailbox, the only recipient form a message takes: `local@domain`, no display name, no list. */
const MAILBOX = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

/** The domain of `from` (`Name <user@domain>` or `user@domain`), for Message-IDs. */
function senderDomain(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  const domain = address.split("@")[1]?.trim();
  if (!domain || LINE_BREAK.test(from)) throw new MailCompositionError("from", "must be an e-mail address");
  return domain;
}

/** The Message-ID of a dedupe key: the same key always gets the same one. */
export function messageIdOf(dedupeKey: string, from: string): string {
  const digest = createHash("sha256").update(dedupeKey).digest("hex").slice(0, 32);
  return `<${digest}@${senderDomain(from)}>`;
}

/** Refuses a message that cannot be sent as it is (MailCompositionError naming the field). */
export function checkMail(message: MailMessage): void {
  if (!MAILBOX.test(message.to)) throw new MailCompositionError("to", "must be one e-mail address");
  if (message.subject.trim() === "" || LINE_BREAK.test(message.subject)) {
    throw new MailCompositionError("subject", "must be one line of text");
  }
  if (message.text.trim() === "") throw new MailCompositionError("text", "must not be empty");
  if (message.dedupeKey.trim() === "") throw new MailCompositionError("dedupeKey", "must not be empty");
  for (const attachment of message.attachments ?? []) {
    if (attachment.filename.trim() === "" || LINE_BREAK.test(attachment.filename)) {
      throw new MailCompositionError("attachments", "need a one-line file name");
    }
  }
}

/**
 * The message as nodemailer sends it: UTF-8 throughout (nodemailer encodes non-ASCII headers and file names as
 * RFC 2047 / RFC 2231 words), a text part, an HTML alternative when given, the attachments, the language.
 */
export function composeMail(message: MailMessage, from: string): Mail.Options {
  checkMail(message);
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    attachments: (message.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      content: attachment.content,
      ...(attachment.contentType ? { contentType: attachment.contentType } : {}),
    })),
    messageId: messageIdOf(message.dedupeKey, from),
    textEncoding: "base64",
    headers: { "Content-Language": message.language },
  };
}
