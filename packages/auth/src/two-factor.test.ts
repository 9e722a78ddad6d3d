import type { DatabaseHandle } from "@zones/db/client";
import { auditLog } from "@zones/db/schema";
import { seedDatabase } from "@zones/db/seed";
import { setTwoFactorRequiredRoles } from "@zones/db/settings";
import { createTestDatabase } from "@zones/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Auth, createAuth, TWO_FACTOR_ISSUER } from "./auth";
import { getSessionUser } from "./session";
import { authRequests, cookieHeader, totp } from "./test-requests";
import { createUser } from "./users";

const PASSWORD = "correct-horse-battery-2026";
const BASE = "http://zones.test";

describe("two-factor sign-in", () => {
  let handle: DatabaseHandle;
  let auth: Auth;
  let adminId: string;
  let requests: ReturnType<typeof authRequests>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { demo: false });
    auth = createAuth({ db: handle.db, secret: "test-secret-that-is-at-least-32-characters", baseURL: BASE });
    requests = authRequests(auth, BASE, PASSWORD);
    for (const [email, role] of [
      ["admin@zones.test", "admin"],
      ["totp@zones.test", "viewer"],
      ["backup@zones.test", "viewer"],
      ["guesser@zones.test", "viewer"],
      ["reviewer@zones.test", "reviewer"],
    ] as const) {
      const { id } = await createUser(
        auth,
        handle.db,
        { email, name: email, role, password: PASSWORD },
        null,
      );
      if (role === "admin") adminId = id;
    }
  });
  afterAll(async () => {
    await handle.close();
  });

  const post: ReturnType<typeof authRequests>["post"] = (...args) => requests.post(...args);
  const signIn = (email: string, password = PASSWORD) => requests.signIn(email, password);
  const verifyTotp = (challenge: Headers, code: string) => requests.verifyTotp(challenge, code);
  const enableTwoFactor = (email: string) => requests.enableTwoFactor(email);

  /** A code that is not the current one (nor, but for a one-in-a-million chance, a neighbouring one). */
  function wrongCode(code: string) {
    return String((Number(code) + 500_000) % 1_000_000).padStart(6, "0");
  }

  it("is off until a first code confirms the authenticator; then sign-in needs a code", async () => {
    const session = cookieHeader(await signIn("totp@zones.test"));
    expect(await getSessionUser(auth, handle.db, session)).toMatchObject({
      twoFactorEnabled: false,
      twoFactorRequired: false,
    });

    const enabled = await post("/two-factor/enable", { password: "not-the-password-1" }, session);
    expect(enabled.status).toBe(400);
    const started = await post("/two-factor/enable", { password: PASSWORD }, session);
    expect(started.status).toBe(200);
    const { totpURI, backupCodes } = (await started.json()) as { totpURI: string; backupCodes: string[] };
    expect(totpURI).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(totpURI).searchParams.get("issuer")).toBe(TWO_FACTOR_ISSUER);
    expect(decodeURIComponent(totpURI)).toContain("totp@zones.test");
    expect(backupCodes).toHaveLength(10);
    const secret = new URL(totpURI).searchParams.get("secret") ?? "";

    // Not confirmed yet: the password alone still signs in.
    const before = await signIn("totp@zones.test");
    expect(await before.json()).not.toHaveProperty("twoFactorRedirect");

    const code = await totp(secret);
    expect((await verifyTotp(session, wrongCode(code))).status).toBe(401);
    const confirmed = await verifyTotp(session, code);
    expect(confirmed.status).toBe(200);
    expect(await getSessionUser(auth, handle.db, cookieHeader(confirmed))).toMatchObject({
      twoFactorEnabled: true,
    });

    // The password now opens a challenge, not a session.
    const challenged = await signIn("totp@zones.test");
    expect(challenged.status).toBe(200);
    expect(await challenged.json()).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    const challenge = cookieHeader(challenged);
    expect(await getSessionUser(auth, handle.db, challenge)).toBeNull();

    const wrong = await verifyTotp(challenge, wrongCode(await totp(secret)));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).code).toBe("INVALID_CODE");
    expect(await getSessionUser(auth, handle.db, cookieHeader(wrong))).toBeNull();

    const right = await verifyTotp(challenge, await totp(secret));
    expect(right.status).toBe(200);
    expect(await getSessionUser(auth, handle.db, cookieHeader(right))).toMatchObject({
      email: "totp@zones.test",
      twoFactorEnabled: true,
    });

    // The challenge is spent: the same cookie does not sign in twice.
    expect((await verifyTotp(challenge, await totp(secret))).status).toBe(401);
  });

  it("accepts each backup code once instead of an authenticator code", async () => {
    const { backupCodes } = await enableTwoFactor("backup@zones.test");
    const [backupCode] = backupCodes;
    if (!backupCode) throw new Error("no backup code");

    const first = cookieHeader(await signIn("backup@zones.test"));
    const used = await post("/two-factor/verify-backup-code", { code: backupCode }, first);
    expect(used.status).toBe(200);
    expect(await getSessionUser(auth, handle.db, cookieHeader(used))).toMatchObject({
      email: "backup@zones.test",
    });

    const second = cookieHeader(await signIn("backup@zones.test"));
    const reused = await post("/two-factor/verify-backup-code", { code: backupCode }, second);
    expect(reused.status).toBe(401);
    expect((await reused.json()).code).toBe("INVALID_BACKUP_CODE");
    expect(await getSessionUser(auth, handle.db, cookieHeader(reused))).toBeNull();
  });

  it("counts a wrong code, not a right password, as a failed sign-in of the account", async () => {
    const { secret } = await enableTwoFactor("guesser@zones.test");
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await signIn("guesser@zones.test", "wrong-password-000")).status).toBe(401);
    }
    // The right password is no failure (else the account would now be throttled) and no success
    // (else the count would start again).
    const challenged = await signIn("guesser@zones.test");
    expect(challenged.status).toBe(200);
    const challenge = cookieHeader(challenged);
    expect((await verifyTotp(challenge, wrongCode(await totp(secret)))).status).toBe(401);

    // Five failures: the account is throttled, for sign-in and for the pending code alike.
    const refused = await signIn("guesser@zones.test");
    expect(refused.status).toBe(429);
    expect((await refused.json()).code).toBe("TOO_MANY_ATTEMPTS");
    const late = await verifyTotp(challenge, await totp(secret));
    expect(late.status).toBe(429);
    expect(await getSessionUser(auth, handle.db, cookieHeader(late))).toBeNull();
  });

  it("is required of reviewers once an admin says so, until they set it up", async () => {
    const session = cookieHeader(await signIn("reviewer@zones.test"));
    expect(await getSessionUser(auth, handle.db, session)).toMatchObject({ twoFactorRequired: false });

    await setTwoFactorRequiredRoles(handle.db, { roles: ["reviewer"], actorId: adminId });
    expect(await getSessionUser(auth, handle.db, session)).toMatchObject({
      role: "reviewer",
      twoFactorEnabled: false,
      twoFactorRequired: true,
    });
    const admin = await getSessionUser(auth, handle.db, cookieHeader(await signIn("admin@zones.test")));
    expect(admin).toMatchObject({ role: "admin", twoFactorRequired: false });
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "security.two_factor_required"));
    expect(audits.at(-1)).toMatchObject({
      actorId: adminId,
      details: { roles: ["reviewer"], previous: [] },
    });

    const { session: afterSetup } = await enableTwoFactor("reviewer@zones.test");
    expect(await getSessionUser(auth, handle.db, afterSetup)).toMatchObject({
      twoFactorEnabled: true,
      twoFactorRequired: false,
    });
  });
});
