/**
 * Scratch databases for the single-purpose benchmarks (`bench:export`, `bench:recovery`): a database of its own
 * on TEST_DATABASE_URL's server (dropped by `close()`), filled with INSERT … SELECT generate_series, bypassing
 * the app.
 */
import type { Database, DatabaseHandle } from "@zones/db/client";
import { seedCatalogue } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { addQuarters, INDICATOR_CODES, ZONE_CODES } from "@zones/domain";
import { sql } from "drizzle-orm";

/** Exits with a hint unless TEST_DATABASE_URL is set; then creates and migrates the scratch database. */
export async function openScratchDatabase(): Promise<DatabaseHandle> {
  if (!process.env.TEST_DATABASE_URL) {
    console.error("Set TEST_DATABASE_URL (an admin PostgreSQL URL): the benchmark runs on PostgreSQL only.");
    process.exit(1);
  }
  process.env.TEST_ENGINE = "postgres";
  return createTestDatabase();
}

/** Quarters from 1950Q1 enough for `rows` observations of every catalogue zone × indicator. */
export function scratchSpan(rows: number): { quarters: number; from: string; to: string } {
  const quarters = Math.ceil(rows / (ZONE_CODES.length * INDICATOR_CODES.length));
  const from = "1950Q1";
  return { quarters, from, to: addQuarters(from, quarters - 1) };
}

/**
 * The catalogue, `quarters` closed quarters from 1950Q1 and an approved submission of every zone in each (some
 * revised once), with a value of every indicator: 0–4 decimals, some negative; a note on about one row in 32,
 * half of them formula-like. Analyzed afterwards.
 */
export async function fillScratchObservations(db: Database, quarters: number): Promise<void> {
  await seedCatalogue(db);
  await db.execute(sql`
    insert into reporting_periods (quarter, status, deadline)
    select (g / 4)::text || 'Q' || (g % 4 + 1)::text, 'closed', date '2000-01-01'
    from generate_series(1950 * 4, 1950 * 4 + ${quarters - 1}::int) g`);
  await db.execute(sql`
    insert into submissions (zone_code, quarter, status, revision)
    select z.code, p.quarter, 'approved', (hashtext(z.code || p.quarter) & 1)
    from zones z cross join reporting_periods p`);
  await db.execute(sql`
    insert into observations (zone_code, indicator_code, quarter, value, revision_kind, note)
    select s.zone_code, i.code, s.quarter,
           round(((hashtext(s.zone_code || i.code || s.quarter) % 2000000) / 100.0)::numeric, (i.sort_order % 5)),
           case when i.sort_order % 7 = 0 then 'preliminary' else 'final' end::revision_kind,
           case when (hashtext(i.code || s.quarter) & 63) = 0 then '=HYPERLINK("x","统计口径调整")'
                when (hashtext(s.zone_code || s.quarter) & 63) = 1 then '统计口径调整, 含逗号与"引号"'
           end
    from submissions s cross join indicators i`);
  await db.execute(sql`analyze`);
}
