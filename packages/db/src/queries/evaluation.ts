import {
  type Direction,
  type EvaluationRating,
  finalScore,
  fullYearQuarter,
  type Rubric,
  ratingOf,
  scoreUnits,
} from "@zones/domain";
import { and, eq, isNull, notInArray, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { auditLog, evaluationResults, evaluationRubrics } from "../schema";

/** Why a step on a year's evaluation was refused. */
export type EvaluationRefusal = "no-rubric" | "published" | "no-result" | "not-computed" | "history";
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

/**
 * Computes the year's scores from APPROVED full-year values (`fullYearQuarter`) of the active zones: one read
 * of every value the rubric needs, the domain's scoring, one upsert of every result. A reviewer's adjustment
 * stays and is added to the new score; a zone with no approved value of the rubric's indicators any more loses
 * its result. `actorId` null: the demo seed.
 */
export async function computeEvaluation(
  db: Database,
  params: { year: number; actorId: string | null; now?: Date },
): Promise<EvaluationStep<{ evaluated: number }>> {
  const { year, actorId } = params;
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const rubricRow = await lockRubric(tx, year);
    if (!rubricRow) return { ok: false, refusal: "no-rubric" };
    if (rubricRow.state === "published") return { ok: false, refusal: "published" };
    const rubric = rubricRow.rubric;
    const codes = rubric.dimensions.flatMap((dimension) => dimension.items.map((item) => item.indicatorCode));
    const observed = rowsOf<{ zoneCode: string; indicatorCode: string; value: string }>(
      await tx.execute(sql`
        select o.zone_code as "zoneCode", o.indicator_code as "indicatorCode", o.value::text as value
        from observations o
        join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter
        join zones z on z.code = o.zone_code
        where o.quarter = ${fullYearQuarter(year)} and s.status = 'approved' and z.active
          and o.indicator_code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`),
    );
    const values = new Map<string, Map<string, number>>();
    for (const row of observed) {
      const unit = values.get(row.zoneCode) ?? new Map<string, number>();
      unit.set(row.indicatorCode, Number(row.value));
      values.set(row.zoneCode, unit);
    }
    const scores = scoreUnits(rubric, values, await indicatorDirections(tx));
    const adjustments = new Map(
      (
        await tx
          .select({ zoneCode: evaluationResults.zoneCode, adjustment: evaluationResults.adjustment })
          .from(evaluationResults)
          .where(
            and(
              eq(evaluationResults.year, year),
              isNull(evaluationResults.memberCityCode),
              eq(evaluationResults.source, "computed"),
            ),
          )
      ).map((row) => [row.zoneCode, row.adjustment === null ? null : Number(row.adjustment)]),
    );
    const zoneCodes = scores.map((score) => score.unit);
    await tx
      .delete(evaluationResults)
      .where(
        and(
          eq(evaluationResults.year, year),
          eq(evaluationResults.source, "computed"),
          zoneCodes.length > 0 ? notInArray(evaluationResults.zoneCode, zoneCodes) : undefined,
        ),
      );
    if (scores.length > 0) {
      await tx
        .insert(evaluationResults)
        .values(
          scores.map((score) => {
            const adjustment = adjustments.get(score.unit) ?? null;
            const final = finalScore(score.total, adjustment);
            return {
              year,
              zoneCode: score.unit,
              source: "computed" as const,
              state: adjustment === null ? ("computed" as const) : ("adjusted" as const),
              dimensionScores: score.dimensions,
              computedScore: String(score.total),
              missingItems: score.missingItems,
              finalScore: String(final),
              rating: ratingOf(final, rubric.thresholds),
              computedAt: now,
              updatedAt: now,
            };
          }),
        )
        .onConflictDoUpdate({
          target: [evaluationResults.year, evaluationResults.zoneCode],
          targetWhere: sql`member_city_code is null`,
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
    await tx.update(evaluationRubrics).set({ computedAt: now }).where(eq(evaluationRubrics.year, year));
    await tx.insert(auditLog).values({
      actorId,
      action: "evaluation.compute",
      entityType: "evaluation",
      entityId: String(year),
      details: { evaluated: scores.length, quarter: fullYearQuarter(year) },
    });
    return { ok: true, value: { evaluated: scores.length } };
  });
}

/**
 * A reviewer's adjustment of a zone's computed score (points added, with the reason), audited with what it
 * replaced; 0 takes an adjustment back. Refused once the year is published.
 */
export async function adjustEvaluation(
  db: Database,
  params: { year: number; zoneCode: string; adjustment: number; reason: string; actorId: string },
): Promise<EvaluationStep<{ finalScore: number; rating: EvaluationRating }>> {
  const { year, zoneCode, adjustment, reason, actorId } = params;
  return db.transaction(async (tx) => {
    const rubricRow = await lockRubric(tx, year);
    if (!rubricRow) return { ok: false, refusal: "no-rubric" };
    if (rubricRow.state === "published") return { ok: false, refusal: "published" };
    const where = and(
      eq(evaluationResults.year, year),
      eq(evaluationResults.zoneCode, zoneCode),
      isNull(evaluationResults.memberCityCode),
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
      entityId: `${year}:${zoneCode}`,
      zoneCode,
      details: {
        year,
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
