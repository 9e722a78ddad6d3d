"use client";

import { type Locale, localized, parsePeerGroup, peerGroupName } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

/** What a zone chart's band, median and percentile columns are called: among all zones, or among a chosen group. */
export interface PeerBandLabels {
  band: string;
  median: string;
  low: string;
  high: string;
}

/**
 * The band's names for the peer group it is computed among (`peers`, a key such as `region-west`): 示范区四分位区间
 * among every zone, 西部地区·四分位区间 among a group, so a legend or a CSV column never calls a group's band the
 * zones' one.
 */
export function usePeerBandLabels(peers: string): PeerBandLabels {
  const t = useTranslations("charts");
  const tZone = useTranslations("dashboard.common");
  const locale = useLocale() as Locale;
  const group = parsePeerGroup(peers);
  if (!group || group.kind === "all") {
    return { band: t("peerBand"), median: t("peerMedian"), low: tZone("peerLow"), high: tZone("peerHigh") };
  }
  const name = localized(peerGroupName(group), locale);
  return {
    band: t("groupBand", { group: name }),
    median: t("groupMedian", { group: name }),
    low: t("groupLow", { group: name }),
    high: t("groupHigh", { group: name }),
  };
}
