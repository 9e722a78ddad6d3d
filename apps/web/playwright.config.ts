import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run against a production build, on the system Chromium (never a downloaded
 * browser), with a fresh embedded database of their own.
 */
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium}. Install Debian's: apt-get install -y chromium fonts-noto-cjk ` +
      "(or set CHROMIUM_PATH). Never run `npx playwright install`.",
  );
}

const port = Number(process.env.E2E_PORT ?? 3100);
/** Port of a second server whose database cannot be reached. */
export const unreachablePort = port + 1;
// One store per port, so two runs on different ports never share (or delete) each other's data.
const dataDir = path.resolve(import.meta.dirname, `../../.data/e2e-${port}`);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: /(throttle|catalogue-workflow)\.spec\.ts/,
    },
    // Adds a zone reporting in the demo's open quarter, which changes that quarter's counts: after the others.
    {
      name: "catalogue-workflow",
      use: { ...devices["Desktop Chrome"] },
      testMatch: /catalogue-workflow\.spec\.ts/,
      dependencies: ["chromium"],
    },
    // Leaves the client IP throttled, so it runs last.
    {
      name: "throttle",
      use: { ...devices["Desktop Chrome"] },
      testMatch: /throttle\.spec\.ts/,
      dependencies: ["catalogue-workflow"],
    },
  ],
  webServer: [
    {
      // A fresh store each run: migrate and seed, then serve the production build.
      command: `rm -rf "${dataDir}" "${dataDir}.lock" "${dataDir}-exports" && npm run db:migrate --prefix ../.. && npm run db:seed --prefix ../.. -- --as-of 2026-11-28 && node server.mjs`,
      url: `http://127.0.0.1:${port}/api/health`,
      // Export files of this run's background and scheduled exports (the worker runs in the server).
      // The production server (`npm start`): it decides the client address from the socket, as in production.
      // ZONES_DEMO=1: a test run, on the embedded database without a deployment's secret and public URL.
      env: {
        PGLITE_DIR: dataDir,
        DATABASE_URL: "",
        EXPORT_DIR: `${dataDir}-exports`,
        PORT: String(port),
        ZONES_DEMO: "1",
      },
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      // The same build with its database unreachable, for the health check's 503.
      command: "node server.mjs",
      port: unreachablePort,
      env: {
        DATABASE_URL: "postgres://zones@127.0.0.1:9/unreachable",
        PORT: String(unreachablePort),
        ZONES_DEMO: "1",
      },
      timeout: 60_000,
      reuseExistingServer: false,
    },
  ],
});
