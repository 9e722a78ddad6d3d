"use client";

import type { Locale, QuarterString, ZoneCode } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

import { formatNumericDateTime } from "~/components/format/dates";
import { Notice } from "~/components/ui/notices";
import { ConflictPanel, type ConflictRow } from "./conflict-panel";
import type { EntryFormData } from "./form-model";
import { RestoreNotice } from "./restore-notice";
import { ReviseRequest } from "./revise-request";
import type { useEntrySaving } from "./use-entry-saving";

/**
 * Why the form is read-only (with 申请修订 for approved figures), and the reviewer's reason when it was
 * returned.
 */
export function EntryBanners({
  zoneCode,
  quarter,
  data,
  onRevised,
}: {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  data: EntryFormData;
  onRevised(version: number): void;
}) {
  const t = useTranslations("entry");
  const locale = useLocale() as Locale;
  const submission = data.submission;
  return (
    <>
      {data.lock !== null && data.lockMessage && (
        <div className="entry-banner entry-locked" data-testid="lock-message">
          <p>
            <strong>{t("form.lockedTitle")}</strong> {data.lockMessage}
          </p>
          {data.lock === "approved" && data.actions.revise && submission && (
            <ReviseRequest
              zoneCode={zoneCode}
              quarter={quarter}
              version={submission.version}
              onRevised={onRevised}
            />
          )}
        </div>
      )}
      {submission?.status === "returned" && submission.reviewComment && (
        <div className="entry-banner entry-returned" role="note" data-testid="review-comment">
          <h2>{t("form.returnedTitle")}</h2>
          <p>{submission.reviewComment}</p>
          {submission.reviewedByName && submission.reviewedAt && (
            <p className="hint">
              {t("form.returnedBy", {
                name: submission.reviewedByName,
                time: formatNumericDateTime(new Date(submission.reviewedAt), locale),
              })}
            </p>
          )}
        </div>
      )}
    </>
  );
}

/** How saving and submitting went: submitted, a newer version taken over, typing restored, a conflict, a refusal. */
export function SaveNotices({
  saving,
  submitted,
  conflictRows,
}: {
  saving: ReturnType<typeof useEntrySaving>;
  submitted: { late: boolean } | null;
  /** What differs from the newest version (asked only during a conflict). */
  conflictRows(): ConflictRow[];
}) {
  const t = useTranslations("entry.form");
  const conflict = saving.conflictMessage;
  return (
    <>
      {submitted && (
        <Notice tone="success" className="entry-banner" testId="submitted-notice">
          ✓ {submitted.late ? t("submittedLate") : t("submittedNotice")}
        </Notice>
      )}
      {saving.adopted !== null && (
        <Notice className="entry-notice">
          <span>{t("adopted", { version: saving.adopted })}</span>
          <button type="button" className="entry-secondary" onClick={saving.dismissAdopted}>
            {t("dismiss")}
          </button>
        </Notice>
      )}
      {saving.restoredAt !== null && conflict === null && (
        <RestoreNotice savedAt={saving.restoredAt} onDiscard={saving.takeServerVersion} />
      )}
      {conflict !== null && (
        <ConflictPanel
          message={conflict}
          rows={conflictRows()}
          busy={saving.resolving}
          onRebase={saving.saveMineOverNewest}
          onDiscard={saving.takeServerVersion}
        />
      )}
      {saving.refusal && (
        <Notice tone="error" className="entry-banner" testId="save-refusal">
          {saving.refusal}
        </Notice>
      )}
    </>
  );
}
