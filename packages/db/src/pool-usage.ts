import type { PoolUsage } from "@zones/telemetry/metrics";
import type { Sql } from "postgres";

type Thenable = { then: (onFulfilled?: unknown, onRejected?: unknown) => unknown };
type Query = Thenable & { cursor?: (...args: unknown[]) => unknown };

/**
 * How busy a postgres-js pool is. postgres-js keeps its connections' state to itself (no count of busy or
 * waiting ones), so the work handed to it is counted here instead: each query from the moment it is awaited
 * until it settles, each cursor from its first fetch until it is done or closed, each transaction from
 * `begin` to its end. Work beyond the pool's size waits for a connection (postgres-js queues it, or
 * pipelines it behind a busy one).
 */
export function countPoolUsage(client: Sql, size: number): () => PoolUsage {
  let busy = 0;
  /** Counts one piece of work; the returned function ends it (once, however often it is called). */
  const start = () => {
    busy++;
    let ended = false;
    return () => {
      if (!ended) busy--;
      ended = true;
    };
  };

  function countQuery(query: Query): void {
    const then = query.then;
    let end: (() => void) | null = null;
    // biome-ignore lint/suspicious/noThenProperty: the query is a thenable already; this wraps its own then to see it run and settle
    query.then = function (this: Query, onFulfilled?: unknown, onRejected?: unknown) {
      end ??= start();
      const done = end;
      return then.call(
        this,
        (value: unknown) => {
          done();
          return typeof onFulfilled === "function" ? onFulfilled(value) : value;
        },
        (error: unknown) => {
          done();
          if (typeof onRejected === "function") return onRejected(error);
          throw error;
        },
      );
    };
    const cursor = query.cursor;
    if (!cursor) return;
    query.cursor = function (this: Query, ...args: unknown[]) {
      const rows = cursor.apply(this, args);
      // With a callback, the cursor is the query itself, awaited (counted above).
      if (typeof args.at(-1) === "function") return rows;
      return countCursor(rows as AsyncIterable<unknown>);
    };
  }

  function countCursor(rows: AsyncIterable<unknown>): AsyncIterable<unknown> {
    return {
      [Symbol.asyncIterator]() {
        const iterator = rows[Symbol.asyncIterator]();
        let end: (() => void) | null = null;
        return {
          async next() {
            end ??= start();
            try {
              const result = await iterator.next();
              if (result.done) end();
              return result;
            } catch (error) {
              end();
              throw error;
            }
          },
          async return(value?: unknown) {
            end?.();
            return (await iterator.return?.(value)) ?? { done: true, value };
          },
        };
      },
    };
  }

  const unsafe = client.unsafe;
  client.unsafe = function (this: Sql, ...args: Parameters<Sql["unsafe"]>) {
    const query = unsafe.apply(this, args);
    countQuery(query as unknown as Query);
    return query;
  } as Sql["unsafe"];
  const begin = client.begin;
  client.begin = async function (this: Sql, ...args: unknown[]) {
    const end = start();
    try {
      return await (begin as (...args: unknown[]) => Promise<unknown>).apply(this, args);
    } finally {
      end();
    }
  } as Sql["begin"];

  return () => ({ inUse: Math.min(busy, size), waiting: Math.max(0, busy - size), size });
}
