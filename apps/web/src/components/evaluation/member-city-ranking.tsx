"use client";

import type { RouterOutputs } from "@zones/api";
import { type Locale, localized } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { TableScroll } from "~/components/ui/table-scroll";
import { MissingItems, ScoreCells, ScoreHeaders } from "./score-columns";

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
            <ScoreHeaders dimensions={dimensions} adjustable={adjustable} />
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
                  <MissingItems count={row.missingItems} />
                </th>
                <td className="numeric">{row.finalScore === null ? "—" : index + 1}</td>
                <td>
                  <Link href={`/zones/${row.zoneCode}`}>
                    {localized({ zh: row.zoneNameZh, en: row.zoneNameEn }, locale)}
                  </Link>
                </td>
                <ScoreCells
                  row={row}
                  dimensions={dimensions}
                  adjustable={adjustable}
                  name={city}
                  onAdjust={() => onAdjust(row)}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
