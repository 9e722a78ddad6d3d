"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@zones/api";
import { formatQuarterLabel, type Locale, localized, type QuarterString } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { formatDate } from "~/components/format/dates";
import { TableScroll } from "~/components/ui/table-scroll";
import { useTRPC } from "~/trpc/react";
import { DaysLeft } from "./days-left";
import { StatusBadge } from "./status-badge";
import type { SubmissionState } from "./submission-state";

type Completeness = RouterOutputs["submission"]["completeness"];
type Cell = Completeness["cells"][number];
type Period = Completeness["periods"][number];

/** Still owed for an open quarter whose deadline has passed: counts as late (逾期) though not yet submitted. */
function isLate(cell: Cell, period: Period | undefined): boolean {
  if (cell.late) return true;
  if (period?.status !== "open" || period.daysLeft >= 0) return false;
  return cell.state === "none" || cell.state === "draft" || cell.state === "returned";
}

/** The official's (or admin's) zones × recent quarters, newest quarter first; each cell opens the form. */
export function EntryOverview() {
  const t = useTranslations("entry");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.submission.completeness.queryOptions({}));

  const periods = [...data.periods].reverse();
  const cellByKey = new Map(data.cells.map((cell) => [`${cell.zoneCode}|${cell.quarter}`, cell]));
  const zones = catalogue.zones.filter((zone) => data.cells.some((cell) => cell.zoneCode === zone.code));
  const open = periods.find((period) => period.status === "open");

  return (
    <div className="entry-overview">
      <h1>{t("overview.title")}</h1>
      <p className="hint">{t("overview.intro")}</p>

      {open && (
        <section
          className="entry-open-period"
          aria-labelledby="open-period-heading"
          data-testid="open-period"
        >
          <h2 id="open-period-heading">
            {t("overview.openPeriod", { quarter: formatQuarterLabel(open.quarter as QuarterString, locale) })}
          </h2>
          <p>
            {t("overview.deadline", { date: formatDate(open.deadline, locale) })}{" "}
            <DaysLeft days={open.daysLeft} />
          </p>
          <ul className="entry-todo">
            {zones.map((zone) => {
              const cell = cellByKey.get(`${zone.code}|${open.quarter}`);
              if (!cell) return null;
              const state = cell.state as SubmissionState;
              const action =
                state === "none" ? "start" : state === "draft" || state === "returned" ? "continue" : "view";
              return (
                <li key={zone.code}>
                  <span className="entry-todo-zone">{localized(zone.name, locale)}</span>
                  <StatusBadge status={state} late={isLate(cell, open)} />
                  <Link className="button-link" href={`/entry/${zone.code}/${open.quarter}`}>
                    {t(`overview.${action}`)}
                    <span className="visually-hidden"> {localized(zone.shortName, locale)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {zones.length === 0 ? (
        <p className="notice">{t("overview.noZones")}</p>
      ) : (
        <TableScroll label={t("overview.caption")} className="entry-grid-wrap">
          <table className="data-table entry-grid" data-testid="entry-grid">
            <caption>{t("overview.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("overview.zone")}</th>
                {periods.map((period) => (
                  <th scope="col" key={period.quarter} data-quarter={period.quarter}>
                    <span className="entry-grid-quarter">
                      {formatQuarterLabel(period.quarter as QuarterString, locale)}
                    </span>
                    <span className="entry-grid-period">
                      {t(`overview.period.${period.status}`)}
                      {period.status === "open" && (
                        <>
                          {" · "}
                          <DaysLeft days={period.daysLeft} />
                        </>
                      )}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {zones.map((zone) => (
                <tr key={zone.code} data-zone={zone.code}>
                  <th scope="row">{localized(zone.name, locale)}</th>
                  {periods.map((period) => {
                    const cell = cellByKey.get(`${zone.code}|${period.quarter}`);
                    const state = (cell?.state ?? "none") as SubmissionState;
                    const late = cell ? isLate(cell, period) : false;
                    return (
                      <td key={period.quarter} data-quarter={period.quarter} data-state={state}>
                        <Link
                          className="entry-cell-link"
                          href={`/entry/${zone.code}/${period.quarter}`}
                          data-testid={`entry-cell-${zone.code}-${period.quarter}`}
                        >
                          <span className="visually-hidden">
                            {localized(zone.shortName, locale)}{" "}
                            {formatQuarterLabel(period.quarter as QuarterString, locale)}:{" "}
                          </span>
                          <StatusBadge status={state} late={late} />
                        </Link>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
