import {
  citiesRatedIn,
  type Direction,
  type EvaluationRating,
  finalScore,
  fullYearQuarter,
  memberCityValues,
  type Rubric,
  ratingOf,
  scoreUnits,
  type UnitScore,
} from "@zones/domain";
import { and, eq, isNull, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { auditLog, evaluationResults, evaluationRubrics, memberCities, zones } from "../schema";

/** Why a step on a year's evaluation was refused. */
export type EvaluationRefusal =
  | "no-rubric"
  | "published"
  | "no-result"
  | "not-computed"
  | "history"
  /** The member city named is not one of the zone's. */
  | "not-member";
export type EvaluationStep<T> = { ok: true; value: T } | { ok: false; refusal: EvaluationRefusal };

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The catalogue's indicators as the database holds them: code → direction. */
export async function indicatorDirections(db: Database | Transaction): Promise<Map<string, Direction>> {
  const rows = rowsOf<{ code: string; direction: Direction }>(
    await db.execute(sql`select code, direction from indicators`),
  );
  return new Map(rows.map((row) => [row.code, row.direction]));
}

export async function findRubric(db: Database, year: number) {
  const [row] = await db.select().from(evaluationRubrics).where(eq(evaluationRubrics.year, year));
  return row ?? null;
}

/** The year's rubric row, locked for the rest of the transaction. */
async function lockRubric(tx: Transaction, year: number) {
  const [row] = await tx
    .select()
    .from(evaluationRubrics)
    .where(eq(evaluationRubrics.year, year))
    .for("update");
  return row ?? null;
}

/** Whether the year's ratings were entered as published history (such a year is never computed). */
async function hasPublishedHistory(tx: Transaction, year: number): Promise<boolean> {
  const rows = await tx
    .select({ id: evaluationResults.id })
    .from(evaluationResults)
    .where(and(eq(evaluationResults.year, year), eq(evaluationResults.source, "published-history")))
    .limit(1);
  return rows.length > 0;
}

/** The seed's rubric for a year that has none; false when it has one. */
export async function saveRubricRow(db: Database, rubric: Rubric): Promise<boolean> {
  const inserted = await db
    .insert(evaluationRubrics)
    .values({ year: rubric.year, rubric })
    .onConflictDoNothing()
    .returning({ year: evaluationRubrics.year });
  return inserted.length > 0;
}

/** Stores a checked rubric as the year's draft (refused once the year is published), with an audit row. */
export async function saveRubric(
  db: Database,
  params: { rubric: Rubric; actorId: string },
): Promise<EvaluationStep<{ year: number }>> {
  const { rubric, actorId } = params;
  return db.transaction(async (tx) => {
    const before = await lockRubric(tx, rubric.year);
    if (before?.state === "published") return { ok: false, refusal: "published" };
    if (await hasPublishedHistory(tx, rubric.year)) return { ok: false, refusal: "history" };
    await tx
      .insert(evaluationRubrics)
      .values({ year: rubric.year, rubric, updatedBy: actorId })
      .onConflictDoUpdate({
        target: evaluationRubrics.year,
        set: { rubric, updatedBy: actorId, updatedAt: new Date() },
      });
    await tx.insert(auditLog).values({
      actorId,
      action: "evaluation.rubric.save",
      entityType: "evaluation",
      entityId: String(rubric.year),
      details: { from: before?.rubric ?? null, to: rubric },
    });
    return { ok: true, value: { year: rubric.year } };
  });
}

type ResultValues = typeof evaluationResults.$inferInsert;

/** Adds or replaces computed results on the zone's or the city's partial unique index; history stays as it is. */
async function upsertResults(tx: Transaction, rows: ResultValues[], unit: "zone" | "city") {
  if (rows.length === 0) return;
  await tx
    .insert(evaluationResults)
    .values(rows)
    .onConflictDoUpdate({
      ...(unit === "zone"
        ? {
            target: [evaluationResults.year, evaluationResults.zoneCode],
            targetWhere: sql`member_city_code is null`,
          }
        : {
            target: [evaluationResults.year, evaluationResults.memberCityCode],
            targetWhere: sql`member_city_code is not null`,
          }),
      set: {
        source: sql`excluded.source`,
        state: sql`excluded.state`,
        dimensionScores: sql`excluded.dimension_scores`,
        computedScore: sql`excluded.computed_score`,
        missingItems: sql`excluded.missing_items`,
        finalScore: sql`excluded.final_score`,
        rating: sql`excluded.rating`,
        computedAt: sql`excluded.computed_at`,
        updatedAt: sql`excluded.updated_at`,
      },
      // A rating entered as published history is never overwritten by a computation.
      setWhere: sql`${evaluationResults.source} = 'computed'`,
    });
}

/** A unit's key among the year's results: the zone, or the member city. */
const unitKey = (zoneCode: string, memberCityCode: string | null) => memberCityCode ?? `zone:${zoneCode}`;

/**
 * Computes the year's scores from APPROVED full-year values (`fullYearQuarter`) of the active zones and, from
 * CITY_RATINGS_SINCE, of their member cities (a city's imported figures, or its zone's values when the zone is
 * that one city), the cities scored as a pool of their own: one read of every figure the rubric needs, the
 * domain's scoring, one upsert per kind of unit. A reviewer's adjustment stays and is added to the new score; a
 * unit with no figure of the rubric's indicators any more loses its result. `actorId` null: the demo seed.
 */
export async function computeEvaluation(
  db: Database,
  params: { year: number; actorId: string | null; now?: Date },
): Promise<EvaluationStep<{ evaluated: number; cities: number }>> {
  const { year, actorId } = params;
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const rubricRow = await lockRubric(tx, year);
    if (!rubricRow) return { ok: false, refusal: "no-rubric" };
    if (rubricRow.state === "published") return { ok: false, refusal: "published" };
    const rubric = rubricRow.rubric;
    const codes = JSON.stringify(
      rubric.dimensions.flatMap((dimension) => dimension.items.map((item) => item.indicatorCode)),
    );
    const rated = citiesRatedIn(year);
    const figures = rowsOf<{
      zoneCode: string;
      memberCityCode: string | null;
      indicatorCode: string;
      value: string;
    }>(
      await tx.execute(sql`
        select o.zone_code as "zoneCode", null::text as "memberCityCode", o.indicator_code as "indicatorCode",
               o.value::text as value
        from observations o
        join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter
        join zones z on z.code = o.zone_code
        where o.quarter = ${fullYearQuarter(year)} and s.status = 'approved' and z.active
          and o.indicator_code in (select jsonb_array_elements_text(${codes}::jsonb))
        union all
        select c.zone_code, v.member_city_code, v.indicator_code, v.value::text
        from member_city_values v
        join member_cities c on c.code = v.member_city_code
        join zones z on z.code = c.zone_code
        where ${rated} and v.year = ${year} and z.active
          and v.indicator_code in (select jsonb_array_elements_text(${codes}::jsonb))`),
    );
    const cities = rated
      ? await tx
          .select({ code: memberCities.code, zoneCode: memberCities.zoneCode })
          .from(memberCities)
          .innerJoin(zones, eq(zones.code, memberCities.zoneCode))
          .where(eq(zones.active, true))
      : [];
    const zoneValues = new Map<string, Map<string, number>>();
    const cityFigures = new Map<string, Map<string, number>>();
    for (const row of figures) {
      const pool = row.memberCityCode === null ? zoneValues : cityFigures;
      const unit = row.memberCityCode ?? row.zoneCode;
      const byCode = pool.get(unit) ?? new Map<string, number>();
      byCode.set(row.indicatorCode, Number(row.value));
      pool.set(unit, byCode);
    }
    const directions = await indicatorDirections(tx);
    const zoneScores = scoreUnits(rubric, zoneValues, directions);
    const cityValues = memberCityValues(
      zoneValues,
      cityFigures,
      cities,
      new Set(cities.map((city) => city.zoneCode)),
    );
    // The cities are a pool of their own: a percentile compares a city with the other cities only.
    const cityScores = scoreUnits(rubric, cityValues, directions);
    const zoneOfCity = new Map(cities.map((city) => [city.code, city.zoneCode]));
    const adjustments = new Map(
      (
        await tx
          .select({
            zoneCode: evaluationResults.zoneCode,
            memberCityCode: evaluationResults.memberCityCode,
            adjustment: evaluationResults.adjustment,
          })
          .from(evaluationResults)
          .where(and(eq(evaluationResults.year, year), eq(evaluationResults.source, "computed")))
      ).map((row) => [
        unitKey(row.zoneCode, row.memberCityCode),
        row.adjustment === null ? null : Number(row.adjustment),
      ]),
    );
    const zoneUnits = JSON.stringify(zoneScores.map((score) => score.unit));
    const cityUnits = JSON.stringify(cityScores.map((score) => score.unit));
    await tx.execute(sql`
      delete from evaluation_results
      where year = ${year} and source = 'computed'
        and case when member_city_code is null
              then zone_code not in (select jsonb_array_elements_text(${zoneUnits}::jsonb))
              else member_city_code not in (select jsonb_array_elements_text(${cityUnits}::jsonb))
            end`);
    const resultOf = (score: UnitScore, zoneCode: string, memberCityCode: string | null): ResultValues => {
      const adjustment = adjustments.get(unitKey(zoneCode, memberCityCode)) ?? null;
      const final = finalScore(score.total, adjustment);
      return {
        year,
        zoneCode,
        memberCityCode,
        source: "computed",
        state: adjustment === null ? "computed" : "adjusted",
        dimensionScores: score.dimensions,
        computedScore: String(score.total),
        missingItems: score.missingItems,
        finalScore: String(final),
        rating: ratingOf(final, rubric.thresholds),
        computedAt: now,
        updatedAt: now,
      };
    };
    await upsertResults(
      tx,
      zoneScores.map((score) => resultOf(score, score.unit, null)),
      "zone",
    );
    await upsertResults(
      tx,
      cityScores.map((score) => resultOf(score, zoneOfCity.get(score.unit) ?? "", score.unit)),
      "city",
    );
    await tx.update(evaluationRubrics).set({ computedAt: now }).where(eq(evaluationRubrics.year, year));
    await tx.insert(auditLog).values({
      actorId,
      action: "evaluation.compute",
      entityType: "evaluation",
      entityId: String(year),
      details: { evaluated: zoneScores.length, cities: cityScores.length, quarter: fullYearQuarter(year) },
    });
    return { ok: true, value: { evaluated: zoneScores.length, cities: cityScores.length } };
  });
}

