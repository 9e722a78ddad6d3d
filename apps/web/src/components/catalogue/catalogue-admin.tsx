"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CITY_TYPE_NAMES, getTheme, type Locale, localized, REGION_NAMES } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { TableScroll } from "~/components/ui/table-scroll";
import { useTRPC } from "~/trpc/react";

/** /admin/catalogue: every zone and indicator as the database holds them, retired ones included, each editable. */
export function CatalogueAdmin() {
  const t = useTranslations("catalogue");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.catalogue.get.queryOptions());
  return (
    <div className="catalogue-admin">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>

      <h2 id="catalogue-zones">{t("zonesTitle")}</h2>
      <p>
        <Link className="button" href="/admin/catalogue/zones/new" data-testid="catalogue-add-zone">
          {t("addZone")}
        </Link>
      </p>
      <TableScroll label={t("zonesTitle")}>
        <table className="data-table" data-testid="catalogue-zones">
          <thead>
            <tr>
              <th scope="col">{t("zoneColumns.name")}</th>
              <th scope="col">{t("zoneColumns.code")}</th>
              <th scope="col">{t("zoneColumns.batch")}</th>
              <th scope="col">{t("zoneColumns.cityType")}</th>
              <th scope="col">{t("zoneColumns.region")}</th>
              <th scope="col">{t("zoneColumns.reportsFrom")}</th>
              <th scope="col">{t("zoneColumns.state")}</th>
            </tr>
          </thead>
          <tbody>
            {data.zones.map((zone) => (
              <tr key={zone.code} data-zone={zone.code}>
                <th scope="row">
                  <Link href={`/admin/catalogue/zones/${encodeURIComponent(zone.code)}`}>
                    {localized(zone.name, locale)}
                  </Link>
                </th>
                <td>{zone.code}</td>
                <td>{t("batchValue", { batch: zone.batch })}</td>
                <td>{localized(CITY_TYPE_NAMES[zone.cityType], locale)}</td>
                <td>{localized(REGION_NAMES[zone.region], locale)}</td>
                <td>{zone.reportsFrom}</td>
                <td>{zone.retiredFrom ? t("retiredFrom", { quarter: zone.retiredFrom }) : t("active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2 id="catalogue-indicators">{t("indicatorsTitle")}</h2>
      <p>
        <Link className="button" href="/admin/catalogue/indicators/new" data-testid="catalogue-add-indicator">
          {t("addIndicator")}
        </Link>
      </p>
      <TableScroll label={t("indicatorsTitle")}>
        <table className="data-table" data-testid="catalogue-indicators">
          <thead>
            <tr>
              <th scope="col">{t("indicatorColumns.name")}</th>
              <th scope="col">{t("indicatorColumns.code")}</th>
              <th scope="col">{t("indicatorColumns.theme")}</th>
              <th scope="col">{t("indicatorColumns.unit")}</th>
              <th scope="col">{t("indicatorColumns.years")}</th>
              <th scope="col">{t("indicatorColumns.state")}</th>
            </tr>
          </thead>
          <tbody>
            {data.indicators.map((indicator) => (
              <tr key={indicator.code} data-indicator={indicator.code}>
                <th scope="row">
                  <Link href={`/admin/catalogue/indicators/${encodeURIComponent(indicator.code)}`}>
                    {localized(indicator.name, locale)}
                  </Link>
                </th>
                <td>{indicator.code}</td>
                <td>{localized(getTheme(indicator.theme).name, locale)}</td>
                <td>{localized(indicator.unit, locale)}</td>
                <td>
                  {indicator.inForceFrom ? t("fromYear", { year: indicator.inForceFrom }) : t("allYears")}
                </td>
                <td>
                  {indicator.retiredAfter ? t("retiredAfter", { year: indicator.retiredAfter }) : t("active")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
