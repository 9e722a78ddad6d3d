/**
 * An outgoing message's states: `queued` until a worker takes it (and again while a retry waits), `sending`
 * while one does, then `sent` (an SMTP server accepted it), `outbox` (kept for /admin/outbox: no SMTP_URL) or
 * `failed` (refused for good, or every attempt used).
 */
export const MAIL_STATUSES = ["queued", "sending", "sent", "outbox", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Attachments of one message, all together, at most this many bytes: they are stored with the message (the
 * worker that sends it may be another process) and most mail servers refuse messages above 25–35 MB once
 * base64 has grown them by a third. It bounds MAIL_ATTACHMENT_MAX_MB (default 10 MB): larger files are linked,
 * not attached.
 */
export const MAIL_ATTACHMENTS_MAX_BYTES = 25 * 1024 * 1024;

/** Messages per page of /admin/outbox. */
export const OUTBOX_PAGE_SIZE = 20;
