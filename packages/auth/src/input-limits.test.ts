import type { DatabaseHandle } from "@zones/db/client";
import { users } from "@zones/db/schema";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Auth, createAuth } from "./auth";
import { createUser } from "./users";

const PASSWORD = "correct-horse-battery-2026";
const BASE = "http://zones.test";
const EMAIL = "limits@zones.test";

/** What users may write through better-auth's endpoints is bounded as for accounts admins create. */
describe("fields users write through better-auth", () => {
  let handle: DatabaseHandle;
  let auth: Auth;
  let cookie: string;
  let lastIp = 0;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { demo: false });
    auth = createAuth({ db: handle.db, secret: "test-secret-that-is-at-least-32-characters", baseURL: BASE });
    await createUser(
      auth,
      handle.db,
      { email: EMAIL, name: "Limits", role: "viewer", password: PASSWORD },
      null,
    );
    const signedIn = await post("/sign-in/email", JSON.stringify({ email: EMAIL, password: PASSWORD }));
    expect(signedIn.status).toBe(200);
    cookie = signedIn.headers
      .getSetCookie()
      .map((header) => header.split(";")[0])
      .join("; ");
  });
  afterAll(async () => {
    await handle.close();
  });

  /** A POST with a raw body (so malformed ones can be sent), from its own address. */
  function post(path: string, body: string, headers: Record<string, string> = {}) {
    return auth.handler(
      new Request(`${BASE}/api/auth${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: BASE,
          "x-forwarded-for": `10.6.0.${++lastIp}`,
          ...headers,
        },
        body,
      }),
    );
  }
  const json = (value: unknown) => JSON.stringify(value);
  const asUser = (path: string, body: unknown) => post(path, json(body), { cookie });

  async function expectRefused(response: Response, field: string) {
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe("INVALID_INPUT");
    expect(body.message).toMatch(new RegExp(`^${field.replace(/[[\]]/g, "\\$&")}: `));
  }

  async function storedName() {
    const [row] = await handle.db.select({ name: users.name }).from(users).where(eq(users.email, EMAIL));
    return row?.name;
  }

  it("refuses a name over 100 characters, up to 10 MB, naming the field, and keeps the old one", async () => {
    await expectRefused(await asUser("/update-user", { name: "名".repeat(101) }), "name");
    await expectRefused(await asUser("/update-user", { name: "x".repeat(10 * 1024 * 1024) }), "name");
    expect(await storedName()).toBe("Limits");
    expect((await asUser("/update-user", { name: "名".repeat(100) })).status).toBe(200);
    expect(await storedName()).toBe("名".repeat(100));
  });

  it("refuses an empty name or one that is not text", async () => {
    await expectRefused(await asUser("/update-user", { name: "   " }), "name");
    await expectRefused(await asUser("/update-user", { name: ["a"] }), "name");
    await expectRefused(await asUser("/update-user", { image: "x".repeat(4096) }), "image");
  });

  it("refuses NUL, other control characters and unpaired surrogates in any field, naming it (no 500)", async () => {
    for (const bad of ["a\u0000b", "a\u0007b", "a\nb", "a\u007fb", "a\u0085b", "a\ud800b", "a\udc00"]) {
      await expectRefused(await asUser("/update-user", { name: bad }), "name");
      await expectRefused(await asUser("/update-user", { image: `https://img.example/${bad}` }), "image");
      await expectRefused(
        await post("/sign-in/email", json({ email: `x${bad}@zones.test`, password: PASSWORD })),
        "email",
      );
      await expectRefused(
        await post("/sign-in/email", json({ email: EMAIL, password: `${PASSWORD}${bad}` })),
        "password",
      );
      await expectRefused(await asUser("/two-factor/enable", { password: PASSWORD, issuer: bad }), "issuer");
      await expectRefused(await asUser("/two-factor/verify-totp", { code: bad }), "code");
      await expectRefused(
        await asUser("/change-password", { currentPassword: bad, newPassword: "a-new-password-2026" }),
        "currentPassword",
      );
    }
    // A character outside the BMP is a well-formed pair, not a lone surrogate.
    expect((await asUser("/update-user", { name: "黄石 𠀀" })).status).toBe(200);
    expect(await storedName()).toBe("黄石 𠀀");
  });

  it("refuses an over-long sign-in email or password before hashing or counting it", async () => {
    await expectRefused(
      await post("/sign-in/email", json({ email: `${"x".repeat(250)}@a.cn`, password: PASSWORD })),
      "email",
    );
    await expectRefused(
      await post("/sign-in/email", json({ email: EMAIL, password: "x".repeat(1024 * 1024) })),
      "password",
    );
    await expectRefused(await asUser("/two-factor/verify-backup-code", { code: "x".repeat(65) }), "code");
    await expectRefused(await asUser("/sign-out", { anything: "x".repeat(3000) }), "anything");
  });

  it("answers malformed bodies and wrong types with 4xx, never 5xx", async () => {
    const bodies = [
      "[]",
      "null",
      '"text"',
      "42",
      "{not json",
      "",
      json({ email: 123, password: PASSWORD }),
      json({ email: EMAIL, password: { $gt: "" } }),
      json({ email: EMAIL, password: PASSWORD, rememberMe: "yes" }),
      json({ email: [EMAIL], password: PASSWORD }),
      json({ email: "x".repeat(1024 * 1024), password: "x".repeat(1024 * 1024) }),
      `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
      `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`,
      json({ [`k${"\u0000"}`]: 1, email: EMAIL, password: PASSWORD }),
    ];
    for (const body of bodies) {
      for (const path of ["/sign-in/email", "/update-user", "/two-factor/verify-totp", "/change-password"]) {
        const response = await post(path, body, { cookie });
        expect(response.status, `${path} ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${path} ${body.slice(0, 40)}`).toBeLessThan(500);
      }
    }
  });

  it("refuses control characters in query parameters too", async () => {
    const response = await auth.handler(new Request(`${BASE}/api/auth/verify-email?token=a%00b`));
    await expectRefused(response, "token");
  });

  it("refuses a NUL in the name of an account an admin creates", async () => {
    await expect(
      createUser(
        auth,
        handle.db,
        { email: "nul@zones.test", name: "a\u0000b", role: "viewer", password: PASSWORD },
        null,
      ),
    ).rejects.toThrow(/name: must not contain control characters/);
  });
});
