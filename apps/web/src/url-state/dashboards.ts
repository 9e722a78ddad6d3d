import { SERIES_MODES, ZONE_CODE_PATTERN } from "@zones/domain";
import { parseAsStringLiteral } from "nuqs/server";

import { createUrlReader, parseAsCodeLike, parseAsCodeList, parseAsFlag } from "./params";
import { parseAsPeers } from "./peers";
import { parseAsQuarter } from "./quarter";

/**
 * The dashboards' URLs: `/zones/HB-HS?from=2025Q3&to=2026Q2&mode=single&submitted=1` and
 * `/indicators/gdp?quarter=2026Q2&…&zones=HB-HS,SD-ZB`. The keys are in the order the URL writes them.
 */

/**
 * The range, the series mode, (for reviewers and admins) whether submitted data is included, and the peer
 * group of the band and ranking (`peers=region-central`, default every zone).
 */
export const zoneViewParsers = {
  from: parseAsQuarter,
  to: parseAsQuarter,
  mode: parseAsStringLiteral(SERIES_MODES).withDefault("ytd"),
  submitted: parseAsFlag.withDefault(false),
  peers: parseAsPeers,
};

/** The indicator page's view as the server renders it: the ranking's quarter, then the range. */
export const indicatorViewParsers = { quarter: parseAsQuarter, ...zoneViewParsers };

/**
 * The indicator page's whole URL: its trend chart's zones are read on the client only. `highlight` is the zone
 * the reader came from (the zone page's links): without `zones` it leads the default lines.
 */
export const indicatorUrlParsers = {
  ...indicatorViewParsers,
  zones: parseAsCodeList,
  highlight: parseAsCodeLike(ZONE_CODE_PATTERN),
};

/** The dashboards' quarter parameters, which the quarter rule respells. */
export const DASHBOARD_QUARTER_PARAMS = ["quarter", "from", "to"] as const;

export const readZoneViewParams = createUrlReader(zoneViewParsers);
export const readIndicatorViewParams = createUrlReader(indicatorViewParsers);
