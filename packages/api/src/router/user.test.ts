import { TRPCError } from "@trpc/server";
import { auditLog, users } from "@zones/db/schema";
import { userZoneCodes } from "@zones/db/users";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { createCaller } from "../root";
import { useTestWorld } from "../test-world";

describe("user administration", () => {
  const world = useTestWorld();
  let admin: ReturnType<typeof createCaller>;

  beforeAll(() => {
    admin = world.caller(world.users.admin);
  });

  async function failure(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }

  it("lists users a page at a time with their zones", async () => {
    const list = await admin.user.list({ page: 1 });
    expect(list.total).toBe(4);
    expect(list.rows.find((row) => row.role === "official")?.zoneCodes).toEqual(["HB-HS"]);
    expect((await failure(admin.user.list({ page: 0 }))).code).toBe("BAD_REQUEST");
  });

  it("refuses a second account for one email, and an official without a zone, naming the field", async () => {
    const taken = await failure(
      admin.user.create({
        email: world.users.viewer.email,
        name: "x",
        role: "viewer",
        password: "long-enough-pass-1",
      }),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toContain("email");
    const noZone = await failure(
      admin.user.create({ email: "z@x.test", name: "z", role: "official", password: "long-enough-pass-1" }),
    );
    expect(noZone.code).toBe("BAD_REQUEST");
    expect((await admin.user.list({ page: 1 })).total).toBe(4);
  });

  it("makes a new account set its own password at first sign-in, whatever the admin asked", async () => {
    const { id } = await admin.user.create({
      email: "first-sign-in@x.test",
      name: "首次登录",
      role: "viewer",
      password: "typed-by-an-admin-2026",
      mustChangePassword: false,
    });
    const [row] = await world.handle.db.select().from(users).where(eq(users.id, id));
    expect(row?.mustChangePassword).toBe(true);
  });

  it("changes role and zones together and audits it", async () => {
    await admin.user.setAccess({
      userId: world.users.viewer.id,
      role: "official",
      zoneCodes: ["SD-ZB", "AH-TL"],
    });
    expect(await userZoneCodes(world.handle.db, world.users.viewer.id)).toEqual(["SD-ZB", "AH-TL"]);
    const bad = await failure(
      admin.user.setAccess({ userId: world.users.viewer.id, role: "reviewer", zoneCodes: ["SD-ZB"] }),
    );
    expect(bad.message).toContain("zoneCodes");
    expect(await userZoneCodes(world.handle.db, world.users.viewer.id)).toEqual(["SD-ZB", "AH-TL"]);
    await admin.user.setAccess({ userId: world.users.viewer.id, role: "viewer", zoneCodes: [] });
    expect(await userZoneCodes(world.handle.db, world.users.viewer.id)).toEqual([]);
    const audits = await world.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "user.access_change"));
    expect(audits).toHaveLength(2);
  });

  it("does not let an admin lock themselves out", async () => {
    expect(
      (await failure(admin.user.setDisabled({ userId: world.users.admin.id, disabled: true }))).code,
    ).toBe("BAD_REQUEST");
    expect(
      (await failure(admin.user.setAccess({ userId: world.users.admin.id, role: "viewer", zoneCodes: [] })))
        .code,
    ).toBe("BAD_REQUEST");
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    expect((await failure(admin.user.setDisabled({ userId: "nobody", disabled: true }))).code).toBe(
      "NOT_FOUND",
    );
  });
});
