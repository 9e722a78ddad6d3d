import { eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { settings } from "../schema";

/** Settings keys and the shape of their values. */
export interface SettingValues {
  /** Present when the installation holds synthetic demo data, which the UI must say plainly. */
  demo: { seededThrough: string; seededAt: string };
  /** The session-signing secret of an installation without BETTER_AUTH_SECRET (the demo). */
  authSecret: { value: string };
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
