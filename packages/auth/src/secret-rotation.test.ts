import { base32 } from "@better-auth/utils/base32";
import type { DatabaseHandle } from "@zones/db/client";
import { twoFactors, users } from "@zones/db/schema";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { symmetricEncrypt } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAuth } from "./auth";
import { authKeys, keyVersion } from "./secrets";
import { getSessionUser } from "./session";
import { authRequests, cookieHeader, totp } from "./test-requests";
import { createUser } from "./users";

const PASSWORD = "correct-horse-battery-2026";
const BASE = "http://zones.test";
const FIRST = "first-secret-of-this-deployment-0001";
const SECOND = "second-secret-after-one-rotation-0002";
const THIRD = "third-secret-after-two-rotations-0003";

describe("authKeys", () => {
  it("gives each secret the same version wherever it stands in the list", () => {
    const before = authKeys(FIRST);
    const after = authKeys(SECOND, [FIRST]);
    expect(after.secrets[0]).toEqual({ version: keyVersion(SECOND), value: SECOND });
    expect(after.secrets[1]).toEqual(before.secrets[0]);
    expect(keyVersion(FIRST)).not.toBe(keyVersion(SECOND));
    expect(Number.isInteger(keyVersion(THIRD)) && keyVersion(THIRD) >= 0).toBe(true);
  });

  it("keeps the oldest secret for data encrypted before keys had versions, and lists a secret once", () => {
    expect(authKeys(THIRD, [SECOND, FIRST]).secret).toBe(FIRST);
    expect(authKeys(FIRST).secret).toBe(FIRST);
    expect(authKeys(SECOND, [SECOND, FIRST]).secrets.map((key) => key.value)).toEqual([SECOND, FIRST]);
  });
});

describe("rotating BETTER_AUTH_SECRET", () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { demo: false });
  });
  afterAll(async () => {
    await handle.close();
  });

  const authWith = (secret: string, previousSecrets?: string[]) =>
    createAuth({ db: handle.db, secret, previousSecrets, baseURL: BASE });

  async function enrolled(email: string, secret: string) {
    const auth = authWith(secret);
    await createUser(auth, handle.db, { email, name: email, role: "viewer", password: PASSWORD }, null);
    return authRequests(auth, BASE, PASSWORD).enableTwoFactor(email);
  }

  /** Password, then the authenticator's code: the session cookie, or the failed step's status. */
  async function signInWithCode(
    secrets: { secret: string; previous?: string[] },
    email: string,
    otp: string,
  ) {
    const auth = authWith(secrets.secret, secrets.previous);
    const requests = authRequests(auth, BASE, PASSWORD);
    const challenged = await requests.signIn(email);
    expect(await challenged.json()).toMatchObject({ twoFactorRedirect: true });
    const verified = await requests.verifyTotp(cookieHeader(challenged), await totp(otp));
    const user = await getSessionUser(auth, handle.db, cookieHeader(verified));
    if (verified.ok) return { status: verified.status, user };
    const { code } = (await verified.json()) as { code?: string };
    return { status: verified.status, code, user };
  }

  it("signs everyone out: a session cookie of the old secret is no session any more", async () => {
    const old = authWith(FIRST);
    await createUser(
      old,
      handle.db,
      { email: "session@zones.test", name: "s", role: "viewer", password: PASSWORD },
      null,
    );
    const session = cookieHeader(await authRequests(old, BASE, PASSWORD).signIn("session@zones.test"));
    expect(await getSessionUser(old, handle.db, session)).toMatchObject({ email: "session@zones.test" });

    expect(await getSessionUser(authWith(SECOND, [FIRST]), handle.db, session)).toBeNull();
    expect(await getSessionUser(authWith(SECOND), handle.db, session)).toBeNull();
  });

  it("keeps two-factor enrolments while the old secret is listed as a previous one", async () => {
    const { secret: otp } = await enrolled("kept@zones.test", FIRST);

    expect(await signInWithCode({ secret: SECOND, previous: [FIRST] }, "kept@zones.test", otp)).toMatchObject(
      {
        status: 200,
        user: { email: "kept@zones.test" },
      },
    );
    // And after a second rotation, with both retired secrets kept.
    expect(
      await signInWithCode({ secret: THIRD, previous: [SECOND, FIRST] }, "kept@zones.test", otp),
    ).toMatchObject({ status: 200, user: { email: "kept@zones.test" } });
  });

  it("refuses, not fails, the code of an enrolment whose secret was dropped: nothing signs in", async () => {
    const { secret: otp } = await enrolled("dropped@zones.test", FIRST);
    const refused = await signInWithCode({ secret: SECOND }, "dropped@zones.test", otp);
    expect(refused).toEqual({ status: 403, code: "TWO_FACTOR_UNREADABLE", user: null });
  });

  it("opens enrolments encrypted before keys had versions with the oldest listed secret", async () => {
    const { secret: otp } = await enrolled("legacy@zones.test", FIRST);
    // What the app stored before it gave better-auth versioned keys: the bare cipher of the first secret.
    const [user] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "legacy@zones.test"));
    // (The stored secret is the raw one; the authenticator is given its base32 form.)
    const raw = new TextDecoder().decode(base32.decode(otp));
    const bare = await symmetricEncrypt({ key: FIRST, data: raw });
    await handle.db
      .update(twoFactors)
      .set({ secret: bare })
      .where(eq(twoFactors.userId, user?.id ?? ""));

    expect(
      await signInWithCode({ secret: SECOND, previous: [FIRST] }, "legacy@zones.test", otp),
    ).toMatchObject({
      status: 200,
      user: { email: "legacy@zones.test" },
    });
  });
});
