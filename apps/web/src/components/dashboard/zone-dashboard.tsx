"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { RouterInputs, RouterOutputs } from "@zones/api";
import { ChartFrame, DeferredChart, IndicatorTrend, type TrendSeries } from "@zones/charts";
import {
  formatQuarterLabel,
  getZone,
  type Indicator,
  indicatorsByTheme,
  isSingleQuarterDerivable,
  type Locale,
  localized,
  type QuarterString,
  type Zone,
} from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { ExportLink } from "~/components/exports/export-link";
import { useTRPC } from "~/trpc/react";
import { seriesTable, useChartLabels } from "./chart-support";
import {
  ModeToggle,
  RangeSelects,
  rangeChoices,
  SelectionNotice,
  SubmittedToggle,
} from "./dashboard-controls";
import { axisQuarters, useDashboardFormat } from "./dashboard-format";
import { useViewNavigation } from "./use-view-navigation";

/** Height of each small multiple, and of its placeholder until it is drawn. */
const ZONE_CHART_HEIGHT = 240;

type ZoneInput = RouterInputs["dashboard"]["zone"];
type ZoneData = RouterOutputs["dashboard"]["zone"];
type ZonePoint = ZoneData["indicators"][number]["points"][number];

/**
 * One zone over time: every indicator as a small multiple beside the peer band, grouped by theme. The
 * selection (range, 累计/单季, submitted data) lives in the URL; a change navigates, and the server
 * prefetches the new view.
 */
export function ZoneDashboard({
  input,
  notices,
  quarterChoices,
  canIncludeSubmitted,
}: {
  input: ZoneInput;
  /** Messages about the URL's selection, from the server. */
  notices: readonly string[];
  /** Quarters with approved data: the range selects' options. */
  quarterChoices: readonly string[];
  canIncludeSubmitted: boolean;
}) {
  const trpc = useTRPC();
  const t = useTranslations("dashboard");
  const locale = useLocale() as Locale;
  const { data } = useSuspenseQuery(trpc.dashboard.zone.queryOptions(input));
  // Every change writes the whole view (the resolved range included), so a copied link keeps showing it.
  const { view, select, pending } = useViewNavigation({
    from: data.from,
    to: data.to,
    mode: data.mode,
    includeSubmitted: data.includesSubmitted,
  });
  const zone = getZone(data.zoneCode);
  const pointsByCode = new Map(data.indicators.map((indicator) => [indicator.code, indicator.points]));

  const messages = [...notices];
  if (data.notice === "range-reversed") {
    messages.push(
      t("notice.rangeReversed", {
        from: formatQuarterLabel(data.from as QuarterString, locale),
        to: formatQuarterLabel(data.to as QuarterString, locale),
      }),
    );
  }

  const separator = locale === "zh-CN" ? "、" : ", ";
  return (
    <div className="dashboard zone-dashboard" data-testid="zone-dashboard" data-zone={zone.code}>
      <SelectionNotice messages={messages} />
      <header className="dashboard-header">
        <p className="eyebrow">{t("zone.eyebrow")}</p>
        <h1>
          {localized(zone.name, locale)} <span className="zone-code">{zone.code}</span>
        </h1>
        <dl className="dashboard-facts">
          <div>
            <dt>{t("zone.province")}</dt>
            <dd>{localized(zone.province, locale)}</dd>
          </div>
          <div>
            <dt>{t("zone.memberCities")}</dt>
            <dd data-testid="member-cities">
              {zone.memberCities.map((city) => localized(city.name, locale)).join(separator)}
            </dd>
          </div>
          <div>
            <dt>{t("zone.designated")}</dt>
            <dd>{t("zone.designatedValue", { batch: zone.batch, year: zone.designatedYear })}</dd>
          </div>
        </dl>
        <IndicatorLinks />
      </header>

      <section className="dashboard-controls" aria-label={t("common.controls")}>
        <div className="control-row">
          <RangeSelects
            quarters={rangeChoices(quarterChoices, data.from, data.to)}
            from={view.from ?? data.from}
            to={view.to ?? data.to}
            onChange={(range) => select(range)}
          />
          <ModeToggle mode={view.mode ?? data.mode} onChange={(mode) => select({ mode })} />
          {canIncludeSubmitted && (
            <SubmittedToggle
              checked={view.includeSubmitted ?? data.includesSubmitted}
              onChange={(includeSubmitted) => select({ includeSubmitted })}
            />
          )}
          <ExportLink
            zones={[zone.code]}
            from={data.from}
            to={data.to}
            includeSubmitted={data.includesSubmitted}
          />
          {pending && (
            <span className="pending" aria-live="polite">
              {t("common.loading")}
            </span>
          )}
        </div>
        <p className="hint" data-testid="mode-hint">
          {t("common.modeHint")}
        </p>
        <p className="hint">
          {data.includesSubmitted ? t("common.submittedHint") : t("common.approvedOnly")}{" "}
          {t("common.statusNote")}
        </p>
      </section>

      <div className="theme-sections" aria-busy={pending}>
        {indicatorsByTheme().map(({ theme, indicators }) =>
          indicators.length === 0 ? null : (
            <section
              key={theme.code}
              className="theme-section"
              data-theme={theme.code}
              aria-labelledby={`theme-${theme.code}`}
            >
              <h2 id={`theme-${theme.code}`}>{localized(theme.name, locale)}</h2>
              <div className="small-multiples">
                {indicators.map((indicator) => (
                  <ZoneIndicatorChart
                    key={indicator.code}
                    zone={zone}
                    indicator={indicator}
                    data={data}
                    points={pointsByCode.get(indicator.code) ?? []}
                  />
                ))}
              </div>
            </section>
          ),
        )}
      </div>
    </div>
  );
}

