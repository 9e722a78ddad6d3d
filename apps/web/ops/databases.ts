/** Test-only: databases of the ops tests, on the shared server (TEST_DATABASE_URL) or a cluster of their own. */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
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

/** A PostgreSQL server of the test's own under a temporary folder: stopped and started at will, then removed. */
export interface Cluster {
  port: number;
  url: string;
  start(): void;
  stop(): void;
  /** Stops it if running and deletes its folder (call it in `afterAll`, whatever happened). */
  remove(): void;
}

/**
 * A PostgreSQL cluster of the test's own, under a temporary folder, on `port`: stopped and started at will
 * (the shared server is never restarted), removed by `remove()`. PostgreSQL refuses to run as root: then the
 * tools run as the `postgres` user. It can be the primary of streaming replicas (`createStandby`).
 */
export function createCluster(binDir: string, port: number): Cluster {
  return clusterIn("zones-ops-pg-", binDir, port, (tool, data) => {
    tool("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  });
}

/**
 * A streaming replica of the running cluster `primary`, on `port`: `pg_basebackup -R` copies the primary and
 * writes the standby's settings (`standby.signal`, `primary_conninfo`), so once started it replays the
 * primary's WAL as a hot standby, read-only. initdb's access rules let local connections replicate.
 */
export function createStandby(binDir: string, primary: Cluster, port: number): Cluster {
  return clusterIn("zones-ops-standby-", binDir, port, (tool, data) => {
    const source = ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres"];
    // A fast checkpoint: the default (spread) makes the copy wait most of a minute for one.
    tool("pg_basebackup", ["-R", "-D", data, ...source, "-X", "stream", "--checkpoint=fast", "--no-sync"]);
  });
}

type Tool = (name: string, args: string[]) => void;

/** A temporary folder owned by the user the tools run as, its data directory made by `create`. */
function clusterIn(prefix: string, binDir: string, port: number, create: (tool: Tool, data: string) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const data = path.join(dir, "data");
  if (runningAsRoot) chownSync(dir, uidOf("postgres"), gidOf("postgres"));
  const tool: Tool = (name, args) => {
    const command = [path.join(binDir, name), ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`);
    if (runningAsRoot) {
      execFileSync("su", ["postgres", "-s", "/bin/bash", "-c", command.join(" ")], { stdio: "pipe" });
    } else execFileSync("/bin/bash", ["-c", command.join(" ")], { stdio: "pipe" });
  };
  try {
    create(tool, data);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // Replication settings (PostgreSQL 15's defaults, spelt out): a primary keeps WAL for replicas and lets
  // them stream it; a standby answers reads while it replays.
  const options = [
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "-c wal_level=replica -c max_wal_senders=5 -c hot_standby=on",
  ].join(" ");
  let running = false;
  return {
    port,
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

/**
 * `count` ports for clusters of the test's own: from OPS_CLUSTER_PORT upwards when set, else the first free
 * ones of 5440–5449.
 */
export async function clusterPorts(count: number): Promise<number[]> {
  const base = Number(process.env.OPS_CLUSTER_PORT ?? 0);
  if (base) return Array.from({ length: count }, (_, index) => base + index);
  const ports: number[] = [];
  for (let port = 5440; port <= 5449 && ports.length < count; port += 1) {
    if (await portIsFree(port)) ports.push(port);
  }
  if (ports.length < count) {
    throw new Error(
      `no ${count} free ports in 5440–5449 for the test's PostgreSQL clusters (set OPS_CLUSTER_PORT)`,
    );
  }
  return ports;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function uidOf(user: string): number {
  return Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
}
function gidOf(user: string): number {
  return Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
}
