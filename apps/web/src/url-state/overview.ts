import { INDICATOR_CODE_PATTERN, THEME_CODES, type ThemeCode } from "@zones/domain";
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

/** The overview's choices as a URL: every one kept, so a link shows what the reader saw (`all` peers left out). */
export function overviewHref(choices: {
  quarter: string | null;
  indicator: string;
  theme: ThemeCode;
  peers: string;
}): string {
  const params = new URLSearchParams();
  if (choices.quarter) params.set("quarter", choices.quarter);
  params.set("indicator", choices.indicator);
  params.set("theme", choices.theme);
  if (choices.peers !== "all") params.set("peers", choices.peers);
  return `/?${params.toString()}`;
}
