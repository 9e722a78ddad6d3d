"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { RouterInputs, RouterOutputs } from "@zones/api";
import {
  ChartFrame,
  type ChartTable,
  DistributionBand,
  IndicatorTrend,
  type TrendSeries,
  ZoneRanking,
} from "@zones/charts";
import {
  findZone,
  formatQuarterLabel,
  getIndicator,
  getTheme,
  type Indicator,
  isSingleQuarterDerivable,
  type Locale,
  localized,
  type QuarterString,
  ZONE_CODES,
  type ZoneCode,
} from "@zones/domain";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

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
import { DEFAULT_TREND_ZONES, readZones } from "./selection";
import { useViewNavigation } from "./use-view-navigation";

type IndicatorInput = RouterInputs["dashboard"]["indicator"];
type IndicatorData = RouterOutputs["dashboard"]["indicator"];

function zoneLabel(code: string, locale: Locale): string {
  const zone = findZone(code);
  return zone ? localized(zone.shortName, locale) : code;
}

/**
 * One indicator across the zones: what it measures, a ranking for a quarter, the chosen zones' trend
 * lines and the spread across all zones over a range.
 *
 * Which zones the trend chart shows is chosen here, not in the query: the query always asks for every
 * zone (`zoneCodes` omitted), and the checkboxes pick among the lines already loaded. Ticking a box is
 * therefore instant — the URL (`?zones=`) is updated with `history.pushState`, which Next's router picks up
 * for `useSearchParams`, without a server round trip or a refetch. Only the first four zones of the
 * catalogue are ticked by default: twelve lines in one chart cannot be told apart.
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
  const searchParams = useSearchParams();
  const { data } = useSuspenseQuery(trpc.dashboard.indicator.queryOptions(input));
  const indicator = getIndicator(data.indicatorCode);
  const format = useDashboardFormat(indicator);
  const labels = useChartLabels();
  const tCharts = useTranslations("charts");

  // Every change writes the whole view (resolved quarter and range included), so a copied link keeps it.
  const { view, select, href, pending } = useViewNavigation({
    quarter: data.quarter,
    from: data.from,
    to: data.to,
    mode: data.mode,
    includeSubmitted: data.includesSubmitted,
  });

  // The zones are held here and mirrored to the URL. Only a change of the URL's own value (back button,
  // a link) resets them: right after a tick the router has not caught up with `pushState` yet.
  const zonesParam = searchParams.get("zones");
  const [lastZonesParam, setLastZonesParam] = useState(zonesParam);
  const [{ zones: selected, invalid: invalidZones }, setZoneSelection] = useState(() =>
    readZones(zonesParam),
  );
  if (zonesParam !== lastZonesParam) {
    setLastZonesParam(zonesParam);
    setZoneSelection(readZones(zonesParam));
  }
  function selectZones(zones: readonly ZoneCode[]) {
    const next = [...zones];
    setZoneSelection({ zones: next, invalid: [] });
    window.history.pushState(null, "", href({ zones: next }));
  }
  function toggleZone(code: ZoneCode, checked: boolean) {
    selectZones(
      checked
        ? [...selected.filter((zone) => zone !== code), code]
        : selected.filter((zone) => zone !== code),
    );
  }

  const messages = [...notices];
  if (invalidZones.length > 0) {
    messages.push(t("notice.invalidZones", { codes: invalidZones.join(", ") }));
  }
  if (data.notice === "range-reversed") {
    messages.push(
      t("notice.rangeReversed", {
        from: format.formatQuarter(data.from),
        to: format.formatQuarter(data.to),
      }),
    );
  }

  const trendByZone = new Map(data.trends.map((trend) => [trend.zoneCode, trend.points]));
  const series: TrendSeries[] = selected.map((code) => ({
    key: code,
    label: zoneLabel(code, locale),
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
          <Ranking
            data={data}
            indicator={indicator}
            quarter={view.quarter ?? data.quarter ?? ""}
            onQuarter={(quarter) => select({ quarter }, { zones: selected })}
          />
        )}
      </section>

      <section className="dashboard-controls" aria-label={t("common.controls")}>
        <div className="control-row">
          <RangeSelects
            quarters={rangeChoices(data.availableQuarters, data.from, data.to)}
            from={view.from ?? data.from}
            to={view.to ?? data.to}
            onChange={(range) => select(range, { zones: selected })}
          />
          <ModeToggle
            mode={view.mode ?? data.mode}
            onChange={(mode) => select({ mode }, { zones: selected })}
          />
          {canIncludeSubmitted && (
            <SubmittedToggle
              checked={view.includeSubmitted ?? data.includesSubmitted}
              onChange={(includeSubmitted) => select({ includeSubmitted }, { zones: selected })}
            />
          )}
          <ExportLink
            zones={selected}
            indicators={[indicator.code]}
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
          {data.mode === "single" &&
            !isSingleQuarterDerivable(indicator) &&
            ` ${t("common.singleNotApplicable")}`}
        </p>
        <p className="hint">
          {data.includesSubmitted ? t("common.submittedHint") : t("common.approvedOnly")}{" "}
          {t("common.statusNote")}
        </p>
      </section>

      <div className="dashboard-panels" aria-busy={pending}>
        <section className="dashboard-panel" aria-labelledby="indicator-trend" data-testid="trend-section">
          <h2 id="indicator-trend">{t("indicator.trend")}</h2>
          <ZonePicker selected={selected} onToggle={toggleZone} onSet={selectZones} />
          <ChartFrame
            title={t("indicator.trendTitle", { indicator: format.title })}
            description={chartDescription(indicator, data, t)}
            fileName={`indicator-${indicator.code}-trend-${data.from}-${data.to}${suffix(indicator, data)}`}
            table={seriesTable(t("common.quarter"), axisQuarters(indicator, data.quarters), series)}
            labels={labels.frame}
            formatCell={format.formatNumber}
          >
            <IndicatorTrend
              quarters={axisQuarters(indicator, data.quarters)}
              series={series}
              title={t("indicator.trendTitle", { indicator: format.title })}
              formatValue={format.formatChartNumber}
              formatQuarter={format.formatQuarter}
              unit={format.unit}
              emptyMessage={
                selected.length === 0
                  ? t("indicator.noZones")
                  : indicator.frequency === "annual"
                    ? t("common.annualEmpty")
                    : labels.empty
              }
              singlePointMessage={labels.singlePoint}
              revisedLabel={tCharts("revised")}
              provisionalLabel={tCharts("provisional")}
            />
          </ChartFrame>
        </section>

        <section
          className="dashboard-panel"
          aria-labelledby="indicator-distribution"
          data-testid="distribution-section"
        >
          <h2 id="indicator-distribution">{t("indicator.distribution")}</h2>
          <Distribution data={data} indicator={indicator} highlight={series[0]} />
        </section>
      </div>
    </div>
  );
}

type DashboardT = ReturnType<typeof useTranslations<"dashboard">>;

function suffix(indicator: Indicator, data: IndicatorData): string {
  return data.mode === "single" && isSingleQuarterDerivable(indicator) ? "-single" : "";
}

function chartDescription(indicator: Indicator, data: IndicatorData, t: DashboardT): string {
  return [
    indicator.frequency === "annual" ? t("common.annual") : null,
    data.mode === "single"
      ? isSingleQuarterDerivable(indicator)
        ? t("common.single")
        : t("common.singleNotApplicable")
      : indicator.cumulative
        ? t("common.ytd")
        : null,
  ]
    .filter((part) => part !== null)
    .join(" · ");
}

function IndicatorFacts({ indicator }: { indicator: Indicator }) {
  const t = useTranslations("dashboard.indicator");
  const locale = useLocale() as Locale;
  const rows: [string, string][] = [
    [t("definition"), localized(indicator.definition, locale)],
    [t("unit"), localized(indicator.unit, locale)],
    [t("direction"), t(indicator.direction)],
    [t("frequency"), t(indicator.frequency)],
    [
      t("cumulative"),
      indicator.cumulative
        ? `${t("cumulativeYes")}${isSingleQuarterDerivable(indicator) ? ` · ${t("singleDerivable")}` : ""}`
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

function Ranking({
  data,
  indicator,
  quarter: chosen,
  onQuarter,
}: {
  data: IndicatorData;
  indicator: Indicator;
  /** The select's value: the chosen quarter, shown before its data arrives. */
  quarter: string;
  onQuarter: (quarter: string) => void;
}) {
  const t = useTranslations("dashboard");
  const labels = useChartLabels();
  const format = useDashboardFormat(indicator);
  const quarter = data.quarter ?? "";
  const quarterLabel = format.formatQuarter(quarter);
  const title = t("indicator.rankingTitle", { indicator: format.title, quarter: quarterLabel });
  const table: ChartTable = {
    columns: [t("indicator.zone"), t("indicator.value")],
    rows: data.ranking.map((row) => [zoneLabel(row.zoneCode, format.locale), row.value]),
  };
  const annualOffQuarter = indicator.frequency === "annual" && !quarter.endsWith("Q4");
  return (
    <>
      <div className="control-row">
        <label>
          {t("common.quarter")}
          <select
            value={chosen}
            onChange={(event) => onQuarter(event.target.value)}
            data-testid="quarter-select"
          >
            {rangeChoices(data.availableQuarters, quarter, chosen)
              .reverse()
              .map((choice) => (
                <option key={choice} value={choice}>
                  {formatQuarterLabel(choice as QuarterString, format.locale)}
                </option>
              ))}
          </select>
        </label>
      </div>
      <p className="hint">{t("indicator.rankingHint")}</p>
      <div className="ranking-layout">
        <ChartFrame
          title={title}
          description={indicator.frequency === "annual" ? t("common.annual") : undefined}
          fileName={`indicator-${indicator.code}-ranking-${quarter}`}
          table={table}
          labels={labels.frame}
          formatCell={format.formatNumber}
        >
          <ZoneRanking
            data={data.ranking.map((row) => ({
              key: row.zoneCode,
              label: zoneLabel(row.zoneCode, format.locale),
              value: row.value,
            }))}
            direction={indicator.direction}
            unit={format.unit}
            formatValue={format.formatNumber}
            title={title}
            emptyMessage={annualOffQuarter ? t("indicator.rankingAnnualEmpty") : t("indicator.rankingEmpty")}
          />
        </ChartFrame>
        <nav aria-labelledby="ranking-links-title">
          <h3 id="ranking-links-title" className="ranking-links-title">
            {t("indicator.rankingList")}
          </h3>
          <ol className="ranking-links" data-testid="ranking-links">
            {data.ranking.map((row) => (
              // Zones without a value have no rank: no number, rather than one that reads as a rank.
              <li
                key={row.zoneCode}
                value={row.rank ?? undefined}
                className={row.rank === null ? "unranked" : undefined}
              >
                <Link href={`/zones/${row.zoneCode}`}>{zoneLabel(row.zoneCode, format.locale)}</Link>
                <span className="value">{row.value === null ? "—" : format.formatNumber(row.value)}</span>
              </li>
            ))}
          </ol>
        </nav>
      </div>
    </>
  );
}

