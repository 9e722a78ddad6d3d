"use client";

import { type Locale, localized, TARGET_STATUS_LABELS, type TargetStatus } from "@zones/domain";
import { useLocale } from "next-intl";

/** A target's progress status as a coloured label (the text says it; the colour only repeats it). */
export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  const locale = useLocale() as Locale;
  return (
    <span
      className={`target-status target-status-${status}`}
      data-testid="target-status"
      data-status={status}
    >
      {localized(TARGET_STATUS_LABELS[status], locale)}
    </span>
  );
}
