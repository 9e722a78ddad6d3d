import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";

/**
 * The data version: incremented in the transaction of every change to what the dashboards show (triggers of
 * migration 0018 on the catalogue, periods, settings, submissions, visible observations and the peer
 * statistics). One primary-key read; 0 on a database without the row.
 */
export async function readDataVersion(db: Database): Promise<number> {
  const [row] = rowsOf<{ version: string | number }>(
    await db.execute(sql`select version from data_version where id`),
  );
  return row ? Number(row.version) : 0;
}
