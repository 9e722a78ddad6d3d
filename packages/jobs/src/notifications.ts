import type { Database } from "@zones/db/client";
import {
  digestRecipients,
  enabledPrincipals,
  lockDigest,
  pendingNotificationMail,
  queuedDigestMail,
  recordZoneEvent,
  setNotificationMailState,
  takeDigestItems,
  zonesNotSubmitted,
} from "@zones/db/notifications";
import {
  DEFAULT_TIME_ZONE,
  DIGEST_MAX_ITEMS,
  deadlineEventKey,
  deadlineNoticeFor,
  digestMailKey,
  type IsoDate,
  mailBody,
  mailDelivery,
  notificationMailKey,
  OVERDUE_DAYS_LEFT,
  REMINDER_OFFSET_DAYS,
  renderDigest,
  renderEvent,
} from "@zones/domain";
import { MailCompositionError } from "@zones/mail";
import { logger } from "@zones/telemetry/log";

import { type OutgoingMail, recordOutgoingMail } from "./mail";

/** Records a message once per dedupe key and queues its sending (`ExportJobSender.enqueueMail`). */
export type EnqueueMail = (mail: OutgoingMail) => Promise<{ id: string; created: boolean }>;
/** Queues the sending of a message recorded already (one waiting job per dedupe key). */
export type QueueRecordedMail = (messageId: string, dedupeKey: string) => Promise<void>;

/** Notifications decided per pass, and passes per job: a burst beyond that waits for the next minute. */
const DELIVER_BATCH = 200;
const DELIVER_PASSES = 10;
/** Digests per daily job (users with a digest waiting); more are sent by the job's next day. */
const DIGEST_USERS_MAX = 5_000;

/**
 * Decides the mail of pending notifications by each recipient's preferences: none (that kind's mail off, or
 * the account disabled), into the daily digest, or one mail now — recorded with the dedupe key of the event and
 * recipient and queued on `mail-send`. Exactly once: a notification is marked only after its mail is recorded
 * and queued, so a worker that dies in between leaves it pending and the next pass records the same message
 * (found by its key, not a second one) and queues it again (one waiting job per key, sent once).
 */
export async function deliverPendingNotifications(
  db: Database,
  enqueueMail: EnqueueMail,
  options: { appUrl?: string | null } = {},
): Promise<{ mailed: number; digest: number; none: number }> {
  const counts = { mailed: 0, digest: 0, none: 0 };
  for (let pass = 0; pass < DELIVER_PASSES; pass += 1) {
    const pending = await pendingNotificationMail(db, DELIVER_BATCH);
    for (const notification of pending) {
      const delivery = notification.disabled
        ? "none"
        : mailDelivery(notification.event.kind, notification.preferences);
      if (delivery === "immediate") {
        const language = notification.preferences.language;
        const rendered = renderEvent(notification.event, language);
        try {
          await enqueueMail({
            dedupeKey: notificationMailKey(notification.eventKey, notification.recipientId),
            to: notification.email,
            recipientId: notification.recipientId,
            language,
            subject: rendered.subject,
            text: mailBody(rendered, language, options.appUrl),
          });
        } catch (error) {
          // A mail that can never be composed (an address that is none) must not hold up everyone else's:
          // the notification stays in the app only. Anything else (the database, pg-boss) fails the pass.
          if (!(error instanceof MailCompositionError)) throw error;
          logger.warn({ err: error, notification: notification.id }, "notification mail not composable");
          await setNotificationMailState(db, notification.id, "none");
          counts.none += 1;
          continue;
        }
        await setNotificationMailState(db, notification.id, "queued");
        counts.mailed += 1;
      } else {
        await setNotificationMailState(db, notification.id, delivery === "daily" ? "digest" : "none");
        counts[delivery === "daily" ? "digest" : "none"] += 1;
      }
    }
    if (pending.length < DELIVER_BATCH) break;
  }
  return counts;
}

/** Beijing's calendar date of an instant. */
export function beijingDate(now: Date): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone: DEFAULT_TIME_ZONE }).format(now);
}

/**
 * The daily deadline notices: for each open quarter whose deadline is one of `offsets` days away (or passed
 * yesterday), the officials of each zone that has not submitted are told. Keyed by quarter, zone and offset:
 * a second run the same day (a retry, another worker) records nothing new.
 */
export async function runDeadlineNotices(
  db: Database,
  now: Date = new Date(),
  offsets: readonly number[] = REMINDER_OFFSET_DAYS,
): Promise<{ events: number; inserted: number }> {
  const due = await zonesNotSubmitted(db, [...offsets, OVERDUE_DAYS_LEFT], now);
  if (due.length === 0) return { events: 0, inserted: 0 };
  const principals = await enabledPrincipals(db);
  let inserted = 0;
  for (const { quarter, deadline, daysLeft, zoneCode } of due) {
    const kind = deadlineNoticeFor(daysLeft, offsets);
    if (!kind) continue;
    const eventKey = deadlineEventKey(kind, zoneCode, quarter, daysLeft);
    const recorded =
      kind === "overdue"
        ? await recordZoneEvent(
            db,
            { kind, eventKey, zoneCode, payload: { zoneCode, quarter, deadline } },
            principals,
          )
        : await recordZoneEvent(
            db,
            { kind, eventKey, zoneCode, payload: { zoneCode, quarter, deadline, daysLeft } },
            principals,
          );
    inserted += recorded.inserted;
  }
  logger.info({ events: due.length, inserted }, "deadline notices recorded");
  return { events: due.length, inserted };
}

/**
 * The daily digest: for each user with notifications waiting for it, one mail of them (keyed by user and
 * Beijing day). Taking the notifications and recording the mail is one transaction under a lock of the key,
 * so two runs make one mail and a notification is in exactly one digest; a run after a crash finds the mail
 * recorded and only queues it again.
 */
export async function runDigests(
  db: Database,
  queueMail: QueueRecordedMail,
  now: Date = new Date(),
  options: { appUrl?: string | null } = {},
): Promise<{ mailed: number }> {
  const day = beijingDate(now);
  const recipients = await digestRecipients(db, DIGEST_USERS_MAX);
  let mailed = 0;
  for (const recipient of recipients) {
    const dedupeKey = digestMailKey(recipient.id, day);
    const messageId = await db.transaction(async (tx) => {
      const { mailId } = await lockDigest(tx, dedupeKey);
      if (mailId) return mailId;
      const { events, total } = await takeDigestItems(tx, recipient.id, dedupeKey, DIGEST_MAX_ITEMS);
      if (total === 0 || recipient.disabled) return null;
      const lines = events.map((event) => renderEvent(event, recipient.language).line);
      const digest = renderDigest(lines, total - lines.length, day, recipient.language, options.appUrl);
      const recorded = await recordOutgoingMail(tx, {
        dedupeKey,
        to: recipient.email,
        recipientId: recipient.id,
        language: recipient.language,
        subject: digest.subject,
        text: digest.text,
      });
      return recorded.id;
    });
    if (!messageId) continue;
    await queueMail(messageId, dedupeKey);
    mailed += 1;
  }
  for (const stranded of await queuedDigestMail(db, day, DIGEST_USERS_MAX)) {
    await queueMail(stranded.id, stranded.dedupeKey);
  }
  return { mailed };
}
