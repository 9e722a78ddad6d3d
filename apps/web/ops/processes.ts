/** Test-only: the production server and worker as child processes, their JSON log lines, free ports. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { vi } from "vitest";

export { freePort } from "./ports";

const WEB_DIR = path.resolve(import.meta.dirname, "..");
const JOBS_DIR = path.resolve(WEB_DIR, "../../packages/jobs");

/** The production build the server runs: NEXT_DIST_DIR (default `.next`), made by `npm run build`. */
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

export function assertBuilt(): void {
  if (!existsSync(path.join(WEB_DIR, DIST_DIR, "BUILD_ID"))) {
    throw new Error(
      `No production build in apps/web/${DIST_DIR}: run \`npm run build\` first (or set NEXT_DIST_DIR to the build's folder).`,
    );
  }
}

/** A deployment's configuration for a database (what `npm start` requires), on `port`. */
export function productionEnv(databaseUrl: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: "ops-test-secret-0123456789-0123456789-abcdef",
    BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
  };
}

export interface LogLine {
  level: string;
  event: string;
  msg?: string;
  [field: string]: unknown;
}

export interface Service {
  child: ChildProcess;
  /** Every line the process wrote, stdout and stderr, in order. */
  output: string[];
  /** The JSON log lines among them. */
  logs(): LogLine[];
  /** Waits for a log line of `event` (matching `where`), failing after `timeoutMs`. */
  waitForLog(event: string, where?: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<number | string>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | string>;
}

/** The environment children start from: this process's, without what would change their configuration. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  for (const name of [
    "DATABASE_URL",
    "TEST_DATABASE_URL",
    "TEST_ENGINE",
    "BETTER_AUTH_SECRET",
    "BETTER_AUTH_URL",
    "MIGRATE_ON_START",
    "SHUTDOWN_GRACE_SECONDS",
    "ZONES_DEMO",
    "EXPORT_WORKER",
    "EXPORT_DIR",
    "EXPORT_STORAGE_URL",
    "S3_ENDPOINT",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_FORCE_PATH_STYLE",
    "PORT",
    "VITEST",
    "NODE_ENV",
  ]) {
    delete env[name];
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR };
}

/** A child's environment: the base one and `extra` (no NODE_ENV: `npm start` sets its own). */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...baseEnv(), ...extra } as NodeJS.ProcessEnv;
}

function service(child: ChildProcess): Service {
  const output: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let rest = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      output.push(...lines);
      if (process.env.OPS_VERBOSE) for (const line of lines) console.log(`[${child.pid}] ${line}`);
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  const logs = () =>
    output.flatMap((line) => {
      if (!line.startsWith("{")) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  return {
    child,
    output,
    logs,
    exited,
    async waitForLog(event, where = () => true, timeoutMs = 30_000) {
      return vi
        .waitUntil(() => logs().find((line) => line.event === event && where(line)), {
          timeout: timeoutMs,
          interval: 50,
        })
        .catch((error: unknown) => {
          throw new Error(`no log line ${event} in time; output:\n${output.slice(-40).join("\n")}`, {
            cause: error,
          });
        });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** `npm start` as deployed: `node server.mjs` in apps/web, on the build in DIST_DIR. */
export function startServer(env: Record<string, string>): Service {
  return service(
    spawn(process.execPath, ["server.mjs"], {
      cwd: WEB_DIR,
      env: childEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

/** `npm run worker` (tsx on packages/jobs/src/cli/worker.ts, run by this Node). */
export function startWorker(env: Record<string, string>): Service {
  return service(
    spawn(process.execPath, ["--import", "tsx", "src/cli/worker.ts"], {
      cwd: JOBS_DIR,
      env: childEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

/** Polls `url` until `accept` holds for its answer; the answer. */
export async function waitForAnswer(
  url: string,
  accept: (response: Response) => boolean,
  timeoutMs = 60_000,
): Promise<Response> {
  return vi.waitUntil(
    async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
      return response && accept(response) ? response : null;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}

/** Whether a new TCP connection to the port is refused. */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

/** `npm run db:migrate` on `databaseUrl` (tsx on packages/db/src/cli/migrate.ts, run by this Node). */
export function runMigrate(databaseUrl: string): Promise<number | string> {
  return runDatabaseCommand("migrate", [], databaseUrl);
}

/** `npm run db:seed -- ARGS` on `databaseUrl`: the catalogue, periods and (without --no-demo) demo data and accounts. */
export function runSeed(databaseUrl: string, args: string[] = []): Promise<number | string> {
  return runDatabaseCommand("seed", args, databaseUrl);
}

function runDatabaseCommand(command: string, args: string[], databaseUrl: string): Promise<number | string> {
  const child = spawn(process.execPath, ["--import", "tsx", `src/cli/${command}.ts`, ...args], {
    cwd: path.resolve(WEB_DIR, "../../packages/db"),
    env: childEnv({ DATABASE_URL: databaseUrl }),
    stdio: "ignore",
  });
  return service(child).exited;
}
