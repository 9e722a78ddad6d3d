/** Test-only: procedures called over HTTP as the web app serves them, and a fingerprint of the database. */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { type Database, rowsOf } from "@zones/db/client";
import { sql } from "drizzle-orm";
import superjson from "superjson";

import { appRouter } from "./root";
import type { Context } from "./trpc";

export interface HttpAnswer {
  status: number;
  body: string;
}

/** The procedure's kind, as the router declares it. */
export function procedureType(path: string): "query" | "mutation" {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[
    path
  ];
  if (!procedure) throw new Error(`no procedure ${path}`);
  return procedure._def.type === "query" ? "query" : "mutation";
}

/** A request for the tRPC HTTP handler: a query in the URL, a mutation as a JSON or multipart body. */
export function procedureRequest(path: string, input: unknown): Request {
  const url = `http://zones.test/api/trpc/${path}`;
  if (input instanceof FormData) return new Request(url, { method: "POST", body: input });
  const encoded = JSON.stringify(superjson.serialize(input));
  if (procedureType(path) === "query") return new Request(`${url}?input=${encodeURIComponent(encoded)}`);
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: encoded,
  });
}

/** Answers a request the way `/api/trpc` does (the same router, transformer and error formatter). */
export async function answer(request: Request, context: Context): Promise<HttpAnswer> {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => context,
  });
  return { status: response.status, body: await response.text() };
}

/** Tables that a read may rightly rewrite (statistics recomputed on demand). */
const DERIVED_TABLES = new Set(["peer_statistics", "peer_statistics_stale"]);

/**
 * Test-only: the first transaction id not yet completed. A transaction gets an id when it first writes, so an
 * unchanged mark means nothing could have changed since it was read (a changed one: something may have).
 */
export async function writeMark(db: Database): Promise<string> {
  const [row] = rowsOf<{ mark: string }>(
    await db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as mark`),
  );
  return row?.mark ?? "";
}

/** Row count and content hash of every table of ours: equal fingerprints, unchanged data. */
export async function databaseFingerprint(db: Database): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  )
    .map((row) => row.name)
    .filter((name) => !DERIVED_TABLES.has(name));
  const parts = tables.map(
    (name) =>
      sql`select ${name} as name, count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as print from ${sql.identifier(name)} t`,
  );
  const rows = rowsOf<{ name: string; print: string }>(await db.execute(sql.join(parts, sql` union all `)));
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}
