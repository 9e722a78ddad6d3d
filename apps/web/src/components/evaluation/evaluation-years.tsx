"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { EVALUATION_YEARS, formatNumber, type Locale } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { TableScroll } from "~/components/ui/table-scroll";
import { useTRPC } from "~/trpc/react";
import { yearState } from "./rating-badge";

/** Every evaluation year with its state; admins open a new year's rubric from here. */
export function EvaluationYears({ canDefine, suggestedYear }: { canDefine: boolean; suggestedYear: number }) {
  const t = useTranslations("evaluation");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const { data: years } = useSuspenseQuery(trpc.evaluation.years.queryOptions());
  const [year, setYear] = useState(String(suggestedYear));
  return (
    <div className="evaluation">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <TableScroll label={t("yearsCaption")}>
        <table className="data-table" data-testid="evaluation-years">
          <caption>{t("yearsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("year")}</th>
              <th scope="col">{t("state")}</th>
              <th scope="col" className="numeric">
                {t("results")}
              </th>
            </tr>
          </thead>
          <tbody>
            {years.length === 0 && (
              <tr>
                <td colSpan={3} className="table-empty">
                  {t("noYears")}
                </td>
              </tr>
            )}
            {years.map((row) => (
              <tr key={row.year} data-testid="evaluation-year-row" data-year={row.year}>
                <th scope="row">
                  <Link href={`/evaluation/${row.year}`}>{row.year}</Link>
                </th>
                <td data-testid="evaluation-year-state">{t(`states.${yearState(row)}`)}</td>
                <td className="numeric">{formatNumber(row.results, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {canDefine && (
        <div className="evaluation-new-year">
          <label>
            {t("newYear")} · {t("newYearLabel")}{" "}
            <input
              type="number"
              inputMode="numeric"
              min={EVALUATION_YEARS.min}
              max={EVALUATION_YEARS.max}
              value={year}
              onChange={(event) => setYear(event.target.value)}
              data-testid="evaluation-new-year"
            />
          </label>{" "}
          <Link href={`/evaluation/${encodeURIComponent(year)}/rubric`} data-testid="evaluation-new-year-go">
            {t("newYearGo")}
          </Link>
        </div>
      )}
    </div>
  );
}
