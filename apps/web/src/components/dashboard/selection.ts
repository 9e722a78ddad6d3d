import {
  formatQuarter,
  isZoneCode,
  parseQuarter,
  type QuarterString,
  ZONE_CODES,
  type ZoneCode,
} from "@zones/domain";

/**
 * The dashboards' selections as they appear in the URL, read on the server (for the query and the
 * notice) and on the client (the indicator page's zone choice lives in the URL only), and written back.
 * Pure: no server or browser APIs.
 */

export type SearchParamsRecord = Record<string, string | string[] | undefined>;
export type Mode = "ytd" | "single";

/** A parameter of the URL that was ignored, for the notice. */
export interface InvalidParam {
  name: string;
  value: string;
}

export interface RangeSelection {
  from?: QuarterString;
  to?: QuarterString;
  mode: Mode;
  includeSubmitted: boolean;
}

/** The first value of a repeated parameter (`?from=a&from=b` reads as `a`). */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A quarter parameter: undefined when absent, reported when malformed (e.g. `2026Q9`). */
export function readQuarter(
  params: SearchParamsRecord,
  name: string,
  invalid: InvalidParam[],
): QuarterString | undefined {
  const value = firstValue(params[name]);
  if (value === undefined) return undefined;
  // What `ZQuarterSchema` checks, without zod: this module is also in the dashboards' browser bundle.
  const parsed = parseQuarter(value);
  // Only the canonical spelling: `2026q3` is refused like the API refuses it.
  if (parsed.ok && formatQuarter(parsed.value) === value) return formatQuarter(parsed.value);
  invalid.push({ name, value });
  return undefined;
}

/**
 * `from`, `to`, `mode` and `submitted`. A malformed value falls back to the default (and is reported);
 * `submitted=1` counts only for those who may see submitted data, and is silently ignored for anyone else
 * (as the API does), so a reviewer's link shared with a viewer simply shows approved data.
 */
export function readRangeSelection(
  params: SearchParamsRecord,
  canIncludeSubmitted: boolean,
): { selection: RangeSelection; invalid: InvalidParam[] } {
  const invalid: InvalidParam[] = [];
  const selection: RangeSelection = { mode: "ytd", includeSubmitted: false };
  const from = readQuarter(params, "from", invalid);
  const to = readQuarter(params, "to", invalid);
  if (from) selection.from = from;
  if (to) selection.to = to;
  const mode = firstValue(params.mode);
  if (mode === "single" || mode === "ytd") selection.mode = mode;
  else if (mode !== undefined) invalid.push({ name: "mode", value: mode });
  const submitted = firstValue(params.submitted);
  if (canIncludeSubmitted && submitted !== undefined) {
    if (submitted === "1") selection.includeSubmitted = true;
    else if (submitted !== "0") invalid.push({ name: "submitted", value: submitted });
  }
  return { selection, invalid };
}

/**
 * The zones the indicator page's trend chart shows when the URL names none: the first four of the
 * catalogue. Twelve lines in one chart cannot be told apart (seven colours, six dash patterns, one legend
 * row each), so four is the readable default; every zone stays one click away.
 */
export const DEFAULT_TREND_ZONES: readonly ZoneCode[] = ZONE_CODES.slice(0, 4);

/**
 * `zones=HB-HS,SD-ZB`: in the order given (the first is the distribution chart's highlight), each once.
 * Absent → the default; present but empty (`zones=`) → no zone, as the reader left it. Unknown codes are
 * dropped and reported.
 */
export function readZones(value: string | null | undefined): { zones: ZoneCode[]; invalid: string[] } {
  if (value === null || value === undefined) return { zones: [...DEFAULT_TREND_ZONES], invalid: [] };
  const zones: ZoneCode[] = [];
  const invalid: string[] = [];
  for (const part of value.split(",")) {
    const code = part.trim();
    if (code === "") continue;
    if (!isZoneCode(code)) invalid.push(code);
    else if (!zones.includes(code)) zones.push(code);
  }
  return { zones, invalid };
}

/** A dashboard's whole view, written to the URL on every change so that a copied link reopens it. */
export interface ViewQuery {
  from?: string | undefined;
  to?: string | undefined;
  mode?: Mode | undefined;
  includeSubmitted?: boolean | undefined;
  quarter?: string | null | undefined;
  zones?: readonly string[] | undefined;
}

/** `?from=…&to=…` in a fixed order; zone codes are joined with a bare comma (`zones=HB-HS,SD-ZB`). */
export function viewQueryString(view: ViewQuery): string {
  const parts: string[] = [];
  const add = (name: string, value: string) => parts.push(`${name}=${encodeURIComponent(value)}`);
  if (view.quarter) add("quarter", view.quarter);
  if (view.from) add("from", view.from);
  if (view.to) add("to", view.to);
  if (view.mode === "single") add("mode", "single");
  if (view.includeSubmitted) add("submitted", "1");
  if (view.zones) parts.push(`zones=${view.zones.map(encodeURIComponent).join(",")}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/** A query string for `requireUser`'s return address (first value of each parameter). */
export function returnQuery(params: SearchParamsRecord): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = firstValue(value);
    if (text !== undefined) query.set(key, text);
  }
  return query.size > 0 ? `?${query.toString()}` : "";
}
