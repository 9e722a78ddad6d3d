import { type Auth, createAuth, createUser, type Role, type SessionUser } from "@zones/auth";
import type { Database, DatabaseHandle } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import type { TZoneCode } from "@zones/domain";

import { createCaller } from "./root";
import { type Context, createInnerContext, type ExportJobs } from "./trpc";

/** Test-only: a database with the catalogue (no demo data), an auth instance and one user per role. */
export interface TestWorld {
  handle: DatabaseHandle;
  auth: Auth;
  users: Record<Role, SessionUser>;
  /** A context as the server would build it for `user` (null: signed out). */
  context(user: SessionUser | null, exportJobs?: ExportJobs): Context;
  /** The app router called as `user`, in that context. */
  caller(user: SessionUser | null, exportJobs?: ExportJobs): ReturnType<typeof createCaller>;
}

/** Test-only: a fresh test world; `handle.close()` drops it. */
export async function openTestWorld(): Promise<TestWorld> {
  const handle = await createTestDatabase();
  await seedDatabase(handle.db, { demo: false });
  const auth = testAuth(handle.db);
  const context = (user: SessionUser | null, exportJobs?: ExportJobs) =>
    contextFor(handle.db, auth, user, exportJobs);
  return {
    handle,
    auth,
    users: await createRoleUsers(auth, handle.db),
    context,
    caller: (user, exportJobs) => createCaller(context(user, exportJobs)),
  };
}

/** Test-only: an auth instance on the test database, with a fixed secret. */
export function testAuth(db: Database): Auth {
  return createAuth({ db, secret: "api-test-secret-that-is-at-least-32-chars" });
}

export type Caller = Role | "anonymous";

export const CALLERS: readonly Caller[] = ["anonymous", "viewer", "official", "reviewer", "admin"];

/** One real account per role (the official bound to HB-HS), as session users. */
export async function createRoleUsers(auth: Auth, db: Database): Promise<Record<Role, SessionUser>> {
  const users = {} as Record<Role, SessionUser>;
  for (const role of ["viewer", "official", "reviewer", "admin"] as const) {
    const email = `${role}@fixtures.test`;
    const zoneCodes: TZoneCode[] = role === "official" ? ["HB-HS"] : [];
    const { id } = await createUser(
      auth,
      db,
      { email, name: role, role, zoneCodes, password: "fixture-password-2026" },
      null,
    );
    users[role] = {
      id,
      email,
      name: role,
      role,
      zoneCodes,
      mustChangePassword: false,
      twoFactorEnabled: false,
      twoFactorRequired: false,
    };
  }
  return users;
}

/**
 * Test-only: export jobs that record what the procedures asked for (pg-boss itself is tested in
 * `@zones/jobs`, where workers run the jobs).
 */
export class RecordedExportJobs implements ExportJobs {
  readonly enqueued: string[] = [];
  readonly approvedQuarters: string[] = [];
  readonly cancelled: string[] = [];
  /** How many times a step asked for its notifications' mail. */
  deliveries = 0;
  async enqueueRun(runId: string) {
    this.enqueued.push(runId);
  }
  async quarterApproved(quarter: string) {
    this.approvedQuarters.push(quarter);
  }
  liveProgress() {
    return null;
  }
  cancelLocal(runId: string) {
    this.cancelled.push(runId);
    return false;
  }
  async deliverNotifications() {
    this.deliveries += 1;
  }
}

/** Test-only: a context as the server would build it, for `createCaller` (`reader`: default `db`). */
export function contextFor(
  db: Database,
  auth: Auth,
  user: SessionUser | null,
  exportJobs: ExportJobs = new RecordedExportJobs(),
  reader: Database = db,
): Context {
  return createInnerContext({ db, reader, auth, user, exportJobs });
}
