"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import {
  formatQuarterLabel,
  formatYtdLabel,
  type Locale,
  localized,
  type QuarterString,
  type ZoneCode,
} from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { useHydrated } from "~/components/hooks/use-hydrated";
import { useTRPC } from "~/trpc/react";
import { ReviewChanges } from "./review-changes";
import { ReviewDecision } from "./review-decision";
import { ReviewMeta } from "./review-meta";
import { ReviewValues } from "./review-values";
import { useReviewDecision } from "./use-review-decision";

/** One submission as the reviewer sees it: where it stands, its values and changes, and the decision. */
export function ReviewSubmission({ zoneCode, quarter }: { zoneCode: ZoneCode; quarter: QuarterString }) {
  const t = useTranslations("review.detail");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const trpc = useTRPC();
  // What the reviewer reads stays put while they read it: no silent refetch on focus. A change made
  // meanwhile surfaces as a conflict when they decide, and the page then reloads the data.
  const { data } = useSuspenseQuery(
    trpc.submission.form.queryOptions({ zoneCode, quarter }, { refetchOnWindowFocus: false }),
  );
  const ids = useId();
  const hydrated = useHydrated();
  const submission = data.submission;
  const status = submission?.status ?? "none";
  const version = submission?.version ?? 0;
  const decision = useReviewDecision({ zoneCode, quarter, version });
  const canApprove = data.actions.approve && submission !== null;
  const canReturn = data.actions.return && submission !== null;

  const zone = catalogue.zone(zoneCode);
  const zoneName = zone ? localized(zone.name, locale) : zoneCode;
  const quarterLabel = formatQuarterLabel(quarter, locale);

  return (
    <div className="review-submission" data-testid="review-submission" data-status={status}>
      <p className="review-back">
        <Link href="/review">{t("back")}</Link>
      </p>
      <h1>{t("title", { zone: zoneName, quarter: quarterLabel })}</h1>
      <ReviewMeta data={data} />
      {!submission && <p className="notice">{t("notStarted")}</p>}

      <h2 id={`${ids}-values`}>{t("valuesTitle")}</h2>
      <p className="hint">{t("cumulativeHint", { period: formatYtdLabel(quarter, locale) })}</p>
      <ReviewValues
        data={data}
        quarter={quarter}
        caption={t("tableCaption", { zone: zoneName, quarter: quarterLabel })}
        idPrefix={ids}
        returnNotes={
          canReturn ? { notes: decision.notes, setNote: decision.setNote, disabled: !hydrated } : null
        }
      />
      <ReviewChanges data={data} idPrefix={ids} />
      <ReviewDecision
        zoneCode={zoneCode}
        quarter={quarter}
        decision={decision}
        status={status}
        version={version}
        canApprove={canApprove}
        canReturn={canReturn}
        hydrated={hydrated}
        idPrefix={ids}
      />
    </div>
  );
}
