import { LruCache } from "@zones/domain";
import { getSessionCookie } from "better-auth/cookies";

import { env } from "./env";

/**
 * How long a process may answer a read (a page, a dashboard query) from a session it looked up before:
 * the bound on how late disabling an account, a password reset, a password change or a sign-out reaches
 * the reads of the other processes (docs/operations.md, "Sessions"). The process that made the change
 * forgets the account's sessions at once, and every write asks the database.
 */
export const DEFAULT_SESSION_CACHE_SECONDS = 30;
/** Sessions one process keeps (a few hundred bytes each). */
export const SESSION_CACHE_ENTRIES = 10_000;
/** better-auth's cookie prefix (`zones.session_token`). */
export const COOKIE_PREFIX = "zones";

interface KeptSession<User> {
  user: User;
  userId: string;
  /** When this process asks the database again (ms since the epoch). */
  keptUntil: number;
  /** When the session itself ends (idle or absolute deadline), whichever is first. */
  endsAt: number;
}

/** Sessions looked up recently, by the signed session cookie that named them. */
export class SessionCache<User> {
  readonly #kept = new LruCache<string, KeptSession<User>>(SESSION_CACHE_ENTRIES);
  readonly #milliseconds: number;

  constructor(seconds: number) {
    this.#milliseconds = seconds * 1000;
  }

  /** The user of a session cookie looked up less than the bound ago and not yet ended; null otherwise. */
  get(cookie: string, now = Date.now()): User | null {
    const kept = this.#kept.get(cookie);
    if (!kept) return null;
    if (now >= kept.keptUntil || now >= kept.endsAt) {
      this.#kept.delete(cookie);
      return null;
    }
    return kept.user;
  }

  keep(cookie: string, session: { user: User; userId: string; endsAt: number }, now = Date.now()): void {
    this.#kept.set(cookie, { ...session, keptUntil: now + this.#milliseconds });
  }

  forgetCookie(cookie: string): void {
    this.#kept.delete(cookie);
  }

  /** Every session of an account: it was disabled, its password or access changed, it signed out everywhere. */
  forgetUser(userId: string): void {
    this.#kept.deleteWhere((kept) => kept.userId === userId);
  }

  forgetAll(): void {
    this.#kept.clear();
  }
}

/** The signed session cookie of a request's headers, the cache's key; null without one. */
export function sessionCookieOf(headers: Headers): string | null {
  return getSessionCookie(headers, { cookiePrefix: COOKIE_PREFIX });
}

/** SESSION_CACHE_SECONDS, or the default: what the web app gives `createAuth`. */
export function sessionCacheSeconds(): number {
  return env.SESSION_CACHE_SECONDS ?? DEFAULT_SESSION_CACHE_SECONDS;
}
