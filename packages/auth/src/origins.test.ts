import type { DatabaseHandle } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Auth, createAuth } from "./auth";
import { createUser } from "./users";

const PASSWORD = "correct-horse-battery-2026";
const SECRET = "test-secret-that-is-at-least-32-characters";

/** Which origins may act for a user: a page on another local port must not sign in, out, or rename. */
describe("trusted origins", () => {
  let handle: DatabaseHandle;
  /** No BETTER_AUTH_URL: the demo on port 3100. */
  let local: Auth;
  /** BETTER_AUTH_URL=https://zones.example.gov.cn */
  let configured: Auth;
  let lastIp = 0;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { demo: false });
    local = createAuth({ db: handle.db, secret: SECRET, port: 3100 });
    configured = createAuth({ db: handle.db, secret: SECRET, baseURL: "https://zones.example.gov.cn" });
    await createUser(
      local,
      handle.db,
      { email: "origin@zones.test", name: "Origin", role: "viewer", password: PASSWORD },
      null,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  function post(auth: Auth, url: string, origin: string, body: unknown, cookie = "") {
    return auth.handler(
      new Request(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin,
          cookie,
          "x-forwarded-for": `10.8.0.${++lastIp}`,
        },
        body: JSON.stringify(body),
      }),
    );
  }

  async function signIn(auth: Auth, base: string, origin = base) {
    return post(auth, `${base}/api/auth/sign-in/email`, origin, {
      email: "origin@zones.test",
      password: PASSWORD,
    });
  }

  function cookiesOf(response: Response): string {
    return response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; ");
  }

  it("without a configured URL, trusts the app's own port on this machine", async () => {
    for (const base of ["http://127.0.0.1:3100", "http://localhost:3100", "http://[::1]:3100"]) {
      expect((await signIn(local, base)).status).toBe(200);
    }
  });

  it("refuses a sign-in (login CSRF) from a page on another local port", async () => {
    for (const origin of ["http://127.0.0.1:3101", "http://localhost:8080", "http://127.0.0.1"]) {
      const response = await signIn(local, "http://127.0.0.1:3100", origin);
      expect(response.status).toBe(403);
      expect((await response.json()).code).toBe("INVALID_ORIGIN");
    }
  });

  it("refuses a sign-out or a rename from another local port, and keeps the session", async () => {
    const base = "http://127.0.0.1:3100";
    const cookie = cookiesOf(await signIn(local, base));
    const foreign = "http://127.0.0.1:3101";
    expect(
      (await post(local, `${base}/api/auth/update-user`, foreign, { name: "Renamed" }, cookie)).status,
    ).toBe(403);
    expect((await post(local, `${base}/api/auth/sign-out`, foreign, {}, cookie)).status).toBe(403);
    const session = await local.api.getSession({ headers: new Headers({ cookie, host: "127.0.0.1:3100" }) });
    expect(session?.user.name).toBe("Origin");
    expect((await post(local, `${base}/api/auth/sign-out`, base, {}, cookie)).status).toBe(200);
  });

  it("answers a request for another host as the local app: its origin is refused, not a 500", async () => {
    const response = await signIn(local, "http://rebound.example:3100");
    expect(response.status).toBe(403);
  });

  it("with a configured URL, trusts exactly its origin", async () => {
    const base = "https://zones.example.gov.cn";
    expect((await signIn(configured, base)).status).toBe(200);
    for (const origin of ["http://zones.example.gov.cn", "https://evil.example", "http://localhost:3000"]) {
      expect((await signIn(configured, base, origin)).status).toBe(403);
    }
  });
});
