"use client";

import { useQuery } from "@tanstack/react-query";
import { type Locale, localized, TARGET_STATUS_LABELS, TARGET_STATUSES } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";

import { TableScroll } from "~/components/ui/table-scroll";
import { useTRPC } from "~/trpc/react";

/** Per zone, how many of its plan targets are in each status as of the overview's quarter. */
export function OverviewTargets({ quarter }: { quarter: string }) {
  const t = useTranslations("targets");
  const locale = useLocale() as Locale;
  const id = useId();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.targets.summary.queryOptions({ quarter }));
  if (!data || data.zones.length === 0) return null;
  return (
    <section className="overview-targets" aria-labelledby={id} data-testid="overview-targets">
      <h2 id={id}>{t("overview.heading")}</h2>
      <TableScroll label={t("overview.caption")}>
        <table className="data-table">
          <caption className="visually-hidden">{t("overview.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("zone")}</th>
              {TARGET_STATUSES.map((status) => (
                <th scope="col" key={status} className="numeric">
                  <span className={`target-status target-status-${status}`}>
                    {localized(TARGET_STATUS_LABELS[status], locale)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.zones.map((zone) => (
              <tr key={zone.zoneCode} data-testid="overview-targets-row" data-zone={zone.zoneCode}>
                <th scope="row">
                  <Link href={`/zones/${zone.zoneCode}`}>{localized(zone.zoneName, locale)}</Link>
                </th>
                {TARGET_STATUSES.map((status) => (
                  <td key={status} className="numeric" data-status={status}>
                    {zone.counts[status]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
