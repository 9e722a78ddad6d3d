"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { RouterInputs } from "@zones/api";
import type { TrendSeries } from "@zones/charts";
import {
  getTheme,
  isSingleQuarterDerivable,
  type Locale,
  localized,
  type QuarterString,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { useTRPC } from "~/trpc/react";
import { indicatorUrlParsers } from "~/url-state/dashboards";
import { useUrlView } from "~/url-state/use-url-view";
import { SelectionNotice } from "./dashboard-controls";
import { useDashboardFormat, useZoneLabel } from "./dashboard-format";
import { IndicatorDistribution } from "./indicator-distribution";
import { IndicatorFacts } from "./indicator-facts";
import { IndicatorRanking } from "./indicator-ranking";
import { IndicatorTrendPanel } from "./indicator-trend-panel";
import { defaultTrendZones, trendZones } from "./selection";
import { useViewMessages } from "./use-view-messages";
import { ViewControls } from "./view-controls";

type IndicatorInput = RouterInputs["dashboard"]["indicator"];

/**
 * One indicator across the zones: what it measures, a ranking for a quarter, the chosen zones' trend
 * lines and the spread across all zones over a range.
 *
 * Which zones the trend chart shows is chosen here, not in the query: the query always asks for every
 * zone (`zoneCodes` omitted), and the checkboxes pick among the lines already loaded. Ticking a box is
 * therefore instant — the URL's `zones` changes without a server round trip or a refetch. Only the first
 * four zones of the catalogue are ticked by default: twelve lines in one chart cannot be told apart.
 */
export function IndicatorDashboard({
  input,
  notices,
  canIncludeSubmitted,
}: {
  input: IndicatorInput;
  notices: readonly string[];
  canIncludeSubmitted: boolean;
}) {
  const trpc = useTRPC();
  const t = useTranslations("dashboard");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const { data } = useSuspenseQuery(trpc.dashboard.indicator.queryOptions(input));
  const indicator = catalogue.getIndicator(data.indicatorCode);
  const format = useDashboardFormat(indicator);

  // Every change writes the whole view (resolved quarter and range included), so a copied link keeps it.
  const { view, url, select, write, pending } = useUrlView(indicatorUrlParsers, {
    quarter: data.quarter as QuarterString | null,
    from: data.from as QuarterString,
    to: data.to as QuarterString,
    mode: data.mode,
    submitted: data.includesSubmitted,
    peers: data.peers,
  });
  const zoneCodes = catalogue.zones.map((zone) => zone.code);
  const byDefault = defaultTrendZones(
    data.ranking.map((row) => row.zoneCode),
    url.highlight,
    zoneCodes,
  );
  const { zones: selected, invalid: invalidZones } = trendZones(url.zones, byDefault, zoneCodes);
  const zoneLabel = useZoneLabel();
  const messages = useViewMessages(
    notices,
    data,
    invalidZones.length > 0 ? [t("notice.invalidZones", { codes: invalidZones.join(", ") })] : [],
  );

  const trendByZone = new Map(data.trends.map((trend) => [trend.zoneCode, trend.points]));
  const series: TrendSeries[] = selected.map((code) => ({
    key: code,
    label: zoneLabel(code),
    points: trendByZone.get(code) ?? [],
  }));

  return (
    <div
      className="dashboard indicator-dashboard"
      data-testid="indicator-dashboard"
      data-indicator={indicator.code}
    >
      <SelectionNotice messages={messages} />
      <header className="dashboard-header">
        <p className="eyebrow">
          {t("indicator.eyebrow")} · {localized(getTheme(indicator.theme).name, locale)}
        </p>
        <h1>{format.name}</h1>
      </header>

      <section className="dashboard-panel" aria-labelledby="indicator-about">
        <h2 id="indicator-about">{t("indicator.about")}</h2>
        <IndicatorFacts indicator={indicator} />
      </section>

      <section className="dashboard-panel" aria-labelledby="indicator-ranking" data-testid="ranking-section">
        <h2 id="indicator-ranking">{t("indicator.ranking")}</h2>
        {data.quarter === null ? (
          <p className="empty">{t("indicator.noQuarter")}</p>
        ) : (
          <IndicatorRanking
            data={data}
            indicator={indicator}
            quarter={view.quarter ?? data.quarter ?? ""}
            onQuarter={(quarter) => select({ quarter }, { zones: selected })}
            peers={view.peers ?? data.peers}
            onPeers={(peers) => select({ peers }, { zones: selected })}
          />
        )}
      </section>

      <ViewControls
        state={{ data, view }}
        quarterChoices={data.availableQuarters}
        exportScope={{ zones: selected, indicators: [indicator.code] }}
        canIncludeSubmitted={canIncludeSubmitted}
        pending={pending}
        modeNote={
          data.mode === "single" &&
          !isSingleQuarterDerivable(indicator) &&
          ` ${t("common.singleNotApplicable")}`
        }
        onChange={(changes) => select(changes as Parameters<typeof select>[0], { zones: selected })}
      />

      <div className="dashboard-panels" aria-busy={pending}>
        <IndicatorTrendPanel
          data={data}
          indicator={indicator}
          selected={selected}
          byDefault={byDefault}
          series={series}
          onZones={(zones) => void write({ zones: [...zones] })}
        />
        <IndicatorDistribution data={data} indicator={indicator} highlight={series[0]} />
      </div>
    </div>
  );
}
