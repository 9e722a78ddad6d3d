import { Sparkline } from "@zones/charts";
import {
  appliesToQuarter,
  formatChange,
  formatQuarterLabel,
  formatValue,
  type Indicator,
  type Locale,
  localized,
  type QuarterString,
  type Zone,
} from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

interface HeadlineValue {
  indicatorCode: string;
  value: number;
  lastYearValue: number | null;
}

/** One headline indicator of one zone over the quarters up to the card's quarter, oldest first. */
export type SparklineSeries = { quarter: string; value: number | null }[];

/**
 * A zone's headline figures; the change versus last year is coloured by whether it is good news. Each
 * figure has a sparkline of its last eight quarters under its name (one per figure fits beside the value
 * without making the card taller than the value and its change already are). A server component (from
 * `ZoneCards`): twenty cards of five figures and sparklines are sent as HTML, never hydrated.
 */
export function ZoneCard({
  zone,
  headlines,
  values,
  sparklines,
}: {
  zone: Zone;
  /** The catalogue's headline indicators, in order. */
  headlines: readonly Indicator[];
  values: HeadlineValue[];
  /** By indicator code; a figure without one simply has no sparkline. */
  sparklines?: ReadonlyMap<string, SparklineSeries>;
}) {
  const locale = useLocale() as Locale;
  const t = useTranslations("overview");
  const byCode = new Map(values.map((row) => [row.indicatorCode, row]));
  return (
    <li className="zone-card" data-testid="zone-card" data-zone={zone.code}>
      <h3>
        <Link className="zone-name" href={`/zones/${zone.code}`}>
          {localized(zone.name, locale)}
        </Link>
        <span className="zone-code">{zone.code}</span>
      </h3>
      <p className="zone-province">{localized(zone.province, locale)}</p>
      <dl>
        {headlines.map((indicator) => {
          const row = byCode.get(indicator.code);
          if (!row) return null;
          const delta = row.lastYearValue === null ? null : row.value - row.lastYearValue;
          const good =
            delta === null || delta === 0 ? null : delta > 0 === (indicator.direction === "higher");
          // Annual indicators have Q4 values only: their line joins the year ends instead of showing dots.
          const points = sparklines
            ?.get(indicator.code)
            ?.filter((point) => appliesToQuarter(indicator, point.quarter as QuarterString));
          const name = localized(indicator.name, locale);
          return (
            <div key={indicator.code} className="headline" data-indicator={indicator.code}>
              <dt>{name}</dt>
              <dd className="headline-figures">
                <span className="value">{formatValue(row.value, indicator, locale)}</span>
                {delta !== null && (
                  <span className={`change ${good === null ? "flat" : good ? "good" : "bad"}`}>
                    <span aria-hidden="true">{delta > 0 ? "▲" : delta < 0 ? "▼" : "■"}</span>{" "}
                    {t("yoy", { change: formatChange(delta, locale, { decimals: indicator.decimals }) })}
                  </span>
                )}
              </dd>
              {points && points.length > 0 && (
                <dd className="headline-trend">
                  <Sparkline
                    points={points}
                    label={t(indicator.cumulative ? "sparklineLabelYtd" : "sparklineLabel", {
                      indicator: name,
                    })}
                    formatValue={(value) => formatValue(value, indicator, locale)}
                    formatQuarter={(quarter) => formatQuarterLabel(quarter as QuarterString, locale)}
                    height={24}
                  />
                </dd>
              )}
            </div>
          );
        })}
      </dl>
    </li>
  );
}
