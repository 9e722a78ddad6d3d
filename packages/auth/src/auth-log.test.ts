import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import type { DatabaseHandle } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { newRequestContext, runWithRequest } from "@zones/telemetry/context";
import { registry } from "@zones/telemetry/metrics";
import { captureLogs } from "@zones/telemetry/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { type Auth, createAuth } from "./auth";
import { AUTH_LIBRARY_LOGGER } from "./auth-log";
import { MAX_FAILURES } from "./login-throttle";
import { createUser } from "./users";

const PASSWORD = "correct-horse-battery-2026";
const WRONG = "wrong-password-000";
const BASE = "http://zones.test";

/** A counter's value, 0 before its first increment. */
async function counted(name: string, step: string): Promise<number> {
  const found = new RegExp(`^${name}\\{step="${step}"\\} (\\d+)$`, "m").exec(await registry.metrics());
  return Number(found?.[1] ?? 0);
}

describe("what sign-ins tell the operators", () => {
  let handle: DatabaseHandle;
  let auth: Auth;
  let userId: string;
  let capture: ReturnType<typeof captureLogs>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { demo: false });
    auth = createAuth({ db: handle.db, secret: "test-secret-that-is-at-least-32-characters", baseURL: BASE });
    for (const email of ["events@zones.test", "throttled@zones.test", "second@zones.test"]) {
      const user = await createUser(
        auth,
        handle.db,
        { email, name: email, role: "viewer", password: PASSWORD },
        null,
      );
      if (email === "events@zones.test") userId = user.id;
    }
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(() => {
    capture = captureLogs();
  });
  afterEach(() => {
    capture.stop();
  });

  function post(path: string, body: unknown, ip: string, cookie = "") {
    return auth.handler(
      new Request(`${BASE}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": ip, cookie },
        body: JSON.stringify(body),
      }),
    );
  }
  const signIn = (email: string, password: string, ip: string) =>
    post("/sign-in/email", { email, password }, ip);
  const cookiesOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0] ?? "")
      .filter((cookie) => !cookie.endsWith("="))
      .join("; ");
  const events = () => capture.lines().filter((line) => String(line.msg).startsWith("sign-in"));

  it("a success names the user; a failure is counted, naming neither the account typed nor the password", async () => {
    const request = newRequestContext("req-sign-in");
    expect(
      (await runWithRequest(request, () => signIn("events@zones.test", PASSWORD, "10.2.0.1"))).status,
    ).toBe(200);
    // The sign-in's request line will name the user.
    expect(request.userId).toBe(userId);
    const failuresBefore = await counted("zones_sign_in_failures_total", "password");
    expect((await signIn("events@zones.test", WRONG, "10.2.0.2")).status).toBe(401);
    expect(events()).toEqual([
      expect.objectContaining({
        level: "info",
        msg: "sign-in succeeded",
        step: "password",
        userId,
        ip: "10.2.0.1",
      }),
      expect.objectContaining({
        level: "warn",
        msg: "sign-in failed",
        step: "password",
        ip: "10.2.0.2",
        reason: "INVALID_EMAIL_OR_PASSWORD",
      }),
    ]);
    expect(await counted("zones_sign_in_failures_total", "password")).toBe(failuresBefore + 1);
    const text = capture.text();
    for (const secret of [PASSWORD, WRONG, "events@zones.test", "zones.session_token"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("a failed sign-in is one line, not also better-auth's own", async () => {
    capture.stop();
    capture = captureLogs("info");
    expect((await signIn("events@zones.test", WRONG, "10.5.0.1")).status).toBe(401);
    expect((await signIn("nobody@zones.test", WRONG, "10.5.0.2")).status).toBe(401);
    expect(capture.lines().map((line) => [line.level, line.msg, line.ip])).toEqual([
      ["warn", "sign-in failed", "10.5.0.1"],
      ["warn", "sign-in failed", "10.5.0.2"],
    ]);
  });

  it("better-auth's own warnings stay at debug, for whoever looks into a refusal", async () => {
    expect((await signIn("events@zones.test", WRONG, "10.5.0.3")).status).toBe(401);
    expect(capture.lines()).toContainEqual(
      expect.objectContaining({ level: "debug", msg: "better-auth: Invalid password" }),
    );
  });

  it("better-auth's errors stay errors, but for those of a database gone (answered 503, said elsewhere)", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" });
    AUTH_LIBRARY_LOGGER.log?.(
      "error",
      "INTERNAL_SERVER_ERROR",
      new Error("Failed query", { cause: refused }),
    );
    AUTH_LIBRARY_LOGGER.log?.("error", "Failed to create session");
    expect(capture.lines().map((line) => [line.level, line.msg])).toEqual([
      ["debug", "better-auth: INTERNAL_SERVER_ERROR"],
      ["error", "better-auth: Failed to create session"],
    ]);
  });

  it("a throttled attempt is logged and counted, saying when the next may come", async () => {
    for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) {
      expect((await signIn("throttled@zones.test", WRONG, `10.3.0.${attempt}`)).status).toBe(401);
    }
    const throttledBefore = await counted("zones_sign_in_throttled_total", "password");
    expect((await signIn("throttled@zones.test", PASSWORD, "10.3.0.9")).status).toBe(429);
    const throttled = events().filter((line) => line.msg === "sign-in throttled");
    expect(throttled).toEqual([
      expect.objectContaining({
        level: "warn",
        step: "password",
        ip: "10.3.0.9",
        retryAfterSeconds: expect.any(Number),
      }),
    ]);
    expect(await counted("zones_sign_in_throttled_total", "password")).toBe(throttledBefore + 1);
    expect(events().filter((line) => line.msg === "sign-in failed")).toHaveLength(MAX_FAILURES);
  });

  it("the second factor: the password step says a code is needed, a wrong code fails, the right one signs in", async () => {
    const session = cookiesOf(await signIn("second@zones.test", PASSWORD, "10.4.0.1"));
    const enabled = await post("/two-factor/enable", { password: PASSWORD }, "10.4.0.2", session);
    const { totpURI } = (await enabled.json()) as { totpURI: string };
    const secret = new URL(totpURI).searchParams.get("secret") ?? "";
    const totp = () => createOTP(base32.decode(secret)).totp();
    expect((await post("/two-factor/verify-totp", { code: await totp() }, "10.4.0.3", session)).status).toBe(
      200,
    );

    capture.stop();
    capture = captureLogs();
    const failuresBefore = await counted("zones_sign_in_failures_total", "two-factor");
    const challenge = cookiesOf(await signIn("second@zones.test", PASSWORD, "10.4.0.4"));
    const code = await totp();
    const wrongCode = String((Number(code) + 500_000) % 1_000_000).padStart(6, "0");
    expect((await post("/two-factor/verify-totp", { code: wrongCode }, "10.4.0.5", challenge)).status).toBe(
      401,
    );
    expect((await post("/two-factor/verify-totp", { code }, "10.4.0.6", challenge)).status).toBe(200);
    const second = (await auth.api.getSession({ headers: new Headers({ cookie: challenge }) }))?.user.id;
    expect(second).toBeUndefined();
    expect(events().map((line) => [line.msg, line.step, line.ip])).toEqual([
      ["sign-in needs two-factor", "password", "10.4.0.4"],
      ["sign-in failed", "two-factor", "10.4.0.5"],
      ["sign-in succeeded", "two-factor", "10.4.0.6"],
    ]);
    expect(events()[1]).toMatchObject({ reason: "INVALID_CODE" });
    expect(events()[2]?.userId).toEqual(events()[0]?.userId);
    expect(await counted("zones_sign_in_failures_total", "two-factor")).toBe(failuresBefore + 1);
    const text = capture.text();
    for (const value of [secret, code, wrongCode, PASSWORD]) expect(text).not.toContain(value);
  });
});
