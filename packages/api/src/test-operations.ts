import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

import { type Auth, getSessionUser, type SessionUser } from "@zones/auth";
import { type Database, rowsOf } from "@zones/db/client";
import { sql } from "drizzle-orm";

/** Test-only: what the operations tests (backup drill, upgrade) share. */

export interface TableFingerprint {
  /** The columns hashed, in table order. */
  columns: string[];
  rows: number;
  /** md5 of the rows (those columns) in primary-key order; null for an empty table. */
  md5: string | null;
}

/**
 * Every table of the app's schemas (listed from information_schema, not by hand) with its row count and
 * an md5 of its content in primary-key order. `columnsOf` hashes only those columns of a table — the
 * columns it had before an upgrade added others.
 */
export async function tableFingerprints(
  db: Database,
  columnsOf: Record<string, string[]> = {},
): Promise<Record<string, TableFingerprint>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
      select table_schema || '.' || table_name as name from information_schema.tables
       where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`),
  );
  const fingerprints: Record<string, TableFingerprint> = {};
  for (const { name } of tables) {
    const columns = columnsOf[name] ?? (await tableColumns(db, name));
    const key = await primaryKey(db, name);
    const list = columns.map((column) => `"${column}"`).join(", ");
    const order = (key.length > 0 ? key : columns).map((column) => `"${column}"`).join(", ");
    const [row] = rowsOf<{ rows: number; md5: string | null }>(
      await db.execute(
        sql.raw(`select count(*)::int as rows, md5(string_agg(row(${list})::text, '|' order by ${order})) as md5
                   from ${name}`),
      ),
    );
    fingerprints[name] = { columns, rows: row?.rows ?? -1, md5: row?.md5 ?? null };
  }
  return fingerprints;
}

async function tableColumns(db: Database, table: string): Promise<string[]> {
  const [schema, name] = table.split(".");
  const rows = rowsOf<{ column_name: string }>(
    await db.execute(sql`
      select column_name from information_schema.columns
       where table_schema = ${schema} and table_name = ${name} order by ordinal_position`),
  );
  return rows.map((row) => row.column_name);
}

async function primaryKey(db: Database, table: string): Promise<string[]> {
  const rows = rowsOf<{ attname: string }>(
    await db.execute(sql`
      select a.attname from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = ${table}::regclass and i.indisprimary
       order by array_position(i.indkey::int2[], a.attnum)`),
  );
  return rows.map((row) => row.attname);
}

/** Signs in with email and password as the browser does, and returns the session's user. */
export async function signIn(
  auth: Auth,
  db: Database,
  email: string,
  password: string,
): Promise<SessionUser> {
  const response = await auth.handler(
    // The app's own origin: without BETTER_AUTH_URL, better-auth trusts the port it serves (3000) only.
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (!response.ok)
    throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const user = await getSessionUser(auth, db, new Headers({ cookie, host: "localhost:3000" }));
  if (!user) throw new Error(`${email} signed in without a session`);
  return user;
}

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Runs `npm run <script> -- <args>` at the repository root, as an operator types it. */
export function npmRun(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", script, "--", ...args],
      { cwd: repositoryRoot, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}
