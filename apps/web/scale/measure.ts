/**
 * `npm run bench:scale` (docs/scaling.md): `dashboard.zone` through the nginx site at a number of clients,
 * with one and with two production web processes behind it, on a database the bench harness filled
 * (`npm run bench:seed`). Prints each run and the medians; never fails on a figure.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench:scale -- [--clients 16] [--seconds 20] [--runs 3]
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { httpLoad } from "@zones/bench/http";
import { percentile } from "@zones/bench/stats";

import { freePort } from "../ops/ports";
import { startProxy } from "./proxy";

const WEB_DIR = path.resolve(import.meta.dirname, "..");
const ROOT = path.resolve(WEB_DIR, "../..");
const ACCOUNT = { email: "scale-bench@bench.local", password: "Scale-Bench-Lantern-2026" };
const SECRET = "scale-bench-secret-0123456789-0123456789-abcdef";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "16" },
    seconds: { type: "string", default: "20" },
    runs: { type: "string", default: "3" },
    webs: { type: "string", default: "1,2" },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl)
  throw new Error("DATABASE_URL: a database filled by `npm run bench:seed` (never a real one)");
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const runs = Number(values.runs);
const distDir = process.env.NEXT_DIST_DIR || ".next";

/** The bench's account, made through the product's CLI when missing (its password is this script's). */
function ensureAccount(): void {
  try {
    execFileSync(
      "npm",
      [
        "run",
        "--silent",
        "user:create",
        "--",
        "--email",
        ACCOUNT.email,
        "--role",
        "admin",
        "--name",
        "scale-bench",
      ],
      { cwd: ROOT, env: { ...process.env, ZONES_NEW_PASSWORD: ACCOUNT.password }, stdio: "pipe" },
    );
  } catch (error) {
    const output = String((error as { stderr?: Buffer }).stderr ?? "");
    if (!/already has an account/.test(output)) throw error;
  }
}

function startWeb(port: number, publicUrl: string): ChildProcess {
  return spawn(process.execPath, ["server.mjs"], {
    cwd: WEB_DIR,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: publicUrl,
      TRUSTED_PROXIES: "127.0.0.1",
      EXPORT_WORKER: "off",
      LOG_LEVEL: "warn",
      PORT: String(port),
    },
    stdio: "ignore",
  });
}

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const answer = await fetch(url).catch(() => null);
    if (answer?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not ready in 90 s (is the database migrated? npm run db:migrate)`);
}

const median = (numbers: number[]) =>
  percentile(
    [...numbers].sort((a, b) => a - b),
    50,
  );

ensureAccount();
const input = encodeURIComponent(JSON.stringify({ json: { zoneCode: "HB-HS" } }));
console.log(
  `Zones scale-out bench — ${new Date().toISOString()}, dashboard.zone (HB-HS) through nginx, ${clients} clients, ${runs} × ${seconds} s each; load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`,
);
for (const webCount of values.webs.split(",").map(Number)) {
  const ports = await Promise.all(Array.from({ length: webCount }, () => freePort()));
  const proxy = await startProxy({
    httpsPort: await freePort(),
    httpPort: await freePort(),
    upstreams: ports,
  });
  const webs = ports.map((port) => startWeb(port, proxy.url));
  try {
    await Promise.all(ports.map((port) => waitReady(`http://127.0.0.1:${port}/api/health/ready`)));
    const signIn = await fetch(`http://127.0.0.1:${ports[0]}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: proxy.url, "x-forwarded-proto": "https" },
      body: JSON.stringify(ACCOUNT),
    });
    if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const url = `https://127.0.0.1:${proxy.port}/api/trpc/dashboard.zone?input=${input}`;
    const load = () => httpLoad(url, { connections: clients, seconds, headers: { cookie } });
    await load(); // warm-up, not counted
    const results: { rps: number; p95: number }[] = [];
    for (let run = 1; run <= runs; run++) {
      const { latency, requests, failures } = await load();
      results.push({ rps: requests / seconds, p95: latency.p95 });
      console.log(
        `  ${webCount} web: run ${run}: ${(requests / seconds).toFixed(1)} req/s, p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, ${failures} failures; load ${loadavg()[0]?.toFixed(2)}`,
      );
    }
    console.log(
      `${webCount} web process${webCount > 1 ? "es" : ""}: median ${median(results.map((r) => r.rps)).toFixed(1)} req/s, p95 ${median(results.map((r) => r.p95)).toFixed(1)} ms`,
    );
  } finally {
    for (const web of webs) web.kill("SIGTERM");
    await proxy.stop();
  }
}
