import type { DatabaseHandle } from "@zones/db/client";
import { sessions, users } from "@zones/db/schema";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase, testEngine } from "@zones/db/testing";
import { setUserDisabled } from "@zones/db/users";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Auth, createAuth, forgetSessionsOf } from "./auth";
import { resetPassword } from "./password-reset";
import { getSessionUser } from "./session";
import { authRequests, cookieHeader } from "./test-requests";
import { createUser } from "./users";

const BASE = "http://zones.test";
const PASSWORD = "session-cache-2026";
const SECRET = "session-cache-test-secret-at-least-32-chars";
/** The bound under test: short, so that waiting for it stays short. */
const BOUND_SECONDS = 1;
/** How long a poll may wait for the bound to pass: several times the bound, never a timing assertion. */
const POLL = { timeout: 10_000, interval: 100 };

/**
 * Two web processes on one database, each with its own session cache: what one process changes reaches its
 * own reads at once and the other's within the bound; every write asks the database.
 */
describe(`the session cache (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  let here: Auth;
  let elsewhere: Auth;
  let accounts = 0;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { demo: false });
    const options = { db: handle.db, secret: SECRET, baseURL: BASE, sessionCacheSeconds: BOUND_SECONDS };
    here = createAuth(options);
    elsewhere = createAuth(options);
  });
  afterAll(async () => {
    await handle.close();
  });

  /** A new account signed in: its id and its cookie. */
  async function signedIn(): Promise<{ userId: string; cookie: Headers; email: string }> {
    const email = `cache-${++accounts}@zones.test`;
    const user = await createUser(
      here,
      handle.db,
      { email, name: "C", role: "viewer", password: PASSWORD },
      null,
    );
    const response = await authRequests(here, BASE, PASSWORD).signIn(email);
    expect(response.status).toBe(200);
    return { userId: user.id, cookie: cookieHeader(response), email };
  }

  const read = (auth: Auth, cookie: Headers) => getSessionUser(auth, handle.db, cookie, { cached: true });
  const write = (auth: Auth, cookie: Headers) => getSessionUser(auth, handle.db, cookie);

  it("answers a read from the cache: no database needed until the bound passes", async () => {
    const { cookie, userId } = await signedIn();
    expect((await read(elsewhere, cookie))?.id).toBe(userId);
    // The session goes away behind the cache's back (as another process would end it).
    await handle.db.delete(sessions).where(eq(sessions.userId, userId));
    expect((await read(elsewhere, cookie))?.id).toBe(userId);
    expect(await write(elsewhere, cookie)).toBeNull();
  });

  it("a disabled account: refused at once where it was disabled and by every write, elsewhere within the bound", async () => {
    const { cookie, userId } = await signedIn();
    const admin = await signedIn();
    expect(await read(here, cookie)).not.toBeNull();
    expect(await read(elsewhere, cookie)).not.toBeNull();
    await setUserDisabled(handle.db, { userId, disabled: true, actorId: admin.userId });
    forgetSessionsOf(here, userId);
    expect(await read(here, cookie)).toBeNull();
    await expect.poll(() => read(elsewhere, cookie), POLL).toBeNull();
    expect(await write(elsewhere, cookie)).toBeNull();
  });

  it("a disabled account whose session row survived is refused after the bound too", async () => {
    const { cookie, userId } = await signedIn();
    expect(await read(elsewhere, cookie)).not.toBeNull();
    await handle.db.update(users).set({ disabled: true }).where(eq(users.id, userId));
    expect(await write(here, cookie)).toBeNull();
    await expect.poll(() => read(elsewhere, cookie), POLL).toBeNull();
  });

  it("an admin's password reset ends the sessions: at once here, within the bound elsewhere", async () => {
    const { cookie, userId } = await signedIn();
    const admin = await signedIn();
    expect(await read(here, cookie)).not.toBeNull();
    expect(await read(elsewhere, cookie)).not.toBeNull();
    expect(
      await resetPassword(here, handle.db, {
        userId,
        password: "a-new-password-2026!",
        actorId: admin.userId,
      }),
    ).toBe(true);
    expect(await read(here, cookie)).toBeNull();
    await expect.poll(() => read(elsewhere, cookie), POLL).toBeNull();
    expect(await write(elsewhere, cookie)).toBeNull();
  });

  it("a password change that signs out the other sessions: at once here, within the bound elsewhere", async () => {
    const { cookie, email } = await signedIn();
    const other = cookieHeader(await authRequests(here, BASE, PASSWORD).signIn(email));
    expect(await read(here, other)).not.toBeNull();
    expect(await read(elsewhere, other)).not.toBeNull();
    const changed = await authRequests(here, BASE, PASSWORD).post(
      "/change-password",
      { currentPassword: PASSWORD, newPassword: "another-password-2026!", revokeOtherSessions: true },
      cookie,
    );
    expect(changed.status).toBe(200);
    expect(await read(here, other)).toBeNull();
    await expect.poll(() => read(elsewhere, other), POLL).toBeNull();
  });

  it("a signed-out cookie: refused at once here, within the bound elsewhere", async () => {
    const { cookie } = await signedIn();
    expect(await read(here, cookie)).not.toBeNull();
    expect(await read(elsewhere, cookie)).not.toBeNull();
    const out = await authRequests(here, BASE, PASSWORD).post("/sign-out", {}, cookie);
    expect(out.status).toBe(200);
    expect(await read(here, cookie)).toBeNull();
    await expect.poll(() => read(elsewhere, cookie), POLL).toBeNull();
    expect(await write(elsewhere, cookie)).toBeNull();
  });

  it("keeps nothing without a bound (createAuth's default)", async () => {
    const uncached = createAuth({ db: handle.db, secret: SECRET, baseURL: BASE });
    const { cookie, userId } = await signedIn();
    expect(await read(uncached, cookie)).not.toBeNull();
    await handle.db.delete(sessions).where(eq(sessions.userId, userId));
    expect(await read(uncached, cookie)).toBeNull();
  });
});