function ZonePicker({
  selected,
  onToggle,
  onSet,
}: {
  selected: readonly ZoneCode[];
  onToggle: (code: ZoneCode, checked: boolean) => void;
  onSet: (zones: readonly ZoneCode[]) => void;
}) {
  const t = useTranslations("dashboard.indicator");
  const locale = useLocale() as Locale;
  return (
    <fieldset className="zone-picker" data-testid="zone-picker">
      <legend>{t("zonesLegend", { count: selected.length })}</legend>
      <ul>
        {ZONE_CODES.map((code) => (
          <li key={code}>
            <label>
              <input
                type="checkbox"
                value={code}
                checked={selected.includes(code)}
                onChange={(event) => onToggle(code, event.target.checked)}
              />
              {zoneLabel(code, locale)}
            </label>
          </li>
        ))}
      </ul>
      <div className="zone-picker-actions">
        <button type="button" onClick={() => onSet(ZONE_CODES)}>
          {t("selectAll")}
        </button>
        <button type="button" onClick={() => onSet(DEFAULT_TREND_ZONES)}>
          {t("selectDefault")}
        </button>
        <p className="hint">{t("zonesHint")}</p>
      </div>
    </fieldset>
  );
}

function Distribution({
  data,
  indicator,
  highlight,
}: {
  data: IndicatorData;
  indicator: Indicator;
  highlight: TrendSeries | undefined;
}) {
  const t = useTranslations("dashboard");
  const tCharts = useTranslations("charts");
  const labels = useChartLabels();
  const format = useDashboardFormat(indicator);
  const band = data.distribution.map((row) => ({
    quarter: row.quarter,
    min: format.round(row.min),
    p25: format.round(row.p25),
    median: format.round(row.median),
    p75: format.round(row.p75),
    max: format.round(row.max),
  }));
  const bandAt = new Map(band.map((row) => [row.quarter, row]));
  const column = (label: string, key: "min" | "p25" | "median" | "p75" | "max") => ({
    label,
    valueAt: (quarter: string) => bandAt.get(quarter)?.[key] ?? null,
  });
  const table = seriesTable(
    t("common.quarter"),
    axisQuarters(indicator, data.quarters),
    highlight ? [highlight] : [],
    [
      column(t("indicator.min"), "min"),
      column(t("indicator.p25"), "p25"),
      column(t("indicator.median"), "median"),
      column(t("indicator.p75"), "p75"),
      column(t("indicator.max"), "max"),
    ],
  );
  const title = t("indicator.distributionTitle", { indicator: format.title });
  const description = [
    chartDescription(indicator, data, t),
    highlight
      ? t("indicator.distributionHighlight", { zone: highlight.label })
      : t("indicator.distributionNoHighlight"),
  ]
    .filter((part) => part !== "")
    .join(" · ");
  return (
    <ChartFrame
      title={title}
      description={description}
      fileName={`indicator-${indicator.code}-distribution-${data.from}-${data.to}${suffix(indicator, data)}`}
      table={table}
      labels={labels.frame}
      formatCell={format.formatNumber}
    >
      <DistributionBand
        quarters={axisQuarters(indicator, data.quarters)}
        band={band}
        highlight={highlight}
        title={title}
        formatValue={format.formatChartNumber}
        formatQuarter={format.formatQuarter}
        unit={format.unit}
        emptyMessage={indicator.frequency === "annual" ? t("common.annualEmpty") : labels.empty}
        singlePointMessage={labels.singlePoint}
        labels={{
          range: t("indicator.rangeLabel"),
          iqr: t("indicator.iqrLabel"),
          median: t("indicator.medianLabel"),
        }}
        revisedLabel={tCharts("revised")}
        provisionalLabel={tCharts("provisional")}
      />
    </ChartFrame>
  );
}
