/**
 * The baseline the streaming export is measured against: the long layout as PostgreSQL's own CSV
 * (`COPY (…) TO STDOUT WITH (FORMAT csv, HEADER)`), with formula neutralisation done in SQL; numbers stay bare
 * numbers. LF line ends, no BOM, English headers, names in English.
 */
import type { Readable } from "node:stream";
import type { DatabaseHandle } from "@zones/db/client";
import { exportFromWhere, type ObservationExportScope } from "@zones/db/exports";
import { type SQL, sql } from "drizzle-orm";

import { connect } from "./pg";
import { inlineQueryText } from "./sql-text";

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
 * The COPY statement as text. COPY takes no bind parameters: the scope (validated codes and quarters) is
 * inlined as escaped literals.
 */
export function copyObservationsStatement(scope: ObservationExportScope): string {
  return `copy (${inlineQueryText(copyObservationsQuery(scope))}) to stdout with (format csv, header true)`;
}

/**
 * The COPY's output as a stream, on a connection of its own (closed with the stream). PostgreSQL only: the
 * embedded PGlite cannot stream COPY out.
 */
export async function copyObservationsCsv(
  handle: DatabaseHandle,
  scope: ObservationExportScope,
): Promise<Readable> {
  if (handle.engine !== "postgres" || !handle.connectionString) {
    throw new Error(
      "copyObservationsCsv needs PostgreSQL (postgres-js): the embedded PGlite cannot stream COPY … TO STDOUT",
    );
  }
  const client = connect(handle.connectionString, { max: 1 });
  try {
    const stream = await client.unsafe(copyObservationsStatement(scope)).readable();
    stream.once("close", () => void client.end({ timeout: 5 }));
    return stream;
  } catch (error) {
    await client.end({ timeout: 5 });
    throw error;
  }
}
