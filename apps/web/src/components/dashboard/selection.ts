import type { QuarterString, SeriesMode, ZoneCode } from "@zones/domain";

import type { IgnoredParam } from "~/url-state/params";

/**
 * What the dashboards make of their URL's values (read by the parsers of `~/url-state/dashboards`).
 * Pure: used on the server (for the query and the notice) and on the client (the indicator page's zones).
 */

export interface RangeSelection {
  from?: QuarterString;
  to?: QuarterString;
  mode: SeriesMode;
  includeSubmitted: boolean;
  /** A peer group's key; left out for every zone (the API's default), so both spell one cache key. */
  peers?: string;
}

/**
 * The range, the mode, whether to include submitted data and the peer group, with the parameters to name in
 * the notice.
 * `submitted=1` counts only for those who may see submitted data, and is silently ignored for anyone else
 * (as the API does), so a reviewer's link shared with a viewer simply shows approved data.
 */
export function rangeSelection(
  values: {
    from: QuarterString | null;
    to: QuarterString | null;
    mode: SeriesMode;
    submitted: boolean;
    peers?: string;
  },
  ignored: readonly IgnoredParam[],
  canIncludeSubmitted: boolean,
): { selection: RangeSelection; ignored: IgnoredParam[] } {
  return {
    selection: {
      ...(values.from && { from: values.from }),
      ...(values.to && { to: values.to }),
      mode: values.mode,
      includeSubmitted: canIncludeSubmitted && values.submitted,
      ...(values.peers && values.peers !== "all" && { peers: values.peers }),
    },
    ignored: ignored.filter(({ name }) => canIncludeSubmitted || name !== "submitted"),
  };
}

/**
 * How many zones the indicator page's trend chart shows when the URL names none. Twelve lines in one chart
 * cannot be told apart (seven colours, six dash patterns, one legend row each), so four is the readable
 * default; every zone stays one click away.
 */
export const DEFAULT_TREND_ZONE_COUNT = 4;

/**
 * The default lines: the zone the reader came from first (the distribution chart's highlight), then the
 * leaders of the ranking (best first), then the catalogue's order for zones without a value.
 */
export function defaultTrendZones(
  leaders: readonly string[],
  highlight: ZoneCode | null,
  /** The catalogue's zones, in its order. */
  known: readonly ZoneCode[],
): ZoneCode[] {
  const isKnown = (code: string) => known.includes(code);
  const ordered = [
    ...(highlight && isKnown(highlight) ? [highlight] : []),
    ...leaders.filter(isKnown),
    ...known,
  ];
  return [...new Set(ordered)].slice(0, DEFAULT_TREND_ZONE_COUNT);
}

/**
 * `zones=HB-HS,SD-ZB`: in the order given (the first is the distribution chart's highlight). Absent → the
 * default; present but empty (`zones=`) → no zone, as the reader left it. Unknown codes are dropped and
 * reported.
 */
export function trendZones(
  codes: readonly string[] | null,
  byDefault: readonly ZoneCode[],
  /** The catalogue's zones. */
  known: readonly ZoneCode[],
): { zones: ZoneCode[]; invalid: string[] } {
  if (codes === null) return { zones: [...byDefault], invalid: [] };
  return {
    zones: codes.filter((code) => known.includes(code)),
    invalid: codes.filter((code) => !known.includes(code)),
  };
}
