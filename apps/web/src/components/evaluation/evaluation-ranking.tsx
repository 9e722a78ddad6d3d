"use client";

import type { RouterOutputs } from "@zones/api";
import { formatNumber, type Locale, localized } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { TableScroll } from "~/components/ui/table-scroll";
import { PoorWarning, RatingBadge } from "./rating-badge";

type Year = RouterOutputs["evaluation"]["year"];
type Row = Year["rows"][number];

/** A score to 2 decimals, or a dash. */
export const score = (value: number | null, locale: Locale) =>
  value === null ? "—" : formatNumber(value, locale, { decimals: 2 });

/** The adjustment, signed, with its reason beneath. */
export function AdjustmentCell({ row }: { row: Pick<Row, "adjustment" | "adjustmentReason"> }) {
  const locale = useLocale() as Locale;
  return (
    <td className="numeric" title={row.adjustmentReason ?? undefined} data-testid="evaluation-adjustment">
      {row.adjustment === null ? "—" : `${row.adjustment > 0 ? "+" : ""}${score(row.adjustment, locale)}`}
      {row.adjustmentReason && <span className="evaluation-reason">{row.adjustmentReason}</span>}
    </td>
  );
}

/** The zone's name, with the member city's when the result is a city's. */
export function unitName(
  row: Pick<Row, "zoneNameZh" | "zoneNameEn" | "cityNameZh" | "cityNameEn">,
  locale: Locale,
): string {
  const zone = localized({ zh: row.zoneNameZh, en: row.zoneNameEn }, locale);
  if (row.cityNameZh === null || row.cityNameEn === null) return zone;
  return `${zone} · ${localized({ zh: row.cityNameZh, en: row.cityNameEn }, locale)}`;
}

/** The year's ranking: scores by dimension, computed, adjustment, final, rating and warning. */
export function EvaluationRanking({
  year,
  canAdjust,
  onAdjust,
}: {
  year: Year;
  canAdjust: boolean;
  onAdjust(row: Row): void;
}) {
  const t = useTranslations("evaluation");
  const locale = useLocale() as Locale;
  const dimensions = year.rubric?.dimensions ?? [];
  const caption = t("rankingCaption", { year: year.year, count: year.rows.length });
  const adjustable = canAdjust && year.state === "draft";
  return (
    <TableScroll label={caption}>
      <table className="data-table evaluation-ranking" data-testid="evaluation-ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t("rank")}
            </th>
            <th scope="col">{t("zone")}</th>
            {dimensions.map((dimension) => (
              <th scope="col" className="numeric" key={dimension.code}>
                {localized(dimension.name, locale)}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t("computedScore")}
            </th>
            <th scope="col" className="numeric">
              {t("adjustment")}
            </th>
            <th scope="col" className="numeric">
              {t("finalScore")}
            </th>
            <th scope="col">{t("rating")}</th>
            {adjustable && <th scope="col">{t("actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {year.rows.length === 0 && (
            <tr>
              <td colSpan={dimensions.length + 7} className="table-empty">
                {t("empty")}
              </td>
            </tr>
          )}
          {year.rows.map((row, index) => {
            const name = unitName(row, locale);
            return (
              <tr
                key={`${row.zoneCode}:${row.memberCityCode ?? ""}`}
                data-testid="evaluation-row"
                data-zone={row.zoneCode}
                data-state={row.state}
              >
                <td className="numeric">{row.finalScore === null ? "—" : index + 1}</td>
                <th scope="row">
                  <Link href={`/zones/${row.zoneCode}`}>{name}</Link>
                  {row.missingItems > 0 && (
                    <span className="hint evaluation-missing">
                      {" "}
                      {t("missing", { count: row.missingItems })}
                    </span>
                  )}
                </th>
                {dimensions.map((dimension) => (
                  <td className="numeric" key={dimension.code}>
                    {score(row.dimensionScores[dimension.code] ?? null, locale)}
                  </td>
                ))}
                <td className="numeric">{score(row.computedScore, locale)}</td>
                <AdjustmentCell row={row} />
                <td className="numeric" data-testid="evaluation-final">
                  {score(row.finalScore, locale)}
                </td>
                <td>
                  <RatingBadge rating={row.rating} /> <PoorWarning warning={row.warning} />
                </td>
                {adjustable && (
                  <td>
                    <button type="button" onClick={() => onAdjust(row)} data-testid="evaluation-adjust-open">
                      {t("adjustButton")}
                      <span className="visually-hidden"> {name}</span>
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
