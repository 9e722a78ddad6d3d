import { POSTGRES_SESSION_SETTINGS } from "@zones/db/client";
import postgres, { type Sql } from "postgres";

/** Databases the harness never resets or fills: the test suites and the server's own use them. */
const PROTECTED = new Set(["postgres", "test", "root", "template0", "template1"]);

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!name) throw new Error(`DATABASE_URL names no database: ${redact(url)}`);
  return name;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

export function assertBenchDatabase(url: string): void {
  const name = databaseName(url);
  if (PROTECTED.has(name)) {
    throw new Error(
      `refusing to use the "${name}" database for benchmarks: name a database of its own (e.g. bench)`,
    );
  }
}

/**
 * A postgres-js pool with the app's own session settings (`POSTGRES_SESSION_SETTINGS`, e.g. `jit = off`),
 * so that SQL baselines and EXPLAIN plans run as the server's statements do.
 */
export function connect(
  url: string,
  options: postgres.Options<Record<string, postgres.PostgresType>> = {},
): Sql {
  return postgres(url, { onnotice: () => {}, connection: { ...POSTGRES_SESSION_SETTINGS }, ...options });
}

/** Creates the database when it does not exist (through the server's `postgres` maintenance database). */
export async function ensureDatabase(url: string): Promise<boolean> {
  assertBenchDatabase(url);
  const name = databaseName(url);
  const admin = connect(withDatabase(url, "postgres"), { max: 1 });
  try {
    const [found] = await admin`select 1 as one from pg_database where datname = ${name}`;
    if (found) return false;
    await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export interface ServerInfo {
  version: string;
  settings: Record<string, string>;
}

export async function serverInfo(sql: Sql): Promise<ServerInfo> {
  const [row] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
  const rows = await sql<{ name: string; setting: string }[]>`
    select name, current_setting(name) as setting from pg_settings
    where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'max_parallel_workers_per_gather', 'random_page_cost')`;
  return { version: row?.version ?? "?", settings: Object.fromEntries(rows.map((r) => [r.name, r.setting])) };
}
