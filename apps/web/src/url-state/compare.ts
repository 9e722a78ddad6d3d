import { SERIES_MODES } from "@zones/domain";
import { createSerializer, type inferParserType, parseAsStringLiteral } from "nuqs/server";

import { createUrlReader, parseAsCodeList } from "./params";
import { parseAsQuarter } from "./quarter";

/**
 * `/compare?zones=HB-HS,SD-ZB&indicators=gdp,gdp-growth&from=2024Q3&to=2026Q2&mode=ytd`: every part of the
 * comparison is in the URL, always written out in this order (the mode too), so a copied link is explicit.
 */
export const compareParsers = {
  zones: parseAsCodeList,
  indicators: parseAsCodeList,
  from: parseAsQuarter,
  to: parseAsQuarter,
  mode: parseAsStringLiteral(SERIES_MODES),
};

export const COMPARE_QUARTER_PARAMS = ["from", "to"] as const;

export const readCompareParams = createUrlReader(compareParsers);

const serializeCompare = createSerializer(compareParsers);

/** The address of a comparison. */
export function compareHref(selection: inferParserType<typeof compareParsers>): string {
  return serializeCompare("/compare", selection);
}
