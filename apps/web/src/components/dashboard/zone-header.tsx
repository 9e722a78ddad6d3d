"use client";

import { indicatorsByTheme, type Locale, localized, type Zone } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";

/** The zone's name, province, member cities and designation, and links to every indicator's page. */
export function ZoneHeader({ zone }: { zone: Zone }) {
  const t = useTranslations("dashboard.zone");
  const locale = useLocale() as Locale;
  const separator = useTranslations("app")("listSeparator");
  return (
    <header className="dashboard-header">
      <p className="eyebrow">{t("eyebrow")}</p>
      <h1>
        {localized(zone.name, locale)} <span className="zone-code">{zone.code}</span>
      </h1>
      <dl className="dashboard-facts">
        <div>
          <dt>{t("province")}</dt>
          <dd>{localized(zone.province, locale)}</dd>
        </div>
        <div>
          <dt>{t("memberCities")}</dt>
          <dd data-testid="member-cities">
            {zone.memberCities.map((city) => localized(city.name, locale)).join(separator)}
          </dd>
        </div>
        <div>
          <dt>{t("designated")}</dt>
          <dd>{t("designatedValue", { batch: zone.batch, year: zone.designatedYear })}</dd>
        </div>
      </dl>
      <IndicatorLinks zoneCode={zone.code} />
    </header>
  );
}

/** The header's links to every indicator's page, by theme; there the zone leads the trend lines. */
function IndicatorLinks({ zoneCode }: { zoneCode: string }) {
  const t = useTranslations("dashboard.zone");
  const locale = useLocale() as Locale;
  const { indicators } = useCatalogue();
  return (
    <nav className="indicator-links" aria-label={t("indicatorsNav")}>
      <h2 className="indicator-links-title">{t("indicatorsNav")}</h2>
      <ul>
        {indicatorsByTheme(indicators).map(({ theme, indicators }) =>
          indicators.length === 0 ? null : (
            <li key={theme.code} className="indicator-links-group">
              <span className="indicator-links-theme">{localized(theme.name, locale)}</span>
              <ul className="indicator-links-items">
                {indicators.map((indicator) => (
                  <li key={indicator.code}>
                    <Link href={`/indicators/${indicator.code}?highlight=${zoneCode}`}>
                      {localized(indicator.name, locale)}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
