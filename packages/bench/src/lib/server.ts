import type { ChildProcess } from "node:child_process";
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { runChecked, startGroup, stopGroup, WEB_DIR, waitForOtherBuilds, waitForStatus } from "./proc";

/** Next's own CLI, resolved from apps/web (which depends on next). */
export const NEXT_BIN = createRequire(path.join(WEB_DIR, "package.json")).resolve("next/dist/bin/next");

const quietEnv = { NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };

/** Files `next build` may rewrite to point at its output folder; restored afterwards (see docs/performance.md). */
const TOUCHED_BY_BUILD = ["tsconfig.json", "next-env.d.ts"].map((name) => path.join(WEB_DIR, name));

export function hasBuild(distDir: string): boolean {
  return existsSync(path.join(WEB_DIR, distDir, "BUILD_ID"));
}

/**
 * `next build` into `apps/web/<distDir>` (next.config reads NEXT_DIST_DIR), after any other build on the
 * machine has finished; `tsconfig.json` and `next-env.d.ts` are put back as they were. Returns the seconds.
 */
export async function buildWeb(distDir: string, log: (line: string) => void): Promise<number> {
  await waitForOtherBuilds(log);
  const saved = TOUCHED_BY_BUILD.map((file) => ({
    file,
    text: existsSync(file) ? readFileSync(file, "utf8") : null,
  }));
  try {
    const result = await runChecked(process.execPath, [NEXT_BIN, "build"], {
      cwd: WEB_DIR,
      env: { ...process.env, ...quietEnv, NEXT_DIST_DIR: distDir, NODE_ENV: "production" },
    });
    return result.seconds;
  } finally {
    for (const { file, text } of saved) {
      const now = existsSync(file) ? readFileSync(file, "utf8") : null;
      if (now === text) continue;
      if (text === null) rmSync(file, { force: true });
      else writeFileSync(file, text);
    }
  }
}

export interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  /** Seconds from spawn to the first 200 of /api/health. */
  startSeconds: number;
  stop(): Promise<void>;
}

/**
 * What a deployment must set besides DATABASE_URL (`npm start` and `npm run worker` refuse to start without
 * them): the bench runs them as deployed, not as the demo.
 */
export function deploymentAuthEnv(baseUrl: string): Record<string, string> {
  return { BETTER_AUTH_SECRET: "zones-bench-secret-never-used-in-production", BETTER_AUTH_URL: baseUrl };
}

/** The production server (`npm start`: Next behind the client-address check), as deployed. */
const SERVER_SCRIPT = path.join(WEB_DIR, "server.mjs");

/** The production server on the build in `distDir` on `port`, serving the database at `databaseUrl`. */
export async function startWeb(options: {
  distDir: string;
  port: number;
  databaseUrl: string;
  logFile: string;
  /** Node options before the server script (e.g. `--cpu-prof`). */
  nodeArgs?: readonly string[];
}): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  try {
    await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(1000) });
    throw new Error(`port ${options.port} is already in use: choose another with --port`);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("port ")) throw error;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...quietEnv,
    NEXT_DIST_DIR: options.distDir,
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    PORT: String(options.port),
    ...deploymentAuthEnv(baseUrl),
  };
  delete env.TEST_DATABASE_URL;
  const child = startGroup(process.execPath, [...(options.nodeArgs ?? []), SERVER_SCRIPT], {
    cwd: WEB_DIR,
    env,
    log: openSync(options.logFile, "a"),
  });
  try {
    const startSeconds = await waitForStatus(`${baseUrl}/api/health`, { timeoutMs: 90_000, child });
    return { baseUrl, child, startSeconds, stop: () => stopGroup(child) };
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
}
