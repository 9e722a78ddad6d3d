import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";

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
