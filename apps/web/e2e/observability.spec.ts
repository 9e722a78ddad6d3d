import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@zones/db/seed";

import { unreachablePort } from "../playwright.config";
import { demoAccount } from "./fixtures";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test.describe("the request id", () => {
  test("every response carries one: the proxy's when well formed, else a new one", async ({ request }) => {
    const kept = await request.get("/login", { headers: { "x-request-id": "proxy-7f3a.1" } });
    expect(kept.headers()["x-request-id"]).toBe("proxy-7f3a.1");
    const made = await request.get("/api/health", { headers: { "x-request-id": "not well formed!" } });
    expect(made.headers()["x-request-id"]).toMatch(UUID);
    const asset = await request.get("/no-such-page");
    expect(asset.headers()["x-request-id"]).toMatch(UUID);
  });

  test("no metrics are served without METRICS_TOKEN, to anyone", async ({ request }) => {
    expect((await request.get("/api/metrics")).status()).toBe(404);
    const bearer = await request.get("/api/metrics", { headers: { authorization: "Bearer anything" } });
    expect(bearer.status()).toBe(404);
  });
});

/**
 * A production server of its own (the same build, `node server.mjs`), with METRICS_TOKEN and a fresh embedded
 * store, whose stdout the test reads: the test server's is not readable from a spec.
 */
test.describe("a server with METRICS_TOKEN, and its log", () => {
  const port = unreachablePort + 1;
  const base = `http://127.0.0.1:${port}`;
  const token = "e2e-metrics-token-0123456789";
  const webDir = path.resolve(import.meta.dirname, "..");
  let dataDir = "";
  let server: ChildProcess | null = null;
  let stdout = "";

  const jsonLines = () =>
    stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    dataDir = await mkdtemp(path.join(tmpdir(), "zones-e2e-observability-"));
    const env = {
      ...process.env,
      DATABASE_URL: "",
      PGLITE_DIR: path.join(dataDir, "store"),
      EXPORT_DIR: path.join(dataDir, "exports"),
      EXPORT_WORKER: "off",
      PORT: String(port),
      METRICS_TOKEN: token,
      // An embedded store, as the demo and the other end-to-end servers run.
      ZONES_DEMO: "1",
      LOG_LEVEL: "info",
      LOG_FORMAT: "",
    };
    // Migrated and seeded as the demo does it (`npm run db:prepare`).
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    await new Promise<void>((resolve, reject) => {
      const prepare = spawn(process.execPath, ["--import", tsx, "src/cli/prepare.ts"], {
        cwd: path.resolve(webDir, "../../packages/db"),
        env,
        stdio: "ignore",
      });
      prepare.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prepare exited ${code}`))));
    });
    server = spawn(process.execPath, ["server.mjs"], {
      cwd: webDir,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    server.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 90_000 })
      .toBe(200);
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test("/api/metrics answers Prometheus text to the bearer of METRICS_TOKEN only", async ({ request }) => {
    const url = `${base}/api/metrics`;
    expect((await request.get(url)).status()).toBe(404);
    expect((await request.get(url, { headers: { authorization: "Bearer wrong-token" } })).status()).toBe(404);
    const scraped = await request.get(url, { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status()).toBe(200);
    expect(scraped.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();
    expect(text).toMatch(
      /^zones_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+$/m,
    );
    for (const name of [
      "zones_http_request_duration_seconds",
      "zones_procedure_calls_total",
      "zones_db_pool_in_use",
      "zones_job_queue_size",
      "zones_export_runs_total",
      "zones_sign_in_failures_total",
      "process_cpu_seconds_total",
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE ${name} `, "m"));
    }
  });

  test("stdout is JSON lines: each request, each procedure, each sign-in, none with a secret", async ({
    playwright,
  }) => {
    const account = demoAccount("reviewer");
    const client = await playwright.request.newContext({ baseURL: base });
    try {
      const failed = await client.post("/api/auth/sign-in/email", {
        headers: { origin: base, "x-request-id": "e2e-sign-in-failed" },
        data: { email: account.email, password: "not-the-password-0" },
      });
      expect(failed.status()).toBe(401);
      const signedIn = await client.post("/api/auth/sign-in/email", {
        headers: { origin: base, "x-request-id": "e2e-sign-in" },
        data: { email: account.email, password: DEMO_PASSWORD },
      });
      expect(signedIn.status()).toBe(200);
      const me = await client.get("/api/trpc/session.me,health.check?batch=1&input=%7B%7D", {
        headers: { "x-request-id": "e2e-batch-1" },
      });
      expect(me.status()).toBe(200);
      expect(me.headers()["x-request-id"]).toBe("e2e-batch-1");
      const userId = (await me.json())[0].result.data.json.id as string;

      await expect
        .poll(() => jsonLines().some((line) => line.requestId === "e2e-batch-1" && line.msg === "request"))
        .toBe(true);
      const lines = jsonLines();
      expect(lines.find((line) => line.msg === "request" && line.requestId === "e2e-batch-1")).toEqual({
        level: "info",
        time: expect.any(String),
        pid: server?.pid,
        hostname: expect.any(String),
        msg: "request",
        method: "GET",
        route: "/api/trpc/[trpc]",
        status: 200,
        durationMs: expect.any(Number),
        requestId: "e2e-batch-1",
        userId,
        procedures: ["session.me", "health.check"],
      });
      expect(
        lines
          .filter((line) => line.msg === "procedure" && line.requestId === "e2e-batch-1")
          .map((line) => line.procedure),
      ).toEqual(["session.me", "health.check"]);
      expect(lines.find((line) => line.msg === "procedure" && line.procedure === "session.me")).toMatchObject(
        {
          type: "query",
          status: 200,
          durationMs: expect.any(Number),
          userId,
        },
      );
      expect(lines.find((line) => line.msg === "sign-in failed")).toMatchObject({
        step: "password",
        level: "warn",
      });
      // One line for the failure, ours (better-auth's own "Invalid password" stays at debug), and the request's.
      expect(
        lines.filter((line) => line.requestId === "e2e-sign-in-failed").map((line) => [line.level, line.msg]),
      ).toEqual([
        ["warn", "sign-in failed"],
        ["info", "request"],
      ]);
      // The server's own events are lines of the same log.
      expect(lines.find((line) => line.event === "server.listening")).toMatchObject({
        level: "info",
        time: expect.any(String),
        pid: server?.pid,
        hostname: expect.any(String),
        port,
      });
      expect(lines.find((line) => line.msg === "sign-in succeeded")).toMatchObject({
        requestId: "e2e-sign-in",
        userId,
      });
      expect(lines.find((line) => line.msg === "request" && line.requestId === "e2e-sign-in")).toMatchObject({
        method: "POST",
        route: "/api/auth/[...all]",
        status: 200,
        userId,
      });
      for (const secret of [DEMO_PASSWORD, "not-the-password-0", "session_token", account.email]) {
        expect(stdout).not.toContain(secret);
      }
    } finally {
      await client.dispose();
    }
  });
});
