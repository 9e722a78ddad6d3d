import { TRPCError } from "@trpc/server";
import type { SessionUser } from "@zones/auth";
import { canReadZoneDrafts, canWriteZone } from "@zones/domain";
import { describe, expect, it } from "vitest";

import { appRouter } from "./root";
import { CALLERS, openTestWorld } from "./test-fixtures";
import { ACCESS } from "./test-procedures";
import { useTestWorld } from "./test-world";

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

describe("authorization matrix", () => {
  const world = useTestWorld();
  let run = 0;

  it("lists every procedure of the app router, and only those", () => {
    expect(Object.keys(ACCESS).sort()).toEqual(procedurePaths);
  });

  const cases = procedurePaths.flatMap((path) => CALLERS.map((caller) => [path, caller] as const));

  it.each(cases)("%s as %s", async (path, caller) => {
    const access = ACCESS[path];
    if (!access) throw new Error(`no access entry for ${path}`);
    const user = caller === "anonymous" ? null : world.users[caller];
    const router = world.caller(user);
    const procedure = path
      .split(".")
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], router) as (
      input: unknown,
    ) => Promise<unknown>;
    const call = procedure(access.input(world.users, run++));
    if (access.allowed.includes(caller) && access.allowedOutcome) {
      await expect(call).rejects.toMatchObject({ code: access.allowedOutcome });
    } else if (access.allowed.includes(caller)) {
      await expect(call).resolves.toBeDefined();
    } else {
      const error = await call.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe(caller === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
    }
  });
});

describe("accounts not in order", () => {
  it("may ask who they are, but nothing else until the password is changed or two-factor set up", async () => {
    const world = await openTestWorld();
    try {
      const { reviewer } = world.users;
      for (const pending of [
        { ...reviewer, mustChangePassword: true },
        { ...reviewer, twoFactorRequired: true },
      ]) {
        const caller = world.caller(pending);
        await expect(caller.session.me()).resolves.toMatchObject({ id: reviewer.id });
        const error = await caller.overview.get({}).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect((error as TRPCError).code).toBe("FORBIDDEN");
      }
    } finally {
      await world.handle.close();
    }
  });
});

describe("zone scope", () => {
  const official: SessionUser = {
    id: "u1",
    email: "o@x",
    name: "o",
    role: "official",
    zoneCodes: ["HB-HS"],
    mustChangePassword: false,
    twoFactorEnabled: false,
    twoFactorRequired: false,
  };
  const reviewer: SessionUser = { ...official, role: "reviewer", zoneCodes: [] };
  const viewer: SessionUser = { ...official, role: "viewer", zoneCodes: [] };

  it("lets an official read and write only their own zone's drafts", () => {
    expect(canReadZoneDrafts(official, "HB-HS")).toBe(true);
    expect(canWriteZone(official, "HB-HS")).toBe(true);
    expect(canReadZoneDrafts(official, "SD-ZB")).toBe(false);
    expect(canWriteZone(official, "SD-ZB")).toBe(false);
  });

  it("lets reviewers read every zone's drafts but write none; viewers neither", () => {
    expect(canReadZoneDrafts(reviewer, "SD-ZB")).toBe(true);
    expect(canWriteZone(reviewer, "SD-ZB")).toBe(false);
    expect(canReadZoneDrafts(viewer, "HB-HS")).toBe(false);
    expect(canWriteZone(viewer, "HB-HS")).toBe(false);
  });
});
