"use client";

import type { Locale } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

import { formatDateTime, formatLongDate } from "~/components/format/dates";
import type { EntryFormData } from "~/components/submission/form-model";
import { LateMarker, PeriodBadge, StatusBadge } from "./badges";

/** Where the submission stands: state, who submitted it and when, its version, the deadline, the last review. */
export function ReviewMeta({ data }: { data: EntryFormData }) {
  const t = useTranslations("review.detail");
  const locale = useLocale() as Locale;
  const submission = data.submission;
  return (
    <>
      <dl className="review-meta" data-testid="review-meta">
        <div>
          <dt>{t("status")}</dt>
          <dd>
            <span className="review-status-cell">
              <StatusBadge state={submission?.status ?? "none"} testId="review-status" />
              {submission?.late && <LateMarker testId="review-late" />}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("submittedBy")}</dt>
          <dd>{submission?.submittedByName ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("submittedAt")}</dt>
          <dd>{formatDateTime(submission?.submittedAt, locale) ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("version")}</dt>
          <dd data-testid="review-version">
            {submission ? t("versionValue", { version: submission.version }) : "—"}
          </dd>
        </div>
        {data.period && (
          <div>
            <dt>{t("deadline")}</dt>
            <dd>
              {formatLongDate(data.period.deadline, locale)} <PeriodBadge status={data.period.status} />
            </dd>
          </div>
        )}
        {submission?.reviewedAt && (
          <div>
            <dt>{t("reviewed")}</dt>
            <dd>
              {t("reviewedValue", {
                name: submission.reviewedByName ?? "—",
                at: formatDateTime(submission.reviewedAt, locale) ?? "—",
              })}
            </dd>
          </div>
        )}
      </dl>
      {submission?.reviewComment && (
        <div className="review-previous-comment" data-testid="review-comment">
          <h2>{t("reviewComment")}</h2>
          <p>{submission.reviewComment}</p>
        </div>
      )}
    </>
  );
}
