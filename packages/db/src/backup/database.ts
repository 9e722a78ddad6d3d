import type { Sql, TransactionSql } from "postgres";

/** A connection or a transaction on it. */
type Queries = Sql | TransactionSql;

/** The schemas the app's migrations create objects in: the app's tables and drizzle's journal. */
export const APP_SCHEMAS = ["public", "drizzle"] as const;

export async function serverVersion(sql: Queries): Promise<{ version: string; major: number }> {
  const [row] = await sql<{ version: string; num: string }[]>`
    select current_setting('server_version') as version, current_setting('server_version_num') as num`;
  if (!row) throw new Error("the server did not answer its version");
  return { version: row.version, major: Math.floor(Number(row.num) / 10_000) };
}

/** Every table of the app's schemas as `schema.table`, sorted. */
export async function appTables(sql: Queries): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select table_schema || '.' || table_name as name
      from information_schema.tables
     where table_schema in ${sql(APP_SCHEMAS)} and table_type = 'BASE TABLE'
     order by 1`;
  return rows.map((row) => row.name);
}

/** Rows per table of the app's schemas (`schema.table` → count), as this connection's snapshot sees them. */
export async function tableRowCounts(sql: Queries): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await appTables(sql)) {
    const [schema = "", table = ""] = name.split(".");
    const [row] = await sql<{ n: string }[]>`select count(*) as n from ${sql(schema)}.${sql(table)}`;
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

/** How many migrations drizzle recorded as applied (0 before the first). */
export async function appliedMigrations(sql: Queries): Promise<number> {
  const [row] = await sql<{ n: string | null }[]>`
    select case when to_regclass('drizzle.__drizzle_migrations') is null then 0
           else (select count(*) from drizzle.__drizzle_migrations) end as n`;
  return Number(row?.n ?? 0);
}

/**
 * What makes a database unfit to restore into: any table, view, sequence or function in the app's schemas,
 * any type of ours in public, or a `drizzle` schema. Up to `limit` examples.
 */
export async function existingObjects(
  sql: Queries,
  limit = 5,
): Promise<{ count: number; examples: string[] }> {
  const rows = await sql<{ name: string }[]>`
    select n.nspname || '.' || c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ${sql(APP_SCHEMAS)} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
    union all
    select 'type ' || n.nspname || '.' || t.typname
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname in ${sql(APP_SCHEMAS)} and t.typtype in ('e', 'd', 'r', 'm')
    union all
    select 'function ' || n.nspname || '.' || p.proname
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ${sql(APP_SCHEMAS)}
    union all
    select 'schema drizzle' from pg_namespace where nspname = 'drizzle'
    order by 1`;
  return { count: rows.length, examples: rows.slice(0, limit).map((row) => row.name) };
}
