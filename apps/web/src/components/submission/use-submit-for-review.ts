"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { checkSubmission, type IndicatorCode, type QuarterString, type ZoneCode } from "@zones/domain";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldIssues } from "./client-errors";
import { backupKey, removeBackup } from "./local-backup";
import type { useDraftSaver } from "./use-draft-saver";
import type { SubmissionFormModel } from "./use-submission-form";

/** What the official confirms before the quarter locks: how much is filled, the warnings explained, lateness. */
export interface SubmitSummary {
  filled: number;
  total: number;
  /** Values with soft warnings, and how many of those carry an explanation (上报说明). */
  warned: number;
  explained: number;
}

/**
 * 提交审核: saves what is unsaved, checks every field as for submitting, asks the official to confirm (the
 * quarter locks), then submits the saved version. Field errors (the form's or the server's) go to the summary;
 * anything else is said beside the button.
 */
export function useSubmitForReview({
  zoneCode,
  quarter,
  model,
  saver,
  onFieldErrors,
  onSubmitted,
}: {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  model: SubmissionFormModel;
  saver: ReturnType<typeof useDraftSaver>;
  onFieldErrors(general: string[]): void;
  onSubmitted(): void;
}) {
  const t = useTranslations("entry");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const submitMutation = useMutation(trpc.submission.submit.mutationOptions());
  const [submitted, setSubmitted] = useState<{ late: boolean } | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [confirming, setConfirming] = useState<SubmitSummary | null>(null);

  function summarize(): SubmitSummary {
    const { values, notes } = model.snapshot();
    const filled = model.codes.filter((code) => (values?.[code] ?? "").trim() !== "").length;
    const warnedCodes = new Set(
      checkSubmission(
        {
          quarter,
          values: (values ?? {}) as Partial<Record<IndicatorCode, string>>,
          notes: (notes ?? {}) as Partial<Record<IndicatorCode, string>>,
          context: model.context,
        },
        "draft",
        model.indicators,
      )
        .filter((issue) => issue.severity === "soft")
        .map((issue) => issue.indicatorCode),
    );
    const explained = [...warnedCodes].filter((code) => (notes?.[code] ?? "").trim() !== "").length;
    return { filled, total: model.codes.length, warned: warnedCodes.size, explained };
  }

  /** Saves what is unsaved and checks every field as for submitting; says what stops it, if anything. */
  async function savedAndChecked(): Promise<boolean> {
    const outcome = await saver.saveNow();
    if (outcome !== "saved" && outcome !== "clean") {
      setSubmitError(t("submit.saveFailed"));
      return false;
    }
    if (!(await model.validateForSubmit())) {
      onFieldErrors([]);
      return false;
    }
    return true;
  }

  /** Saves and checks; when all is well, asks for confirmation instead of submitting at once. */
  async function submit() {
    setSubmitError(null);
    setSubmitted(null);
    setSubmitting(true);
    try {
      if (!(await savedAndChecked())) return;
      setConfirming(summarize());
    } catch (error) {
      setSubmitError(t("submit.failed", { message: errorMessage(error) ?? t("submit.network") }));
    } finally {
      setSubmitting(false);
    }
  }

  function cancel() {
    setConfirming(null);
  }

  async function confirm() {
    setConfirming(null);
    setSubmitError(null);
    setSubmitted(null);
    setSubmitting(true);
    try {
      if (!(await savedAndChecked())) return;
      const result = await submitMutation.mutateAsync({ zoneCode, quarter, version: saver.version() });
      saver.rebase(result.version);
      removeBackup(backupKey(zoneCode, quarter));
      onSubmitted();
      setSubmitted({ late: result.late });
      await queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() });
    } catch (error) {
      const issues = fieldIssues(error);
      if (issues.length > 0) {
        onFieldErrors(model.applyIssues(issues));
      } else {
        setSubmitError(t("submit.failed", { message: errorMessage(error) ?? t("submit.network") }));
      }
      void queryClient.invalidateQueries({
        queryKey: trpc.submission.form.queryKey({ zoneCode, quarter }),
      });
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, confirm, cancel, confirming, submitted, submitError, submitting };
}
