import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  DEFAULT_TIME_ZONE,
  exportFailedEventKey,
  isNotificationKind,
  isToldOf,
  type Locale,
  type MailSchedule,
  type NotificationEvent,
  type NotificationKind,
  type NotificationPreferences,
  type Principal,
  toRole,
} from "@zones/domain";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { mailMessages, notificationPreferences, notifications } from "../schema";

/** A user who may be told of events: their id and what the access policy needs. */
export interface NotifiedUser extends Principal {
  id: string;
}

/**
 * Every enabled user with their role and zones, for the access policy to choose recipients from (one query;
 * a deployment has hundreds of accounts, not millions).
 */
export async function enabledPrincipals(db: Database): Promise<NotifiedUser[]> {
  const result = await db.execute(sql`
    select u.id, u.role::text as role,
           coalesce(array_agg(uz.zone_code) filter (where uz.zone_code is not null), '{}') as "zoneCodes"
    from users u left join user_zones uz on uz.user_id = u.id
    where not u.disabled
    group by u.id`);
  return rowsOf<{ id: string; role: string; zoneCodes: string[] }>(result).map((row) => ({
    id: row.id,
    role: toRole(row.role),
    zoneCodes: row.zoneCodes,
  }));
}

/** Records an event for these users, once per (event key, user): `inserted` counts the new ones. */
export async function recordNotifications(
  db: Database,
  event: NotificationEvent & { eventKey: string },
  recipientIds: readonly string[],
): Promise<{ inserted: number }> {
  if (recipientIds.length === 0) return { inserted: 0 };
  const rows = await db
    .insert(notifications)
    .values(
      recipientIds.map((recipientId) => ({
        recipientId,
        kind: event.kind,
        eventKey: event.eventKey,
        payload: event.payload as unknown as Record<string, unknown>,
      })),
    )
    .onConflictDoNothing({ target: [notifications.eventKey, notifications.recipientId] })
    .returning({ id: notifications.id });
  return { inserted: rows.length };
}

/**
 * Records an event about a zone for those the access policy says are told of it (`isToldOf`), except the
 * user who caused it. Call it inside the transaction of the change it tells of: both stand or neither.
 */
export async function recordZoneEvent(
  db: Database,
  event: NotificationEvent & { eventKey: string; zoneCode: string; exceptUserId?: string | null },
  principals?: readonly NotifiedUser[],
): Promise<{ inserted: number }> {
  const users = principals ?? (await enabledPrincipals(db));
  const recipients = users
    .filter((user) => user.id !== event.exceptUserId && isToldOf(event.kind, user, event.zoneCode))
    .map((user) => user.id);
  return recordNotifications(db, event, recipients);
}

/**
 * Tells a schedule's owner that its export failed, once per run (the scheduled-export delivery calls this when a
 * run fails for good, then asks the workers to deliver: `deliverNotifications`).
 */
export async function recordExportFailed(
  db: Database,
  failure: { runId: string; ownerId: string; scheduleId: string; scheduleName: string; reason: string },
): Promise<{ inserted: number }> {
  return recordNotifications(
    db,
    {
      kind: "export-failed",
      eventKey: exportFailedEventKey(failure.runId),
      payload: { scheduleId: failure.scheduleId, scheduleName: failure.scheduleName, reason: failure.reason },
    },
    [failure.ownerId],
  );
}

/** Zones of an open period whose deadline is `daysLeft` away (Beijing), with no submission in review or approved. */
export interface DeadlineCandidate {
  quarter: string;
  deadline: string;
  daysLeft: number;
  zoneCode: string;
}

/**
 * Active zones that have not submitted (nothing, a draft, or returned) for each open period whose deadline is
 * one of `daysLeft` days away today in Beijing (negative: passed). Bounded: zones × open periods.
 */
