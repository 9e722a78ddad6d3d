import "server-only";

import {
  type Auth,
  authBaseURL,
  createAuth,
  getSessionUser,
  previousAuthSecrets,
  resolveAuthSecret,
  type SessionUser,
  sessionCacheSeconds,
} from "@zones/auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { env } from "~/env";

import { getDb } from "./db";

const holder = globalThis as typeof globalThis & { zonesAuth?: Promise<Auth> };

/** One better-auth instance per server process, on the shared database handle. */
export function getAuth(): Promise<Auth> {
  if (!holder.zonesAuth) {
    holder.zonesAuth = (async () => {
      const db = await getDb();
      // The port `npm start` (server.mjs) or `next start -p` serves on: its own origin, the only one trusted
      // without BETTER_AUTH_URL.
      return createAuth({
        db,
        secret: await resolveAuthSecret(db),
        previousSecrets: previousAuthSecrets(),
        baseURL: authBaseURL(),
        port: env.PORT,
        // Reads may be answered from a session looked up in the last SESSION_CACHE_SECONDS (default 30).
        sessionCacheSeconds: sessionCacheSeconds(),
      });
    })();
    holder.zonesAuth.catch(() => {
      holder.zonesAuth = undefined;
    });
  }
  return holder.zonesAuth;
}

/**
 * The user of a request's headers (route handlers). `cached` when the request only reads: it may then be
 * answered from the session cache (`getSessionUser`); writes and downloads ask the database.
 */
export async function userFromHeaders(
  requestHeaders: Headers,
  options: { cached?: boolean } = {},
): Promise<SessionUser | null> {
  return getSessionUser(await getAuth(), await getDb(), requestHeaders, options);
}

/** The user of the current request, once per request (server components: pages only read). */
export const getCurrentUser = cache(
  async (): Promise<SessionUser | null> => userFromHeaders(await headers(), { cached: true }),
);

/**
 * For pages: the signed-in user, or a redirect to the login page that comes back here afterwards.
 * The proxy already redirects requests without a cookie; this catches expired or forged ones.
 */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  // After an admin's reset, nothing but choosing a new password; that comes first.
  if (user.mustChangePassword) {
    if (returnTo !== CHANGE_PASSWORD_PAGE) redirect(CHANGE_PASSWORD_PAGE);
    return user;
  }
  // An admin requires two-factor of this role: nothing but setting it up.
  if (user.twoFactorRequired && returnTo !== TWO_FACTOR_PAGE) redirect(TWO_FACTOR_PAGE);
  return user;
}

export const CHANGE_PASSWORD_PAGE = "/account/password";
export const TWO_FACTOR_PAGE = "/account/two-factor";