/** The header's links to every indicator's page, by theme. */
function IndicatorLinks() {
  const t = useTranslations("dashboard.zone");
  const locale = useLocale() as Locale;
  return (
    <nav className="indicator-links" aria-label={t("indicatorsNav")}>
      <h2 className="indicator-links-title">{t("indicatorsNav")}</h2>
      <ul>
        {indicatorsByTheme().map(({ theme, indicators }) =>
          indicators.length === 0 ? null : (
            <li key={theme.code} className="indicator-links-group">
              <span className="indicator-links-theme">{localized(theme.name, locale)}</span>
              <ul className="indicator-links-items">
                {indicators.map((indicator) => (
                  <li key={indicator.code}>
                    <Link href={`/indicators/${indicator.code}`}>{localized(indicator.name, locale)}</Link>
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

function ZoneIndicatorChart({
  zone,
  indicator,
  data,
  points,
}: {
  zone: Zone;
  indicator: Indicator;
  data: ZoneData;
  points: readonly ZonePoint[];
}) {
  const t = useTranslations("dashboard.common");
  const tCharts = useTranslations("charts");
  const labels = useChartLabels();
  const format = useDashboardFormat(indicator);
  const annual = indicator.frequency === "annual";

  const series: TrendSeries = {
    key: zone.code,
    label: localized(zone.shortName, format.locale),
    points: points.map(({ quarter, value, revised, provisional }) => ({
      quarter,
      value,
      revised,
      provisional,
    })),
  };
  const band = points.map((point) => ({
    quarter: point.quarter,
    low: format.round(point.low),
    median: format.round(point.median),
    high: format.round(point.high),
  }));
  const bandAt = new Map(band.map((row) => [row.quarter, row]));
  const quarters = axisQuarters(indicator, data.quarters);
  const table = seriesTable(
    t("quarter"),
    quarters,
    [series],
    [
      { label: t("peerLow"), valueAt: (quarter) => bandAt.get(quarter)?.low ?? null },
      { label: t("peerMedian"), valueAt: (quarter) => bandAt.get(quarter)?.median ?? null },
      { label: t("peerHigh"), valueAt: (quarter) => bandAt.get(quarter)?.high ?? null },
    ],
  );

  const derivable = isSingleQuarterDerivable(indicator);
  const description = [
    annual ? t("annual") : null,
    data.mode === "single"
      ? derivable
        ? t("single")
        : t("singleNotApplicable")
      : indicator.cumulative
        ? t("ytd")
        : null,
    t("peerNote"),
  ]
    .filter((part) => part !== null)
    .join(" · ");
  const modeSuffix = data.mode === "single" && derivable ? "-single" : "";

  return (
    <div
      className="small-multiple"
      data-testid="zone-indicator"
      data-indicator={indicator.code}
      data-frequency={indicator.frequency}
    >
      <ChartFrame
        title={format.title}
        description={description}
        fileName={`zone-${zone.code}-${indicator.code}-${data.from}-${data.to}${modeSuffix}`}
        table={table}
        labels={labels.frame}
        formatCell={format.formatNumber}
      >
        {/* 30 small multiples: each is drawn when it nears the viewport, not all at once on load. */}
        <DeferredChart height={ZONE_CHART_HEIGHT}>
          <IndicatorTrend
            quarters={quarters}
            series={[series]}
            band={band}
            bandLabel={labels.peerBand}
            medianLabel={labels.peerMedian}
            title={format.title}
            formatValue={format.formatChartNumber}
            formatQuarter={format.formatQuarter}
            unit={format.unit}
            emptyMessage={annual ? t("annualEmpty") : labels.empty}
            singlePointMessage={labels.singlePoint}
            revisedLabel={tCharts("revised")}
            provisionalLabel={tCharts("provisional")}
            height={ZONE_CHART_HEIGHT}
          />
        </DeferredChart>
      </ChartFrame>
    </div>
  );
}
