import { defaultRubric, lastFinishedQuarter, PUBLISHED_RATINGS, toQuarter } from "@zones/domain";
import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { computeEvaluation, saveRubricRow } from "../queries/evaluation";
import { evaluationResults } from "../schema";

/**
 * The published ratings (2018) as history: facts, so every installation gets them (the catalogue seed runs on
 * each `db:prepare` and deployment), not only the demo. Left alone once there.
 */
export async function seedPublishedRatings(db: Database): Promise<void> {
  await db
    .insert(evaluationResults)
    .values(
      PUBLISHED_RATINGS.map((entry) => ({
        year: entry.year,
        zoneCode: entry.zoneCode,
        source: "published-history" as const,
        state: "published" as const,
        rating: entry.rating,
      })),
    )
    .onConflictDoNothing({
      target: [evaluationResults.year, evaluationResults.zoneCode],
      where: sql`member_city_code is null`,
    });
}

/**
 * The demo: the default rubric for the last year whose fourth quarter is no longer open for entry (all its data
 * approved), computed from the demo data; left alone when the year already has a rubric.
 */
export async function seedDemoEvaluation(db: Database, now: Date): Promise<void> {
  const year = toQuarter(lastFinishedQuarter(now)).year - 1;
  const created = await saveRubricRow(db, defaultRubric(year));
  if (created) await computeEvaluation(db, { year, actorId: null, now });
}
