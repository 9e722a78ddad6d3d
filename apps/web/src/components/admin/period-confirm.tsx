"use client";

import { useTranslations } from "next-intl";

import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import type { PeriodChange, PeriodChanges } from "./use-period-change";

/** The question about a pending change of a period, with its confirm and cancel buttons. */
export function PeriodConfirm({ change, changes }: { change: PeriodChange; changes: PeriodChanges }) {
  const t = useTranslations("review.periods");
  return (
    <ConfirmDialog
      title={changes.question(change)}
      confirmLabel={t(`confirm.${change.kind}`)}
      cancelLabel={t("cancel")}
      busy={changes.busy}
      testId="period-confirm"
      onConfirm={() => changes.confirm(change)}
      onCancel={changes.cancel}
    />
  );
}
