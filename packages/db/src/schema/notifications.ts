import { MAIL_SCHEDULES, NOTIFICATION_KINDS, type NotificationKind } from "@zones/domain";
import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, unique } from "drizzle-orm/pg-core";

import { users } from "./auth";

/** The kinds of `NOTIFICATION_KINDS` (`@zones/domain`). */
export const notificationKind = pgEnum("notification_kind", NOTIFICATION_KINDS);

/** How a user's notification mail goes: `MAIL_SCHEDULES` (`@zones/domain`). */
export const mailSchedule = pgEnum("mail_schedule", MAIL_SCHEDULES);

/**
 * What became of a notification's mail: `pending` until a worker decides (by the recipient's preferences),
 * then `none` (mail off), `queued` (its own mail recorded and queued), `digest` (waiting for the daily digest)
 * or `digested` (in a digest mail, `digest_key`).
 */
export const NOTIFICATION_MAIL_STATES = ["pending", "none", "queued", "digest", "digested"] as const;
export const notificationMailState = pgEnum("notification_mail_state", NOTIFICATION_MAIL_STATES);

/**
 * One event told to one user: the bell's list. (event key, recipient) is unique, so an event recorded twice —
 * a retried job, two workers, a cron run again the same day — is one notification.
 */
export const notifications = pgTable(
  "notifications",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    /** Recording order: "newest first" without ties. */
    seq: t.bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    recipientId: t
      .text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull(),
    eventKey: t.text().notNull(),
    /** The kind's payload (`NotificationPayloads`), rendered in the reader's language when shown or mailed. */
    payload: t.jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: t.timestamp({ withTimezone: true }),
    mailState: notificationMailState().notNull().default("pending"),
    /** The digest mail (its dedupe key) this notification went out in. */
    digestKey: t.text(),
  }),
  (table) => [
    unique("notifications_event_recipient_key").on(table.eventKey, table.recipientId),
    index("notifications_recipient_seq_idx").on(table.recipientId, table.seq.desc()),
    // The bell's count: a user's unread notifications.
    index("notifications_unread_idx").on(table.recipientId).where(sql`${table.readAt} is null`),
    index("notifications_mail_pending_idx")
      .on(table.seq)
      .where(sql`${table.mailState} in ('pending', 'digest')`),
  ],
);

/** A user's choices of notification mail; no row means the defaults (zh-CN, each mail at once, all kinds). */
export const notificationPreferences = pgTable("notification_preferences", (t) => ({
  userId: t
    .text()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  language: t.text().notNull().default("zh-CN"),
  schedule: mailSchedule().notNull().default("immediate"),
  /** Kinds the user gets no mail for. */
  mailOff: t.jsonb().$type<NotificationKind[]>().notNull().default(sql`'[]'::jsonb`),
  updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
}));
