#!/usr/bin/env node
// `npm run demo`: build what changed (turbo's cache makes a second start a cache hit), migrate and seed
// the database (embedded PGlite unless DATABASE_URL is set), serve the app and say where it is.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const rootDir = path.resolve(webDir, "../..");
const port = process.env.PORT ?? "3000";
const started = performance.now();
const quietEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: "inherit", env: quietEnv });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function waitForHealth(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 200 in time`);
}

/** Fails early when another process (an earlier demo?) holds the port, instead of talking to it. */
function ensurePortFree(portNumber) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () =>
      reject(
        new Error(
          `port ${portNumber} is already in use: stop what runs there, or choose another with PORT=…`,
        ),
      ),
    );
    probe.once("listening", () => probe.close(resolve));
    probe.listen(Number(portNumber));
  });
}

try {
  await ensurePortFree(port);
  console.log("› Building (cached when nothing changed)…");
  await run("npx", ["turbo", "run", "build", "--filter=@zones/web", "--output-logs=errors-only"], rootDir);
  console.log(`› Preparing the database… (${seconds()} s)`);
  await run("npm", ["run", "db:prepare"], rootDir);
  console.log(`› Starting the server… (${seconds()} s)`);
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exit(1);
}

// Next's own entry, run by this Node: a signal to the server then reaches Next itself, not a wrapper.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const server = spawn(process.execPath, [nextBin, "start", "-p", port], {
  cwd: webDir,
  stdio: "inherit",
  env: quietEnv,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

try {
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, Date.now() + 60_000);
  const engine = process.env.DATABASE_URL
    ? "PostgreSQL (DATABASE_URL)"
    : "embedded PostgreSQL (.data/pglite)";
  console.log(`
✓ Zones 示范区监测 is ready in ${seconds()} s: http://localhost:${port}
  Database: ${engine}, with synthetic demo data.

  Demo accounts (password zones-demo-2026):
    admin@demo.local      管理员 administrator
    reviewer@demo.local   审核员 reviewer
    huangshi@demo.local   填报员 official of 湖北黄石 (HB-HS)
    viewer@demo.local     查看员 viewer

  Stop with Ctrl+C.
`);
} catch (error) {
  console.error(`✗ ${error.message}`);
  server.kill("SIGTERM");
  process.exit(1);
}
