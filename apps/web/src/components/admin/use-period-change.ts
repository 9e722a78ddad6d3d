"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PeriodStatus, QuarterString } from "@zones/domain";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";
import { usePeriodLabels } from "./use-period-labels";

/** What a deadline must look like (an `<input type="date">` value). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A change of a reporting period, waiting for the admin's confirmation. */
export interface PeriodChange {
  kind: "open" | "close" | "deadline" | "create";
  quarter: QuarterString;
  status: PeriodStatus;
  deadline: string;
  /** the deadline before a change of it */
  previousDeadline?: string;
}

/**
 * Every change of a period is asked first (`ask`), then confirmed or cancelled; says how the last one went
 * (`error`, `done`) and refreshes whatever shows periods or submissions.
 */
export function usePeriodChange({ onSaved }: { onSaved(change: PeriodChange | null): void }) {
  const t = useTranslations("review.periods");
  const labels = usePeriodLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PeriodChange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const update = useMutation(
    trpc.period.update.mutationOptions({
      onSuccess: async (result) => {
        const change = pending;
        setPending(null);
        setError(null);
        const quarter = labels.quarter(result.quarter);
        if (change?.kind === "deadline")
          setDone(t("done.deadline", { quarter, date: labels.date(result.deadline) }));
        else if (change?.kind === "create") {
          setDone(t("done.created", { quarter, date: labels.date(result.deadline) }));
        } else setDone(t(`done.${result.status}`, { quarter }));
        onSaved(change);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.period.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.overview.pathKey() }),
        ]);
      },
      onError: (failure) => {
        setDone(null);
        setError(failure.message);
      },
    }),
  );

  function ask(change: PeriodChange) {
    setError(null);
    setDone(null);
    setPending(change);
  }

  function question(change: PeriodChange): string {
    const quarter = labels.quarter(change.quarter);
    switch (change.kind) {
      case "open":
        return t("confirmOpen", { quarter, date: labels.date(change.deadline) });
      case "close":
        return t("confirmClose", { quarter });
      case "deadline":
        return t("confirmDeadline", {
          quarter,
          from: labels.date(change.previousDeadline ?? change.deadline),
          to: labels.date(change.deadline),
        });
      case "create":
        return t("confirmCreate", { quarter, date: labels.date(change.deadline) });
    }
  }

  return {
    pending,
    error,
    done,
    busy: update.isPending,
    ask,
    cancel: () => setPending(null),
    confirm: (change: PeriodChange) =>
      update.mutate({ quarter: change.quarter, status: change.status, deadline: change.deadline }),
    question,
  };
}

export type PeriodChanges = ReturnType<typeof usePeriodChange>;
