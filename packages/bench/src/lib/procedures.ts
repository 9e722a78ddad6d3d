import { cpus } from "node:os";
import { type Context, createCaller, createInnerContext } from "@zones/api";
import { openPostgres } from "@zones/db/client";

import { BENCH_ACCOUNTS } from "./accounts";
import { checkQuery, type HttpLoad, httpLoad, trpcQueryPath } from "./http";
import { connect } from "./pg";
import { loadCount, loadLoop, replay, SqlRecorder, type Statement } from "./record";
import { type Latency, latency } from "./stats";

type Caller = ReturnType<typeof createCaller>;
const cores = cpus().length;
type SessionUser = NonNullable<Context["user"]>;

/**
 * The dashboard procedures the pages call, with catalogue inputs (the input schemas accept nothing else) on
 * tables holding every generated unit: each query computes its peer statistics over all active units.
 */
export interface ProcedureCase {
  procedure: string;
  label: string;
  input: Record<string, unknown>;
  call(caller: Caller): Promise<unknown>;
}

export function procedureCases(quarter: string | null): ProcedureCase[] {
  const extras = quarter ? { quarter, includeSubmitted: false } : { includeSubmitted: false };
  return [
    {
      procedure: "overview.get",
      label: "overview (headlines, ranking)",
      input: {},
      call: (caller) => caller.overview.get({}),
    },
    {
      procedure: "dashboard.overviewExtras",
      label: "overview heat + sparklines",
      input: extras,
      call: (caller) => caller.dashboard.overviewExtras(extras),
    },
    {
      procedure: "dashboard.zone",
      label: "zone series (HB-HS, 12 q)",
      input: { zoneCode: "HB-HS" },
      call: (caller) => caller.dashboard.zone({ zoneCode: "HB-HS" }),
    },
    {
      procedure: "dashboard.indicator",
      label: "indicator ranking + percentiles (gdp)",
      input: { indicatorCode: "gdp" },
      call: (caller) => caller.dashboard.indicator({ indicatorCode: "gdp" }),
    },
  ];
}

export interface ProcedureRun {
  clients: number;
  http: HttpLoad;
  direct: Latency;
}

export interface ProcedureResult {
  case: ProcedureCase;
  statements: Statement[];
  responseBytes: number;
  runs: ProcedureRun[];
}

