import {
  formatChange,
  formatValue,
  getIndicator,
  INDICATORS,
  type Locale,
  localized,
  type Zone,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

interface HeadlineValue {
  indicatorCode: string;
  value: number;
  lastYearValue: number | null;
}

const HEADLINE_INDICATORS = INDICATORS.filter((indicator) => indicator.headline);

/** A zone's headline figures; the change versus last year is coloured by whether it is good news. */
export function ZoneCard({ zone, values }: { zone: Zone; values: HeadlineValue[] }) {
  const locale = useLocale() as Locale;
  const t = useTranslations("overview");
  const byCode = new Map(values.map((row) => [row.indicatorCode, row]));
  return (
    <li className="zone-card" data-testid="zone-card" data-zone={zone.code}>
      <h3>
        <span className="zone-name">{localized(zone.name, locale)}</span>
        <span className="zone-code">{zone.code}</span>
      </h3>
      <p className="zone-province">{localized(zone.province, locale)}</p>
      <dl>
        {HEADLINE_INDICATORS.map((headline) => {
          const row = byCode.get(headline.code);
          if (!row) return null;
          const indicator = getIndicator(headline.code);
          const delta = row.lastYearValue === null ? null : row.value - row.lastYearValue;
          const good =
            delta === null || delta === 0 ? null : delta > 0 === (indicator.direction === "higher");
          return (
            <div key={headline.code} className="headline">
              <dt>{localized(indicator.name, locale)}</dt>
              <dd>
                <span className="value">{formatValue(row.value, indicator, locale)}</span>
                {delta !== null && (
                  <span className={`change ${good === null ? "flat" : good ? "good" : "bad"}`}>
                    <span aria-hidden="true">{delta > 0 ? "▲" : delta < 0 ? "▼" : "■"}</span>{" "}
                    {t("yoy", { change: formatChange(delta, locale, { decimals: indicator.decimals }) })}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </li>
  );
}
