import "server-only";

import {
  type Auth,
  authBaseURL,
  createAuth,
  getSessionUser,
  previousAuthSecrets,
  resolveAuthSecret,
  type SessionUser,
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
      });
    })();
    holder.zonesAuth.catch(() => {
      holder.zonesAuth = undefined;
    });
  }
  return holder.zonesAuth;
}

/** The user of a request's headers (route handlers). */
export async function userFromHeaders(requestHeaders: Headers): Promise<SessionUser | null> {
  return getSessionUser(await getAuth(), await getDb(), requestHeaders);
}

/** The user of the current request, once per request (server components). */
export const getCurrentUser = cache(
  async (): Promise<SessionUser | null> => userFromHeaders(await headers()),
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
