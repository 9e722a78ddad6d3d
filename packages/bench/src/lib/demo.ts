import { existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { ROOT, runChecked, startGroup, stopGroup, waitForOtherBuilds, waitForStatus } from "./proc";

export interface DemoMeasure {
  dir: string;
  npmCiSeconds: number;
  /** `npm run demo` to the first 200 of `/`: fresh clone (no build, no data), then a second start. */
  cold: number;
  warm: number;
  /** A bare `next start` of the same build and data to the first 200 of `/`. */
  bareStart: number;
  /** A bare `next build` of the same clone (the build the cold start cannot avoid). */
  bareBuild: number;
}

/** The demo's environment: embedded PGlite (no DATABASE_URL), default build folder, our port. */
function demoEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "NEXT_DIST_DIR", "PGLITE_DIR", "NODE_ENV"])
    delete env[name];
  return env;
}

async function timeToFirstPage(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; port: number; log: string },
): Promise<number> {
  const started = performance.now();
  const child = startGroup(command, args, {
    cwd: options.cwd,
    env: options.env,
    log: openSync(options.log, "a"),
  });
  try {
    // `/` redirects to /login without a session; fetch follows it, so a 200 is the first page served.
    await waitForStatus(`http://127.0.0.1:${options.port}/`, {
      timeoutMs: 10 * 60_000,
      child,
      intervalMs: 100,
    });
    return (performance.now() - started) / 1000;
  } finally {
    await stopGroup(child);
  }
}

/**
 * `npm run demo` from a fresh clone of this repository's HEAD (committed files only) in a scratch folder:
 * `npm ci` untimed, then a cold start (build, migrate, seed, serve) and a warm one, each timed to the first
 * 200 of `/`; then a bare `next start` of the same build and data (the floor of a warm start) and a bare
 * `next build` of the same clone (with the bare start, the floor of a cold one).
 */
export async function benchDemo(options: {
  port: number;
  keep: boolean;
  log: (line: string) => void;
}): Promise<DemoMeasure> {
  const dir = mkdtempSync(path.join(tmpdir(), "zones-demo-"));
  const log = path.join(dir, "..", `${path.basename(dir)}.log`);
  try {
    await runChecked("git", ["clone", "--quiet", "--no-hardlinks", ROOT, dir]);
    options.log(`  cloned HEAD into ${dir}; npm ci (untimed)…`);
    const ci = await runChecked("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir });
    if (existsSync(path.join(dir, ".data")) || existsSync(path.join(dir, "apps/web/.next"))) {
      throw new Error("the fresh clone already has .data or a build");
    }
    await waitForOtherBuilds(options.log);
    const env = demoEnv(options.port);
    const run = { cwd: dir, env, port: options.port, log };
    const cold = await timeToFirstPage("npm", ["run", "demo"], run);
    options.log(`  cold demo: ${cold.toFixed(1)} s`);
    const warm = await timeToFirstPage("npm", ["run", "demo"], run);
    options.log(`  warm demo: ${warm.toFixed(1)} s`);
    const nextBin = path.join(dir, "node_modules/next/dist/bin/next");
    const bareStart = await timeToFirstPage(
      process.execPath,
      [nextBin, "start", "-p", String(options.port)],
      {
        ...run,
        cwd: path.join(dir, "apps/web"),
      },
    );
    options.log(`  bare next start: ${bareStart.toFixed(1)} s`);
    // The floor of the cold start's build: `next build` alone, in the same clone, from scratch.
    await waitForOtherBuilds(options.log);
    rmSync(path.join(dir, "apps/web/.next"), { recursive: true, force: true });
    const build = await runChecked(process.execPath, [nextBin, "build"], {
      cwd: path.join(dir, "apps/web"),
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    options.log(`  bare next build: ${build.seconds.toFixed(1)} s`);
    return { dir, npmCiSeconds: ci.seconds, cold, warm, bareStart, bareBuild: build.seconds };
  } finally {
    if (!options.keep) {
      rmSync(dir, { recursive: true, force: true });
      rmSync(log, { force: true });
    }
  }
}
