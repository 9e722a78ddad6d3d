"use client";

import type { TrendSeries } from "@zones/charts";
import {
  formatQuarterLabel,
  formatValue,
  type Indicator,
  type Locale,
  localized,
  MISSING,
  type QuarterString,
  type SeriesMode,
} from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

interface LatestRow {
  indicator: Indicator;
  /** The newest quarter of the range in which any chosen zone has a value; null when none has. */
  quarter: string | null;
  values: (number | null)[];
  /** Index of the best value (by the indicator's direction) when two or more zones have one. */
  best: number | null;
}

/** Each indicator's newest values of the range, zones side by side. */
function latestRows(
  indicators: readonly { indicator: Indicator; series: TrendSeries[] }[],
  quarters: readonly string[],
): LatestRow[] {
  return indicators.map(({ indicator, series }) => {
    const valueAt = (line: TrendSeries, quarter: string) =>
      line.points.find((point) => point.quarter === quarter)?.value ?? null;
    // Annual indicators and zones not yet approved leave the range's last quarter empty; a row of dashes
    // would hide the latest figures, so each indicator takes its own newest quarter with any value.
    const quarter =
      [...quarters].reverse().find((candidate) => series.some((line) => valueAt(line, candidate) !== null)) ??
      null;
    const values = series.map((line) => (quarter === null ? null : valueAt(line, quarter)));
    const present = values.flatMap((value, index) => (value === null ? [] : [{ value, index }]));
    const better = (a: number, b: number) => (indicator.direction === "higher" ? a > b : a < b);
    const top = present.reduce<{ value: number; index: number } | null>(
      (best, candidate) => (best === null || better(candidate.value, best.value) ? candidate : best),
      null,
    );
    const tied = top !== null && present.filter((entry) => entry.value === top.value).length > 1;
    return { indicator, quarter, values, best: present.length >= 2 && top && !tied ? top.index : null };
  });
}

export function CompareLatest({
  zones,
  indicators,
  quarters,
  mode,
}: {
  zones: readonly { code: string; label: string }[];
  indicators: readonly { indicator: Indicator; series: TrendSeries[] }[];
  quarters: readonly string[];
  mode: SeriesMode;
}) {
  const t = useTranslations("compare.latest");
  const locale = useLocale() as Locale;
  const rows = latestRows(indicators, quarters);
  return (
    <section className="compare-latest" aria-labelledby="compare-latest-heading">
      <h2 id="compare-latest-heading">{t("title")}</h2>
      <div className="compare-table-scroll">
        <table className="data-table" data-testid="compare-latest">
          <caption>{t(mode === "ytd" ? "captionYtd" : "captionSingle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("indicator")}</th>
              <th scope="col">{t("quarter")}</th>
              {zones.map((zone) => (
                <th key={zone.code} scope="col" className="number">
                  <Link href={`/zones/${zone.code}`}>{zone.label}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.indicator.code} data-indicator={row.indicator.code}>
                <th scope="row">
                  <Link href={`/indicators/${row.indicator.code}`}>
                    {localized(row.indicator.name, locale)}
                  </Link>
                </th>
                <td>{row.quarter ? formatQuarterLabel(row.quarter as QuarterString, locale) : MISSING}</td>
                {row.values.map((value, index) => (
                  <td
                    key={zones[index]?.code ?? index}
                    className={index === row.best ? "number best" : "number"}
                    data-zone={zones[index]?.code}
                    data-value={value ?? undefined}
                  >
                    {formatValue(value, row.indicator, locale)}
                    {index === row.best && <span className="visually-hidden">{` ${t("best")}`}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t("note")}</p>
    </section>
  );
}
