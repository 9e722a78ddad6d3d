import type { DatabaseHandle } from "@zones/db/client";
import { auditLog, sessions, users } from "@zones/db/schema";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Auth, createAuth } from "./auth";
import { resetPassword } from "./password-reset";
import { getSessionUser } from "./session";
import { createUser } from "./users";

const PASSWORD = "correct-horse-battery-2026";
const BASE = "http://zones.test";

describe("sign-in, sessions and throttling", () => {
  let handle: DatabaseHandle;
  let auth: Auth;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { demo: false });
    auth = createAuth({ db: handle.db, secret: "test-secret-that-is-at-least-32-characters", baseURL: BASE });
    await createUser(
      auth,
      handle.db,
      {
        email: "official@zones.test",
        name: "黄石填报员",
        role: "official",
        zoneCodes: ["HB-HS"],
        password: PASSWORD,
      },
      null,
    );
    await createUser(
      auth,
      handle.db,
      { email: "viewer@zones.test", name: "Viewer", role: "viewer", password: PASSWORD },
      null,
    );
    await createUser(
      auth,
      handle.db,
      { email: "throttled@zones.test", name: "T", role: "viewer", password: PASSWORD },
      null,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  function signIn(email: string, password: string, ip = "10.0.0.1") {
    return auth.handler(
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": ip },
        body: JSON.stringify({ email, password }),
      }),
    );
  }

  function cookieHeader(response: Response): Headers {
    const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
    return new Headers({ cookie: cookies.join("; ") });
  }

  it("signs in with the right password and resolves the session to the user, role and zones", async () => {
    const response = await signIn("official@zones.test", PASSWORD);
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/zones\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const user = await getSessionUser(auth, handle.db, cookieHeader(response));
    expect(user).toMatchObject({ email: "official@zones.test", role: "official", zoneCodes: ["HB-HS"] });
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const wrong = await signIn("viewer@zones.test", "not-the-password-123", "10.0.0.2");
    const unknown = await signIn("nobody@zones.test", "not-the-password-123", "10.0.0.3");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
  });

  it("ignores a forged or tampered cookie", async () => {
    const response = await signIn("viewer@zones.test", PASSWORD, "10.0.0.4");
    const headers = cookieHeader(response);
    const tampered = new Headers({ cookie: (headers.get("cookie") ?? "").replace(/=(.)/, "=X$1") });
    expect(await getSessionUser(auth, handle.db, tampered)).toBeNull();
    expect(
      await getSessionUser(auth, handle.db, new Headers({ cookie: "zones.session_token=forged.value" })),
    ).toBeNull();
  });

  it("refuses a disabled account with 403 and ends its existing sessions", async () => {
    const before = await signIn("viewer@zones.test", PASSWORD, "10.0.0.5");
    const headers = cookieHeader(before);
    await handle.db.update(users).set({ disabled: true }).where(eq(users.email, "viewer@zones.test"));
    expect(await getSessionUser(auth, handle.db, headers)).toBeNull();
    const after = await signIn("viewer@zones.test", PASSWORD, "10.0.0.5");
    expect(after.status).toBe(403);
    expect((await after.json()).code).toBe("ACCOUNT_DISABLED");
    await handle.db.update(users).set({ disabled: false }).where(eq(users.email, "viewer@zones.test"));
  });

  it("refuses the sixth failure within a minute per account, saying when to retry, even with the right password", async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await signIn("throttled@zones.test", "wrong-password-000", `10.1.0.${attempt}`);
      expect(response.status).toBe(401);
    }
    const sixth = await signIn("throttled@zones.test", PASSWORD, "10.1.0.9");
    expect(sixth.status).toBe(429);
    const body = await sixth.json();
    expect(body.code).toBe("TOO_MANY_ATTEMPTS");
    expect(body.message).toMatch(/Try again in \d+ seconds/);
  });

  it("refuses the sixth failure within a minute per IP, whatever the account", async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await signIn(`nobody${attempt}@zones.test`, "wrong-password-000", "10.2.0.1");
      expect(response.status).toBe(401);
    }
    expect((await signIn("official@zones.test", PASSWORD, "10.2.0.1")).status).toBe(429);
    expect((await signIn("official@zones.test", PASSWORD, "10.2.0.2")).status).toBe(200);
  });

  it("counts failures per IP by the address it is given; requests with no resolvable one share a count", async () => {
    // Our server sends one address. Two (a spoofed list reaching the app some other way) resolve to none,
    // which must not escape the per-IP count: such requests share one.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const spoofed = `198.51.100.${attempt}, 10.2.9.${attempt}`;
      expect((await signIn(`spoof${attempt}@zones.test`, "wrong-password-000", spoofed)).status).toBe(401);
    }
    expect((await signIn("official@zones.test", PASSWORD, "198.51.100.9, 10.2.9.9")).status).toBe(429);
    expect((await signIn("official@zones.test", PASSWORD, "10.2.9.10")).status).toBe(200);
  });

  it("records the address it is given on the session, IPv4-mapped IPv6 as IPv4", async () => {
    for (const [given, recorded] of [
      ["203.0.113.7", "203.0.113.7"],
      ["::ffff:203.0.113.8", "203.0.113.8"],
    ]) {
      const response = await signIn("official@zones.test", PASSWORD, given);
      const token = (await response.json()).token;
      const [session] = await handle.db
        .select({ ipAddress: sessions.ipAddress })
        .from(sessions)
        .where(eq(sessions.token, token));
      expect(session?.ipAddress).toBe(recorded);
    }
  });

  it("refuses a short or common password when creating a user, and audits creation", async () => {
    await expect(
      createUser(
        auth,
        handle.db,
        { email: "short@zones.test", name: "S", role: "viewer", password: "short" },
        null,
      ),
    ).rejects.toThrow(/at least 12 characters/);
    await expect(
      createUser(
        auth,
        handle.db,
        { email: "common@zones.test", name: "C", role: "viewer", password: "password1234" },
        null,
      ),
    ).rejects.toThrow(/most common passwords/);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, "user.create"));
    expect(audits.length).toBeGreaterThanOrEqual(3);
  });

  it("changing the password signs out the other sessions and clears a forced change", async () => {
    const { id } = await createUser(
      auth,
      handle.db,
      {
        email: "changer@zones.test",
        name: "C",
        role: "viewer",
        password: PASSWORD,
        mustChangePassword: true,
      },
      null,
    );
    const first = cookieHeader(await signIn("changer@zones.test", PASSWORD, "10.3.0.1"));
    const second = cookieHeader(await signIn("changer@zones.test", PASSWORD, "10.3.0.2"));
    expect((await getSessionUser(auth, handle.db, first))?.mustChangePassword).toBe(true);

    const tooShort = await changePassword(first, PASSWORD, "short-pass");
    expect(tooShort.status).toBe(400);
    const changed = await changePassword(first, PASSWORD, "a-brand-new-password-2026");
    expect(changed.status).toBe(200);

    const newCookie = cookieHeader(changed);
    const kept = await getSessionUser(auth, handle.db, newCookie.get("cookie") ? newCookie : first);
    expect(kept).toMatchObject({ id, mustChangePassword: false });
    expect(await getSessionUser(auth, handle.db, second)).toBeNull();
    expect((await signIn("changer@zones.test", PASSWORD, "10.3.0.3")).status).toBe(401);
    expect((await signIn("changer@zones.test", "a-brand-new-password-2026", "10.3.0.3")).status).toBe(200);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, "user.password_change"));
    expect(audits.map((row) => row.entityId)).toContain(id);
  });

  it("an admin reset ends the user's sessions and forces a change at the next sign-in", async () => {
    const { id } = await createUser(
      auth,
      handle.db,
      { email: "forgetful@zones.test", name: "F", role: "viewer", password: PASSWORD },
      null,
    );
    const before = cookieHeader(await signIn("forgetful@zones.test", PASSWORD, "10.4.0.1"));
    await expect(
      resetPassword(auth, handle.db, { userId: id, password: "short", actorId: id }),
    ).rejects.toThrow(/at least 12/);
    expect(
      await resetPassword(auth, handle.db, { userId: id, password: "reset-by-admin-2026", actorId: id }),
    ).toBe(true);
    expect(await getSessionUser(auth, handle.db, before)).toBeNull();
    const after = await signIn("forgetful@zones.test", "reset-by-admin-2026", "10.4.0.2");
    expect(after.status).toBe(200);
    expect((await getSessionUser(auth, handle.db, cookieHeader(after)))?.mustChangePassword).toBe(true);
  });

  function changePassword(headers: Headers, currentPassword: string, newPassword: string) {
    return auth.handler(
      new Request(`${BASE}/api/auth/change-password`, {
        method: "POST",
        headers: { cookie: headers.get("cookie") ?? "", "content-type": "application/json", origin: BASE },
        body: JSON.stringify({ currentPassword, newPassword, revokeOtherSessions: true }),
      }),
    );
  }
});
