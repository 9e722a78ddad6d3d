import { useTranslations } from "next-intl";

import type { SubmissionState } from "./submission-state";

/** A submission's state as a labelled badge: the word carries the meaning, the colour only repeats it. */
export function StatusBadge({ status, late = false }: { status: SubmissionState; late?: boolean }) {
  const t = useTranslations("entry.status");
  return (
    <span className="status-badges">
      <span className={`status-badge status-${status}`} data-status={status} data-testid="status-badge">
        {t(status)}
      </span>
      {late && (
        <span className="status-badge status-late" data-testid="late-badge">
          {t("late")}
        </span>
      )}
    </span>
  );
}