export async function zonesNotSubmitted(
  db: Database,
  daysLeft: readonly number[],
  now: Date = new Date(),
): Promise<DeadlineCandidate[]> {
  if (daysLeft.length === 0) return [];
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${DEFAULT_TIME_ZONE})::date`;
  const result = await db.execute(sql`
    select p.quarter, p.deadline::text as deadline, (p.deadline - ${today})::int as "daysLeft", z.code as "zoneCode"
    from reporting_periods p
    cross join zones z
    left join submissions s on s.zone_code = z.code and s.quarter = p.quarter
    where p.status = 'open' and z.active
      and (p.deadline - ${today}) in (${sql.join(
        daysLeft.map((days) => sql`${days}::int`),
        sql`, `,
      )})
      and coalesce(s.status::text, 'none') not in ('submitted', 'approved')
    order by p.quarter, z.sort_order`);
  return rowsOf<DeadlineCandidate>(result).map((row) => ({ ...row, daysLeft: Number(row.daysLeft) }));
}

/** A notification as the bell's list shows it. */
export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/** A user's notifications newest first, a page at a time (pages from 1), how many in all and unread. */
export async function listNotifications(
  db: Database,
  userId: string,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        payload: notifications.payload,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.recipientId, userId))
      .orderBy(desc(notifications.seq))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({
        total: count(),
        unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int`,
      })
      .from(notifications)
      .where(eq(notifications.recipientId, userId)),
  ]);
  return { rows, total: counted?.total ?? 0, unread: Number(counted?.unread ?? 0) };
}

/** How many of a user's notifications are unread (the bell's number). */
export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** Marks some of the user's own notifications read (others' ids are ignored); how many changed. */
export async function markNotificationsRead(
  db: Database,
  userId: string,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.recipientId, userId),
        inArray(notifications.id, [...ids]),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/** Marks every notification of the user read; how many changed. */
