import en from "@zones/api/messages/en.json" with { type: "json" };
import zh from "@zones/api/messages/zh-CN.json" with { type: "json" };
import { captureLogs } from "@zones/telemetry/testing";
import { afterEach, describe, expect, it } from "vitest";

import { faultResponse } from "./fault-response";

const request = new Request("http://zones.test/api/exports/runs/8c1f?format=csv");
/** The driver's error for a server that refuses connections, wrapped as Drizzle wraps it. */
const refused = Object.assign(new Error("Failed query: select …\nparams: "), {
  query: "select …",
  params: [],
  cause: Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" }),
});

describe("what a route answers when it failed", () => {
  let capture: ReturnType<typeof captureLogs> | null = null;
  afterEach(() => capture?.stop());

  it("503 'try again' in the caller's language while the database cannot be reached, never its address", async () => {
    capture = captureLogs("info");
    const response = faultResponse(refused, request, "en");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(en.databaseUnavailable);
    expect(await faultResponse(refused, request, "zh-CN").text()).toBe(zh.databaseUnavailable);
    const [line] = capture.lines();
    expect(line).toMatchObject({
      level: "warn",
      msg: "database unavailable",
      path: "/api/exports/runs/8c1f",
    });
    expect(line?.reason).toMatch(/ECONNREFUSED/);
  });

  it("500 with a reference for anything else, the fault logged with its stack and the same reference", async () => {
    capture = captureLogs("info");
    const response = faultResponse(new TypeError("x is undefined"), request, "en");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("x is undefined");
    const [line] = capture.lines() as [{ reference: string; err: { stack: string } }];
    expect(line).toMatchObject({ level: "error", msg: "route failed", method: "GET" });
    expect(text).toContain(line.reference);
    expect(line.err.stack).toMatch(/TypeError: x is undefined/);
  });
});
