"use client";

import type { PeriodStatus } from "@zones/domain";
import { useTranslations } from "next-intl";

import type { SubmissionState } from "~/components/submission/submission-state";

/** A symbol beside each state's text label, so the state never rests on colour alone. */
const STATE_ICONS: Record<SubmissionState, string> = {
  none: "○",
  draft: "✎",
  submitted: "↑",
  returned: "↩",
  approved: "✓",
};

export function StatusBadge({ state, testId }: { state: SubmissionState; testId?: string }) {
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

export function PeriodBadge({ status }: { status: PeriodStatus }) {
  const t = useTranslations("review");
  return (
    <span className={`period-badge period-badge-${status}`} data-period-status={status}>
      {t(`periodStatus.${status}`)}
    </span>
  );
}
