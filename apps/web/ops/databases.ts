/** Test-only: databases of the ops tests, on the shared server (TEST_DATABASE_URL) or a cluster of their own. */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createScratchDatabase } from "@zones/db/testing";

export const ADMIN_URL = process.env.TEST_DATABASE_URL;

/** A new empty database on the server of `adminUrl`; `drop()` removes it (connections and all). */
export function createDatabase(adminUrl: string) {
  return createScratchDatabase(adminUrl, "zones_ops");
}

/** Debian's PostgreSQL tools of the newest installed version, or null. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const found = versions.find((version) => existsSync(path.join(root, version, "bin", "initdb")));
  return found ? path.join(root, found, "bin") : null;
}

const runningAsRoot = process.getuid?.() === 0;

/**
 * A PostgreSQL cluster of the test's own, under a temporary folder, on `port`: stopped and started at will
 * (the shared server is never restarted), removed by `remove()`. PostgreSQL refuses to run as root: then the
 * tools run as the `postgres` user.
 */
export function createCluster(binDir: string, port: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "zones-ops-pg-"));
  const data = path.join(dir, "data");
  if (runningAsRoot) chownSync(dir, uidOf("postgres"), gidOf("postgres"));
  const tool = (name: string, args: string[]) => {
    const command = [path.join(binDir, name), ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`);
    if (runningAsRoot) {
      execFileSync("su", ["postgres", "-s", "/bin/bash", "-c", command.join(" ")], { stdio: "pipe" });
    } else execFileSync("/bin/bash", ["-c", command.join(" ")], { stdio: "pipe" });
  };
  tool("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  let running = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      tool("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
      running = true;
    },
    stop() {
      tool("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      running = false;
    },
    remove() {
      try {
        if (running) this.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function uidOf(user: string): number {
  return Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
}
function gidOf(user: string): number {
  return Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
}