/**
 * A reviewer's adjustment of a zone's computed score, or of one of its member cities' (points added, with the
 * reason), audited with what it replaced; 0 takes an adjustment back. Refused once the year is published, and
 * for a member city that is not the zone's.
 */
export async function adjustEvaluation(
  db: Database,
  params: {
    year: number;
    zoneCode: string;
    memberCityCode?: string | null;
    adjustment: number;
    reason: string;
    actorId: string;
  },
): Promise<EvaluationStep<{ finalScore: number; rating: EvaluationRating }>> {
  const { year, zoneCode, adjustment, reason, actorId } = params;
  const memberCityCode = params.memberCityCode ?? null;
  return db.transaction(async (tx) => {
    const rubricRow = await lockRubric(tx, year);
    if (!rubricRow) return { ok: false, refusal: "no-rubric" };
    if (rubricRow.state === "published") return { ok: false, refusal: "published" };
    if (memberCityCode !== null) {
      const [city] = await tx
        .select({ code: memberCities.code })
        .from(memberCities)
        .where(and(eq(memberCities.code, memberCityCode), eq(memberCities.zoneCode, zoneCode)));
      if (!city) return { ok: false, refusal: "not-member" };
    }
    const where = and(
      eq(evaluationResults.year, year),
      eq(evaluationResults.zoneCode, zoneCode),
      memberCityCode === null
        ? isNull(evaluationResults.memberCityCode)
        : eq(evaluationResults.memberCityCode, memberCityCode),
      eq(evaluationResults.source, "computed"),
    );
    const [before] = await tx.select().from(evaluationResults).where(where).for("update");
    if (!before || before.computedScore === null) return { ok: false, refusal: "no-result" };
    const kept = adjustment === 0 ? null : adjustment;
    const final = finalScore(Number(before.computedScore), kept);
    const rating = ratingOf(final, rubricRow.rubric.thresholds);
    const now = new Date();
    await tx
      .update(evaluationResults)
      .set({
        adjustment: kept === null ? null : String(kept),
        adjustmentReason: kept === null ? null : reason,
        adjustedBy: actorId,
        adjustedAt: now,
        state: kept === null ? "computed" : "adjusted",
        finalScore: String(final),
        rating,
        updatedAt: now,
      })
      .where(where);
    await tx.insert(auditLog).values({
      actorId,
      action: "evaluation.adjust",
      entityType: "evaluation",
      entityId: `${year}:${memberCityCode ?? zoneCode}`,
      zoneCode,
      details: {
        year,
        ...(memberCityCode === null ? {} : { memberCityCode }),
        reason,
        from: { adjustment: before.adjustment, finalScore: before.finalScore, rating: before.rating },
        to: { adjustment: kept, finalScore: final, rating },
      },
    });
    return { ok: true, value: { finalScore: final, rating } };
  });
}

/** Publishes the year: its rubric and every result are final from then on. Audited. */
export async function publishEvaluation(
  db: Database,
  params: { year: number; actorId: string },
): Promise<EvaluationStep<{ published: number }>> {
  const { year, actorId } = params;
  return db.transaction(async (tx) => {
    const rubricRow = await lockRubric(tx, year);
    if (!rubricRow) return { ok: false, refusal: "no-rubric" };
    if (rubricRow.state === "published") return { ok: false, refusal: "published" };
    if (!rubricRow.computedAt) return { ok: false, refusal: "not-computed" };
    const now = new Date();
    await tx
      .update(evaluationRubrics)
      .set({ state: "published", publishedAt: now, publishedBy: actorId })
      .where(eq(evaluationRubrics.year, year));
    const published = await tx
      .update(evaluationResults)
      .set({ state: "published", updatedAt: now })
      .where(and(eq(evaluationResults.year, year), eq(evaluationResults.source, "computed")))
      .returning({ id: evaluationResults.id });
    await tx.insert(auditLog).values({
      actorId,
      action: "evaluation.publish",
      entityType: "evaluation",
      entityId: String(year),
      details: { published: published.length },
    });
    return { ok: true, value: { published: published.length } };
  });
}
