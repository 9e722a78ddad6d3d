import type { Database } from "@zones/db/client";
import type { Sql } from "postgres";

/**
 * "The same SQL sent directly": a procedure is called once in-process on a database whose postgres-js client
 * records every statement (text, parameters, prepare flag) as drizzle hands it to the driver, with the wave it
 * belongs to — statements started while the same number of earlier ones had finished run concurrently (a
 * `Promise.all` in the procedure). Replaying the waves in order, each wave's statements at once, sends the
 * procedure's SQL with its own dependency structure and none of the application around it.
 */
export interface Statement {
  text: string;
  params: unknown[];
  prepare: boolean;
  wave: number;
}

type Query = PromiseLike<unknown> & { then: PromiseLike<unknown>["then"] };
type Unsafe = (text: string, params?: unknown[], options?: { prepare?: boolean }) => Query;

export class SqlRecorder {
  #statements: Statement[] | null = null;
  #completed = 0;

  constructor(db: Database) {
    const client = (db as unknown as { $client?: { unsafe: Unsafe } }).$client;
    if (!client || typeof client.unsafe !== "function") {
      throw new TypeError("SqlRecorder needs a database opened with openPostgres (postgres-js)");
    }
    const original = client.unsafe;
    const recorder = this;
    client.unsafe = function unsafe(text, params = [], options = {}) {
      const query = original.call(this, text, params, options);
      const statements = recorder.#statements;
      if (!statements) return query;
      statements.push({
        text,
        params: [...params],
        prepare: options.prepare ?? true,
        wave: recorder.#completed,
      });
      const then = query.then.bind(query);
      let done = false;
      const finish = () => {
        if (!done) recorder.#completed++;
        done = true;
      };
      // biome-ignore lint/suspicious/noThenProperty: the query is a thenable already; this wraps its own then to see it finish
      query.then = ((onFulfilled, onRejected) =>
        then(
          (value) => {
            finish();
            return onFulfilled ? onFulfilled(value) : value;
          },
          (error) => {
            finish();
            if (onRejected) return onRejected(error);
            throw error;
          },
        )) as Query["then"];
      return query;
    };
  }

  async record<T>(call: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
    this.#statements = [];
    this.#completed = 0;
    try {
      const result = await call();
      return { result, statements: this.#statements };
    } finally {
      this.#statements = null;
    }
  }
}

/** Sends recorded statements through postgres-js, wave after wave, each wave's statements concurrently. */
export async function replay(sql: Sql, statements: readonly Statement[]): Promise<void> {
  const waves = new Map<number, Statement[]>();
  for (const statement of statements) {
    const wave = waves.get(statement.wave);
    if (wave) wave.push(statement);
    else waves.set(statement.wave, [statement]);
  }
  for (const wave of [...waves.keys()].sort((a, b) => a - b)) {
    await Promise.all(
      (waves.get(wave) ?? []).map((statement) =>
        sql.unsafe(statement.text, statement.params as never[], { prepare: statement.prepare }),
      ),
    );
  }
}

/** `clients` loops calling `call` back to back until `seconds` have passed; the latency of every call, ms. */
export async function loadLoop(
  clients: number,
  seconds: number,
  call: () => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await call();
        samples.push(performance.now() - started);
      }
    }),
  );
  return samples;
}

/** `clients` loops each calling `call` `each` times back to back; the latency of every call, ms. */
export async function loadCount(
  clients: number,
  each: number,
  call: () => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < each; i++) {
        const started = performance.now();
        await call();
        samples.push(performance.now() - started);
      }
    }),
  );
  return samples;
}
