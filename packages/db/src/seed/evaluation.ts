import {
  defaultRubric,
  fullYearQuarter,
  lastFinishedQuarter,
  PUBLISHED_RATINGS,
  type Rubric,
  roundTo,
  toQuarter,
} from "@zones/domain";
import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { computeEvaluation, findRubric, saveRubricRow } from "../queries/evaluation";
import { rowsOf } from "../rows";
import { evaluationResults, memberCityValues } from "../schema";
import { noise } from "./random";

/** How far a member city's synthetic figure strays from its zone's: ± this share. */
const CITY_SPREAD = 0.04;

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
 * Synthetic figures of the member cities of zones of several cities, as if imported from their bulletins: each
 * the zone's approved full-year value of a rubric indicator ± a few percent, the same on every machine (a key
 * per city, indicator and year), within the indicator's range and decimals. Returns how many were added.
 */
async function seedDemoCityValues(db: Database, rubric: Rubric): Promise<number> {
  const codes = JSON.stringify(
    rubric.dimensions.flatMap((dimension) => dimension.items.map((i) => i.indicatorCode)),
  );
  const rows = rowsOf<{
    cityCode: string;
    indicatorCode: string;
    value: string;
    min: string;
    max: string;
    decimals: number;
  }>(
    await db.execute(sql`
      select c.code as "cityCode", o.indicator_code as "indicatorCode", o.value::text as value,
             i.valid_min::text as min, i.valid_max::text as max, i.decimals
      from observations o
      join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter and s.status = 'approved'
      join member_cities c on c.zone_code = o.zone_code
      join indicators i on i.code = o.indicator_code
      where o.quarter = ${fullYearQuarter(rubric.year)}
        and o.indicator_code in (select jsonb_array_elements_text(${codes}::jsonb))
        and (select count(*) from member_cities m where m.zone_code = o.zone_code) > 1`),
  );
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(memberCityValues)
    .values(
      rows.map((row) => {
        const spread = 1 + CITY_SPREAD * noise(`${row.cityCode}:${row.indicatorCode}:${rubric.year}`);
        const value = Math.min(Number(row.max), Math.max(Number(row.min), Number(row.value) * spread));
        return {
          year: rubric.year,
          memberCityCode: row.cityCode,
          indicatorCode: row.indicatorCode,
          value: String(roundTo(value, Number(row.decimals))),
        };
      }),
    )
    .onConflictDoNothing()
    .returning({ year: memberCityValues.year });
  return inserted.length;
}

/**
 * The demo: the default rubric for the last year whose fourth quarter is no longer open for entry (all its data
 * approved) and its member cities' figures, computed from the demo data; a year already computed is computed
 * again only when figures were added (a demo store of an older release), never once published.
 */
export async function seedDemoEvaluation(db: Database, now: Date): Promise<void> {
  const year = toQuarter(lastFinishedQuarter(now)).year - 1;
  const created = await saveRubricRow(db, defaultRubric(year));
  const rubric = await findRubric(db, year);
  if (!rubric || rubric.state === "published") return;
  const added = await seedDemoCityValues(db, rubric.rubric);
  if (created || added > 0) await computeEvaluation(db, { year, actorId: null, now });
}
