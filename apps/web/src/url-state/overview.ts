import { INDICATOR_CODE_PATTERN, THEME_CODES } from "@zones/domain";
import { parseAsStringLiteral } from "nuqs/server";

import { createUrlReader, parseAsCodeLike } from "./params";
import { parseAsPeers } from "./peers";
import { parseAsQuarter } from "./quarter";

/** The overview: `/?quarter=2026Q2&indicator=gdp-growth&theme=growth&peers=region-central` (peers: the heat table's). */
export const overviewParsers = {
  quarter: parseAsQuarter,
  indicator: parseAsCodeLike(INDICATOR_CODE_PATTERN),
  theme: parseAsStringLiteral(THEME_CODES),
  peers: parseAsPeers,
};

export const readOverviewParams = createUrlReader(overviewParsers);
