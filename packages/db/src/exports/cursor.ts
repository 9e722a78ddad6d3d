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

/** Drizzle `sql` → query text with the parameters inlined as escaped literals (for COPY, which takes none). */
export function toInlineQuery(query: SQL): string {
  return dialect.sqlToQuery(query.inlineParams()).sql;
}

export interface CursorOptions {
  /** Rows per fetch; default 2000. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 2000;

/**
 * Streams the rows of a query in batches through a server-side cursor, so that memory holds one batch
 * whatever the row count. postgres-js: `sql.unsafe(…).cursor(n)` (a portal fetched n rows at a time, on a
 * reserved connection). PGlite, which has no streaming client: `DECLARE … CURSOR` and `FETCH n` inside a
 * transaction. Breaking out of the loop closes the cursor (and ends the PGlite transaction).
 *
 * On PGlite the transaction holds the embedded database for as long as the consumer takes: other queries of
 * the process wait until the export is read to the end.
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
  yield* handOff<T[]>((emit) =>
    client.pglite.transaction(async (tx: Transaction) => {
      // A cursor plans for its first rows by default (cursor_tuple_fraction 0.1); exports read all of them.
      await tx.query("set local cursor_tuple_fraction = 1.0");
      await tx.query(`declare zones_export_cursor no scroll cursor for ${text}`, params);
      for (;;) {
        const { rows } = await tx.query<T>(`fetch forward ${batchSize} from zones_export_cursor`);
        if (rows.length === 0) break;
        if (!(await emit(rows))) break;
        if (rows.length < batchSize) break;
      }
      await tx.query("close zones_export_cursor");
    }),
  );
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

/**
 * Turns a producer that pushes items (and waits for each to be taken) into an async generator. `emit`
 * resolves true when the consumer asks for the next item, false when it stopped: the producer then ends. The
 * generator returns only after the producer has finished, so its clean-up (closing a transaction) is done.
 */
export async function* handOff<T>(
  produce: (emit: (item: T) => Promise<boolean>) => Promise<void>,
): AsyncGenerator<T, void, undefined> {
  type Slot =
    | { kind: "item"; item: T; resume: (go: boolean) => void }
    | { kind: "end" }
    | { kind: "error"; error: unknown };
  let slot: Slot | undefined;
  let wake: (() => void) | undefined;
  let stopped = false;
  const put = (next: Slot) => {
    slot = next;
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  const emit = (item: T) =>
    new Promise<boolean>((resume) => {
      if (stopped) resume(false);
      else put({ kind: "item", item, resume });
    });
  // Never rejects: a failure is handed to the consumer as a slot.
  const running = Promise.resolve()
    .then(() => produce(emit))
    .then(
      () => put({ kind: "end" }),
      (error: unknown) => put({ kind: "error", error }),
    );
  let held: ((go: boolean) => void) | undefined;
  try {
    for (;;) {
      while (!slot) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      const current: Slot = slot;
      slot = undefined;
      if (current.kind === "end") return;
      if (current.kind === "error") throw current.error;
      held = current.resume;
      yield current.item;
      held = undefined;
      current.resume(true);
    }
  } finally {
    stopped = true;
    held?.(false);
    if (slot?.kind === "item") slot.resume(false);
    await running;
  }
}
