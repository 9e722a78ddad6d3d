import type { Database } from "@zones/db/client";
import { getTwoFactorRequiredRoles } from "@zones/db/settings";
import { deleteSession, userZoneCodes } from "@zones/db/users";
import { isBoundToZones, type Role, TWO_FACTOR_REQUIRABLE_ROLES, toRole } from "@zones/domain";
import { noteRequestUser } from "@zones/telemetry/context";

import { ABSOLUTE_TIMEOUT_SECONDS, type Auth } from "./auth";

/** Who is calling, as every server-side check sees it: derived from the session, never from the client. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Zones an official may enter data for (empty for other roles). */
  zoneCodes: string[];
  mustChangePassword: boolean;
  /** Signs in with an authenticator code after the password. */
  twoFactorEnabled: boolean;
  /** An admin requires two-factor sign-in for this user's role and it is not set up yet. */
  twoFactorRequired: boolean;
}

/**
 * The signed-in user for a request's headers, or null: no or forged cookie, expired (idle or absolute),
 * or a disabled account.
 */
export async function getSessionUser(
  auth: Auth,
  db: Database,
  headers: Headers,
): Promise<SessionUser | null> {
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const { session, user } = found;
  const age = (Date.now() - new Date(session.createdAt).getTime()) / 1000;
  if (age > ABSOLUTE_TIMEOUT_SECONDS || user.disabled) {
    await deleteSession(db, session.id);
    return null;
  }
  // The request's log line names its user (pages, route handlers and procedures all come through here).
  noteRequestUser(user.id);
  const role = toRole(user.role);
  const twoFactorEnabled = user.twoFactorEnabled === true;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role,
    zoneCodes: isBoundToZones(role) ? await userZoneCodes(db, user.id) : [],
    mustChangePassword: user.mustChangePassword === true,
    twoFactorEnabled,
    // Only some roles can be required to; the setting is read only for them.
    twoFactorRequired:
      !twoFactorEnabled &&
      (TWO_FACTOR_REQUIRABLE_ROLES as readonly Role[]).includes(role) &&
      ((await getTwoFactorRequiredRoles(db)) as readonly Role[]).includes(role),
  };
}
