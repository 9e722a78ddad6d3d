import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

/** The statements the bench sends itself (EXPLAIN, psql's COPY) are drizzle `sql`, rendered here as text. */
const dialect = new PgDialect();

/** Query text with `$n` placeholders and its parameters, as postgres-js's `unsafe` takes them. */
export function queryText(query: SQL): { text: string; params: unknown[] } {
  const { sql, params } = dialect.sqlToQuery(query);
  return { text: sql, params };
}

/** Query text with the parameters inlined as escaped literals (for COPY, which takes none). */
export function inlineQueryText(query: SQL): string {
  return dialect.sqlToQuery(query.inlineParams()).sql;
}
