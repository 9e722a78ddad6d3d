import type { RouterOutputs } from "@zones/api";
import { type Catalogue, type QuarterString, zonesReportingIn } from "@zones/domain";

import { type SparklineSeries, ZoneCard } from "./zone-card";

type Headline = RouterOutputs["overview"]["get"]["headlines"][number];
type Line = RouterOutputs["dashboard"]["overviewExtras"]["sparklines"][number];

/**
 * Every zone reporting in the quarter, as a card of its headline figures with their sparklines. Rendered on
 * the server: the browser gets the cards' HTML and neither their data nor their code.
 */
export function ZoneCards({
  catalogue,
  quarter,
  headlines,
  sparklines,
}: {
  catalogue: Pick<Catalogue, "zones" | "indicators">;
  quarter: QuarterString;
  headlines: readonly Headline[];
  sparklines: readonly Line[];
}) {
  const lines = new Map<string, Map<string, SparklineSeries>>();
  for (const line of sparklines) {
    const zone = lines.get(line.zoneCode) ?? new Map<string, SparklineSeries>();
    zone.set(line.indicatorCode, line.points);
    lines.set(line.zoneCode, zone);
  }
  const headlineIndicators = catalogue.indicators.filter((indicator) => indicator.headline);
  return (
    <ul className="zone-cards">
      {zonesReportingIn(catalogue, quarter).map((zone) => (
        <ZoneCard
          key={zone.code}
          zone={zone}
          headlines={headlineIndicators}
          values={headlines.filter((row) => row.zoneCode === zone.code)}
          sparklines={lines.get(zone.code)}
        />
      ))}
    </ul>
  );
}
