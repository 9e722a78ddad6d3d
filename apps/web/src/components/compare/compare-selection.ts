import type { QuarterString, SeriesMode } from "@zones/domain";

/**
 * The comparison's selection, shared by the page (server) and the view (client): no
 * "use client" here, so the page can use the constants as values.
 */

/** The API compares 2 to 4 zones on 1 to 12 indicators. */
export const MIN_COMPARE_ZONES = 2;
export const MAX_COMPARE_ZONES = 4;
export const MAX_COMPARE_INDICATORS = 12;

/** What `/compare` shows when its URL names nothing. */
export const COMPARE_DEFAULTS = {
  zones: ["HB-HS", "SD-ZB"],
  indicators: ["gdp", "gdp-growth", "rd-intensity"],
  /** The last 8 quarters, ending at the newest quarter every zone has approved. */
  quarters: 8,
} as const;

export interface CompareSelection {
  /** In the order chosen (it decides each zone's line colour). */
  zones: string[];
  /** In the order chosen (the charts' order). */
  indicators: string[];
  from: QuarterString;
  to: QuarterString;
  mode: SeriesMode;
}

/** The `dashboard.compare` input of a selection (its codes already checked against the database's catalogue). */
export function compareInput(selection: CompareSelection) {
  return {
    zoneCodes: [...selection.zones],
    indicatorCodes: [...selection.indicators],
    from: selection.from,
    to: selection.to,
    mode: selection.mode,
    includeSubmitted: false,
  };
}
