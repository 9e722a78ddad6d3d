/**
 * `npm run bench [-- --quick] [options]`: the product's real paths at scale, each figure beside its baseline
 * measured in the same run, printed as one table (and written to packages/bench/results/). DATABASE_URL names
 * the main database (e.g. postgres://postgres@127.0.0.1:5432/bench); the top scale lives in `<name>_xl`.
 * Exit status: 0 when every step ran (whatever the figures), 1 when a step crashed. See docs/performance.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { QuarterString } from "@zones/domain";

import { BENCH_ACCOUNTS, BENCH_PASSWORD } from "../lib/accounts";
import { benchDemo } from "../lib/demo";
import { explainAll, type Plan, plansMarkdown } from "../lib/explain";
import { benchExport } from "../lib/export";
import {
  type AuditMode,
  describeScale,
  markerMatches,
  migrateIfNeeded,
  readMarker,
  type Scale,
  type SeedMarker,
  seedBench,
} from "../lib/generate";
import { signIn } from "../lib/http";
import { formatBreakdown } from "../lib/lighthouse-report";
import {
  type LighthousePreset,
  lighthousePages,
  lighthouseReportName,
  lighthouseTarget,
  type PageAccount,
  ROUTE_JS_BUDGETS,
  routeJsTarget,
} from "../lib/page-targets";
import { lighthouse, routeJsSizes } from "../lib/pages";
import { connect, databaseName, ensureDatabase, redact, serverInfo, withDatabase } from "../lib/pg";
import { ROOT, run } from "../lib/proc";
import { benchProcedures, benchRequestFloor, type ProcedureResult } from "../lib/procedures";
import { waitForQuiet } from "../lib/quiet";
import { benchSave } from "../lib/save";
import { buildWeb, hasBuild, type RunningServer, startWeb } from "../lib/server";
import { compact, count, MB, ms, ratio, seconds } from "../lib/stats";
import type { Row } from "../lib/table";
import { renderTable } from "../lib/table";

/** The dashboard procedures' judged target at the largest client count (issue 19): within 1.5× their SQL, under 100 ms. */
const PROCEDURE_TARGET = { ratio: 1.5, p95Ms: 100 } as const;

const ITEMS = ["procedures", "save", "export", "pages", "lighthouse", "demo", "explain"] as const;
type Item = (typeof ITEMS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    units: { type: "string" },
    indicators: { type: "string" },
    quarters: { type: "string" },
    "xl-units": { type: "string" },
    "xl-indicators": { type: "string" },
    "xl-quarters": { type: "string" },
    "no-xl": { type: "boolean", default: false },
    "procedures-xl": { type: "boolean" },
    audit: { type: "string", default: "values" },
    reseed: { type: "boolean", default: false },
    port: { type: "string", default: "3400" },
    "dist-dir": { type: "string", default: ".next-bench" },
    build: { type: "string" },
    seconds: { type: "string" },
    clients: { type: "string", default: "1,8,32" },
    "xl-clients": { type: "string", default: "1,8" },
    rounds: { type: "string" },
    lighthouse: { type: "string" },
    "lighthouse-runs": { type: "string" },
    chromium: { type: "string", default: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    skip: { type: "string", default: "" },
    only: { type: "string" },
    "keep-demo": { type: "boolean", default: false },
    out: { type: "string", default: path.join(ROOT, "packages/bench/results") },
  },
});

