import { fullYearQuarter, type QuarterString } from "@zones/domain";
import { and, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { auditLog, evaluationRubrics, indicators, memberCities, memberCityValues, zones } from "../schema";
import type { EvaluationStep } from "./evaluation";

/**
 * Member cities' own figures (`member_city_values`, docs/evaluation.md): what an import is checked against, the
 * all-or-nothing save (refused once a year is published; audited) and what the template lists.
 */

/** One figure as imported: a member city's value of an indicator for a year. */
export interface MemberCityValue {
  year: number;
  memberCityCode: string;
  indicatorCode: string;
  value: number;
}

/** What an import needs to know of a member city: its zone, how many cities the zone has, whether it reports. */
export interface CityFacts {
  zoneCode: string;
  /** The zone's number of member cities: a zone of one city takes no imported figures (its own are the city's). */
  citiesOfZone: number;
  zoneActive: boolean;
  reportsFrom: QuarterString | null;
  retiredFrom: QuarterString | null;
}

/** What an import needs to know of an indicator: its valid range and the years it is in force. */
export interface CityIndicatorFacts {
  min: number;
  max: number;
  inForceFrom: number | null;
  retiredAfter: number | null;
}

/** The facts an import's rows are checked against, in three reads whatever the number of rows. */
export async function cityValueFacts(
  db: Database,
  params: { cityCodes: readonly string[]; indicatorCodes: readonly string[]; years: readonly number[] },
): Promise<{
  cities: Map<string, CityFacts>;
  indicators: Map<string, CityIndicatorFacts>;
  publishedYears: Set<number>;
}> {
  const cityCodes = [...new Set(params.cityCodes)];
  const indicatorCodes = [...new Set(params.indicatorCodes)];
  const years = [...new Set(params.years)];
  const [cityRows, indicatorRows, yearRows] = await Promise.all([
    cityCodes.length === 0
      ? []
      : db
          .select({
            code: memberCities.code,
            zoneCode: memberCities.zoneCode,
            citiesOfZone: sql<number>`(select count(*)::int from member_cities m where m.zone_code = ${memberCities.zoneCode})`,
            zoneActive: zones.active,
            reportsFrom: zones.reportsFrom,
            retiredFrom: zones.retiredFrom,
          })
          .from(memberCities)
          .innerJoin(zones, eq(zones.code, memberCities.zoneCode))
          .where(inArray(memberCities.code, cityCodes)),
    indicatorCodes.length === 0
      ? []
      : db
          .select({
            code: indicators.code,
            min: indicators.validMin,
            max: indicators.validMax,
            inForceFrom: indicators.inForceFrom,
            retiredAfter: indicators.retiredAfter,
          })
          .from(indicators)
          .where(inArray(indicators.code, indicatorCodes)),
    years.length === 0
      ? []
      : db
          .select({ year: evaluationRubrics.year })
          .from(evaluationRubrics)
          .where(and(inArray(evaluationRubrics.year, years), eq(evaluationRubrics.state, "published"))),
  ]);
  return {
    cities: new Map(
      cityRows.map(({ code, ...facts }) => [
        code,
        {
          ...facts,
          citiesOfZone: Number(facts.citiesOfZone),
          reportsFrom: facts.reportsFrom as QuarterString | null,
          retiredFrom: facts.retiredFrom as QuarterString | null,
        },
      ]),
    ),
    indicators: new Map(
      indicatorRows.map((row) => [
        row.code,
        {
          min: Number(row.min),
          max: Number(row.max),
          inForceFrom: row.inForceFrom,
          retiredAfter: row.retiredAfter,
        },
      ]),
    ),
    publishedYears: new Set(yearRows.map((row) => Number(row.year))),
  };
}

/**
 * Saves checked figures all together (adding or replacing each year × city × indicator), in one transaction with
 * one audit row (`evaluation.cityValues.import`: every figure before and after). Refused, saving nothing, when
 * one of the years' evaluations is published: the years' rubric rows are locked first, so a publication cannot
 * slip in between.
 */
export async function saveMemberCityValues(
  db: Database,
  params: { values: readonly MemberCityValue[]; actorId: string },
): Promise<EvaluationStep<{ saved: number }>> {
  const { values, actorId } = params;
  if (values.length === 0) return { ok: true, value: { saved: 0 } };
  const years = [...new Set(values.map((value) => value.year))].sort();
  return db.transaction(async (tx) => {
    const locked = await tx
      .select({ year: evaluationRubrics.year, state: evaluationRubrics.state })
      .from(evaluationRubrics)
      .where(inArray(evaluationRubrics.year, years))
      .for("update");
    if (locked.some((row) => row.state === "published")) return { ok: false, refusal: "published" };
    const keys = values.map(
      (value) => sql`(${value.year}::smallint, ${value.memberCityCode}, ${value.indicatorCode})`,
    );
    const before = new Map(
      rowsOf<{ year: number; memberCityCode: string; indicatorCode: string; value: string }>(
        await tx.execute(sql`
          select year, member_city_code as "memberCityCode", indicator_code as "indicatorCode", value::text as value
          from member_city_values
          where (year, member_city_code, indicator_code) in (${sql.join(keys, sql`, `)})
          for update`),
      ).map((row) => [`${row.year}|${row.memberCityCode}|${row.indicatorCode}`, Number(row.value)]),
    );
    const now = new Date();
    await tx
      .insert(memberCityValues)
      .values(
        values.map((value) => ({
          year: value.year,
          memberCityCode: value.memberCityCode,
          indicatorCode: value.indicatorCode,
          value: String(value.value),
          importedBy: actorId,
          importedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [memberCityValues.year, memberCityValues.memberCityCode, memberCityValues.indicatorCode],
        set: {
          value: sql`excluded.value`,
          importedBy: sql`excluded.imported_by`,
          importedAt: sql`excluded.imported_at`,
        },
      });
    await tx.insert(auditLog).values({
      actorId,
      action: "evaluation.cityValues.import",
      entityType: "evaluation",
      entityId: years.join(","),
      details: {
        years,
        saved: values.length,
        values: values.map((value) => ({
          ...value,
          from: before.get(`${value.year}|${value.memberCityCode}|${value.indicatorCode}`) ?? null,
        })),
      },
    });
    return { ok: true, value: { saved: values.length } };
  });
}

export interface TemplateCity {
  code: string;
  nameZh: string;
  nameEn: string;
  zoneCode: string;
  zoneNameZh: string;
  zoneNameEn: string;
}

/**
 * The member cities a year's template lists: those of the active zones of several cities that report in the
 * year's fourth quarter (a zone of one city needs no figures of its own), in catalogue order.
 */
export async function templateCities(db: Database, year: number): Promise<TemplateCity[]> {
  const quarter = fullYearQuarter(year);
  return rowsOf<TemplateCity>(
    await db.execute(sql`
      select c.code, c.name_zh as "nameZh", c.name_en as "nameEn", z.code as "zoneCode",
             z.short_name_zh as "zoneNameZh", z.short_name_en as "zoneNameEn"
      from member_cities c
      join zones z on z.code = c.zone_code
      where z.active and z.programme
        and (z.reports_from is null or z.reports_from <= ${quarter})
        and (z.retired_from is null or z.retired_from > ${quarter})
        and (select count(*) from member_cities m where m.zone_code = z.code) > 1
      order by z.sort_order, c.sort_order`),
  );
}