export async function markAllNotificationsRead(db: Database, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

function toPreferences(row: { language: string; schedule: MailSchedule; mailOff: unknown } | undefined) {
  if (!row) return { ...DEFAULT_NOTIFICATION_PREFERENCES };
  const mailOff = Array.isArray(row.mailOff)
    ? row.mailOff.filter((kind) => isNotificationKind(String(kind)))
    : [];
  return {
    language: (row.language === "en" ? "en" : "zh-CN") as Locale,
    schedule: row.schedule,
    mailOff: mailOff as NotificationKind[],
  } satisfies NotificationPreferences;
}

/** A user's notification preferences, or the defaults (zh-CN, each mail at once, every kind). */
export async function getNotificationPreferences(
  db: Database,
  userId: string,
): Promise<NotificationPreferences> {
  const [row] = await db
    .select({
      language: notificationPreferences.language,
      schedule: notificationPreferences.schedule,
      mailOff: notificationPreferences.mailOff,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return toPreferences(row);
}

export async function setNotificationPreferences(
  db: Database,
  userId: string,
  preferences: NotificationPreferences,
): Promise<NotificationPreferences> {
  const values = {
    language: preferences.language,
    schedule: preferences.schedule,
    mailOff: [...new Set(preferences.mailOff)],
    updatedAt: sql`now()`,
  };
  await db
    .insert(notificationPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
  return getNotificationPreferences(db, userId);
}

/** A notification whose mail is still to be decided, with what deciding needs of its recipient. */
export interface PendingNotificationMail {
  id: string;
  eventKey: string;
  event: NotificationEvent;
  recipientId: string;
  email: string;
  disabled: boolean;
  preferences: NotificationPreferences;
}

/** The oldest notifications whose mail is undecided (`pending`), at most `limit`. */
export async function pendingNotificationMail(
  db: Database,
  limit: number,
): Promise<PendingNotificationMail[]> {
  const result = await db.execute(sql`
    select n.id, n.event_key as "eventKey", n.kind::text as kind, n.payload, n.recipient_id as "recipientId",
           u.email, u.disabled, p.language, p.schedule::text as schedule, p.mail_off as "mailOff"
    from notifications n
    join users u on u.id = n.recipient_id
    left join notification_preferences p on p.user_id = n.recipient_id
    where n.mail_state = 'pending'
    order by n.seq
    limit ${limit}`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    id: String(row.id),
    eventKey: String(row.eventKey),
    event: { kind: row.kind, payload: parsedJson(row.payload) } as NotificationEvent,
    recipientId: String(row.recipientId),
    email: String(row.email),
    disabled: Boolean(row.disabled),
    preferences: toPreferences(
      row.language
        ? {
            language: String(row.language),
            schedule: row.schedule as MailSchedule,
            mailOff: parsedJson(row.mailOff),
          }
        : undefined,
    ),
  }));
}

function parsedJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** Records what became of a pending notification's mail (once: a notification decided already stays as it is). */
export async function setNotificationMailState(
  db: Database,
  id: string,
  state: "none" | "queued" | "digest",
): Promise<void> {
  await db
    .update(notifications)
    .set({ mailState: state })
    .where(and(eq(notifications.id, id), eq(notifications.mailState, "pending")));
}

/** Users with notifications waiting for their daily digest, at most `limit`. */
export async function digestRecipients(db: Database, limit: number) {
  const result = await db.execute(sql`
    select n.recipient_id as id, u.email, u.disabled, p.language
    from notifications n
    join users u on u.id = n.recipient_id
    left join notification_preferences p on p.user_id = n.recipient_id
    where n.mail_state = 'digest'
    group by n.recipient_id, u.email, u.disabled, p.language
    order by min(n.seq)
    limit ${limit}`);
  return rowsOf<{ id: string; email: string; disabled: boolean; language: string | null }>(result).map(
    (row) => ({ ...row, language: (row.language === "en" ? "en" : "zh-CN") as Locale }),
  );
}

/**
 * Inside a transaction: serialises the digest of one key (a user's day) across workers, and says whether its
 * mail was recorded already (then nothing more goes into it).
 */
export async function lockDigest(tx: Database, digestKey: string): Promise<{ mailId: string | null }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${digestKey}))`);
  const [existing] = await tx
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(eq(mailMessages.dedupeKey, digestKey));
  return { mailId: existing?.id ?? null };
}

/**
 * Inside `lockDigest`'s transaction: moves the user's waiting notifications into the digest of `digestKey` and
 * returns the first `limit` of them (oldest first) and how many there are in all.
 */
export async function takeDigestItems(
  tx: Database,
  userId: string,
  digestKey: string,
  limit: number,
): Promise<{ events: NotificationEvent[]; total: number }> {
  await tx
    .update(notifications)
    .set({ mailState: "digested", digestKey })
    .where(and(eq(notifications.recipientId, userId), eq(notifications.mailState, "digest")));
  const [rows, [counted]] = await Promise.all([
    tx
      .select({ kind: notifications.kind, payload: notifications.payload })
      .from(notifications)
      .where(eq(notifications.digestKey, digestKey))
      .orderBy(notifications.seq)
      .limit(limit),
    tx.select({ total: count() }).from(notifications).where(eq(notifications.digestKey, digestKey)),
  ]);
  return {
    events: rows.map((row) => ({ kind: row.kind, payload: row.payload }) as NotificationEvent),
    total: counted?.total ?? 0,
  };
}

/**
 * Digest mails of a day still waiting to be sent (at most `limit`): one whose job was never queued (its worker
 * died after recording it) is queued again by the day's next run.
 */
export async function queuedDigestMail(db: Database, day: string, limit: number) {
  const result = await db.execute(sql`
    select id, dedupe_key as "dedupeKey" from mail_messages
    where status = 'queued' and dedupe_key like ${`digest:%:${day}`}
    limit ${limit}`);
  return rowsOf<{ id: string; dedupeKey: string }>(result);
}