const quick = values.quick;
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL database of the bench's own, e.g. postgres://postgres@127.0.0.1:5432/bench",
  );
  process.exit(2);
}
const number = (text: string | undefined, fallback: number) => (text === undefined ? fallback : Number(text));
const main: Scale = {
  units: number(values.units, quick ? 24 : 246),
  indicators: number(values.indicators, quick ? 20 : 40),
  quarters: number(values.quarters, quick ? 12 : 40),
};
const xl: Scale = {
  units: number(values["xl-units"], quick ? 60 : 2850),
  indicators: number(values["xl-indicators"], 40),
  quarters: number(values["xl-quarters"], quick ? 16 : 40),
};
const withXl = !values["no-xl"];
const proceduresAtXl = withXl && (values["procedures-xl"] ?? !quick);
const port = Number(values.port);
const distDir = values["dist-dir"];
const buildMode = values.build ?? (quick ? "auto" : "always");
const loadSeconds = number(values.seconds, quick ? 0.5 : 10);
const warmSeconds = quick ? 0.3 : 2;
const clientCounts = values.clients.split(",").map(Number);
const xlClientCounts = values["xl-clients"].split(",").map(Number);
const rounds = number(values.rounds, quick ? 30 : 200);
const presets = (values.lighthouse ?? (quick ? "desktop" : "mobile,desktop")).split(",").filter(Boolean) as (
  | "mobile"
  | "desktop"
)[];
// Lighthouse's scores vary from load to load; each page is loaded this many times and the median run reported.
const lighthouseRuns = number(values["lighthouse-runs"], quick ? 1 : 3);
const skipped = new Set(values.skip.split(",").filter(Boolean));
const only = values.only ? new Set(values.only.split(",")) : null;
if (quick) skipped.add("demo");
const audit = values.audit as AuditMode;
for (const name of [...skipped, ...(only ?? [])]) {
  if (!(ITEMS as readonly string[]).includes(name)) {
    console.error(`unknown item "${name}": one of ${ITEMS.join(", ")}`);
    process.exit(2);
  }
}
if (!["auto", "always", "never"].includes(buildMode)) {
  console.error("--build must be auto, always or never");
  process.exit(2);
}
/** Names the result files: a run with --only or --skip does not overwrite the last full run's table. */
const runKind = quick ? "quick" : only || values.skip ? "partial" : "full";
const wanted = (item: Item) => !skipped.has(item) && (only === null || only.has(item));

const rows: Row[] = [];
const notes: string[] = [];
const fmtLoad = (load: number[]) => load.map((value) => value.toFixed(2)).join(" ");
let crashed = 0;
const log = (line: string) => console.log(line);
const xlUrl = withDatabase(url, `${databaseName(url)}_xl`);
mkdirSync(values.out, { recursive: true });
const serverLog = path.join(values.out, "server.log");
writeFileSync(serverLog, "");

/** Runs one step; a crash becomes an ERROR row and a nonzero exit, and the run goes on. */
async function step(item: string, measure: string, body: () => Promise<void>): Promise<void> {
  const started = performance.now();
  log(`› ${measure}`);
  try {
    await body();
    log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    crashed++;
    const message = error instanceof Error ? error.message : String(error);
    log(`  ✗ ${message}`);
    rows.push({
      item,
      measure,
      scale: "",
      value: `ERROR: ${message.split("\n")[0]?.slice(0, 120)}`,
      baseline: "",
      ratio: "",
      target: "",
      verdict: "ERROR",
    });
  }
}

function skippedRow(item: string, measure: string, why: string): void {
  rows.push({
    item,
    measure,
    scale: "",
    value: `skipped (${why})`,
    baseline: "",
    ratio: "",
    target: "",
    verdict: "skipped",
  });
}

