"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { formatNumber, type Locale } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { TableScroll } from "~/components/ui/table-scroll";
import { useTRPC } from "~/trpc/react";
import { unitName } from "./evaluation-ranking";
import { PoorWarning, RatingBadge } from "./rating-badge";

/** 评估结果 on the zone page: each year's rating (its member cities' too), the published history included. */
export function ZoneEvaluationHistory({ zoneCode }: { zoneCode: string }) {
  const t = useTranslations("evaluation");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const { data: rows } = useSuspenseQuery(trpc.evaluation.zoneHistory.queryOptions({ zoneCode }));
  return (
    <section
      className="evaluation zone-evaluation"
      aria-labelledby="zone-evaluation-title"
      data-testid="zone-evaluation"
    >
      <h2 id="zone-evaluation-title">{t("zoneHistory.title")}</h2>
      <TableScroll label={t("zoneHistory.caption")}>
        <table className="data-table">
          <caption>{t("zoneHistory.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("year")}</th>
              <th scope="col">{t("zone")}</th>
              <th scope="col" className="numeric">
                {t("finalScore")}
              </th>
              <th scope="col">{t("rating")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={4} className="table-empty">
                  {t("zoneHistory.empty")}
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr
                key={`${row.year}:${row.memberCityCode ?? ""}`}
                data-testid="zone-evaluation-row"
                data-year={row.year}
                data-city={row.memberCityCode ?? undefined}
                data-rating={row.rating}
              >
                <th scope="row">
                  <Link href={`/evaluation/${row.year}`}>{row.year}</Link>
                </th>
                <td>
                  {unitName(row, locale)}
                  {row.source === "published-history" && (
                    <span className="hint"> {t("zoneHistory.history")}</span>
                  )}
                  {row.state !== "published" && (
                    <span className="review-tag"> {t(`zoneHistory.${row.state}`)}</span>
                  )}
                </td>
                <td className="numeric">
                  {row.finalScore === null ? "—" : formatNumber(row.finalScore, locale, { decimals: 2 })}
                </td>
                <td>
                  <RatingBadge rating={row.rating} /> <PoorWarning warning={row.warning} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
