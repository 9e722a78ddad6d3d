/**
 * Where a dashboard request's time goes on the server: the production server under `node --cpu-prof`,
 * signed in as the bench admin, answering `--requests` calls of one procedure at `--clients`, then the
 * profile's self time by the code that spent it (docs/performance.md, "Request cost").
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench:profile -- \
 *     --procedure dashboard.zone --requests 3000 --clients 32 --dist-dir .next-bench --port 3450
 *
 * Needs a seeded bench database (npm run bench:seed) and a build in apps/web/<--dist-dir> (npm run bench).
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { BENCH_ACCOUNTS, BENCH_PASSWORD } from "../lib/accounts";
import { profileBreakdown } from "../lib/cpu-profile";
import { checkQuery, httpLoad, signIn, trpcQueryPath } from "../lib/http";
import { WEB_DIR } from "../lib/proc";
import { startWeb } from "../lib/server";

const INPUTS: Record<string, unknown> = {
  "overview.get": {},
  "dashboard.overviewExtras": { includeSubmitted: false },
  "dashboard.zone": { zoneCode: "HB-HS" },
  "dashboard.indicator": { indicatorCode: "gdp" },
  "session.me": undefined,
};

const { values } = parseArgs({
  options: {
    procedure: { type: "string", default: "dashboard.zone" },
    requests: { type: "string", default: "3000" },
    clients: { type: "string", default: "32" },
    port: { type: "string", default: "3450" },
    "dist-dir": { type: "string", default: ".next-bench" },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL: name the seeded bench database");
const procedure = values.procedure;
if (!(procedure in INPUTS)) throw new Error(`--procedure: one of ${Object.keys(INPUTS).join(", ")}`);

const profileDir = mkdtempSync(path.join(tmpdir(), "zones-profile-"));
const server = await startWeb({
  distDir: values["dist-dir"],
  port: Number(values.port),
  databaseUrl,
  logFile: path.join(profileDir, "server.log"),
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
});
let load: Awaited<ReturnType<typeof httpLoad>>;
try {
  const cookie = await signIn(server.baseUrl, BENCH_ACCOUNTS.admin.email, BENCH_PASSWORD);
  const url = `${server.baseUrl}${trpcQueryPath(procedure, INPUTS[procedure])}`;
  const bytes = await checkQuery(server.baseUrl, trpcQueryPath(procedure, INPUTS[procedure]), cookie);
  await httpLoad(url, { connections: 4, amount: 200, headers: { cookie } });
  load = await httpLoad(url, {
    connections: Number(values.clients),
    amount: Number(values.requests),
    headers: { cookie },
  });
  console.log(
    `${procedure} [${bytes} B] × ${load.requests} at ${values.clients} clients: p50 ${load.latency.p50.toFixed(1)} ms, p95 ${load.latency.p95.toFixed(1)} ms, ${load.failures} failed`,
  );
} finally {
  await server.stop();
}
const file = readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
if (!file) throw new Error(`no profile in ${profileDir} (did the server exit cleanly?)`);
const { total, shares, top } = profileBreakdown(path.join(profileDir, file));
const perRequest = (ms: number) => (ms / load.requests).toFixed(3);
console.log(`\nprofile ${path.join(profileDir, file)} (${(total / 1000).toFixed(1)} s, from ${WEB_DIR})`);
console.log("| code | self time | share | per request |\n|---|---|---|---|");
for (const share of shares.slice(0, 14)) {
  console.log(
    `| ${share.name} | ${share.milliseconds.toFixed(0)} ms | ${(share.share * 100).toFixed(1)} % | ${perRequest(share.milliseconds)} ms |`,
  );
}
console.log("\nlargest functions (self time):");
for (const share of top) console.log(`  ${share.milliseconds.toFixed(0).padStart(6)} ms  ${share.name}`);
