import { TRPCError } from "@trpc/server";
import type { Role, SessionUser } from "@zones/auth";
import type { DatabaseHandle } from "@zones/db";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import { lastFinishedQuarter } from "@zones/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appRouter, createCaller } from "./root";
import { CALLERS, type Caller, contextFor, createRoleUsers, testAuth } from "./test-fixtures";
import { canReadZoneDrafts, canWriteZone } from "./trpc";

const SIGNED_IN: Caller[] = ["viewer", "official", "reviewer", "admin"];
const EVERYONE: Caller[] = ["anonymous", ...SIGNED_IN];

interface Access {
  allowed: Caller[];
  /**
   * Workflow steps on an empty database: allowed callers get past the rights checks and are then refused
   * for the submission's state (CONFLICT), never FORBIDDEN.
   */
  allowedOutcome?: "CONFLICT" | "NOT_FOUND";
  /** A valid input, so that an allowed call succeeds and a denied one fails on rights alone. */
  input: (users: Record<Role, SessionUser>, run: number) => unknown;
}

/**
 * Who may call each procedure. Every procedure of the router must be listed: a new procedure without
 * an entry fails the first test below, so none can be forgotten.
 */
const OPEN_QUARTER = lastFinishedQuarter(new Date());
const HUANGSHI_OPEN = { zoneCode: "HB-HS", quarter: OPEN_QUARTER };
const READERS: Caller[] = ["official", "reviewer", "admin"];
const WRITERS: Caller[] = ["official", "admin"];
const REVIEWERS: Caller[] = ["reviewer", "admin"];

/** A filled template with one Huangshi row left blank: valid, and changes nothing. */
function blankUpload(): FormData {
  const form = new FormData();
  const csv = `zone_code,quarter,indicator_code,value\r\nHB-HS,${OPEN_QUARTER},gdp,\r\n`;
  form.set("file", new File([csv], "template.csv", { type: "text/csv" }));
  return form;
}

/** An export run or schedule id that does not exist: allowed callers get past the rights checks to NOT_FOUND. */
const NO_SUCH_EXPORT = { id: "00000000-0000-4000-8000-000000000000" };
const EXPORT_FILTERS = { zoneCodes: ["HB-HS"], indicatorCodes: ["gdp"], from: "2025Q1", to: "2025Q4" };

