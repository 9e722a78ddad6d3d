"use client";

import type { RouterOutputs } from "@zones/api";
import { type Locale, localized } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { TableScroll } from "~/components/ui/table-scroll";
import { MissingItems, ScoreCells, ScoreHeaders } from "./score-columns";

type Year = RouterOutputs["evaluation"]["year"];
type Row = Year["rows"][number];

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
            <ScoreHeaders dimensions={dimensions} adjustable={adjustable} />
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
                  <MissingItems count={row.missingItems} />
                </th>
                <ScoreCells
                  row={row}
                  dimensions={dimensions}
                  adjustable={adjustable}
                  name={name}
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
