import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";

import { composeMail, MailCompositionError, type MailMessage } from "./message";

/** Where a message went: an SMTP server's acceptance (its answer), or the outbox of a demo without SMTP_URL. */
export interface MailDelivery {
  via: "smtp" | "outbox";
  /** The SMTP server's answer (e.g. `250 OK: queued as …`), or what the outbox says. */
  response: string;
  messageId: string;
}

export interface MailTransport {
  readonly via: MailDelivery["via"];
  send(message: MailMessage): Promise<MailDelivery>;
  close(): void;
}

/** The answer an outbox delivery records. */
export const OUTBOX_RESPONSE = "kept in the outbox (SMTP_URL is not set)";

/** The sender of the outbox's messages when MAIL_FROM is not set (the demo); `.invalid` is never delivered. */
export const OUTBOX_FROM = "示范区监测 <noreply@zones.invalid>";

/**
 * Bounds of one SMTP conversation (nodemailer's defaults allow 10 minutes of silence): a send ends well within
 * the time after which a worker's claim on its message counts as lost (MAIL_CLAIM_STALE_SECONDS, @zones/jobs).
 */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** The transport of a process's configuration: SMTP with SMTP_URL, otherwise the outbox. */
export function mailTransport(settings: {
  smtpUrl?: string | undefined;
  from?: string | undefined;
}): MailTransport {
  if (settings.smtpUrl) {
    if (!settings.from) throw new MailCompositionError("from", "is required with SMTP_URL (MAIL_FROM)");
    return smtpTransport(settings.smtpUrl, settings.from);
  }
  return outboxTransport(settings.from ?? OUTBOX_FROM);
}

/** Sends through the SMTP server of `url` (smtp:// or smtps://, credentials in the URL) as `from`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  return {
    via: "smtp",
    async send(message) {
      const composed: Mail.Options = composeMail(message, from);
      const info = await transporter.sendMail(composed);
      return { via: "smtp", response: info.response, messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/**
 * Keeps messages instead of sending them (no SMTP_URL: the demo), so an admin sees at /admin/outbox what would
 * have gone out. `keep` stores one; the job system's messages are stored already and need nothing more.
 */
export function outboxTransport(
  from: string,
  keep: (message: MailMessage) => Promise<void> = async () => {},
): MailTransport {
  return {
    via: "outbox",
    async send(message) {
      const composed = composeMail(message, from);
      await keep(message);
      return { via: "outbox", response: OUTBOX_RESPONSE, messageId: String(composed.messageId) };
    },
    close: () => {},
  };
}

/** What a failed send means: the server refused for good (5xx: no retry cures it), or try again later. */
export interface MailFailure {
  permanent: boolean;
  /** The server's answer when it gave one (`550 5.1.1 <x@y>: no such user`), else what went wrong. */
  answer: string;
}

export function mailFailure(error: unknown): MailFailure {
  if (error instanceof MailCompositionError) return { permanent: true, answer: error.message };
  const failure = error as { responseCode?: unknown; response?: unknown; message?: unknown };
  const code = typeof failure.responseCode === "number" ? failure.responseCode : null;
  const answer =
    typeof failure.response === "string" && failure.response !== ""
      ? failure.response
      : error instanceof Error
        ? error.message
        : String(error);
  return { permanent: code !== null && code >= 500, answer };
}
