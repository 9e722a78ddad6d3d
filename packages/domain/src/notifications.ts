import type { IsoDate } from "./quarter-calendar";
import type { Locale } from "./types";

/**
 * What a user is told of, in the app (always) and by mail (unless they turned that kind off): a quarter's
 * deadline coming (`deadline-reminder`) or passed (`overdue`) while their zone has not submitted; a submission
 * to review (`submitted`); their zone's submission returned with reasons (`returned`) or approved
 * (`approved`); a scheduled export of theirs that failed (`export-failed`).
 */
export const NOTIFICATION_KINDS = [
  "deadline-reminder",
  "overdue",
  "submitted",
  "returned",
  "approved",
  "export-failed",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Days before a quarter's deadline on which officials of zones that have not submitted are reminded. */
export const REMINDER_OFFSET_DAYS = [7, 1] as const;

/** The day after the deadline (daysLeft −1) the officials of a zone still not submitted get an overdue notice. */
export const OVERDUE_DAYS_LEFT = -1;

/** How a user's notification mail is sent: each at once, or one daily digest of the day's notifications. */
export const MAIL_SCHEDULES = ["immediate", "daily"] as const;
export type MailSchedule = (typeof MAIL_SCHEDULES)[number];

/** The language of a user's mail until they choose one. */
export const DEFAULT_MAIL_LANGUAGE: Locale = "zh-CN";

/** Notifications per page of /notifications. */
export const NOTIFICATION_PAGE_SIZE = 20;

/** Notifications listed in one digest mail; more are counted, and the list is in the app. */
export const DIGEST_MAX_ITEMS = 50;

/** What each kind carries, recorded with the notification (jsonb) and rendered in the reader's language. */
export interface NotificationPayloads {
  "deadline-reminder": { zoneCode: string; quarter: string; deadline: IsoDate; daysLeft: number };
  overdue: { zoneCode: string; quarter: string; deadline: IsoDate };
  submitted: { zoneCode: string; quarter: string; submittedBy: string | null; late: boolean };
  returned: {
    zoneCode: string;
    quarter: string;
    reason: string | null;
    /** Reviewer's comments by indicator code. */
    notes: Record<string, string>;
  };
  approved: { zoneCode: string; quarter: string; comment: string | null };
  "export-failed": { scheduleId: string; scheduleName: string; reason: string };
}

/** One event as recorded: its kind and that kind's payload. */
export type NotificationEvent = {
  [K in NotificationKind]: { kind: K; payload: NotificationPayloads[K] };
}[NotificationKind];

export interface NotificationPreferences {
  language: Locale;
  schedule: MailSchedule;
  /** Kinds the user gets no mail for (they stay in the app). */
  mailOff: readonly NotificationKind[];
}

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  language: DEFAULT_MAIL_LANGUAGE,
  schedule: "immediate",
  mailOff: [],
};

/** What becomes of one notification's mail for a user: none, one mail now, or a line of the daily digest. */
export function mailDelivery(
  kind: NotificationKind,
  preferences: NotificationPreferences,
): "none" | MailSchedule {
  if (preferences.mailOff.includes(kind)) return "none";
  return preferences.schedule;
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/**
 * The event key of a submission's step: the zone, quarter and the version the step made, so a step recorded
 * twice is one event and the next step (a new version) is another.
 */
export function submissionEventKey(
  kind: NotificationKind,
  zoneCode: string,
  quarter: string,
  version: number,
) {
  return `${kind}:${zoneCode}:${quarter}:v${version}`;
}

/** A reminder's or overdue notice's event key: one per quarter, zone and day offset, however often the cron runs. */
export function deadlineEventKey(
  kind: "deadline-reminder" | "overdue",
  zoneCode: string,
  quarter: string,
  daysLeft: number,
) {
  return `${kind}:${quarter}:${zoneCode}:${daysLeft}d`;
}

/** A scheduled export's failure: one event per failed run (its retries are the same run). */
export function exportFailedEventKey(runId: string): string {
  return `export-failed:${runId}`;
}

/** The mail of one notification: one per event and recipient. */
export function notificationMailKey(eventKey: string, userId: string): string {
  return `notification:${eventKey}:${userId}`;
}

/** The digest of one user's day (the Beijing date it is sent on). */
export function digestMailKey(userId: string, day: IsoDate): string {
  return `digest:${userId}:${day}`;
}

/**
 * The deadline notices due today for a period: a reminder when the deadline is one of the offsets away, the
 * overdue notice the day after it; null on other days.
 */
export function deadlineNoticeFor(
  daysLeft: number,
  offsets: readonly number[] = REMINDER_OFFSET_DAYS,
): "deadline-reminder" | "overdue" | null {
  if (daysLeft === OVERDUE_DAYS_LEFT) return "overdue";
  return offsets.includes(daysLeft) ? "deadline-reminder" : null;
}
