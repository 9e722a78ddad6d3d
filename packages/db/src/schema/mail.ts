import { MAIL_STATUSES } from "@zones/domain";
import { sql } from "drizzle-orm";
import { customType, index, pgEnum, pgTable, primaryKey } from "drizzle-orm/pg-core";

import { users } from "./auth";

/** The states of `MAIL_STATUSES` (`@zones/domain`). */
export const mailStatus = pgEnum("mail_status", MAIL_STATUSES);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Every outgoing message, sent or kept in the outbox. `dedupeKey` (the event and the recipient) is unique:
 * an event recorded twice for one recipient is one message, sent once.
 */
export const mailMessages = pgTable(
  "mail_messages",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    /** Recording order: "newest first" without ties (messages recorded in one millisecond share a time). */
    seq: t.bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    dedupeKey: t.text().notNull().unique(),
    toAddress: t.text().notNull(),
    recipientId: t.text().references(() => users.id, { onDelete: "set null" }),
    language: t.text().notNull(),
    subject: t.text().notNull(),
    text: t.text().notNull(),
    html: t.text(),
    /** Names, types and sizes of the attachments (their bytes are in `mail_attachments`). */
    attachments: t
      .jsonb()
      .$type<Array<{ filename: string; contentType: string | null; size: number }>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    status: mailStatus().notNull().default("queued"),
    attempts: t.integer().notNull().default(0),
    /** The SMTP server's last answer to a failed attempt (or what went wrong reaching it). */
    lastError: t.text(),
    /** The SMTP server's answer accepting the message, or the outbox's note. */
    response: t.text(),
    messageId: t.text(),
    /** When a worker took it (`sending`): a claim older than the stale limit was lost with its worker. */
    claimedAt: t.timestamp({ withTimezone: true }),
    sentAt: t.timestamp({ withTimezone: true }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index("mail_messages_seq_idx").on(table.seq.desc())],
);

/**
 * The bytes of each attachment, apart from the messages so that listing them never reads files; bounded by
 * MAIL_ATTACHMENTS_MAX_BYTES per message.
 */
export const mailAttachments = pgTable(
  "mail_attachments",
  (t) => ({
    messageId: t
      .uuid()
      .notNull()
      .references(() => mailMessages.id, { onDelete: "cascade" }),
    position: t.integer().notNull(),
    filename: t.text().notNull(),
    contentType: t.text(),
    content: bytea().notNull(),
  }),
  (table) => [primaryKey({ columns: [table.messageId, table.position] })],
);
