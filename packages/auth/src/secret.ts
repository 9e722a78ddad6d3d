import { randomBytes } from "node:crypto";
import type { Database } from "@zones/db/client";
import { putSettingIfAbsent } from "@zones/db/settings";

import { env } from "./env";

/**
 * BETTER_AUTH_SECRET when set (production). Otherwise — the demo, a newcomer's machine — a random
 * secret generated on first use and kept in the database, so sessions survive restarts.
 */
export async function resolveAuthSecret(db: Database): Promise<string> {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  const stored = await putSettingIfAbsent(db, "authSecret", { value: randomBytes(32).toString("base64url") });
  return stored.value;
}

/** BETTER_AUTH_PREVIOUS_SECRETS: secrets a rotation retired, newest first. */
export function previousAuthSecrets(): string[] {
  return env.BETTER_AUTH_PREVIOUS_SECRETS ?? [];
}

export function authBaseURL(): string | undefined {
  return env.BETTER_AUTH_URL;
}
