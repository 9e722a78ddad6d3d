"use client";

import type { RouterOutputs } from "@zones/api";
import { type Locale, localized } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { TableScroll } from "~/components/ui/table-scroll";
import { AdjustmentCell, score } from "./evaluation-ranking";
import { PoorWarning, RatingBadge } from "./rating-badge";

type Year = RouterOutputs["evaluation"]["year"];
type Row = Year["cityRows"][number];

/**
 * 成员城市: the year's member cities ranked among themselves (their own pool), with their zone, scores by
 * dimension, adjustment and reason, final score, rating and the items they lack.
 */
export function MemberCityRanking({
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
  const caption = t("cities.caption", { year: year.year, count: year.cityRows.length });
  const adjustable = canAdjust && year.state === "draft";
  return (
    <TableScroll label={caption}>
      <table className="data-table evaluation-ranking" data-testid="evaluation-city-ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cities.city")}</th>
            <th scope="col" className="numeric">
              {t("rank")}
            </th>
            <th scope="col">{t("cities.zone")}</th>
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
          {year.cityRows.length === 0 && (
            <tr>
              <td colSpan={dimensions.length + 8} className="table-empty">
                {t("cities.empty")}
              </td>
            </tr>
          )}
          {year.cityRows.map((row, index) => {
            const city = localized({ zh: row.cityNameZh ?? "", en: row.cityNameEn ?? "" }, locale);
            return (
              <tr
                key={row.memberCityCode}
                data-testid="evaluation-city-row"
                data-city={row.memberCityCode}
                data-zone={row.zoneCode}
                data-state={row.state}
              >
                <th scope="row">
                  {city}
                  {row.missingItems > 0 && (
                    <span className="hint evaluation-missing">
                      {" "}
                      {t("missing", { count: row.missingItems })}
                    </span>
                  )}
                </th>
                <td className="numeric">{row.finalScore === null ? "—" : index + 1}</td>
                <td>
                  <Link href={`/zones/${row.zoneCode}`}>
                    {localized({ zh: row.zoneNameZh, en: row.zoneNameEn }, locale)}
                  </Link>
                </td>
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
                      <span className="visually-hidden"> {city}</span>
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
