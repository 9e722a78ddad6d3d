import { appliesToQuarter } from "./indicator-rules";
import type { QuarterLike } from "./quarter";
import { compareQuarters, toQuarter } from "./quarter";
import type { Indicator, Zone } from "./types";

/**
 * The catalogue as it stands in the database (the source of truth at run time): the programme's zones, retired
 * ones included, and every indicator, retired ones included, each in display order. `version` changes with every
 * edit, so a cache of it is keyed by it.
 */
export interface Catalogue {
  version: number;
  zones: readonly Zone[];
  indicators: readonly Indicator[];
}

/** Whether the zone is expected to report for the quarter: named by then, and not retired. */
export function zoneReportsIn(
  zone: Pick<Zone, "reportsFrom" | "retiredFrom">,
  quarter: QuarterLike,
): boolean {
  if (compareQuarters(quarter, zone.reportsFrom) < 0) return false;
  return zone.retiredFrom === null || compareQuarters(quarter, zone.retiredFrom) < 0;
}

/** Whether the indicator is reported in that year: from its first year to its last (an import names which). */
export function indicatorInForceInYear(
  indicator: Pick<Indicator, "inForceFrom" | "retiredAfter">,
  year: number,
): boolean {
  if (indicator.inForceFrom !== null && year < indicator.inForceFrom) return false;
  return indicator.retiredAfter === null || year <= indicator.retiredAfter;
}

/** Whether the indicator is reported in the quarter's year (in force, not retired); annual ones with Q4 only. */
export function indicatorInForce(
  indicator: Pick<Indicator, "inForceFrom" | "retiredAfter" | "frequency">,
  quarter: QuarterLike,
): boolean {
  return indicatorInForceInYear(indicator, toQuarter(quarter).year) && appliesToQuarter(indicator, quarter);
}

/** The zones expected to report for a quarter, in display order. */
export function zonesReportingIn(catalogue: Pick<Catalogue, "zones">, quarter: QuarterLike): Zone[] {
  return catalogue.zones.filter((zone) => zoneReportsIn(zone, quarter));
}

/** The indicators a quarter's form asks for, in display order: the catalogue as it stood that year. */
export function indicatorsInForceIn(
  catalogue: Pick<Catalogue, "indicators">,
  quarter: QuarterLike,
): Indicator[] {
  return catalogue.indicators.filter((indicator) => indicatorInForce(indicator, quarter));
}

export function catalogueZone(catalogue: Pick<Catalogue, "zones">, code: string): Zone | undefined {
  return catalogue.zones.find((zone) => zone.code === code);
}

export function catalogueIndicator(
  catalogue: Pick<Catalogue, "indicators">,
  code: string,
): Indicator | undefined {
  return catalogue.indicators.find((indicator) => indicator.code === code);
}