const ACCESS: Record<string, Access> = {
  "dashboard.compare": {
    allowed: SIGNED_IN,
    input: () => ({ zoneCodes: ["HB-HS", "SD-ZB"], indicatorCodes: ["gdp"], includeSubmitted: true }),
  },
  "dashboard.indicator": {
    allowed: SIGNED_IN,
    input: () => ({ indicatorCode: "gdp", includeSubmitted: true }),
  },
  "dashboard.overviewExtras": { allowed: SIGNED_IN, input: () => ({ includeSubmitted: true }) },
  "dashboard.zone": { allowed: SIGNED_IN, input: () => ({ zoneCode: "HB-HS", includeSubmitted: true }) },
  "exports.runs.cancel": { allowed: SIGNED_IN, allowedOutcome: "NOT_FOUND", input: () => NO_SUCH_EXPORT },
  "exports.runs.get": { allowed: SIGNED_IN, allowedOutcome: "NOT_FOUND", input: () => NO_SUCH_EXPORT },
  "exports.runs.list": { allowed: SIGNED_IN, input: () => ({}) },
  "exports.runs.rerun": { allowed: SIGNED_IN, allowedOutcome: "NOT_FOUND", input: () => NO_SUCH_EXPORT },
  "exports.runs.start": { allowed: SIGNED_IN, input: () => ({ filters: EXPORT_FILTERS, format: "csv" }) },
  "exports.schedules.create": {
    allowed: REVIEWERS,
    input: (_, run) => ({
      ...EXPORT_FILTERS,
      name: `matrix ${run}`,
      trigger: { kind: "weekly", weekday: 1, hour: 8 },
      quarters: { kind: "recent", count: 4 },
    }),
  },
  "exports.schedules.list": { allowed: REVIEWERS, input: () => ({}) },
  "exports.schedules.remove": {
    allowed: REVIEWERS,
    allowedOutcome: "NOT_FOUND",
    input: () => NO_SUCH_EXPORT,
  },
  "exports.schedules.runNow": {
    allowed: REVIEWERS,
    allowedOutcome: "NOT_FOUND",
    input: () => NO_SUCH_EXPORT,
  },
  "exports.schedules.setEnabled": {
    allowed: REVIEWERS,
    allowedOutcome: "NOT_FOUND",
    input: () => ({ ...NO_SUCH_EXPORT, enabled: false }),
  },
  "exports.schedules.update": {
    allowed: REVIEWERS,
    allowedOutcome: "NOT_FOUND",
    input: () => ({
      ...NO_SUCH_EXPORT,
      schedule: {
        ...EXPORT_FILTERS,
        name: "matrix",
        trigger: { kind: "weekly", weekday: 1, hour: 8 },
        quarters: { kind: "recent", count: 4 },
      },
    }),
  },
  "health.check": { allowed: EVERYONE, input: () => undefined },
  "imports.commit": { allowed: WRITERS, input: blankUpload },
  "imports.preview": { allowed: WRITERS, input: blankUpload },
  "overview.get": { allowed: SIGNED_IN, input: () => ({}) },
  "period.list": { allowed: ["admin"], input: () => ({}) },
  "period.update": { allowed: ["admin"], input: () => ({ quarter: "2030Q1", status: "not_open" }) },
  "submission.approve": {
    allowed: REVIEWERS,
    allowedOutcome: "CONFLICT",
    input: () => ({ ...HUANGSHI_OPEN, version: 1 }),
  },
  "submission.completeness": { allowed: READERS, input: () => ({}) },
  "submission.form": { allowed: READERS, input: () => HUANGSHI_OPEN },
  "submission.history": { allowed: READERS, input: () => ({ ...HUANGSHI_OPEN, indicatorCode: "gdp" }) },
  "submission.queue": { allowed: REVIEWERS, input: () => ({}) },
  "submission.return": {
    allowed: REVIEWERS,
    allowedOutcome: "CONFLICT",
    input: () => ({ ...HUANGSHI_OPEN, version: 1, comment: "请核对" }),
  },
  "submission.revise": {
    allowed: WRITERS,
    allowedOutcome: "CONFLICT",
    input: () => ({ ...HUANGSHI_OPEN, version: 1, reason: "终核数" }),
  },
  // Empty values on an empty submission: allowed callers save nothing and get version 0 back.
  "submission.save": { allowed: WRITERS, input: () => ({ ...HUANGSHI_OPEN, baseVersion: 0, values: {} }) },
  "submission.submit": {
    allowed: WRITERS,
    allowedOutcome: "CONFLICT",
    input: () => ({ ...HUANGSHI_OPEN, version: 0 }),
  },
  "security.settings": { allowed: ["admin"], input: () => undefined },
  "security.setRequiredRoles": { allowed: ["admin"], input: () => ({ roles: [] }) },
  "session.me": { allowed: SIGNED_IN, input: () => undefined },
  "user.list": { allowed: ["admin"], input: () => ({}) },
  "user.create": {
    allowed: ["admin"],
    input: (_, run) => ({
      email: `created-${run}@matrix.test`,
      name: "New",
      role: "viewer",
      password: "matrix-password-2026",
    }),
  },
  "user.resetPassword": {
    allowed: ["admin"],
    input: (users) => ({ userId: users.reviewer.id, password: "matrix-reset-2026" }),
  },
  "user.setAccess": {
    allowed: ["admin"],
    input: (users) => ({ userId: users.official.id, role: "official", zoneCodes: ["HB-HS"] }),
  },
  "user.setDisabled": {
    allowed: ["admin"],
    input: (users) => ({ userId: users.viewer.id, disabled: false }),
  },
};

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

describe("authorization matrix", () => {
  let handle: DatabaseHandle;
  let users: Record<Role, SessionUser>;
  let auth: ReturnType<typeof testAuth>;
  let run = 0;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { demo: false });
    auth = testAuth(handle.db);
    users = await createRoleUsers(auth, handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("lists every procedure of the app router, and only those", () => {
    expect(Object.keys(ACCESS).sort()).toEqual(procedurePaths);
  });

  const cases = procedurePaths.flatMap((path) => CALLERS.map((caller) => [path, caller] as const));

  it.each(cases)("%s as %s", async (path, caller) => {
    const access = ACCESS[path];
    if (!access) throw new Error(`no access entry for ${path}`);
    const user = caller === "anonymous" ? null : users[caller];
    const procedure = path
      .split(".")
      .reduce<unknown>(
        (node, key) => (node as Record<string, unknown>)[key],
        createCaller(contextFor(handle.db, auth, user)),
      ) as (input: unknown) => Promise<unknown>;
    const call = procedure(access.input(users, run++));
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
    const handle = await createTestDatabase();
    try {
      await seedDatabase(handle.db, { demo: false });
      const auth = testAuth(handle.db);
      const { reviewer } = await createRoleUsers(auth, handle.db);
      for (const pending of [
        { ...reviewer, mustChangePassword: true },
        { ...reviewer, twoFactorRequired: true },
      ]) {
        const caller = createCaller(contextFor(handle.db, auth, pending));
        await expect(caller.session.me()).resolves.toMatchObject({ id: reviewer.id });
        const error = await caller.overview.get({}).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect((error as TRPCError).code).toBe("FORBIDDEN");
      }
    } finally {
      await handle.close();
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
