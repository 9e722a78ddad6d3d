"use client";

import { formatValue, type Locale, localized } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { formatDateTime } from "~/components/format/dates";
import type { EntryFormData } from "~/components/submission/form-model";
import { toNumber } from "./review-values";

/** What changed since the version submitted before this one (after a return, what the filer corrected). */
export function ReviewChanges({ data, idPrefix }: { data: EntryFormData; idPrefix: string }) {
  const t = useTranslations("review.detail");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const previousAt = formatDateTime(data.previousSubmittedAt, locale);
  return (
    <section aria-labelledby={`${idPrefix}-changes`} data-testid="review-changes">
      <h2 id={`${idPrefix}-changes`}>{t("changesTitle")}</h2>
      {data.previousSubmittedAt === null ? (
        <p>{t("noPrevious")}</p>
      ) : data.changes.length === 0 ? (
        <p>{t("noChanges", { date: previousAt ?? "—" })}</p>
      ) : (
        <table className="data-table review-changes">
          <caption>{t("changesCaption", { date: previousAt ?? "—" })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.indicator")}</th>
              <th scope="col" className="numeric">
                {t("before")}
              </th>
              <th scope="col" className="numeric">
                {t("after")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.changes.map((change) => {
              const indicator = catalogue.indicator(change.indicatorCode);
              const show = (text: string | null) => {
                const number = toNumber(text);
                if (number === null) return t("notEntered");
                return indicator ? formatValue(number, indicator, locale) : (text ?? "—");
              };
              return (
                <tr key={change.indicatorCode} data-indicator={change.indicatorCode}>
                  <th scope="row">{indicator ? localized(indicator.name, locale) : change.indicatorCode}</th>
                  <td className="numeric">{show(change.before)}</td>
                  <td className="numeric">
                    <span aria-hidden="true">→ </span>
                    {show(change.after)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
