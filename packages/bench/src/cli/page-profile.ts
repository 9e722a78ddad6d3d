/**
 * Where a page's main thread spends its time while it loads on a phone-like CPU: the production server on
 * the bench database, Chromium at 4× CPU slowdown (as Lighthouse's mobile preset simulates), the bench admin
 * signed in; each page loaded `--rounds` times, its renderer profiled and its long tasks observed; the median
 * milliseconds of each kind of work (docs/performance.md, "Where a phone's main thread goes").
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench:page-profile -- \
 *     --dist-dir .next-bench --port 3460 --rounds 3 / /zones/HB-HS /indicators/gdp /login
 *
 * Observed, not simulated: the figures move with the machine's load, as Lighthouse's do; compare pages and
 * builds within one run. Needs a seeded bench database and a build in apps/web/<--dist-dir>.
 */
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

import { BENCH_ACCOUNTS, BENCH_PASSWORD } from "../lib/accounts";
import { signIn } from "../lib/http";
import {
  blockingTime,
  type ChunkKinds,
  type PageWorkKind,
  type RendererProfile,
  workByKind,
} from "../lib/page-profile";
import { WEB_DIR } from "../lib/proc";
import { startWeb } from "../lib/server";
import { percentile } from "../lib/stats";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "3" },
    port: { type: "string", default: "3460" },
    "dist-dir": { type: "string", default: ".next-bench" },
    chromium: { type: "string", default: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL: name the seeded bench database");
const pages = positionals.length > 0 ? positionals : ["/", "/zones/HB-HS", "/indicators/gdp", "/login"];
const LONG_TASKS_SCRIPT = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); })
  .observe({ type: "longtask", buffered: true });`;
/** How long after `load` the page is watched: deferred charts draw, hydration ends. */
const SETTLE_MS = 4_000;

/** React's and Next's scripts in this build: the root main files, React's the one holding react-dom. */
function chunkKinds(distDir: string): ChunkKinds {
  const chunksDir = path.join(WEB_DIR, distDir, "static/chunks");
  const manifest = JSON.parse(readFileSync(path.join(WEB_DIR, distDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const roots = manifest.rootMainFiles.map((file) => path.basename(file));
  const react = roots.filter((name) =>
    readFileSync(path.join(chunksDir, name), "utf8").includes("__reactContainer"),
  );
  if (react.length === 0) throw new Error(`no react-dom among the root scripts of ${distDir}`);
  if (!readdirSync(chunksDir).some((name) => name.startsWith("turbopack-")))
    throw new Error(`no Turbopack runtime in ${chunksDir}: a webpack build is not classified`);
  return { react: new Set(react), nextRuntime: new Set(roots.filter((name) => !react.includes(name))) };
}

const distDir = values["dist-dir"];
const chunks = chunkKinds(distDir);
const server = await startWeb({
  distDir,
  port: Number(values.port),
  databaseUrl,
  logFile: path.join(tmpdir(), `zones-page-profile-${values.port}.log`),
});
const measured = new Map<string, Map<PageWorkKind | "blocking time", number>[]>();
try {
  const cookie = await signIn(server.baseUrl, BENCH_ACCOUNTS.admin.email, BENCH_PASSWORD);
  const browser = await chromium.launch({ executablePath: values.chromium, args: ["--no-sandbox"] });
  try {
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const page of pages) {
        // Lighthouse's mobile screen; a fresh context each load (no cache).
        const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
        await context.addCookies(
          cookie.split("; ").map((pair) => {
            const [name = "", ...value] = pair.split("=");
            return { name, value: value.join("="), domain: "127.0.0.1", path: "/" };
          }),
        );
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
        // The page's long tasks, from its first script on (a string: this package is not compiled for the DOM).
        await tab.addInitScript({ content: LONG_TASKS_SCRIPT });
        await cdp.send("Profiler.start");
        await tab.goto(`${server.baseUrl}${page}`, { waitUntil: "load" });
        await tab.waitForTimeout(SETTLE_MS);
        const { profile } = (await cdp.send("Profiler.stop")) as { profile: RendererProfile };
        const tasks = (await tab.evaluate("window.__longTasks")) as number[];
        const totals: Map<PageWorkKind | "blocking time", number> = workByKind(profile, chunks);
        totals.set("blocking time", blockingTime(tasks));
        measured.set(page, [...(measured.get(page) ?? []), totals]);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
}

const kinds = [...new Set([...measured.values()].flat().flatMap((totals) => [...totals.keys()]))].filter(
  (kind) => kind !== "idle",
);
console.log(`Main thread at 4× CPU, median of ${values.rounds} loads, ms (build ${distDir}):\n`);
console.log(`| kind of work | ${pages.join(" | ")} |\n|---|${pages.map(() => "---").join("|")}|`);
for (const kind of kinds) {
  const cells = pages.map((page) =>
    Math.round(
      percentile(
        (measured.get(page) ?? []).map((totals) => totals.get(kind) ?? 0).sort((a, b) => a - b),
        50,
      ),
    ),
  );
  console.log(`| ${kind} | ${cells.join(" | ")} |`);
}
