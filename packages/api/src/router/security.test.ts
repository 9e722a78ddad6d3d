import { TRPCError } from "@trpc/server";
import { getSessionUser, type Role, type SessionUser } from "@zones/auth";
import type { DatabaseHandle } from "@zones/db/client";
import { auditLog } from "@zones/db/schema";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "../root";
import { contextFor, createRoleUsers, testAuth } from "../test-fixtures";

describe("security settings", () => {
  let handle: DatabaseHandle;
  let auth: ReturnType<typeof testAuth>;
  let users: Record<Role, SessionUser>;
  let admin: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { demo: false });
    auth = testAuth(handle.db);
    users = await createRoleUsers(auth, handle.db);
    admin = createCaller(contextFor(handle.db, auth, users.admin));
  });
  afterAll(async () => {
    await handle.close();
  });

  async function sessionOf(email: string) {
    const response = await auth.handler(
      // The app's own origin: without BETTER_AUTH_URL, better-auth trusts the port it serves (3000) only.
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ email, password: "fixture-password-2026" }),
      }),
    );
    const cookie = response.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");
    return getSessionUser(auth, handle.db, new Headers({ cookie, host: "localhost:3000" }));
  }

  it("requires two-factor of nobody until an admin chooses roles, and audits each change", async () => {
    expect(await admin.security.settings()).toEqual({ twoFactorRequiredRoles: [] });

    await admin.security.setRequiredRoles({ roles: ["reviewer", "admin"] });
    expect(await admin.security.settings()).toEqual({ twoFactorRequiredRoles: ["admin", "reviewer"] });
    expect(await sessionOf(users.reviewer.email)).toMatchObject({ twoFactorRequired: true });
    expect(await sessionOf(users.admin.email)).toMatchObject({ twoFactorRequired: true });
    expect(await sessionOf(users.viewer.email)).toMatchObject({ twoFactorRequired: false });

    await admin.security.setRequiredRoles({ roles: ["reviewer"] });
    expect(await sessionOf(users.admin.email)).toMatchObject({ twoFactorRequired: false });

    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "security.two_factor_required"))
      .orderBy(auditLog.id);
    expect(audits.map((row) => [row.actorId, row.details])).toEqual([
      [users.admin.id, { roles: ["admin", "reviewer"], previous: [] }],
      [users.admin.id, { roles: ["reviewer"], previous: ["admin", "reviewer"] }],
    ]);
  });

  it("accepts only admin and reviewer as roles that can be required", async () => {
    const error = await admin.security.setRequiredRoles({ roles: ["viewer" as "admin"] }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });
});
