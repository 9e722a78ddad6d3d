"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import type { SubmissionState } from "~/components/submission/submission-state";
import { Notices } from "~/components/ui/notices";
import { NextWaiting } from "./next-waiting";
import type { ReviewDecisionState } from "./use-review-decision";

/** Limits of the API (`submission.return`): the overall reason and each indicator's comment. */
const COMMENT_MAX_LENGTH = 2000;

/** 审核结论: approve or return (whichever the reviewer may), and how the last decision went. */
export function ReviewDecision({
  decision,
  status,
  version,
  canApprove,
  canReturn,
  hydrated,
  idPrefix,
  zoneCode,
  quarter,
}: {
  zoneCode: string;
  quarter: string;
  decision: ReviewDecisionState;
  status: SubmissionState;
  version: number;
  canApprove: boolean;
  canReturn: boolean;
  hydrated: boolean;
  idPrefix: string;
}) {
  const t = useTranslations("review.detail");
  const tReview = useTranslations("review");
  const locked = !hydrated || decision.pending;
  const { outcome, serverError, reasonMissing } = decision;
  const ids = idPrefix;
  return (
    <section aria-labelledby={`${ids}-decision`} className="review-decision">
      <h2 id={`${ids}-decision`}>{t("decisionTitle")}</h2>
      <Notices
        error={
          serverError && (
            <>
              {serverError}
              <br />
              {t("errorRefreshed")}
            </>
          )
        }
        success={
          outcome && (
            <>
              {t(outcome === "approved" ? "approvedDone" : "returnedDone", {
                status: tReview(`status.${outcome}`),
              })}{" "}
              <Link href="/review">{t("backToQueue")}</Link> ·{" "}
              <NextWaiting zoneCode={zoneCode} quarter={quarter} />
            </>
          )
        }
        errorTestId="review-error"
        successTestId="review-outcome"
      />
      {canApprove || canReturn ? (
        <>
          <p className="hint">{t("versionHint", { version })}</p>
          <div className="review-decision-forms">
            {canApprove && (
              <form
                className="stacked-form review-decision-form"
                onSubmit={decision.submitApprove}
                noValidate
              >
                <h3>{t("approveTitle")}</h3>
                <label>
                  {t("approveComment")}
                  <textarea
                    rows={3}
                    maxLength={COMMENT_MAX_LENGTH}
                    value={decision.approveComment}
                    disabled={!hydrated}
                    onChange={(event) => decision.setApproveComment(event.target.value)}
                    data-testid="approve-comment"
                  />
                </label>
                <button type="submit" className="button-primary" disabled={locked}>
                  {t("approve")}
                </button>
              </form>
            )}
            {canReturn && (
              <form className="stacked-form review-decision-form" onSubmit={decision.submitReturn} noValidate>
                <h3>{t("returnTitle")}</h3>
                <label>
                  {t("returnReason")}
                  <textarea
                    ref={decision.reasonRef}
                    rows={3}
                    maxLength={COMMENT_MAX_LENGTH}
                    value={decision.reason}
                    disabled={!hydrated}
                    required
                    aria-invalid={reasonMissing}
                    aria-describedby={`${ids}-reason-hint${reasonMissing ? ` ${ids}-reason-error` : ""}`}
                    onChange={(event) => decision.setReason(event.target.value)}
                    data-testid="return-reason"
                  />
                </label>
                <p className="hint" id={`${ids}-reason-hint`}>
                  {t("returnHint")}
                </p>
                {reasonMissing && (
                  <p
                    className="field-error"
                    id={`${ids}-reason-error`}
                    role="alert"
                    data-testid="return-error"
                  >
                    {t("returnReasonRequired")}
                  </p>
                )}
                <button type="submit" className="button-warning" disabled={locked}>
                  {t("return")}
                </button>
              </form>
            )}
          </div>
        </>
      ) : (
        <p className="notice" data-testid="review-no-action">
          {t(`noAction.${status}`)}
        </p>
      )}
    </section>
  );
}
