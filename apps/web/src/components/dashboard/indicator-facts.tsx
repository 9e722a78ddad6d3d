"use client";

import {
  getTheme,
  type Indicator,
  isSingleQuarterDerivable,
  type Locale,
  localized,
  ytdKind,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

/** What the indicator measures: definition, unit, direction, frequency, accumulation, source and theme. */
export function IndicatorFacts({ indicator }: { indicator: Indicator }) {
  const t = useTranslations("dashboard.indicator");
  const locale = useLocale() as Locale;
  const kind = ytdKind(indicator);
  const rows: [string, string][] = [
    [t("definition"), localized(indicator.definition, locale)],
    [t("unit"), localized(indicator.unit, locale)],
    [t("direction"), t(indicator.direction)],
    [t("frequency"), t(indicator.frequency)],
    [
      t("cumulative"),
      kind
        ? `${t(`cumulativeYes.${kind}`)}${isSingleQuarterDerivable(indicator) ? ` · ${t("singleDerivable")}` : ""}`
        : t("cumulativeNo"),
    ],
    [t("source"), localized(indicator.source, locale)],
    [t("theme"), localized(getTheme(indicator.theme).name, locale)],
  ];
  return (
    <dl className="indicator-meta" data-testid="indicator-meta">
      {rows.map(([term, description]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd>{description}</dd>
        </div>
      ))}
    </dl>
  );
}
