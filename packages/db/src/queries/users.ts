import { randomUUID } from "node:crypto";
import { and, count, desc, eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { accounts, auditLog, sessions, users, userZones, zones } from "../schema";

export type UserRole = (typeof users.$inferSelect)["role"];

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  zoneCodes: string[];
  /** Already hashed by the auth library; this package never sees a clear password. */
  passwordHash: string;
  mustChangePassword?: boolean;
}

/**
 * Creates a user with an email+password (better-auth "credential") account and their zones, and
 * writes the audit row, in one transaction. Fails if the email is taken.
 */
export async function insertUserWithCredential(
  db: Database,
  user: NewUser,
  audit: { actorId: string | null },
): Promise<{ id: string }> {
  const id = randomUUID();
  const email = user.email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      email,
      name: user.name,
      role: user.role,
      emailVerified: true,
      mustChangePassword: user.mustChangePassword ?? false,
    });
    await tx.insert(accounts).values({
      id: randomUUID(),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: user.passwordHash,
    });
    if (user.zoneCodes.length > 0) {
      await tx.insert(userZones).values(user.zoneCodes.map((zoneCode) => ({ userId: id, zoneCode })));
    }
    await tx.insert(auditLog).values({
      actorId: audit.actorId,
      action: "user.create",
      entityType: "user",
      entityId: id,
      details: { email, role: user.role, zoneCodes: user.zoneCodes },
    });
  });
  return { id };
}

export async function findUserIdByEmail(db: Database, email: string): Promise<string | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row?.id ?? null;
}

/** The zones a user is bound to, in catalogue order. */
export async function userZoneCodes(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ zoneCode: userZones.zoneCode })
    .from(userZones)
    .innerJoin(zones, eq(zones.code, userZones.zoneCode))
    .where(eq(userZones.userId, userId))
    .orderBy(zones.sortOrder);
  return rows.map((row) => row.zoneCode);
}

export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export interface UserListRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  mustChangePassword: boolean;
  zoneCodes: string[];
  createdAt: Date;
}

/** A page of users, newest first, with their zones aggregated in SQL. */
export async function listUsers(
  db: Database,
  params: { limit: number; offset: number },
): Promise<{ rows: UserListRow[]; total: number }> {
  const zoneCodes = sql<string[]>`coalesce(array_agg(${userZones.zoneCode} order by ${userZones.zoneCode})
    filter (where ${userZones.zoneCode} is not null), '{}')`;
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        disabled: users.disabled,
        mustChangePassword: users.mustChangePassword,
        createdAt: users.createdAt,
        zoneCodes,
      })
      .from(users)
      .leftJoin(userZones, eq(userZones.userId, users.id))
      .groupBy(users.id)
      .orderBy(desc(users.createdAt), users.email)
      .limit(params.limit)
      .offset(params.offset),
    db.select({ total: count() }).from(users),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/** Disables (ending every session at once) or re-enables an account, with an audit row. */
export async function setUserDisabled(
  db: Database,
  params: { userId: string; disabled: boolean; actorId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ disabled: params.disabled, updatedAt: new Date() })
      .where(eq(users.id, params.userId))
      .returning({ id: users.id });
    if (updated.length === 0) return false;
    if (params.disabled) await tx.delete(sessions).where(eq(sessions.userId, params.userId));
    await tx.insert(auditLog).values({
      actorId: params.actorId,
      action: params.disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: params.userId,
    });
    return true;
  });
}

/** After the user chose a new password themselves: no forced change any more, and an audit row. */
export async function markPasswordChanged(db: Database, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await tx.insert(auditLog).values({
      actorId: userId,
      action: "user.password_change",
      entityType: "user",
      entityId: userId,
    });
  });
}

/**
 * An admin sets a new password: the user must change it at the next sign-in, and every session of
 * theirs ends now.
 */
export async function resetUserPassword(
  db: Database,
  params: { userId: string; passwordHash: string; actorId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(accounts)
      .set({ password: params.passwordHash, updatedAt: new Date() })
      .where(and(eq(accounts.userId, params.userId), eq(accounts.providerId, "credential")))
      .returning({ id: accounts.id });
    if (updated.length === 0) return false;
    await tx
      .update(users)
      .set({ mustChangePassword: true, updatedAt: new Date() })
      .where(eq(users.id, params.userId));
    await tx.delete(sessions).where(eq(sessions.userId, params.userId));
    await tx.insert(auditLog).values({
      actorId: params.actorId,
      action: "user.password_reset",
      entityType: "user",
      entityId: params.userId,
    });
    return true;
  });
}

/** Changes a user's role and zones together (zones only for officials), with an audit row of both. */
export async function updateUserAccess(
  db: Database,
  params: { userId: string; role: UserRole; zoneCodes: string[]; actorId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ role: params.role, updatedAt: new Date() })
      .where(eq(users.id, params.userId))
      .returning({ id: users.id });
    if (updated.length === 0) return false;
    await tx.delete(userZones).where(eq(userZones.userId, params.userId));
    if (params.zoneCodes.length > 0) {
      await tx
        .insert(userZones)
        .values(params.zoneCodes.map((zoneCode) => ({ userId: params.userId, zoneCode })));
    }
    await tx.insert(auditLog).values({
      actorId: params.actorId,
      action: "user.access_change",
      entityType: "user",
      entityId: params.userId,
      details: { role: params.role, zoneCodes: params.zoneCodes },
    });
    return true;
  });
}
