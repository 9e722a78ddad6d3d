"use client";

import { indicatorsByTheme, type Locale, localized, type Zone } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";

import { withPeers } from "~/url-state/peers";

/**
 * The zone's name, province, member cities and designation, and links to every indicator's page (which keep
 * the chosen peer group).
 */
export function ZoneHeader({ zone, peers = "all" }: { zone: Zone; peers?: string }) {
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
      <IndicatorLinks zoneCode={zone.code} peers={peers} />
    </header>
  );
}

/** The header's links to every indicator's page, by theme; there the zone leads the trend lines. */
function IndicatorLinks({ zoneCode, peers }: { zoneCode: string; peers: string }) {
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
                    {/* Not prefetched: forty links in view made forty requests (and server renders) per visit. */}
                    <Link
                      href={withPeers(`/indicators/${indicator.code}?highlight=${zoneCode}`, peers)}
                      prefetch={false}
                    >
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
