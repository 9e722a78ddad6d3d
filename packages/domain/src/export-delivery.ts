/**
 * Delivery of a scheduled export's file: to accounts and outside addresses by mail (a signed link, or the file
 * attached), and to webhooks. Each recipient and each webhook of a run is one delivery, sent once.
 */

/** `link` (default): a signed link that expires; `attachment`: the file itself when under the size limit. */
export const EXPORT_DELIVERY_MODES = ["link", "attachment"] as const;
export type ExportDeliveryMode = (typeof EXPORT_DELIVERY_MODES)[number];

export const EXPORT_DELIVERY_CHANNELS = ["mail", "webhook"] as const;
export type ExportDeliveryChannel = (typeof EXPORT_DELIVERY_CHANNELS)[number];

/** `retrying`: an attempt failed and pg-boss will try again; `failed`: refused for good or every attempt used. */
export const EXPORT_DELIVERY_STATUSES = ["queued", "sent", "failed", "retrying"] as const;
export type ExportDeliveryStatus = (typeof EXPORT_DELIVERY_STATUSES)[number];

/** How long a download link is valid by default, and at most (days). */
export const DEFAULT_LINK_DAYS = 7;
export const MAX_LINK_DAYS = 30;

/** Most accounts, outside addresses and webhooks one schedule delivers to. */
export const MAX_SCHEDULE_ACCOUNTS = 20;
export const MAX_SCHEDULE_ADDRESSES = 20;
export const MAX_SCHEDULE_WEBHOOKS = 5;
export const MAX_WEBHOOK_URL_LENGTH = 2000;
/** A webhook's secret: set by the owner (16–200 characters) or generated and shown once. */
export const MIN_WEBHOOK_SECRET_LENGTH = 16;
export const MAX_WEBHOOK_SECRET_LENGTH = 200;

/** Default size limit of an attached file (MAIL_ATTACHMENT_MAX_MB): larger files are linked instead. */
export const DEFAULT_MAIL_ATTACHMENT_MAX_MB = 10;

/** Most outside mail domains an admin may allow. */
export const MAX_ALLOWED_MAIL_DOMAINS = 200;

/** How much of a webhook's answer the run log keeps. */
export const WEBHOOK_ANSWER_MAX_CHARS = 500;

/** The headers of a webhook's POST: `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, and the timestamp. */
export const WEBHOOK_SIGNATURE_HEADER = "X-Zones-Signature";
export const WEBHOOK_TIMESTAMP_HEADER = "X-Zones-Timestamp";

/** The domain of a mail address, lowercased; null when it is none. */
export function mailDomainOf(address: string): string | null {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return null;
  return address.slice(at + 1).toLowerCase();
}

/** A domain name as admins list them: lowercase labels of letters, digits and hyphens, at least one dot. */
export const MAIL_DOMAIN_PATTERN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
