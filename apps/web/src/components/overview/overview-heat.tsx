import { type HeatCell, PercentileHeatTable } from "@zones/charts";
import {
  appliesToQuarter,
  type Catalogue,
  formatNumber,
  formatQuarterLabel,
  getTheme,
  type Indicator,
  type Locale,
  localized,
  type QuarterString,
  THEMES,
  type ThemeCode,
  toQuarter,
  zonesReportingIn,
} from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { peerGroupPhrase } from "~/components/dashboard/peer-phrase";
import type { PeerChoice } from "~/components/dashboard/peer-picker";
import { withPeers } from "~/url-state/peers";
import { heatIndicators } from "./heat-columns";
import { HeatPeerPicker } from "./heat-peer-picker";

interface ExtrasCell {
  zoneCode: string;
  indicatorCode: string;
  value: number | null;
  percentile: number | null;
}

/**
 * Zones × indicators of one theme, each cell coloured by the zone's percentile among the zones (1 = best,
 * already turned round for "lower is better" indicators).
 *
 * Why one theme at a time (`?theme=growth`, default growth) rather than all 30 indicators with a
 * horizontal scroll: 30 columns of long Chinese names are about 3,000 px wide, so a leader would see a
 * third of the table and lose the zone names while scrolling; the themes are how the indicators are
 * organised everywhere else (catalogue, entry form), and one theme (3–8 indicators) fits a laptop screen.
 *
 * A server component: the table (hundreds of cells) arrives as HTML and is never hydrated; only the peer
 * picker is interactive, and a choice of theme or group is a new page.
 *
 * Annual indicators have Q4 values only: in a Q1–Q3 quarter their columns show the last year end instead
 * of a column of dashes, and say so in the column header.
 */
export function OverviewHeat({
  catalogue,
  quarter,
  cells,
  yearEnd,
  theme,
  themeHref,
  peers,
}: {
  catalogue: Pick<Catalogue, "zones" | "indicators">;
  quarter: QuarterString;
  cells: readonly ExtrasCell[];
  /** The last Q4 before `quarter` and its cells, when `quarter` is not a Q4. */
  yearEnd: { quarter: QuarterString; cells: readonly ExtrasCell[] } | null;
  theme: ThemeCode;
  themeHref: (theme: ThemeCode) => string;
  /** The group the percentiles are computed among; a group's table lists its own zones only. */
  peers: { key: string; choices: readonly PeerChoice[] };
}) {
  const t = useTranslations("overview.heat");
  const tPeers = useTranslations("peers");
  const locale = useLocale() as Locale;
  const themeName = localized(getTheme(theme).name, locale);
  // The zones expected to report that quarter; a group's table, its own zones only.
  const inGroup = new Set(cells.map((cell) => cell.zoneCode));
  const reporting = zonesReportingIn(catalogue, quarter);
  const zones = peers.key === "all" ? reporting : reporting.filter((zone) => inGroup.has(zone.code));
  // The theme's indicators in force that year (annual ones too: a Q1–Q3 column shows the last year end).
  const indicators = heatIndicators(catalogue.indicators, quarter, theme);

  const key = (zoneCode: string, indicatorCode: string) => `${zoneCode} ${indicatorCode}`;
  const current = new Map(cells.map((cell) => [key(cell.zoneCode, cell.indicatorCode), cell]));
  const lastYear = new Map(
    (yearEnd?.cells ?? []).map((cell) => [key(cell.zoneCode, cell.indicatorCode), cell]),
  );
  /** Whether a column shows the last year end rather than the quarter itself. */
  const fromYearEnd = (indicator: Indicator) => yearEnd !== null && !appliesToQuarter(indicator, quarter);
  const yearEndYear = yearEnd ? toQuarter(yearEnd.quarter).year : null;

  const heatCells: HeatCell[] = indicators.flatMap((indicator) => {
    const source = fromYearEnd(indicator) ? lastYear : current;
    return zones.map((zone) => {
      const cell = source.get(key(zone.code, indicator.code));
      const value = cell?.value ?? null;
      return {
        zoneKey: zone.code,
        columnKey: indicator.code,
        value,
        formatted: formatNumber(value, locale, { decimals: indicator.decimals }),
        percentile: value === null ? null : (cell?.percentile ?? null),
      };
    });
  });
  const anyYearEnd = indicators.some(fromYearEnd);

  return (
    <section className="overview-heat" aria-labelledby="heat-heading">
      <h2 id="heat-heading">{t("title")}</h2>
      <nav className="theme-tabs" aria-label={t("themes")} data-testid="heat-themes">
        {THEMES.map((candidate) => (
          <Link
            key={candidate.code}
            href={themeHref(candidate.code)}
            scroll={false}
            className="theme-tab"
            aria-current={candidate.code === theme ? "true" : undefined}
            data-theme={candidate.code}
          >
            {localized(candidate.name, locale)}
          </Link>
        ))}
      </nav>
      <HeatPeerPicker
        choices={peers.choices}
        value={peers.key}
        caption={tPeers("heatCaption", { group: peerGroupPhrase(tPeers, locale, peers.key) })}
      />
      <PercentileHeatTable
        caption={t("caption", {
          theme: themeName,
          quarter: formatQuarterLabel(quarter, locale),
        })}
        zones={zones.map((zone) => ({
          key: zone.code,
          label: localized(zone.shortName, locale),
          href: withPeers(`/zones/${zone.code}`, peers.key),
        }))}
        columns={indicators.map((indicator) => {
          const unit = localized(indicator.unit, locale);
          return {
            key: indicator.code,
            label: localized(indicator.name, locale),
            unit:
              fromYearEnd(indicator) && yearEndYear !== null
                ? t("yearEndUnit", { unit, year: String(yearEndYear) })
                : unit,
            href: withPeers(`/indicators/${indicator.code}`, peers.key),
          };
        })}
        cells={heatCells}
        percentileLabel={(p) => t("percentile", { value: Math.round(p * 100) })}
        missingLabel={t("missing")}
        legend={{ low: t("low"), high: t("high") }}
      />
      <p className="hint heat-note">{t("legendNote")}</p>
      <p className="hint heat-note">{t("missingNote")}</p>
      {anyYearEnd && yearEndYear !== null && (
        <p className="hint heat-note">{t("yearEndNote", { year: String(yearEndYear) })}</p>
      )}
    </section>
  );
}
