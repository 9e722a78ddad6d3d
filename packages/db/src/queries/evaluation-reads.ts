import {
  EVALUATION_RATINGS,
  type EvaluationRating,
  type EvaluationSource,
  type EvaluationState,
  type RubricState,
  type StatusWarning,
  statusWarning,
} from "@zones/domain";
import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";

/** At most this many years are listed (the programme's years fit many times over). */
export const EVALUATION_YEARS_LISTED = 100;
/** A year has one result per zone and member city at most; this bounds a year's list regardless. */
export const EVALUATION_RESULTS_LISTED = 1000;

export interface EvaluationYear {
  year: number;
  /** null: ratings entered as history only, no rubric. */
  rubricState: RubricState | null;
  computedAt: Date | null;
  publishedAt: Date | null;
  results: number;
  history: boolean;
}

/** Every year with a rubric or results, newest first. */
export async function listEvaluationYears(db: Database): Promise<EvaluationYear[]> {
  const rows = rowsOf<{
    year: number;
    rubricState: RubricState | null;
    computedAt: string | Date | null;
    publishedAt: string | Date | null;
    results: number;
    history: boolean;
  }>(
    await db.execute(sql`
      with years as (
        select year from evaluation_rubrics union select year from evaluation_results
      )
      select y.year, r.state as "rubricState", r.computed_at as "computedAt", r.published_at as "publishedAt",
             (select count(*)::int from evaluation_results e where e.year = y.year) as results,
             exists (select 1 from evaluation_results e where e.year = y.year and e.source = 'published-history')
               as history
      from years y left join evaluation_rubrics r on r.year = y.year
      order by y.year desc
      limit ${EVALUATION_YEARS_LISTED}`),
  );
  return rows.map((row) => ({
    year: Number(row.year),
    rubricState: row.rubricState,
    computedAt: row.computedAt ? new Date(row.computedAt) : null,
    publishedAt: row.publishedAt ? new Date(row.publishedAt) : null,
    results: Number(row.results),
    history: row.history === true,
  }));
}

export interface EvaluationResultRow {
  year: number;
  zoneCode: string;
  zoneNameZh: string;
  zoneNameEn: string;
  memberCityCode: string | null;
  cityNameZh: string | null;
  cityNameEn: string | null;
  source: EvaluationSource;
  state: EvaluationState;
  dimensionScores: Record<string, number>;
  computedScore: number | null;
  missingItems: number;
  adjustment: number | null;
  adjustmentReason: string | null;
  finalScore: number | null;
  rating: EvaluationRating;
  warning: StatusWarning | null;
}

type StoredRow = Omit<EvaluationResultRow, "computedScore" | "adjustment" | "finalScore" | "warning"> & {
  computedScore: string | null;
  adjustment: string | null;
  finalScore: string | null;
  /** Ratings of the unit in the two years before. */
  previous: Partial<Record<"1" | "2", EvaluationRating>> | null;
};

const number = (value: string | null) => (value === null ? null : Number(value));

function toRow(row: StoredRow): EvaluationResultRow {
  const { previous, ...rest } = row;
  const ratings = new Map<number, EvaluationRating>([[row.year, row.rating]]);
  if (previous?.["1"]) ratings.set(row.year - 1, previous["1"]);
  if (previous?.["2"]) ratings.set(row.year - 2, previous["2"]);
  return {
    ...rest,
    year: Number(row.year),
    computedScore: number(row.computedScore),
    adjustment: number(row.adjustment),
    finalScore: number(row.finalScore),
    missingItems: Number(row.missingItems),
    warning: statusWarning(ratings, row.year),
  };
}

/** Results with the catalogue's names and the unit's two previous ratings (for the warning), in one query. */
function selectResults(where: ReturnType<typeof sql>, order: ReturnType<typeof sql>) {
  return sql`
    select e.year, e.zone_code as "zoneCode", z.name_zh as "zoneNameZh", z.name_en as "zoneNameEn",
           e.member_city_code as "memberCityCode", c.name_zh as "cityNameZh", c.name_en as "cityNameEn",
           e.source, e.state, e.dimension_scores as "dimensionScores", e.computed_score::text as "computedScore",
           e.missing_items as "missingItems", e.adjustment::text as adjustment,
           e.adjustment_reason as "adjustmentReason", e.final_score::text as "finalScore", e.rating,
           (select jsonb_object_agg((e.year - p.year)::text, p.rating) from evaluation_results p
             where p.zone_code = e.zone_code and p.member_city_code is not distinct from e.member_city_code
               and p.year between e.year - 2 and e.year - 1) as previous
    from evaluation_results e
    join zones z on z.code = e.zone_code
    left join member_cities c on c.code = e.member_city_code
    where ${where}
    order by ${order}
    limit ${EVALUATION_RESULTS_LISTED}`;
}

/** A year's ranking (only its published results with `publishedOnly`): highest final score first; ratings entered as history by rating, then catalogue order. */
export async function evaluationOfYear(
  db: Database,
  year: number,
  { publishedOnly }: { publishedOnly: boolean },
): Promise<EvaluationResultRow[]> {
  const rows = rowsOf<StoredRow>(
    await db.execute(
      selectResults(
        sql`e.year = ${year} and (${!publishedOnly} or e.state = 'published')`,
        sql`e.final_score desc nulls last,
            array_position(string_to_array(${EVALUATION_RATINGS.join(",")}, ','), e.rating),
            z.sort_order, c.sort_order nulls first`,
      ),
    ),
  );
  return rows.map(toRow);
}

/** A zone's ratings (and its member cities'), newest year first. */
export async function zoneEvaluationHistory(
  db: Database,
  zoneCode: string,
  { publishedOnly }: { publishedOnly: boolean },
): Promise<EvaluationResultRow[]> {
  const rows = rowsOf<StoredRow>(
    await db.execute(
      selectResults(
        sql`e.zone_code = ${zoneCode} and (${!publishedOnly} or e.state = 'published')`,
        sql`e.year desc, c.sort_order nulls first`,
      ),
    ),
  );
  return rows.map(toRow);
}

/** Whether the catalogue (as the database holds it) has this zone. */
export async function zoneExists(db: Database, zoneCode: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from zones where code = ${zoneCode}`)).length > 0;
}

export interface RubricIndicator {
  code: string;
  nameZh: string;
  nameEn: string;
  direction: "higher" | "lower";
}

/** The indicators a rubric may use, in catalogue order, for the rubric editor. */
export async function rubricIndicators(db: Database): Promise<RubricIndicator[]> {
  return rowsOf<RubricIndicator>(
    await db.execute(sql`
      select code, name_zh as "nameZh", name_en as "nameEn", direction from indicators order by sort_order`),
  );
}
