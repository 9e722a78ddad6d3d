"use client";

import type { RouterOutputs } from "@zones/api";
import { ChartFrame, type ChartTable, ZoneRanking } from "@zones/charts";
import { formatQuarterLabel, type Indicator, type QuarterString } from "@zones/domain";
import Link from "next/link";
import { useTranslations } from "next-intl";

import { TargetStatusBadge } from "~/components/targets/target-status-badge";
import { useZoneTargetStatuses } from "~/components/targets/use-zone-target-statuses";
import { withPeers } from "~/url-state/peers";
import { useChartLabels } from "./chart-support";
import { rangeChoices } from "./dashboard-controls";
import { useDashboardFormat, useZoneLabel } from "./dashboard-format";
import { PeerPicker, usePeerGroupPhrase } from "./peer-picker";

type IndicatorData = RouterOutputs["dashboard"]["indicator"];

/**
 * The zones ranked on one quarter's value among a peer group: the quarter and group selects, a bar chart, and
 * the ranks as links (which keep the group).
 */
export function IndicatorRanking({
  data,
  indicator,
  quarter: chosen,
  onQuarter,
  peers,
  onPeers,
}: {
  data: IndicatorData;
  indicator: Indicator;
  /** The select's value: the chosen quarter, shown before its data arrives. */
  quarter: string;
  onQuarter: (quarter: QuarterString) => void;
  /** The peer group's select value (shown before its data arrives) and its change. */
  peers: string;
  onPeers: (peers: string) => void;
}) {
  const t = useTranslations("dashboard");
  const tPeers = useTranslations("peers");
  const peerPhrase = usePeerGroupPhrase();
  const labels = useChartLabels();
  const format = useDashboardFormat(indicator);
  const zoneLabel = useZoneLabel();
  const quarter = data.quarter ?? "";
  const quarterLabel = format.formatQuarter(quarter);
  const title = t("indicator.rankingTitle", { indicator: format.title, quarter: quarterLabel });
  const table: ChartTable = {
    columns: [t("indicator.zone"), t("indicator.value")],
    rows: data.ranking.map((row) => [zoneLabel(row.zoneCode), row.value]),
  };
  const targetStatuses = useZoneTargetStatuses(indicator.code, quarter);
  const annualOffQuarter = indicator.frequency === "annual" && !quarter.endsWith("Q4");
  return (
    <>
      <div className="control-row">
        <label>
          {t("common.quarter")}
          <select
            value={chosen}
            onChange={(event) => onQuarter(event.target.value as QuarterString)}
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
      <PeerPicker
        choices={data.peerGroups}
        value={peers}
        onChange={onPeers}
        caption={tPeers("rankingCaption", { group: peerPhrase(data.peers), count: data.ranking.length })}
      />
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
              label: zoneLabel(row.zoneCode),
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
                <Link href={withPeers(`/zones/${row.zoneCode}`, data.peers)}>{zoneLabel(row.zoneCode)}</Link>
                <span className="value">{row.value === null ? "—" : format.formatNumber(row.value)}</span>
                {targetStatuses.has(row.zoneCode) && (
                  <TargetStatusBadge status={targetStatuses.get(row.zoneCode) ?? "no-data"} />
                )}
              </li>
            ))}
          </ol>
        </nav>
      </div>
    </>
  );
}
