import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";

import type { Database } from "../client";

/** The driver under a drizzle database (`$client`): a postgres-js `sql` function or a PGlite instance. */
export type DriverClient = { engine: "postgres"; sql: Sql } | { engine: "pglite"; pglite: PGlite };

/** Reads `db.$client` (set by both drizzle drivers) and tells the engines apart by shape. */
export function driverClient(db: Database): DriverClient {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (typeof client === "function" && "unsafe" in client && "begin" in client) {
    return { engine: "postgres", sql: client as Sql };
  }
  if (client && typeof client === "object" && "transaction" in client && "query" in client) {
    return { engine: "pglite", pglite: client as PGlite };
  }
  throw new TypeError(
    "exports need the database opened by openPostgres or openPglite (db.$client is missing: a transaction or mock?)",
  );
}

const dialect = new PgDialect();

/** Drizzle `sql` → query text with `$n` placeholders and its parameters. */
export function toQuery(query: SQL): { text: string; params: unknown[] } {
  const { sql, params } = dialect.sqlToQuery(query);
  return { text: sql, params };
}

export interface CursorOptions {
  /** Rows per fetch; default 2000. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 2000;

/**
 * Streams the rows of a query in batches through a server-side cursor, so that memory holds one batch
 * whatever the row count. postgres-js: `sql.unsafe(…).cursor(n)` (a portal fetched n rows at a time, on a
 * reserved connection). PGlite, which has no streaming client: a `WITH HOLD` cursor fetched n rows at a
 * time (see `pgliteHeldCursor`). Breaking out of the loop closes the cursor.
 */
export async function* cursorRows<T>(
  db: Database,
  query: SQL,
  options: CursorOptions = {},
): AsyncGenerator<T[], void, undefined> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const { text, params } = toQuery(query);
  const client = driverClient(db);
  if (client.engine === "postgres") {
    // The next batch is requested as soon as one arrives, so the database works while the caller writes.
    yield* readAhead(client.sql.unsafe(text, params as never[]).cursor(batchSize) as AsyncIterable<T[]>);
    return;
  }
  yield* pgliteHeldCursor<T>(client.pglite, text, params, batchSize);
}

let heldCursorCount = 0;

/**
 * PGlite has one connection: a cursor inside a transaction would hold it (and every other query of the
 * process: sessions, progress, pg-boss) until the last row was read. A `WITH HOLD` cursor is materialised when
 * its short transaction commits; each `FETCH` is then a statement of its own, and other queries run between
 * them. The rows come from one snapshot, as with the PostgreSQL cursor.
 */
async function* pgliteHeldCursor<T>(
  pglite: PGlite,
  text: string,
  params: unknown[],
  batchSize: number,
): AsyncGenerator<T[], void, undefined> {
  heldCursorCount += 1;
  const name = `zones_export_cursor_${heldCursorCount}`;
  await pglite.transaction(async (tx: Transaction) => {
    await tx.query(`declare ${name} no scroll cursor with hold for ${text}`, params);
  });
  try {
    for (;;) {
      const { rows } = await pglite.query<T>(`fetch forward ${batchSize} from ${name}`);
      if (rows.length === 0) break;
      // Read before handing the batch on: the consumer may empty it (see `releaseRecords`).
      const last = rows.length < batchSize;
      yield rows;
      if (last) break;
    }
  } finally {
    await pglite.query(`close ${name}`);
  }
}

/**
 * Iterates `source` one item ahead: the next item is asked for before the current one is handed on. On an
 * early stop the outstanding request is awaited before the source is returned (closing it properly).
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let next: Promise<IteratorResult<T>> | undefined = Promise.resolve(iterator.next());
  try {
    for (;;) {
      const result: IteratorResult<T> = await next;
      if (result.done) {
        next = undefined;
        return;
      }
      next = Promise.resolve(iterator.next());
      // A failure of the request made ahead surfaces when it is awaited, not as an unhandled rejection.
      next.catch(() => {});
      yield result.value;
    }
  } finally {
    if (next) {
      const pending = await next.catch(() => ({ done: true }) as IteratorResult<T>);
      if (!pending.done) await iterator.return?.();
    }
  }
}
