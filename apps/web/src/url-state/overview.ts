import { INDICATOR_CODE_PATTERN, THEME_CODES } from "@zones/domain";
import { parseAsStringLiteral } from "nuqs/server";

import { createUrlReader, parseAsCodeLike } from "./params";
import { parseAsQuarter } from "./quarter";

/** The overview: `/?quarter=2026Q2&indicator=gdp-growth&theme=growth`. */
export const overviewParsers = {
  quarter: parseAsQuarter,
  indicator: parseAsCodeLike(INDICATOR_CODE_PATTERN),
  theme: parseAsStringLiteral(THEME_CODES),
};

export const readOverviewParams = createUrlReader(overviewParsers);
