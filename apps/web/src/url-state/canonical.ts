import "server-only";

import { type Catalogue, catalogueZone, type QuarterString, type ZoneCode } from "@zones/domain";
import { notFound, redirect } from "next/navigation";

import { type SearchParams, searchOf, withQuery } from "./params";
import { readQuarterInUrl, respeltQuarters } from "./quarter";

/**
 * The rule of `readQuarterInUrl` applied to a page's query: a quarter parameter spelt otherwise than
 * canonically (`?from=2026q3`) redirects to the same URL with the canonical spelling, every other parameter
 * kept. Parameters that are not quarters at all are left for the page to ignore (and name in its notice).
 * Returns the page's address (path and query), e.g. for the sign-in page to come back to.
 */
export function requireCanonicalQuarters(
  path: string,
  params: SearchParams,
  quarterNames: readonly string[],
): string {
  const search = searchOf(params);
  const respelt = respeltQuarters(search, quarterNames);
  if (respelt) redirect(withQuery(path, respelt));
  return withQuery(path, search);
}

/**
 * A path segment as text, or null when its percent-encoding is broken. Next decodes route parameters
 * itself; this only matters for a segment it hands over still encoded.
 */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export interface ZoneQuarterKey {
  zoneCode: ZoneCode;
  quarter: QuarterString;
}

/**
 * The zone × quarter a `/…/[zone]/[quarter]` path names, canonically spelt or not; null if none (a zone the
 * catalogue does not have is none).
 */
export function zoneQuarterOfPath(
  segments: { zone: string; quarter: string },
  catalogue: Pick<Catalogue, "zones">,
): ZoneQuarterKey | null {
  const zone = decodeSegment(segments.zone);
  const quarterText = decodeSegment(segments.quarter);
  const quarter = quarterText === null ? null : readQuarterInUrl(quarterText);
  if (zone === null || !catalogueZone(catalogue, zone) || !quarter || quarter.action === "reject")
    return null;
  return { zoneCode: zone, quarter: quarter.quarter };
}

/**
 * The zone × quarter of a `/entry/[zone]/[quarter]` or `/review/[zone]/[quarter]` path, by the rule of
 * `readQuarterInUrl`: a 404 for anything that is not one, a redirect for one spelt otherwise (`2026q3`).
 */
export function requireZoneQuarterPath(
  base: "/entry" | "/review",
  segments: { zone: string; quarter: string },
  catalogue: Pick<Catalogue, "zones">,
): ZoneQuarterKey {
  const key = zoneQuarterOfPath(segments, catalogue);
  if (!key) notFound();
  if (segments.zone !== key.zoneCode || segments.quarter !== key.quarter) {
    redirect(`${base}/${key.zoneCode}/${key.quarter}`);
  }
  return key;
}
