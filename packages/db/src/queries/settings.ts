import { TWO_FACTOR_REQUIRABLE_ROLES } from "@zones/domain";
import { eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { auditLog, settings } from "../schema";

export type TwoFactorRole = (typeof TWO_FACTOR_REQUIRABLE_ROLES)[number];

/** Settings keys and the shape of their values. */
export interface SettingValues {
  /** Present when the installation holds synthetic demo data, which the UI must say plainly. */
  demo: {
    seededThrough: string;
    seededAt: string;
    /** The built-in zones the demo data covers; absent when written by a release that seeded the first batch only. */
    zoneCodes?: string[];
  };
  /** The session-signing secret of an installation without BETTER_AUTH_SECRET (the demo). */
  authSecret: { value: string };
  /** Roles whose members must set up two-factor sign-in before using the app (empty: optional for all). */
  twoFactorRequiredRoles: TwoFactorRole[];
}

export async function getSetting<K extends keyof SettingValues>(
  db: Database,
  key: K,
): Promise<SettingValues[K] | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return (row?.value as SettingValues[K] | undefined) ?? null;
}

export async function putSetting<K extends keyof SettingValues>(
  db: Database,
  key: K,
  value: SettingValues[K],
): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } });
}

/** Stores the value unless the key exists, and returns whichever value won (safe when processes race). */
export async function putSettingIfAbsent<K extends keyof SettingValues>(
  db: Database,
  key: K,
  value: SettingValues[K],
): Promise<SettingValues[K]> {
  await db.insert(settings).values({ key, value }).onConflictDoNothing();
  return (await getSetting(db, key)) ?? value;
}

/** The roles that must use two-factor sign-in; none until an admin says otherwise. */
export async function getTwoFactorRequiredRoles(db: Database): Promise<TwoFactorRole[]> {
  const stored: unknown = await getSetting(db, "twoFactorRequiredRoles");
  return TWO_FACTOR_REQUIRABLE_ROLES.filter((role) => Array.isArray(stored) && stored.includes(role));
}

/** An admin changes which roles must use two-factor sign-in; audited with the previous value. */
export async function setTwoFactorRequiredRoles(
  db: Database,
  params: { roles: TwoFactorRole[]; actorId: string },
): Promise<TwoFactorRole[]> {
  const roles = TWO_FACTOR_REQUIRABLE_ROLES.filter((role) => params.roles.includes(role));
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, "twoFactorRequiredRoles"))
      .for("update");
    const previous = (row?.value as TwoFactorRole[] | undefined) ?? [];
    await tx
      .insert(settings)
      .values({ key: "twoFactorRequiredRoles", value: roles })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } });
    await tx.insert(auditLog).values({
      actorId: params.actorId,
      action: "security.two_factor_required",
      entityType: "setting",
      entityId: "twoFactorRequiredRoles",
      details: { roles, previous },
    });
  });
  return roles;
}