/** The admin as the procedures see a signed-in session (in-process calls record the SQL). */
async function adminUser(databaseUrl: string): Promise<SessionUser> {
  const sql = connect(databaseUrl, { max: 1 });
  try {
    const [row] = await sql<{ id: string; name: string }[]>`
      select id, name from users where email = ${BENCH_ACCOUNTS.admin.email}`;
    if (!row) throw new Error(`no ${BENCH_ACCOUNTS.admin.email} in the database: reseed it with accounts`);
    return {
      id: row.id,
      email: BENCH_ACCOUNTS.admin.email,
      name: row.name,
      role: "admin",
      zoneCodes: [],
      mustChangePassword: false,
      twoFactorEnabled: false,
      twoFactorRequired: false,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Records each procedure's SQL with an in-process call on the same database. */
export async function recordProcedures(
  databaseUrl: string,
): Promise<{ cases: ProcedureCase[]; statements: Map<string, Statement[]> }> {
  const handle = openPostgres(databaseUrl);
  try {
    const recorder = new SqlRecorder(handle.db);
    const caller = createCaller(
      createInnerContext({
        db: handle.db,
        // The dashboard procedures never touch better-auth; the HTTP path resolves the session for real.
        auth: undefined as unknown as Context["auth"],
        user: await adminUser(databaseUrl),
        // Record what a computed answer sends (the data version's read, then the dashboard's statements):
        // the server answers repeated calls from its cache, which is what the HTTP side measures.
        cachesDashboards: false,
      }),
    );
    const overview = (await caller.overview.get({})) as { quarter: string | null };
    const cases = procedureCases(overview.quarter);
    const statements = new Map<string, Statement[]>();
    for (const item of cases) {
      await item.call(caller); // warm the plan cache like a running server
      const recorded = await recorder.record(() => item.call(caller));
      if (recorded.statements.length === 0) throw new Error(`${item.procedure} sent no SQL`);
      statements.set(item.procedure, recorded.statements);
    }
    return { cases, statements };
  } finally {
    await handle.close();
  }
}

export interface ProcedureBenchOptions {
  baseUrl: string;
  cookie: string;
  databaseUrl: string;
  clients: readonly number[];
  seconds: number;
  warmSeconds: number;
  log: (line: string) => void;
}

/**
 * Each procedure over HTTP (autocannon, GET as the tRPC client sends it, with the admin's session cookie)
 * and its recorded SQL through postgres-js (a pool of 10 connections, as the server's `openPostgres`), at
 * every client count, one after the other so that drift on a shared machine touches both. Both sides make
 * the same number of calls and wait for every answer.
 */
export async function benchProcedures(options: ProcedureBenchOptions): Promise<ProcedureResult[]> {
  const { cases, statements } = await recordProcedures(options.databaseUrl);
  const sql = connect(options.databaseUrl, { max: 10 });
  const results: ProcedureResult[] = [];
  try {
    for (const item of cases) {
      const recorded = statements.get(item.procedure) ?? [];
      const path = trpcQueryPath(item.procedure, item.input);
      const responseBytes = await checkQuery(options.baseUrl, path, options.cookie);
      const headers = { cookie: options.cookie };
      const url = `${options.baseUrl}${path}`;
      // Warm both paths (JIT, plan and buffer caches) before measuring; one client's SQL latency sizes the runs.
      await httpLoad(url, { connections: 4, seconds: options.warmSeconds, headers });
      const single = latency(await loadLoop(1, options.warmSeconds, () => replay(sql, recorded)));
      const runs: ProcedureRun[] = [];
      for (const clients of options.clients) {
        // The same number of calls on both sides, about `seconds` of the SQL's work on this machine's cores;
        // each side runs until every call has answered (a duration would cut the slowest ones off).
        const total = Math.min(
          5000,
          Math.ceil(((options.seconds * 1000) / single.p50) * Math.min(clients, cores)),
        );
        const each = Math.max(2, Math.ceil(total / clients));
        const http = await httpLoad(url, { connections: clients, amount: each * clients, headers });
        const direct = latency(await loadCount(clients, each, () => replay(sql, recorded)));
        runs.push({ clients, http, direct });
        options.log(
          `  ${item.procedure.padEnd(26)} ${String(clients).padStart(2)} clients: HTTP p50 ${http.latency.p50.toFixed(1)} p95 ${http.latency.p95.toFixed(1)} ms (${http.requests} req${http.failures ? `, ${http.failures} failed` : ""}); SQL p50 ${direct.p50.toFixed(1)} p95 ${direct.p95.toFixed(1)} ms (${direct.count})`,
        );
      }
      results.push({ case: item, statements: recorded, responseBytes, runs });
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  return results;
}

export interface FloorRun {
  clients: number;
  http: HttpLoad;
}

/**
 * The request floor: `session.me` over HTTP, which runs no dashboard SQL. What it costs is what every
 * procedure pays before and after its own statements: Next's route, better-auth's session lookup (its own
 * queries), tRPC, superjson and the response. It explains the part of a procedure's HTTP/SQL ratio that no
 * query change can remove.
 */
export async function benchRequestFloor(options: {
  baseUrl: string;
  cookie: string;
  clients: readonly number[];
  /** Requests per client at each client count. */
  perClient: number;
  log: (line: string) => void;
}): Promise<{ responseBytes: number; runs: FloorRun[] }> {
  const path = trpcQueryPath("session.me", undefined);
  const responseBytes = await checkQuery(options.baseUrl, path, options.cookie);
  const headers = { cookie: options.cookie };
  const url = `${options.baseUrl}${path}`;
  await httpLoad(url, { connections: 4, amount: 200, headers });
  const runs: FloorRun[] = [];
  for (const clients of options.clients) {
    const http = await httpLoad(url, { connections: clients, amount: options.perClient * clients, headers });
    runs.push({ clients, http });
    options.log(
      `  request floor (session.me)   ${String(clients).padStart(2)} clients: HTTP p50 ${http.latency.p50.toFixed(1)} p95 ${http.latency.p95.toFixed(1)} ms (${http.requests} req)`,
    );
  }
  return { responseBytes, runs };
}
