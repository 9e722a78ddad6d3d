#!/usr/bin/env node
// `npm run demo`: build what changed (turbo's cache makes a second start a cache hit) while migrating and
// seeding the database (embedded PGlite unless DATABASE_URL is set; skipped when the store's marker says
// nothing changed since its last preparation), then serve the app and say where it is.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { embeddedStoreIsPrepared } from "@zones/db/prepare-marker";

const webDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const rootDir = path.resolve(webDir, "../..");
const port = process.env.PORT ?? "3000";
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const require = createRequire(import.meta.url);

// The embedded store's folder, resolved once (a relative PGLITE_DIR against the repository root), so that
// the prepare and the server, each started in its own workspace, open the same one.
const dataDir = process.env.DATABASE_URL
  ? undefined
  : path.resolve(rootDir, process.env.PGLITE_DIR || path.join(".data", "pglite"));
const quietEnv = {
  ...process.env,
  ...(dataDir ? { PGLITE_DIR: dataDir } : {}),
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
};

/** A Node script run by this Node (no npx or npm in between: each would cost a Node start-up). */
function runNode(name, args, cwd) {
  const child = spawn(process.execPath, args, { cwd, stdio: "inherit", env: quietEnv });
  const done = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${name} exited with ${code ?? signal}`)),
    );
  });
  return { child, done };
}

async function waitForHealth(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200 in time`);
}

/** Whether the embedded store needs no prepare; when in doubt (the check itself failed), it does. */
function alreadyPrepared(storeDir) {
  try {
    return embeddedStoreIsPrepared(storeDir, rootDir);
  } catch {
    return false;
  }
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
  const turbo = require.resolve("turbo/bin/turbo");
  const build = runNode(
    "turbo run build",
    [turbo, "run", "build", "--filter=@zones/web", "--output-logs=errors-only"],
    rootDir,
  );
  // The build never opens the database, so the prepare (`npm run db:prepare`) runs beside it. The marker
  // its last run left in the store says when it has nothing to do (same migrations, seed code and quarter),
  // without opening the store.
  let prepare = Promise.resolve();
  if (dataDir && alreadyPrepared(dataDir)) {
    console.log("› Database already prepared (migrations, seed and quarter unchanged).");
  } else {
    console.log("› Preparing the database…");
    const tsx = pathToFileURL(require.resolve("tsx")).href;
    prepare = runNode(
      "db:prepare",
      ["--import", tsx, "src/cli/prepare.ts"],
      path.join(rootDir, "packages/db"),
    ).done.catch((error) => {
      // No server can start: stop the build rather than make the user wait for it.
      build.child.kill("SIGTERM");
      throw error;
    });
  }
  // A prepare is never cut off half-way: a failed build waits for it, then the first failure is reported.
  const [prepared, built] = await Promise.allSettled([prepare, build.done]);
  for (const result of [prepared, built]) if (result.status === "rejected") throw result.reason;
  console.log(`› Starting the server… (${seconds()} s)`);
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exit(1);
}

// The production server (`npm start`), run by this Node: a signal to the server then reaches it, not a
// wrapper. It takes the client address from the socket (or a proxy in TRUSTED_PROXIES), never from the client.
// Its log in readable lines rather than JSON (LOG_FORMAT=json keeps JSON). ZONES_DEMO=1: a demo, so the embedded database, the generated secret and the local origin are allowed
// (`npm start` alone refuses to start without DATABASE_URL, BETTER_AUTH_SECRET and BETTER_AUTH_URL).
const server = spawn(process.execPath, [path.join(webDir, "server.mjs")], {
  cwd: webDir,
  stdio: "inherit",
  env: { ...quietEnv, PORT: port, ZONES_DEMO: "1", LOG_FORMAT: process.env.LOG_FORMAT || "pretty" },
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
