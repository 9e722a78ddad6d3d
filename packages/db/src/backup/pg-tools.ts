import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { BackupError } from "./errors";

const run = promisify(execFile);

export type PgTool = "pg_dump" | "pg_restore";

export interface FoundTool {
  path: string;
  /** What `--version` printed, e.g. `pg_dump (PostgreSQL) 15.12`. */
  version: string;
}

/**
 * Where the client tools of one major version usually live: Debian/Ubuntu, RHEL (PGDG), Homebrew; then
 * the PATH. `PG_BIN_DIR` replaces the list. A tool of another major version is passed over, because
 * pg_dump refuses a newer server and pg_restore cannot read an archive of a newer pg_dump.
 */
export function toolCandidates(tool: PgTool, major: number, binDir?: string): string[] {
  if (binDir) return [path.join(binDir, tool)];
  return [
    `/usr/lib/postgresql/${major}/bin/${tool}`,
    `/usr/pgsql-${major}/bin/${tool}`,
    `/opt/homebrew/opt/postgresql@${major}/bin/${tool}`,
    `/usr/local/opt/postgresql@${major}/bin/${tool}`,
    tool,
  ];
}

/** The major version in `pg_dump (PostgreSQL) 15.12 (Debian 15.12-0+deb12u2)`, or null. */
export function toolMajorVersion(versionLine: string): number | null {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine);
  return match ? Number(match[1]) : null;
}

/** The first candidate of the server's major version, or a refusal that names what was tried. */
export async function findPgTool(tool: PgTool, major: number, binDir?: string): Promise<FoundTool> {
  const tried: string[] = [];
  for (const candidate of toolCandidates(tool, major, binDir)) {
    let version: string;
    try {
      version = (await run(candidate, ["--version"])).stdout.trim();
    } catch {
      tried.push(`${candidate} (not found)`);
      continue;
    }
    if (toolMajorVersion(version) === major) return { path: candidate, version };
    tried.push(`${candidate} (${version || "no version"})`);
  }
  const advice = binDir
    ? `PG_BIN_DIR (${binDir}) must be the folder of the PostgreSQL ${major} client tools.`
    : `Install the PostgreSQL ${major} client tools (Debian: postgresql-client-${major}) or set PG_BIN_DIR to their folder.`;
  throw new BackupError(
    `No ${tool} of PostgreSQL ${major}, the server's major version: tried ${tried.join(", ")}. ${advice}`,
  );
}

/**
 * libpq's view of a connection URL: the URL without its password (which would show in the process list)
 * and the password in PGPASSWORD.
 */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a client tool against `url`; a failure carries the tool's own message. */
export async function runPgTool(tool: FoundTool, url: string, args: string[]): Promise<void> {
  const { dbname, env } = libpqConnection(url);
  try {
    await run(tool.path, [...args, `--dbname=${dbname}`], {
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new BackupError(
      `${path.basename(tool.path)} failed: ${stderr || (error as Error).message}`.slice(0, 4000),
    );
  }
}
