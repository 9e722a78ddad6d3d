import type { DatabaseHandle } from "@zones/db/client";
import { sessions } from "@zones/db/schema";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ABSOLUTE_TIMEOUT_SECONDS, type Auth, createAuth } from "./auth";
import { getSessionUser } from "./session";
import { createUser } from "./users";

const BASE = "http://zones.test";
const PASSWORD = "session-expiry-2026";

describe("session expiry", () => {
  let handle: DatabaseHandle;
  let auth: Auth;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { demo: false });
    auth = createAuth({ db: handle.db, secret: "session-test-secret-at-least-32-chars", baseURL: BASE });
    await createUser(
      auth,
      handle.db,
      { email: "s@zones.test", name: "S", role: "viewer", password: PASSWORD },
      null,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  async function newSession() {
    const response = await auth.handler(
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE },
        body: JSON.stringify({ email: "s@zones.test", password: PASSWORD }),
      }),
    );
    expect(response.status).toBe(200);
    const token = (await response.json()).token as string;
    const cookie = response.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");
    return { token, headers: new Headers({ cookie }) };
  }

  it("ends a session unused for longer than the idle timeout", async () => {
    const { token, headers } = await newSession();
    expect(await getSessionUser(auth, handle.db, headers)).not.toBeNull();
    await handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.token, token));
    expect(await getSessionUser(auth, handle.db, headers)).toBeNull();
  });

  it("ends a session older than the absolute timeout even while in use, and deletes it", async () => {
    const { token, headers } = await newSession();
    await handle.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - (ABSOLUTE_TIMEOUT_SECONDS + 60) * 1000) })
      .where(eq(sessions.token, token));
    expect(await getSessionUser(auth, handle.db, headers)).toBeNull();
    expect(await handle.db.select().from(sessions).where(eq(sessions.token, token))).toHaveLength(0);
  });
});
