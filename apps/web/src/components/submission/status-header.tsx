"use client";

import { formatQuarterLabel, type Locale, localized, type QuarterString, type ZoneCode } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { formatNumericDateTime, formatServedDate, type ServedDate } from "~/components/format/dates";
import { DaysLeft } from "./days-left";
import { daysUntil } from "./deadline";
import type { EntryFormData } from "./form-model";
import { StatusBadge } from "./status-badge";
import type { SubmissionState } from "./submission-state";

/** Zone, quarter, where the submission stands, its version and the deadline. */
export function StatusHeader({
  zoneCode,
  quarter,
  data,
  today,
  servedDeadline,
}: {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  data: EntryFormData;
  today: string;
  servedDeadline: ServedDate | null;
}) {
  const t = useTranslations("entry.form");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const zone = catalogue.getZone(zoneCode);
  const submission = data.submission;
  const status: SubmissionState = submission?.status ?? "none";
  const period = data.period;
  // Still owed after the deadline of an open period: it will be late.
  const overdue =
    period !== null &&
    period.status === "open" &&
    daysUntil(period.deadline, today) < 0 &&
    (status === "none" || status === "draft" || status === "returned");
  return (
    <header className="entry-header">
      <p className="entry-back">
        <Link href="/entry">← {t("back")}</Link>
      </p>
      <h1>
        {t("title", { zone: localized(zone.name, locale), quarter: formatQuarterLabel(quarter, locale) })}
      </h1>
      <p className="entry-subtitle">{t("subtitle")}</p>
      <ul className="entry-meta" data-testid="entry-meta">
        <li>
          <StatusBadge status={status} late={Boolean(submission?.late) || overdue} />
        </li>
        <li data-testid="entry-version">
          {submission ? t("version", { version: submission.version }) : t("noVersion")}
        </li>
        {submission && submission.revision > 0 && <li>{t("revision", { revision: submission.revision })}</li>}
        {period && (
          <li data-testid="entry-deadline">
            {t("deadlineLabel", { date: formatServedDate(period.deadline, servedDeadline, locale) })}
            {period.status === "open" &&
              (status === "none" || status === "draft" || status === "returned") && (
                <>
                  {" · "}
                  <DaysLeft days={daysUntil(period.deadline, today)} />
                </>
              )}
          </li>
        )}
        {submission?.submittedAt && submission.submittedByName && status !== "draft" && (
          <li>
            {t("submittedBy", {
              name: submission.submittedByName,
              time: formatNumericDateTime(new Date(submission.submittedAt), locale),
            })}
          </li>
        )}
      </ul>
    </header>
  );
}
