"use client";

import type { RouterOutputs } from "@zones/api";
import {
  formatNumber,
  formatQuarterLabel,
  type Locale,
  localized,
  type QuarterString,
  TARGET_COMPARISON_LABELS,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

import { TableScroll } from "~/components/ui/table-scroll";
import { TargetStatusBadge } from "./target-status-badge";

export type TargetStatusView = RouterOutputs["targets"]["statuses"]["rows"][number];

/** Targets with their progress: one zone's (the zone page) or one indicator's across zones. */
export function TargetProgressTable({
  rows,
  caption,
  show,
}: {
  rows: readonly TargetStatusView[];
  caption: string;
  /** The column that names each row: the indicator on a zone's page, the zone on an indicator's. */
  show: "indicator" | "zone";
}) {
  const t = useTranslations("targets");
  const locale = useLocale() as Locale;
  const value = (row: TargetStatusView, number: number | null) =>
    number === null ? "—" : formatNumber(number, locale, { decimals: row.decimals });
  return (
    <TableScroll label={caption}>
      <table className="data-table" data-testid="target-progress">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{show === "indicator" ? t("indicator") : t("zone")}</th>
            <th scope="col">{t("panel.target")}</th>
            <th scope="col">{t("baseline")}</th>
            <th scope="col">{t("latest")}</th>
            <th scope="col">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-testid="target-progress-row"
              data-indicator={row.indicatorCode}
              data-zone={row.zoneCode}
            >
              <th scope="row">
                {show === "indicator"
                  ? localized(row.indicatorName, locale)
                  : localized(row.zoneName, locale)}
              </th>
              <td>
                {t("by", { year: row.targetYear })}{" "}
                {localized(TARGET_COMPARISON_LABELS[row.comparison], locale)} {value(row, row.targetValue)}{" "}
                {localized(row.unit, locale)}
              </td>
              <td>
                {row.baselineYear}: {value(row, row.baseline)}
              </td>
              <td>
                {row.latest
                  ? `${formatQuarterLabel(row.latest.quarter as QuarterString, locale)}: ${value(row, row.latest.value)}`
                  : "—"}
              </td>
              <td>
                <TargetStatusBadge status={row.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
