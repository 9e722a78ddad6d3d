import { BULLETIN_MAX_REVISIONS, type BulletinTrigger } from "@zones/domain";
import { and, desc, eq, sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import { bulletins } from "../../schema";
import { bulletinSpan } from "./figures";

/** Changes when anything the bulletin shows changes; part of the layout's version, so a new layout prints anew. */
const LAYOUT_VERSION = "1";

/**
 * A digest of what a bulletin of `quarter` shows: every submission of its span (status and version: each save
 * and each step of the workflow raises the version), the quarter's deadline, the zones and their state, and the
 * catalogue's headline indicators. Equal digests, equal bulletins (up to the revisions' "since", which a new
 * revision changes too).
 */
export async function bulletinDataVersion(db: Database, params: { quarter: string }): Promise<string> {
  const { from, to } = bulletinSpan(params.quarter);
  const [row] = rowsOf<{ version: string }>(
    await db.execute(sql`
      select md5(concat_ws('|', ${LAYOUT_VERSION}::text,
        (select string_agg(zone_code || ':' || quarter || ':' || status || ':' || version || ':' || revision, ','
                           order by quarter, zone_code)
         from submissions where quarter between ${from} and ${to}),
        (select deadline::text from reporting_periods where quarter = ${params.quarter}),
        (select string_agg(code || ':' || active::text || ':' || sort_order, ',' order by code) from zones),
        (select string_agg(code, ',' order by code) from indicators where headline))) as version`),
  );
  return String(row?.version);
}

export interface BulletinRevisionRow {
  zoneCode: string;
  at: Date;
  /** The reviewer's or official's reason for reopening approved data. */
  reason: string | null;
  /** The submission's revision count after this reopening. */
  revision: number | null;
  actorName: string | null;
}

/**
 * Reopenings of approved data of `quarter` after `since` (all of them when null), newest first, bounded;
 * `total` counts them all.
 */
export async function bulletinRevisions(
  db: Database,
  params: { quarter: string; since: Date | null },
): Promise<{ rows: BulletinRevisionRow[]; total: number }> {
  const since = params.since ? sql`and a.at > ${params.since.toISOString()}` : sql``;
  const result = await db.execute(sql`
    select a.zone_code as "zoneCode", a.at, a.details ->> 'reason' as reason,
           (a.details ->> 'revision')::int as revision, u.name as "actorName", count(*) over ()::int as total
    from audit_log a
    left join users u on u.id = a.actor_id
    where a.entity_type = 'submission' and a.action = 'submission.revise' and a.quarter = ${params.quarter} ${since}
    order by a.at desc, a.id desc
    limit ${BULLETIN_MAX_REVISIONS}`);
  const rows = rowsOf<Record<string, unknown>>(result);
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((row) => ({
      zoneCode: String(row.zoneCode),
      at: new Date(row.at as string),
      reason: row.reason === null ? null : String(row.reason),
      revision: row.revision === null ? null : Number(row.revision),
      actorName: row.actorName === null ? null : String(row.actorName),
    })),
  };
}

export type BulletinRecord = typeof bulletins.$inferSelect;

/** The bulletin already printed for this quarter, language and data, if any (the newest). */
export async function findBulletin(
  db: Database,
  params: { quarter: string; language: string; dataVersion: string },
): Promise<BulletinRecord | null> {
  const [row] = await db
    .select()
    .from(bulletins)
    .where(
      and(
        eq(bulletins.quarter, params.quarter),
        eq(bulletins.language, params.language),
        eq(bulletins.dataVersion, params.dataVersion),
      ),
    )
    .orderBy(desc(bulletins.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * When the previous bulletin of the quarter was issued, of other data than `dataVersion` (either language):
 * the bulletin lists the revisions since. Null before the first.
 */
export async function previousBulletinAt(
  db: Database,
  params: { quarter: string; dataVersion: string },
): Promise<Date | null> {
  const [row] = rowsOf<{ at: string | Date | null }>(
    await db.execute(sql`
      select max(created_at) as at from bulletins
      where quarter = ${params.quarter} and data_version <> ${params.dataVersion}`),
  );
  return row?.at ? new Date(row.at) : null;
}

export async function recordBulletin(
  db: Database,
  record: {
    quarter: string;
    language: string;
    dataVersion: string;
    storageKey: string;
    byteSize: number;
    sha256: string;
    trigger: BulletinTrigger;
  },
): Promise<BulletinRecord> {
  const [row] = await db.insert(bulletins).values(record).returning();
  if (!row) throw new Error("recording the bulletin returned nothing");
  return row;
}