const kB = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} kB`;
const verdict = (ok: boolean): Row["verdict"] => (ok ? "PASS" : "FAIL");

// ─── header ─────────────────────────────────────────────────────────────────────────────────────────────

const startedAt = new Date();
const loadAtStart = loadavg();
const gitOutput = (args: string[]) =>
  run("git", args).then(
    (result) => (result.code === 0 ? result.stdout.trim() : ""),
    () => "",
  );
const head = await gitOutput(["rev-parse", "--short", "HEAD"]);
const dirty = await gitOutput(["status", "--porcelain", "--untracked-files=no"]);
const commit = `${head || "?"}${dirty ? " + uncommitted changes" : ""}`;
const infoSql = connect(withDatabase(url, "postgres"), { max: 1 });
const pg = await serverInfo(infoSql).finally(() => infoSql.end({ timeout: 5 }));

// ─── data ───────────────────────────────────────────────────────────────────────────────────────────────

interface Prepared {
  url: string;
  scale: Scale;
  marker: SeedMarker;
  seeded: boolean;
}

async function prepare(target: string, scale: Scale, accounts: boolean): Promise<Prepared> {
  await ensureDatabase(target);
  const existing = values.reseed ? null : await readMarker(target);
  if (markerMatches(existing, scale, audit, accounts) && existing && !(await migrateIfNeeded(target))) {
    log(`  ${databaseName(target)}: reusing ${describeScale(scale)} (seeded ${existing.seededAt})`);
    return { url: target, scale, marker: existing, seeded: false };
  }
  log(`  ${databaseName(target)}: generating ${describeScale(scale)}`);
  const report = await seedBench(target, { scale, audit, accounts, log });
  return { url: target, scale, marker: report.marker, seeded: true };
}

const prepared: { main?: Prepared; xl?: Prepared } = {};
await step("0", "data", async () => {
  prepared.main = await prepare(url, main, true);
  if (withXl) prepared.xl = await prepare(xlUrl, xl, proceduresAtXl);
});
const scaleLabel = (p: Prepared | undefined) => (p ? compact(p.marker.observations) : "?");

// ─── build ──────────────────────────────────────────────────────────────────────────────────────────────

let buildSeconds: number | null = null;
const needsServer = wanted("procedures") || wanted("save") || wanted("lighthouse");
const needsBuild = needsServer || wanted("pages");
await step("0", "production build", async () => {
  if (!needsBuild) return;
  if (buildMode === "always" || (buildMode === "auto" && !hasBuild(distDir))) {
    log(`  next build → apps/web/${distDir}`);
    buildSeconds = await buildWeb(distDir, log);
    log(`  built in ${buildSeconds.toFixed(1)} s`);
  } else if (!hasBuild(distDir)) {
    throw new Error(`no build in apps/web/${distDir} and --build never`);
  } else {
    log(`  reusing the build in apps/web/${distDir}`);
  }
});

// ─── served items: procedures, save, Lighthouse ────────────────────────────────────────────────────────

async function withServer(target: Prepared, body: (server: RunningServer) => Promise<void>): Promise<void> {
  const server = await startWeb({ distDir, port, databaseUrl: target.url, logFile: serverLog });
  log(
    `  server.mjs (next) on ${server.baseUrl} (${databaseName(target.url)}), ready in ${server.startSeconds.toFixed(1)} s`,
  );
  try {
    await body(server);
  } finally {
    await server.stop();
  }
}

const recorded: Map<string, ProcedureResult[]> = new Map();

function procedureRows(results: ProcedureResult[], label: string, judged: boolean) {
  for (const result of results) {
    for (const run of result.runs) {
      const r = run.http.latency.p95 / run.direct.p95;
      const judgedHere = judged && run.clients === Math.max(...clientCounts);
      rows.push({
        item: "1",
        measure: `${result.case.procedure} — ${result.case.label} [${kB(result.responseBytes)}], ${run.clients} client${run.clients > 1 ? "s" : ""} × ${run.http.requests}`,
        scale: label,
        value: `p50 ${ms(run.http.latency.p50)} / p95 ${ms(run.http.latency.p95)}${run.http.failures ? ` (${run.http.failures} failed)` : ""}`,
        baseline: `SQL p50 ${ms(run.direct.p50)} / p95 ${ms(run.direct.p95)}`,
        ratio: `p95 ${ratio(r)}`,
        target: judgedHere ? `p95 ≤ ${PROCEDURE_TARGET.ratio}× SQL and < ${PROCEDURE_TARGET.p95Ms} ms` : "",
        verdict: judgedHere
          ? verdict(
              r <= PROCEDURE_TARGET.ratio &&
                run.http.latency.p95 < PROCEDURE_TARGET.p95Ms &&
                run.http.failures === 0,
            )
          : "info",
      });
    }
  }
}

if (prepared.main && needsServer) {
  const target = prepared.main;
  await step("1–4", `serve ${databaseName(target.url)}`, () =>
    withServer(target, async (server) => {
      const admin = await signIn(server.baseUrl, BENCH_ACCOUNTS.admin.email, BENCH_PASSWORD);
      if (wanted("procedures")) {
        await step("1", "dashboard procedures over HTTP vs their SQL", async () => {
          const results = await benchProcedures({
            baseUrl: server.baseUrl,
            cookie: admin,
            databaseUrl: target.url,
            clients: clientCounts,
            seconds: loadSeconds,
            warmSeconds,
            log,
          });
          recorded.set("main", results);
          procedureRows(results, scaleLabel(target), true);
        });
        await step("1", "request floor (session.me) over HTTP", async () => {
          const floor = await benchRequestFloor({
            baseUrl: server.baseUrl,
            cookie: admin,
            clients: clientCounts,
            perClient: quick ? 10 : 100,
            log,
          });
          for (const run of floor.runs) {
            rows.push({
              item: "1",
              measure: `request floor: session.me (session lookup, no dashboard SQL) [${kB(floor.responseBytes)}], ${run.clients} client${run.clients > 1 ? "s" : ""} × ${run.http.requests}`,
              scale: scaleLabel(target),
              value: `p50 ${ms(run.http.latency.p50)} / p95 ${ms(run.http.latency.p95)}${run.http.failures ? ` (${run.http.failures} failed)` : ""}`,
              baseline: "",
              ratio: "",
              target: "",
              verdict: "info",
            });
          }
        });
      } else skippedRow("1", "dashboard procedures", "--only/--skip");

      if (wanted("save")) {
        await step("3", "full-form save vs bare INSERT", async () => {
          const official = await signIn(server.baseUrl, BENCH_ACCOUNTS.official.email, BENCH_PASSWORD);
          const save = await benchSave({
            baseUrl: server.baseUrl,
            cookie: official,
            databaseUrl: target.url,
            quarter: target.marker.to as QuarterString,
            rounds,
            warmRounds: quick ? 3 : 10,
          });
          rows.push({
            item: "3",
            measure: `submission.save, full form (${save.indicators} values, validation + audit), ${save.rounds} saves`,
            scale: scaleLabel(target),
            value: `p50 ${ms(save.http.p50)} / p95 ${ms(save.http.p95)}`,
            baseline: `INSERT p50 ${ms(save.bare.p50)} / p95 ${ms(save.bare.p95)}`,
            ratio: `p95 ${ratio(save.http.p95 / save.bare.p95)}`,
            target: "p95 < 50 ms",
            verdict: verdict(save.http.p95 < 50),
          });
        });
      } else skippedRow("3", "form save", "--only/--skip");

      if (wanted("lighthouse")) {
        await step("4", "Lighthouse", async () => {
          const pages = lighthousePages(target.marker.to, quick);
          const cookies: Record<PageAccount, string> = {
            admin,
            official: pages.some((page) => page.account === "official")
              ? await signIn(server.baseUrl, BENCH_ACCOUNTS.official.email, BENCH_PASSWORD)
              : "",
          };
          const reportFile = (preset: LighthousePreset, pagePath: string) =>
            path.join(values.out, lighthouseReportName(preset, pagePath));
          for (const preset of presets) {
            const goal = lighthouseTarget(preset);
            const quiet = await waitForQuiet();
            log(
              `  ${preset}: the machine ${quiet.quiet ? "was quiet" : "stayed busy"} after ${seconds(quiet.waitedMs / 1000)} (${(quiet.busy * 100).toFixed(0)}% of its CPU busy, load ${fmtLoad(loadavg())})`,
            );
            if (!quiet.quiet)
              notes.push(
                `Lighthouse ${preset} ran on a busy machine (${(quiet.busy * 100).toFixed(0)}% CPU)`,
              );
            // Baseline: the lightest page of the same build and server (the login form, no data).
            const floor = await lighthouse(`${server.baseUrl}/login`, {
              cookie: "",
              preset,
              runs: lighthouseRuns,
              chromium: values.chromium,
              reportFile: reportFile(preset, "/login"),
            });
            log(
              `  ${preset} /login: ${floor.score}, LCP ${floor.lcp.toFixed(0)} ms, TBT ${floor.tbt.toFixed(0)} ms (runs ${floor.scores.join(", ")}; CPU benchmark ${floor.benchmarkIndex.toFixed(0)})`,
            );
            for (const page of pages) {
              // A page that fails is its own ERROR row; the other pages are still measured.
              await step("4", `Lighthouse ${preset}: ${page.name} (${page.path})`, async () => {
                const measured = await lighthouse(`${server.baseUrl}${page.path}`, {
                  cookie: cookies[page.account],
                  preset,
                  runs: lighthouseRuns,
                  chromium: values.chromium,
                  reportFile: reportFile(preset, page.path),
                });
                log(
                  `  ${preset} ${page.path}: ${measured.score}, LCP ${measured.lcp.toFixed(0)} ms, TBT ${measured.tbt.toFixed(0)} ms (runs ${measured.scores.join(", ")}; CPU benchmark ${measured.benchmarkIndex.toFixed(0)})`,
                );
                log(`    ${formatBreakdown(measured.breakdown)}`);
                rows.push({
                  item: "4",
                  measure: `Lighthouse ${preset}: ${page.name} (${page.path}) score · LCP · TBT${lighthouseRuns > 1 ? `, median of ${lighthouseRuns} (${measured.scores.join("/")})` : ""}`,
                  scale: scaleLabel(target),
                  value: `${measured.score} · ${ms(measured.lcp)} · ${ms(measured.tbt)}`,
                  baseline: `/login ${floor.score} · ${ms(floor.lcp)} · ${ms(floor.tbt)}`,
                  ratio: `LCP ${ratio(measured.lcp / floor.lcp)}`,
                  target: goal.label,
                  verdict: verdict(goal.met(measured.score)),
                });
              });
            }
          }
        });
      } else skippedRow("4", "Lighthouse", "--only/--skip");
    }),
  );
}

if (prepared.xl && proceduresAtXl && wanted("procedures")) {
  const target = prepared.xl;
  await step("1", `dashboard procedures at ${scaleLabel(target)}`, () =>
    withServer(target, async (server) => {
      const admin = await signIn(server.baseUrl, BENCH_ACCOUNTS.admin.email, BENCH_PASSWORD);
      const results = await benchProcedures({
        baseUrl: server.baseUrl,
        cookie: admin,
        databaseUrl: target.url,
        clients: xlClientCounts,
        seconds: loadSeconds,
        warmSeconds,
        log,
      });
      recorded.set("xl", results);
      procedureRows(results, scaleLabel(target), false);
    }),
  );
}

// ─── page weight ────────────────────────────────────────────────────────────────────────────────────────

if (wanted("pages")) {
  await step("4", "JS per route (gzip)", async () => {
    const { routes, framework } = await routeJsSizes(distDir);
    for (const budget of ROUTE_JS_BUDGETS) {
      const found = routes.find((candidate) => candidate.route === budget.route);
      if (!found) throw new Error(`route-js-size.mjs did not list ${budget.route}`);
      const goal = routeJsTarget(budget);
      rows.push({
        item: "4",
        measure: `first-load JS, ${budget.route} (${found.files} files)`,
        scale: "build",
        value: `${(found.gzip / 1024).toFixed(1)} kB gzip`,
        baseline: `lightest route ${framework.route} ${(framework.gzip / 1024).toFixed(1)} kB`,
        ratio: ratio(found.gzip / framework.gzip),
        target: goal.label,
        verdict: verdict(goal.met(found.gzip)),
      });
    }
  });
} else skippedRow("4", "JS per route", "--only/--skip");

// ─── CSV export ─────────────────────────────────────────────────────────────────────────────────────────

if (wanted("export")) {
  for (const [key, target] of [
    ["main", prepared.main],
    ["xl", prepared.xl],
  ] as const) {
    if (!target) continue;
    await step("2", `CSV export at ${scaleLabel(target)}`, async () => {
      const measured = await benchExport(
        target.url,
        { from: target.marker.from, to: target.marker.to },
        { warm: !quick, log },
      );
      const exportRate = measured.rows / measured.seconds;
      const copyRate = measured.rows / measured.copySeconds;
      const judged = key === "xl";
      rows.push({
        item: "2",
        measure: `CSV export (runExport, UTF-8 BOM) of ${count(measured.rows)} rows → rows/s`,
        scale: scaleLabel(target),
        value: `${count(exportRate)} rows/s (${seconds(measured.seconds)})`,
        baseline: `psql COPY ${count(copyRate)} rows/s (${seconds(measured.copySeconds)})`,
        ratio: ratio(exportRate / copyRate),
        target: judged ? "≥ 0.5× COPY" : "",
        verdict: judged ? verdict(exportRate / copyRate >= 0.5) : "info",
      });
      rows.push({
        item: "2",
        measure: "CSV export → peak RSS of the exporting process (VmHWM)",
        scale: scaleLabel(target),
        value: `${(measured.rssPeak / MB).toFixed(0)} MB`,
        baseline: `${(measured.rssStart / MB).toFixed(0)} MB at export start`,
        ratio: `+${((measured.rssPeak - measured.rssStart) / MB).toFixed(0)} MB`,
        target: judged ? "< 250 MB" : "",
        verdict: judged ? verdict(measured.rssPeak < 250 * MB) : "info",
      });
    });
  }
} else skippedRow("2", "CSV export", "--only/--skip");

// ─── EXPLAIN ────────────────────────────────────────────────────────────────────────────────────────────

const plans: { heading: string; plans: Plan[] }[] = [];
if (wanted("explain")) {
  for (const [key, target] of [
    ["main", prepared.main],
    ["xl", prepared.xl],
  ] as const) {
    if (!target) continue;
    await step("", `EXPLAIN (ANALYZE, BUFFERS) at ${scaleLabel(target)}`, async () => {
      const results = recorded.get(key) ?? [];
      const explained = await explainAll(
        target.url,
        results.map((result) => ({ procedure: result.case.procedure, statements: result.statements })),
        wanted("export") || !quick ? { from: target.marker.from, to: target.marker.to } : null,
      );
      plans.push({
        heading: `${databaseName(target.url)}: ${describeScale(target.scale)}`,
        plans: explained,
      });
    });
  }
}

// ─── demo ───────────────────────────────────────────────────────────────────────────────────────────────

if (wanted("demo")) {
  await step("5", "npm run demo from a fresh clone", async () => {
    const demo = await benchDemo({ port: port + 10, keep: values["keep-demo"], log });
    const coldFloor = demo.bareBuild + demo.bareStart;
    rows.push({
      item: "5",
      measure: "npm run demo, cold (fresh clone: build, migrate, seed) → first 200 of /",
      scale: "demo",
      value: seconds(demo.cold),
      baseline: `bare next build + next start ${seconds(coldFloor)}`,
      ratio: ratio(demo.cold / coldFloor),
      target: "< 120 s",
      verdict: verdict(demo.cold < 120),
    });
    rows.push({
      item: "5",
      measure: "npm run demo, warm (second start) → first 200 of /",
      scale: "demo",
      value: seconds(demo.warm),
      baseline: `bare next start ${seconds(demo.bareStart)}`,
      ratio: ratio(demo.warm / demo.bareStart),
      target: "< 10 s",
      verdict: verdict(demo.warm < 10),
    });
    notes.push(
      `demo: npm ci in the fresh clone took ${seconds(demo.npmCiSeconds)} (not timed as part of the demo)`,
    );
  });
} else skippedRow("5", "npm run demo (cold, warm)", quick ? "--quick" : "--only/--skip");

// ─── the table ──────────────────────────────────────────────────────────────────────────────────────────

const order = ["0", "1", "1–4", "2", "3", "4", "5", ""];
rows.sort((a, b) => order.indexOf(a.item) - order.indexOf(b.item));
const loadAtEnd = loadavg();
const describe = (p: Prepared | undefined) =>
  p
    ? `${databaseName(p.url)} = ${describeScale(p.scale)}, ${p.marker.from}–${p.marker.to}${p.seeded ? `, generated this run in ${seconds(p.marker.seconds)}` : `, generated ${p.marker.seededAt.slice(0, 16)} in ${seconds(p.marker.seconds)}`}`
    : "–";
const header = [
  `Zones benchmark — ${quick ? "QUICK (smoke test: small sizes, figures not meaningful)" : runKind === "partial" ? "partial run (--only/--skip)" : "full run"}, ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit}`,
  `Machine: ${cpus()[0]?.model.trim() ?? "?"} × ${cpus().length} CPUs, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, PostgreSQL ${pg.version} (${Object.entries(
    pg.settings,
  )
    .map(([name, setting]) => `${name} ${setting}`)
    .join(", ")})`,
  `Load average (1/5/15 min): ${fmtLoad(loadAtStart)} at start, ${fmtLoad(loadAtEnd)} at end — a shared machine: other work runs beside the bench, figures are noisy.`,
  `Data: main ${describe(prepared.main)}; xl ${withXl ? describe(prepared.xl) : "skipped (--no-xl)"}`,
  `Server: apps/web/server.mjs (Next's handler) on apps/web/${distDir}${buildSeconds === null ? " (build reused)" : ` (built this run in ${seconds(buildSeconds)})`}, port ${port}, postgres-js pool 10; procedures at ${clientCounts.join("/")} clients (xl: ${xlClientCounts.join("/")}), the same number of calls over HTTP and as SQL, sized to ~${loadSeconds} s of the SQL's work and all answered ([size] = one response, × calls); baselines: the procedures' own SQL through postgres-js (pool 10), psql COPY, a bare INSERT, the lightest page.`,
  ...(notes.length ? [`Notes: ${notes.join("; ")}`] : []),
].join("\n");
const table = renderTable(rows);
const output = `${header}\n\n${table}\n`;
console.log(`\n${output}`);

const stamp = startedAt.toISOString().replace(/[:.]/g, "-").slice(0, 19);
writeFileSync(path.join(values.out, `run-${runKind}-${stamp}.md`), output);
writeFileSync(path.join(values.out, `last-${runKind}.md`), output);
if (recorded.size > 0) {
  // Every procedure's recorded SQL and parameters, to replay or EXPLAIN by hand (docs/performance.md).
  const statements = Object.fromEntries(
    [...recorded].map(([key, results]) => [
      key,
      Object.fromEntries(results.map((result) => [result.case.procedure, result.statements])),
    ]),
  );
  writeFileSync(path.join(values.out, `statements-${runKind}.json`), JSON.stringify(statements, null, 1));
}
if (plans.length) {
  const text = plans.map((entry) => plansMarkdown(entry.heading, entry.plans)).join("\n");
  writeFileSync(path.join(values.out, `explain-${runKind}.md`), text);
  log(`EXPLAIN plans: ${path.join(values.out, `explain-${runKind}.md`)}`);
}
log(
  `Table: ${path.join(values.out, `last-${runKind}.md`)}; server log: ${serverLog}; database ${redact(url)}`,
);
process.exit(crashed > 0 ? 1 : 0);
