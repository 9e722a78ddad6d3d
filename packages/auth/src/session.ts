import type { Database } from "@zones/db/client";
import { getTwoFactorRequiredRoles } from "@zones/db/settings";
import { deleteSession, userZoneCodes } from "@zones/db/users";
import { deepFreeze, isBoundToZones, type Role, TWO_FACTOR_REQUIRABLE_ROLES, toRole } from "@zones/domain";
import { noteRequestUser } from "@zones/telemetry/context";

import { ABSOLUTE_TIMEOUT_SECONDS, type Auth, sessionCacheOf } from "./auth";
import { sessionCookieOf } from "./session-cache";

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
 *
 * `cached`: the request only reads (a page, a dashboard query), so it may be answered from this process's
 * session cache when the instance keeps one (`createAuth`'s `sessionCacheSeconds`): no database query at all,
 * and a session ended elsewhere still reads for at most that long. Writes ask the database every time.
 */
export async function getSessionUser(
  auth: Auth,
  db: Database,
  headers: Headers,
  options: { cached?: boolean } = {},
): Promise<SessionUser | null> {
  const cache = sessionCacheOf(auth);
  const cookie = cache ? sessionCookieOf(headers) : null;
  if (cache && cookie && options.cached) {
    const kept = cache.get(cookie);
    if (kept) {
      noteRequestUser(kept.id);
      return kept;
    }
  }
  const found = await auth.api.getSession({ headers });
  if (!found) {
    if (cookie) cache?.forgetCookie(cookie);
    return null;
  }
  const { session, user } = found;
  const createdAt = new Date(session.createdAt).getTime();
  const age = (Date.now() - createdAt) / 1000;
  if (age > ABSOLUTE_TIMEOUT_SECONDS || user.disabled) {
    if (cookie) cache?.forgetCookie(cookie);
    await deleteSession(db, session.id);
    return null;
  }
  // The request's log line names its user (pages, route handlers and procedures all come through here).
  noteRequestUser(user.id);
  const role = toRole(user.role);
  const twoFactorEnabled = user.twoFactorEnabled === true;
  const sessionUser: SessionUser = {
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
  if (cache && cookie) {
    cache.keep(cookie, {
      user: deepFreeze(sessionUser),
      userId: user.id,
      endsAt: Math.min(new Date(session.expiresAt).getTime(), createdAt + ABSOLUTE_TIMEOUT_SECONDS * 1000),
    });
  }
  return sessionUser;
}
