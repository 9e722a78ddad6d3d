"use client";

import { ZoneRanking } from "@zones/charts";
import { formatNumber, type Locale, localized } from "@zones/domain";
import { useLocale } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";

interface RankingRow {
  zoneCode: string;
  value: number | null;
}

/** Feeds the pure chart with localized zone names and number formatting. */
export function OverviewRanking({
  indicatorCode,
  rows,
  title,
  emptyMessage,
}: {
  indicatorCode: string;
  rows: RankingRow[];
  title: string;
  emptyMessage: string;
}) {
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const indicator = catalogue.getIndicator(indicatorCode);
  const data = rows.map((row) => {
    const zone = catalogue.zone(row.zoneCode);
    return {
      key: row.zoneCode,
      label: zone ? localized(zone.shortName, locale) : row.zoneCode,
      value: row.value,
    };
  });
  return (
    <ZoneRanking
      data={data}
      direction={indicator.direction}
      unit={localized(indicator.unit, locale)}
      formatValue={(value) => formatNumber(value, locale, { decimals: indicator.decimals })}
      title={title}
      emptyMessage={emptyMessage}
    />
  );
}
