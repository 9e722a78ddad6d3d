"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { RouterInputs } from "@zones/api";
import {
  addQuarters,
  compareQuarters,
  FIRST_QUARTER,
  formatQuarterLabel,
  isBoundToZones,
  type Locale,
  localized,
  type QuarterString,
  type Role,
} from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { formatLongDate } from "~/components/format/dates";
import type { SubmissionState } from "~/components/submission/submission-state";
import { Notice } from "~/components/ui/notices";
import { TableScroll } from "~/components/ui/table-scroll";
import { useTRPC } from "~/trpc/react";
import { LateMarker, PeriodBadge, StatusBadge } from "./badges";

/** The input of `submission.completeness`: the last quarter shown, or the latest by default. */
export type CompletenessInput = { to?: RouterInputs["submission"]["queue"]["quarter"] };

/** "Earlier" and "later" move the window by a year, keeping part of it in view. */
const STEP = 4;
const LEGEND: SubmissionState[] = ["none", "draft", "submitted", "returned", "approved"];
/** Cells a reviewer can open: there is something submitted to look at. */
const REVIEWABLE = new Set<SubmissionState>(["submitted", "returned", "approved"]);
/** Cells that still owe a submission. */
const UNSUBMITTED = new Set<SubmissionState>(["none", "draft", "returned"]);

export function CompletenessGrid({
  input,
  notice,
  role,
  ceiling,
}: {
  input: CompletenessInput;
  notice: string | null;
  role: Role;
  /** The quarter in progress: "later" stops there. */
  ceiling: QuarterString;
}) {
  const t = useTranslations("review.completeness");
  const tReview = useTranslations("review");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.submission.completeness.queryOptions(input));

  const zoneCodes = new Set(data.cells.map((cell) => cell.zoneCode));
  const zones = catalogue.zones.filter((zone) => zoneCodes.has(zone.code));
  const cells = new Map(data.cells.map((cell) => [`${cell.zoneCode}|${cell.quarter}`, cell]));
  const periods = data.periods;
  const label = (quarter: string) => formatQuarterLabel(quarter as QuarterString, locale);
  const caption = t("caption", {
    from: label(periods[0]?.quarter ?? ""),
    to: label(periods[periods.length - 1]?.quarter ?? ""),
  });

  const to = data.to as QuarterString | null;
  const from = data.from as QuarterString | null;
  const earlier =
    to && from && periods[0]?.quarter === from && compareQuarters(from, FIRST_QUARTER) > 0
      ? addQuarters(to, -STEP)
      : null;
  const later =
    to && input.to && compareQuarters(to, ceiling) < 0
      ? (() => {
          const next = addQuarters(to, STEP);
          return compareQuarters(next, ceiling) > 0 ? ceiling : next;
        })()
      : null;

  function cellHref(zoneCode: string, quarter: string, state: SubmissionState, periodStatus: string) {
    if (isBoundToZones(role)) {
      return periodStatus === "not_open" && state === "none" ? null : `/entry/${zoneCode}/${quarter}`;
    }
    return REVIEWABLE.has(state) ? `/review/${zoneCode}/${quarter}` : null;
  }

  function deadlineText(daysLeft: number) {
    if (daysLeft > 0) return t("daysLeft", { days: daysLeft });
    if (daysLeft === 0) return t("dueToday");
    return t("daysOverdue", { days: -daysLeft });
  }

  return (
    <div className="completeness">
      <h1>{t("title")}</h1>
      <p className="hint">{isBoundToZones(role) ? t("officialHint") : t("reviewerHint")}</p>
      {notice && <Notice testId="completeness-notice">{notice}</Notice>}

      <nav className="review-pagination" aria-label={t("navigation")} data-testid="completeness-nav">
        {earlier ? (
          <Link href={`/completeness?to=${earlier}`} data-testid="completeness-earlier">
            <span aria-hidden="true">← </span>
            {t("earlier")}
          </Link>
        ) : (
          <span aria-disabled="true" className="review-pagination-disabled">
            {t("earlier")}
          </span>
        )}
        {later ? (
          <Link href={`/completeness?to=${later}`} data-testid="completeness-later">
            {t("later")}
            <span aria-hidden="true"> →</span>
          </Link>
        ) : (
          <span aria-disabled="true" className="review-pagination-disabled">
            {t("later")}
          </span>
        )}
        {input.to && <Link href="/completeness">{t("latest")}</Link>}
      </nav>

      {periods.length === 0 || zones.length === 0 ? (
        <p className="notice">{t("empty")}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="data-table completeness-table" data-testid="completeness-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("zone")}</th>
                {periods.map((period) => (
                  <th
                    scope="col"
                    key={period.quarter}
                    data-quarter={period.quarter}
                    className="completeness-quarter"
                  >
                    <span className="completeness-quarter-label">{label(period.quarter)}</span>
                    <PeriodBadge status={period.status} />
                    {period.status === "open" && (
                      <span
                        className={`completeness-days ${period.daysLeft < 0 ? "completeness-days-overdue" : ""}`}
                        data-testid="days-left"
                      >
                        {deadlineText(period.daysLeft)}
                      </span>
                    )}
                    {period.status === "open" && (
                      <span className="completeness-deadline">
                        {t("deadline", { date: formatLongDate(period.deadline, locale) ?? "" })}
                      </span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {zones.map((zone) => {
                const zoneName = localized(zone.shortName, locale);
                return (
                  <tr key={zone.code} data-zone={zone.code}>
                    <th scope="row">{zoneName}</th>
                    {periods.map((period) => {
                      const cell = cells.get(`${zone.code}|${period.quarter}`);
                      const state = (cell?.state ?? "none") as SubmissionState;
                      // Late as stored (submitted after the deadline), or still not submitted once an
                      // open quarter's deadline has passed: the API marks only untouched cells so.
                      const late =
                        (cell?.late ?? false) ||
                        (period.status === "open" && period.daysLeft < 0 && UNSUBMITTED.has(state));
                      const href = cellHref(zone.code, period.quarter, state, period.status);
                      const content = (
                        <>
                          <StatusBadge state={state} />
                          {late && <LateMarker />}
                        </>
                      );
                      return (
                        <td
                          key={period.quarter}
                          className={`completeness-cell completeness-${state}`}
                          data-testid="completeness-cell"
                          data-zone={zone.code}
                          data-quarter={period.quarter}
                          data-state={state}
                          data-late={late ? "true" : "false"}
                        >
                          {href ? (
                            <Link href={href} className="completeness-link">
                              {content}
                              <span className="visually-hidden">
                                {" "}
                                {zoneName} {label(period.quarter)}
                              </span>
                            </Link>
                          ) : (
                            <span className="completeness-link">{content}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}

      <section className="completeness-legend" aria-labelledby="completeness-legend-heading">
        <h2 id="completeness-legend-heading">{t("legend")}</h2>
        <ul>
          {LEGEND.map((state) => (
            <li key={state}>
              <StatusBadge state={state} /> {t(`legendText.${state}`)}
            </li>
          ))}
          <li>
            <LateMarker /> {t("legendLate")}
          </li>
        </ul>
        <p className="hint">{tReview("periodStatusHint")}</p>
      </section>
    </div>
  );
}
