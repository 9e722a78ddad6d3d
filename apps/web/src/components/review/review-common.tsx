"use client";

import { DEFAULT_TIME_ZONE, type Locale, type PeriodStatus } from "@zones/domain";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

/** Workflow states as the review screens show them; `none` = nothing entered yet. */
export type ReviewState = "none" | "draft" | "submitted" | "returned" | "approved";
export type PeriodState = PeriodStatus;

/** A symbol beside each state's text label, so the state never rests on colour alone. */
export const STATE_ICONS: Record<ReviewState, string> = {
  none: "○",
  draft: "✎",
  submitted: "↑",
  returned: "↩",
  approved: "✓",
};

const subscribeNever = () => () => {};

/**
 * False in the server's HTML and while React hydrates, true once the page responds to input. Controls that
 * need script stay disabled until then, so an early click or keystroke is never silently lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = make();
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** A moment on the Beijing calendar and clock, e.g. 2026年10月22日 16:00 / Oct 22, 2026, 16:00. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return cachedFormat(
    `dt|${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        timeStyle: "short",
        hourCycle: "h23",
        timeZone: DEFAULT_TIME_ZONE,
      }),
  ).format(date);
}

/** A calendar date `YYYY-MM-DD` (already a Beijing date) as the locale writes it, e.g. 2026年10月25日. */
export function formatIsoDate(value: string | null | undefined, locale: Locale): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value ?? null;
  return cachedFormat(
    `d|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }),
  ).format(new Date(`${value}T00:00:00Z`));
}

export function StatusBadge({ state, testId }: { state: ReviewState; testId?: string }) {
  const t = useTranslations("review");
  return (
    <span className={`review-badge review-badge-${state}`} data-state={state} data-testid={testId}>
      <span aria-hidden="true" className="review-badge-icon">
        {STATE_ICONS[state]}
      </span>{" "}
      {t(`status.${state}`)}
    </span>
  );
}

export function LateMarker({ testId }: { testId?: string }) {
  const t = useTranslations("review");
  return (
    <span className="review-late" data-testid={testId}>
      <span aria-hidden="true">⚠</span> {t("late")}
    </span>
  );
}

export function PeriodBadge({ status }: { status: PeriodState }) {
  const t = useTranslations("review");
  return (
    <span className={`period-badge period-badge-${status}`} data-period-status={status}>
      {t(`periodStatus.${status}`)}
    </span>
  );
}
