import { CITY_RATINGS_SINCE, EVALUATION_YEARS, type YearValues } from "./evaluation";

/**
 * Member cities' own figures for the annual evaluation (成员城市数据): entered from the cities' statistical
 * bulletins by importing a template, scored as a pool of their own (docs/evaluation.md).
 */

/** Years a member city's figures may be entered for: ratings are given per city from CITY_RATINGS_SINCE. */
export const CITY_VALUE_YEARS = { min: CITY_RATINGS_SINCE, max: EVALUATION_YEARS.max } as const;
/** An upload of member-city figures: at most this many bytes and data rows (a few cities × the rubric's items). */
export const MAX_CITY_VALUE_UPLOAD_BYTES = 1024 * 1024;
export const MAX_CITY_VALUE_ROWS = 2000;

/** A member city as the evaluation needs it: which zone it belongs to. */
export interface CityOfZone {
  code: string;
  zoneCode: string;
}

/**
 * The values each member city is scored on: a zone of one city lends that city its own approved values (the
 * zone's figures are the city's); a city of a zone of several takes its imported figures. A city whose zone is
 * not in `zoneCodes` (not evaluated: inactive) gets none, and a city without a figure is absent.
 */
export function memberCityValues(
  zoneValues: YearValues,
  figures: YearValues,
  cities: readonly CityOfZone[],
  zoneCodes: ReadonlySet<string>,
): Map<string, ReadonlyMap<string, number>> {
  const citiesPerZone = new Map<string, number>();
  for (const city of cities) citiesPerZone.set(city.zoneCode, (citiesPerZone.get(city.zoneCode) ?? 0) + 1);
  const values = new Map<string, ReadonlyMap<string, number>>();
  for (const city of cities) {
    if (!zoneCodes.has(city.zoneCode)) continue;
    const own =
      citiesPerZone.get(city.zoneCode) === 1 ? zoneValues.get(city.zoneCode) : figures.get(city.code);
    if (own && own.size > 0) values.set(city.code, own);
  }
  return values;
}

/** Whether a year's member cities are rated (and so scored): from CITY_RATINGS_SINCE on. */
export function citiesRatedIn(year: number): boolean {
  return year >= CITY_RATINGS_SINCE;
}
