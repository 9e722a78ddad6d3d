import type { Readable } from "node:stream";
import { type SQL, sql } from "drizzle-orm";

import type { Database } from "../client";
import { driverClient, toInlineQuery } from "./cursor";
import { exportFromWhere, type ObservationExportScope } from "./scope";

/** Spreadsheet formula neutralisation in SQL: a leading `'` on text starting with = + - @ tab or CR. */
function neutralised(column: SQL): SQL {
  return sql`case when left(${column}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || ${column} else ${column} end`;
}

/** The columns of the long layout, headed by their English keys. */
export function copyObservationsQuery(scope: ObservationExportScope): SQL {
  return sql`
    select ${neutralised(sql`z.code`)} as zone_code,
           ${neutralised(sql`z.name_en`)} as zone_name,
           ${neutralised(sql`i.code`)} as indicator_code,
           ${neutralised(sql`i.name_en`)} as indicator_name,
           ${neutralised(sql`i.unit_en`)} as unit,
           o.quarter, o.value, s.status, s.revision, o.revision_kind,
           ${neutralised(sql`o.note`)} as note
    ${exportFromWhere({ ...scope, layout: "long" })}
    order by z.sort_order, z.code, i.sort_order, i.code, o.quarter`;
}

/**
 * The long layout as PostgreSQL's own CSV (`COPY (…) TO STDOUT WITH CSV HEADER`), with formula neutralisation
 * done in SQL; numbers stay bare numbers. The baseline that the streaming export is measured against: LF line
 * ends, no BOM, English headers, names in English. postgres-js only: PGlite cannot stream COPY out.
 */
export async function copyObservationsCsv(db: Database, scope: ObservationExportScope): Promise<Readable> {
  const client = driverClient(db);
  if (client.engine !== "postgres") {
    throw new Error(
      "copyObservationsCsv needs PostgreSQL (postgres-js): the embedded PGlite cannot stream COPY … TO STDOUT",
    );
  }
  // COPY takes no bind parameters: the scope (validated codes and quarters) is inlined as escaped literals.
  const query = toInlineQuery(copyObservationsQuery(scope));
  return client.sql.unsafe(`copy (${query}) to stdout with (format csv, header true)`).readable();
}
