import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { noteRequestUser } from "./context.mjs";
import { observeRequests } from "./http.mjs";
import { registry } from "./metrics.mjs";
import { recordProcedureCall } from "./procedures.mjs";
import { routeLabel, UNMATCHED_ROUTE } from "./route-label.mjs";
import { captureLogs } from "./testing.mjs";

const PORT = 3845;
const BASE = `http://127.0.0.1:${PORT}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What `next build` writes of the app's routes (the part the labels come from). */
const MANIFEST = {
  staticRoutes: [{ page: "/" }, { page: "/login" }, { page: "/api/health" }, { page: "/api/metrics" }],
  dynamicRoutes: [
    { page: "/api/auth/[...all]", regex: "^/api/auth/(.+?)(?:/)?$" },
    { page: "/api/trpc/[trpc]", regex: "^/api/trpc/([^/]+?)(?:/)?$" },
    { page: "/zones/[code]", regex: "^/zones/([^/]+?)(?:/)?$" },
  ],
};

let dir: string;
let server: Server;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "zones-telemetry-"));
  const distDir = path.join(dir, process.env.NEXT_DIST_DIR ?? ".next");
  await mkdir(distDir, { recursive: true });
  await writeFile(path.join(distDir, "routes-manifest.json"), JSON.stringify(MANIFEST));
  // Stands in for Next: reads the id it was given, learns the user, calls procedures, fails on request.
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", BASE);
    setTimeout(() => {
      if (url.searchParams.has("user")) noteRequestUser(url.searchParams.get("user"));
      for (const procedure of url.searchParams.getAll("procedure")) {
        recordProcedureCall({ procedure, type: "query", status: 200, durationMs: 1.25, userId: null });
      }
      response.writeHead(Number(url.searchParams.get("status") ?? 200), { "content-type": "text/plain" });
      response.end(`seen ${request.headers["x-request-id"]}`);
    }, 5);
  });
  observeRequests(server, { dir });
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe("each request through the production server's hook", () => {
  it("keeps a proxy's well-formed id, hands it to the app and returns it", async () => {
    const response = await fetch(`${BASE}/login`, { headers: { "x-request-id": "proxy-id-7.1" } });
    expect(response.headers.get("x-request-id")).toBe("proxy-id-7.1");
    expect(await response.text()).toBe("seen proxy-id-7.1");
  });

  it("replaces a missing or malformed id with a new one", async () => {
    const missing = await fetch(`${BASE}/login`);
    expect(missing.headers.get("x-request-id")).toMatch(UUID);
    const forged = await fetch(`${BASE}/login`, { headers: { "x-request-id": "a b\tforged" } });
    expect(forged.headers.get("x-request-id")).toMatch(UUID);
    expect(await forged.text()).toBe(`seen ${forged.headers.get("x-request-id")}`);
  });

  it("writes one JSON line: method, route pattern, status, duration, request id, user id, procedures", async () => {
    const capture = captureLogs();
    try {
      await (
        await fetch(`${BASE}/zones/HB-HS?user=user-9`, { headers: { "x-request-id": "req-zone" } })
      ).text();
      await (
        await fetch(`${BASE}/api/trpc/a.b,c.d?batch=1&procedure=a.b&procedure=c.d&user=user-9&input=secret`, {
          headers: { "x-request-id": "req-batch" },
        })
      ).text();
      await (await fetch(`${BASE}/nowhere/at/all?status=404`)).text();
    } finally {
      capture.stop();
    }
    const requests = capture.lines().filter((line) => line.msg === "request");
    expect(requests).toEqual([
      expect.objectContaining({
        level: "info",
        method: "GET",
        route: "/zones/[code]",
        status: 200,
        durationMs: expect.any(Number),
        requestId: "req-zone",
        userId: "user-9",
      }),
      expect.objectContaining({
        route: "/api/trpc/[trpc]",
        requestId: "req-batch",
        userId: "user-9",
        procedures: ["a.b", "c.d"],
      }),
      expect.objectContaining({ route: UNMATCHED_ROUTE, status: 404, userId: null }),
    ]);
    // The stand-in answers after a 5 ms timer, which may fire up to a millisecond early against the monotonic
    // clock the duration is read from (libuv reckons timers from its loop's cached time); in milliseconds,
    // not seconds or microseconds.
    expect(requests[0]?.durationMs).toBeGreaterThanOrEqual(4);
    expect(requests[0]?.durationMs).toBeLessThan(1_000);
    // Each procedure has its own line, with the batch's request id.
    expect(capture.lines().filter((line) => line.msg === "procedure")).toEqual([
      expect.objectContaining({ procedure: "a.b", requestId: "req-batch", status: 200 }),
      expect.objectContaining({ procedure: "c.d", requestId: "req-batch", status: 200 }),
    ]);
    // The address's query (a procedure's input) and its codes are never written.
    expect(capture.text()).not.toMatch(/secret|HB-HS|nowhere/);
  });

  it("keeps requests apart, in turn on one connection and at once on several", async () => {
    const capture = captureLogs();
    try {
      const ids = Array.from({ length: 12 }, (_, index) => `req-${index}`);
      await Promise.all(
        ids.map(async (id) => {
          const response = await fetch(`${BASE}/login?user=user-of-${id}`, {
            headers: { "x-request-id": id },
          });
          expect(await response.text()).toBe(`seen ${id}`);
        }),
      );
      for (const id of ids) {
        await (
          await fetch(`${BASE}/login?user=again-${id}`, { headers: { "x-request-id": `${id}-again` } })
        ).text();
      }
    } finally {
      capture.stop();
    }
    const users = capture.lines().map((line) => [line.requestId, line.userId]);
    expect(users).toHaveLength(24);
    for (const [requestId, userId] of users) {
      expect(userId).toBe(
        String(requestId).endsWith("-again")
          ? `again-${String(requestId).slice(0, -6)}`
          : `user-of-${requestId}`,
      );
    }
  });

  it("counts requests and their latency per method, route pattern and status", async () => {
    await (await fetch(`${BASE}/zones/SD-ZB?status=503`)).text();
    const text = await registry.metrics();
    expect(text).toMatch(
      /^zones_http_requests_total\{method="GET",route="\/zones\/\[code\]",status="503"\} 1$/m,
    );
    expect(text).toMatch(
      /^zones_http_request_duration_seconds_count\{method="GET",route="\/zones\/\[code\]"\} [2-9]$/m,
    );
    expect(text).not.toMatch(/SD-ZB/);
  });
});

describe("route labels", () => {
  const routes = {
    staticRoutes: new Set(["/", "/login"]),
    dynamicRoutes: [{ page: "/zones/[code]", regex: /^\/zones\/([^/]+?)(?:\/)?$/ }],
  };

  it("are the app's patterns, Next's own files by kind, and one label for everything else", () => {
    expect(routeLabel("/", routes)).toBe("/");
    expect(routeLabel("/login/?next=/x", routes)).toBe("/login");
    expect(routeLabel("/zones/HB-HS?_rsc=1", routes)).toBe("/zones/[code]");
    expect(routeLabel("/_next/static/chunks/app-123.js", routes)).toBe("/_next/static");
    expect(routeLabel("/_next/image?url=x", routes)).toBe("/_next/image");
    expect(routeLabel("/_next/webpack-hmr", routes)).toBe("/_next");
    expect(routeLabel("/wp-admin/setup.php", routes)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel("/zones/HB-HS/extra", routes)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel("/login", null)).toBe(UNMATCHED_ROUTE);
  });
});
