import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** The monorepo root (the folder holding turbo.json). */
export const ROOT = (() => {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, "turbo.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find the repository root (turbo.json)");
    dir = parent;
  }
  return dir;
})();

export const WEB_DIR = path.join(ROOT, "apps/web");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Text written to the child's stdin. */
  input?: string;
  /** Where the child's stdout goes instead of being collected (e.g. a file descriptor of /dev/null). */
  stdoutFd?: number;
  /** Pass the child's stderr through (progress of long steps). */
  inheritStderr?: boolean;
}

/** Runs a command to its end; never throws on a non-zero exit (the caller decides). */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: [
        options.input === undefined ? "ignore" : "pipe",
        options.stdoutFd ?? "pipe",
        options.inheritStderr ? "inherit" : "pipe",
      ],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Throws with the command's output when it failed. */
export async function runChecked(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-30).join("\n");
    throw new Error(`${command} ${args.join(" ")} exited with ${result.code}\n${output}`);
  }
  return result;
}

/**
 * A long-running child in a process group of its own, so that stopping it stops what it started (npm →
 * turbo → next). Output goes to `log` (a file descriptor) or is dropped.
 */
export function startGroup(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; log?: number },
): ChildProcess {
  return spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", options.log ?? "ignore", options.log ?? "ignore"],
  });
}

/**
 * SIGTERM to the child's own process group; SIGKILL to what is left of the group after `graceMs`. Resolves
 * once the child has exited and the group is gone (a server killed mid-shutdown would leave, e.g., the
 * embedded database's lock behind for the next start).
 */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (name: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-pid, name);
      return true;
    } catch {
      return false; // no such group any more
    }
  };
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signal("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && signal(0)) await new Promise((resolve) => setTimeout(resolve, 100));
  if (signal(0)) signal("SIGKILL");
  await exited;
}

/** Polls `url` until it answers with `status` (after redirects) or the deadline passes; returns the seconds waited. */
export async function waitForStatus(
  url: string,
  options: { timeoutMs: number; status?: number; intervalMs?: number; child?: ChildProcess },
): Promise<number> {
  const started = performance.now();
  const deadline = started + options.timeoutMs;
  const wanted = options.status ?? 200;
  while (performance.now() < deadline) {
    if (options.child && (options.child.exitCode !== null || options.child.signalCode !== null)) {
      throw new Error(
        `the process serving ${url} exited (${options.child.exitCode ?? options.child.signalCode})`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === wanted) return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
  throw new Error(`${url} did not answer ${wanted} within ${Math.round(options.timeoutMs / 1000)} s`);
}

/**
 * Only one `next build` at a time on this machine: waits while another process (not ours) runs one.
 * Reads the process table only (`pgrep -af`).
 */
export async function waitForOtherBuilds(
  log: (line: string) => void,
  timeoutMs = 15 * 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let said = false;
  for (;;) {
    const { stdout } = await run("pgrep", ["-af", "next build"]);
    const others = stdout
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.includes("pgrep"))
      .filter((line) => Number(line.split(" ")[0]) !== process.pid);
    if (others.length === 0) return;
    if (Date.now() > deadline) throw new Error(`another next build is still running: ${others.join("; ")}`);
    if (!said) log(`  waiting for another next build to finish: ${others[0]}`);
    said = true;
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}
