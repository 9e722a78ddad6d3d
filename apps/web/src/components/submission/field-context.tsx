import {
  formatNumber,
  formatValue,
  type Indicator,
  isSingleQuarterDerivable,
  type Locale,
  type QuarterString,
  toQuarter,
  ytdToSingleQuarter,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

import { type EntryRow, parsedValue } from "./form-model";

/**
 * The single-quarter value of a year-to-date figure: current YTD − last quarter's YTD of the same year
 * (Q1 is its own single quarter); null when either is unknown.
 */
export function singleQuarterValue(
  indicator: Indicator,
  quarter: QuarterString,
  text: string,
  previousQuarter: string | null,
): number | null {
  const current = parsedValue(text);
  if (current === null) return null;
  const { q } = toQuarter(quarter);
  const ytd: Partial<Record<1 | 2 | 3 | 4, number | null>> = { [q]: current };
  if (q > 1) ytd[(q - 1) as 1 | 2 | 3] = previousQuarter === null ? null : Number(previousQuarter);
  return ytdToSingleQuarter(ytd, indicator.decimals)[q];
}

/** What the filer compares the value with: last quarter, the same quarter last year, the zone's range. */
export function FieldContext({
  id,
  indicator,
  row,
  quarter,
  text,
}: {
  id: string;
  indicator: Indicator;
  row: EntryRow;
  quarter: QuarterString;
  text: string;
}) {
  const t = useTranslations("entry.field");
  const locale = useLocale() as Locale;
  const value = (raw: string | null) => formatValue(raw === null ? null : Number(raw), indicator, locale);
  const hasHistory = row.historyMin !== null && row.historyMax !== null && row.historyCount > 0;
  return (
    <dl className="entry-context" id={id}>
      <div>
        <dt>{t("previousQuarter")}</dt>
        <dd data-testid="previous-quarter">{value(row.previousQuarter)}</dd>
      </div>
      <div>
        <dt>{t("lastYear")}</dt>
        <dd data-testid="last-year">{value(row.lastYear)}</dd>
      </div>
      <div>
        <dt>{t("history")}</dt>
        <dd>
          {hasHistory
            ? t("historyRange", {
                min: formatNumber(Number(row.historyMin), locale, { decimals: indicator.decimals }),
                max: formatNumber(Number(row.historyMax), locale, { decimals: indicator.decimals }),
                count: row.historyCount,
              })
            : formatNumber(null, locale)}
        </dd>
      </div>
      {isSingleQuarterDerivable(indicator) && (
        <div>
          <dt>{t("singleQuarter")}</dt>
          <dd data-testid="single-quarter">
            {formatValue(
              singleQuarterValue(indicator, quarter, text, row.previousQuarter),
              indicator,
              locale,
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}
