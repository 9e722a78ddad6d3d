import type { Database } from "@zones/db/client";
import { isDatabaseUnavailable } from "@zones/db/database-errors";
import * as schema from "@zones/db/schema";
import { markPasswordChanged } from "@zones/db/users";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, getIP } from "better-auth/api";
import { symmetricDecrypt } from "better-auth/crypto";
import { twoFactor } from "better-auth/plugins/two-factor";
import {
  AUTH_LIBRARY_LOGGER,
  type SignInStep,
  signInFailed,
  signInNeedsSecondFactor,
  signInRefused,
  signInSucceeded,
  signInThrottled,
  twoFactorUnreadable,
} from "./auth-log";
import { assertInputWithinLimits, INVALID_INPUT } from "./input-limits";
import { createLoginThrottle } from "./login-throttle";
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PASSWORD_MESSAGES,
  passwordProblem,
} from "./password-policy";
import { authKeys } from "./secrets";
import type { SessionUser } from "./session";
import { COOKIE_PREFIX, SessionCache, sessionCookieOf } from "./session-cache";

/** A session ends after this long without use (sliding) … */
export const IDLE_TIMEOUT_SECONDS = 2 * 60 * 60;
/** … and in any case this long after sign-in (checked in `getSessionUser`). */
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;

/**
 * Some of better-auth's endpoints catch a failed query and answer 500 themselves (`FAILED_TO_GET_SESSION`),
 * the database's error as its cause. When the database is gone, that cause is thrown on instead: to the
 * route (`onAPIError.throw`) or the server's own caller, which answer 503, as for every request it cuts.
 */
function throwDatabaseUnavailable(returned: unknown): void {
  if (returned instanceof APIError && returned.statusCode === 500 && isDatabaseUnavailable(returned.cause)) {
    throw returned.cause;
  }
}

export interface AuthOptions {
  db: Database;
  /** BETTER_AUTH_SECRET: signs session cookies, encrypts two-factor secrets. */
  secret: string;
  /** Secrets a rotation retired (BETTER_AUTH_PREVIOUS_SECRETS), newest first: they still decrypt. */
  previousSecrets?: readonly string[];
  /** Public URL, the one origin trusted; cookies are Secure when it is https. */
  baseURL?: string;
  /**
   * Without `baseURL`: the port the app serves on this machine (default 3000). Then only this port's local
   * origins (localhost, 127.0.0.1, [::1]) are trusted, not a page another local server serves.
   */
  port?: number;
  /**
   * How long reads may be answered from a session looked up before (`getSessionUser` with `cached`);
   * 0 (the default here) asks the database every time. The web app passes SESSION_CACHE_SECONDS.
   */
  sessionCacheSeconds?: number;
}

/** Error codes the login page turns into messages in the user's language. */
export const AUTH_ERROR = {
  disabled: "ACCOUNT_DISABLED",
  throttled: "TOO_MANY_ATTEMPTS",
  weakPassword: "PASSWORD_POLICY",
  invalidInput: INVALID_INPUT,
  twoFactorUnreadable: "TWO_FACTOR_UNREADABLE",
} as const;

/** How authenticator apps name the account. */
export const TWO_FACTOR_ISSUER = "示范区监测 Zones";

const SIGN_IN_PATH = "/sign-in/email";
const CHANGE_PASSWORD_PATH = "/change-password";
const GET_SESSION_PATH = "/get-session";
const SIGN_OUT_PATH = "/sign-out";
const RESET_PASSWORD_PATH = "/reset-password";
const DEFAULT_PORT = 3000;
/** The per-IP throttle key of requests whose address cannot be resolved: they share one count. */
const UNRESOLVED_IP = "unresolved";
const PASSWORD_PATHS = new Set(["/change-password", "/reset-password", "/sign-up/email"]);
/** The second step of a sign-in with two-factor: an authenticator code or a backup code. */
const TWO_FACTOR_VERIFY_PATHS = new Set(["/two-factor/verify-totp", "/two-factor/verify-backup-code"]);
/** better-auth's answers to a wrong code (401); an expired challenge is not a guess and is not counted. */
const WRONG_CODE_ERRORS = new Set(["INVALID_CODE", "INVALID_BACKUP_CODE"]);
/** The two-factor plugin's cookie naming the pending sign-in (a signed verification identifier). */
const TWO_FACTOR_CHALLENGE_COOKIE = "two_factor";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * Where an instance keeps its session cache (`createAuth`): on the instance itself, under a registered symbol,
 * because Next bundles this module once per route while the web app shares one instance between them (a
 * module-level map would give the tRPC route and the pages each their own view, and a forget in one would
 * miss the other's).
 */
const SESSION_CACHE = Symbol.for("zones.auth.sessionCache");

/** The session cache of an instance, or null when it keeps none. */
export function sessionCacheOf(auth: object): SessionCache<SessionUser> | null {
  return (auth as { [SESSION_CACHE]?: SessionCache<SessionUser> })[SESSION_CACHE] ?? null;
}

/**
 * Forgets an account's sessions in this process's cache at once: it was disabled, its password was reset,
 * its role or zones changed. Other processes drop them within their cache's bound.
 */
export function forgetSessionsOf(auth: object, userId: string): void {
  sessionCacheOf(auth)?.forgetUser(userId);
}

/**
 * After an endpoint of better-auth's that ends or changes sessions: a sign-out forgets its own session; a
 * password reset by emailed token (no session names the account) every session; anything else done with a
 * session (change password, revoke sessions, two-factor on or off) that account's sessions.
 */
function forgetChangedSessions(ctx: HookContext, cache: SessionCache<SessionUser>): void {
  if (ctx.path === GET_SESSION_PATH) return;
  if (ctx.path === SIGN_OUT_PATH) {
    const cookie = ctx.headers ? sessionCookieOf(ctx.headers) : null;
    if (cookie) cache.forgetCookie(cookie);
    return;
  }
  if (ctx.path === RESET_PASSWORD_PATH) {
    cache.forgetAll();
    return;
  }
  const userId = ctx.context.session?.user.id;
  if (userId) cache.forgetUser(userId);
}

/** Is this request answering a pending two-factor sign-in (rather than confirming a new authenticator)? */
async function challengeId(ctx: HookContext): Promise<string | null> {
  const cookie = ctx.context.createAuthCookie(TWO_FACTOR_CHALLENGE_COOKIE);
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  return identifier || null;
}

/** The account whose two-factor sign-in is pending, or null (none, or expired). */
async function challengeUser(ctx: HookContext): Promise<{ id: string; email: string } | null> {
  const identifier = await challengeId(ctx);
  if (!identifier) return null;
  const challenge = await ctx.context.internalAdapter.findVerificationValue(identifier);
  if (!challenge || challenge.expiresAt < new Date()) return null;
  return ctx.context.internalAdapter.findUserById(challenge.value);
}

async function challengeEmail(ctx: HookContext): Promise<string | null> {
  return (await challengeUser(ctx))?.email ?? null;
}

/**
 * Refuses the code step, instead of failing it with a 500, when the account's authenticator secret was
 * encrypted with a secret no longer configured (BETTER_AUTH_SECRET rotated without keeping the old one in
 * BETTER_AUTH_PREVIOUS_SECRETS): no code can be checked, and the operators are told why.
 */
async function assertTwoFactorReadable(ctx: HookContext, db: Database, ip: string): Promise<void> {
  const user = await challengeUser(ctx);
  if (!user) return;
  const enrolment = await db.query.twoFactors.findFirst({
    columns: { secret: true },
    where: (twoFactors, { eq }) => eq(twoFactors.userId, user.id),
  });
  if (!enrolment) return;
  try {
    await symmetricDecrypt({ key: ctx.context.secretConfig, data: enrolment.secret });
  } catch {
    twoFactorUnreadable({ step: "two-factor", ip, userId: user.id });
    throw new APIError("FORBIDDEN", {
      code: AUTH_ERROR.twoFactorUnreadable,
      message:
        "This account's two-factor setup cannot be read since the server's secret changed. Ask an administrator.",
    });
  }
}

/** The account a sign-in step tries to enter, for the throttle; null when the throttle does not apply. */
async function attemptedEmail(ctx: HookContext): Promise<string | null> {
  if (ctx.path === SIGN_IN_PATH) return typeof ctx.body?.email === "string" ? ctx.body.email : "";
  // A code confirming a new authenticator (signed in, no pending sign-in) finds no challenge.
  if (TWO_FACTOR_VERIFY_PATHS.has(ctx.path)) return challengeEmail(ctx);
  return null;
}

/** This machine's names for the app's own port: its only origins without a configured public URL. */
function localHosts(port: number): string[] {
  const suffix = port === 80 ? "" : `:${port}`;
  return ["localhost", "127.0.0.1", "[::1]"].map((host) => `${host}${suffix}`);
}

/**
 * The client address for the throttle: the one better-auth resolves from X-Forwarded-For, which our server
 * (`apps/web/server.mjs`) sets to the socket's peer or, behind a trusted proxy, the client it names. A request
 * whose address cannot be resolved is not let off the per-IP count: all such requests share one.
 */
function throttleIp(ctx: HookContext): string {
  return (ctx.request ? getIP(ctx.request, ctx.context.options) : null) ?? UNRESOLVED_IP;
}

/** Which step of a sign-in a throttled path is. */
function signInStep(path: string): SignInStep {
  return path === SIGN_IN_PATH ? "password" : "two-factor";
}

/** The log line and counters of a password step, by what better-auth answered. */
function logSignIn(
  returned: unknown,
  user: { id: string; twoFactorEnabled?: boolean | null | undefined } | null,
  ip: string,
): void {
  if (returned instanceof APIError) {
    const reason = typeof returned.body?.code === "string" ? returned.body.code : null;
    if (returned.status === "UNAUTHORIZED") signInFailed({ step: "password", ip, reason });
    else signInRefused({ step: "password", ip, reason });
  } else if (user?.twoFactorEnabled) signInNeedsSecondFactor({ step: "password", ip, userId: user.id });
  else signInSucceeded({ step: "password", ip, userId: user?.id ?? null });
}

/**
 * better-auth on our own tables (its Drizzle adapter, plural names). Sign-up is closed: admins create
 * accounts. Failed sign-ins are throttled per account and per IP in the database; so are wrong
 * two-factor codes, which count against the account whose sign-in they try to complete.
 */
export function createAuth({
  db,
  secret,
  previousSecrets,
  baseURL,
  port = DEFAULT_PORT,
  sessionCacheSeconds = 0,
}: AuthOptions) {
  const throttle = createLoginThrottle(db);
  const sessionCache = sessionCacheSeconds > 0 ? new SessionCache<SessionUser>(sessionCacheSeconds) : null;
  const auth = betterAuth({
    // Always given, so better-auth never reads BETTER_AUTH_SECRETS from the environment on its own.
    ...authKeys(secret, previousSecrets),
    // Without a configured public URL (the demo, a newcomer's machine) the app answers on this machine
    // only, on its own port: the hosts allowed are also the origins trusted, and a page another local
    // server serves must not sign a user in or out, nor rename them.
    // A request naming another host (a LAN address, a rebinding DNS name) is answered as the local app, so
    // better-auth refuses its origin (403) instead of failing to resolve itself (500).
    baseURL: baseURL ?? {
      allowedHosts: localHosts(port),
      protocol: "http",
      fallback: `http://${localHosts(port)[0]}`,
    },
    database: drizzleAdapter(db, { provider: "pg", schema, usePlural: true }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
        mustChangePassword: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: IDLE_TIMEOUT_SECONDS,
      // Each use more than five minutes after the last refresh pushes the idle deadline forward.
      updateAge: 5 * 60,
    },
    // Optional TOTP (authenticator app) second factor with backup codes; `users.two_factor_enabled` and
    // the `two_factors` table. Which roles must use it is our setting (see `getSessionUser`).
    plugins: [twoFactor({ issuer: TWO_FACTOR_ISSUER })],
    logger: AUTH_LIBRARY_LOGGER,
    // A fault (the database went away) is thrown to the route, which answers it as every route does (503
    // while the database is unavailable, else 500 with a reference); refusals are still answered here.
    onAPIError: { throw: true },
    // Our own throttle covers sign-in and its code step; better-auth's limiter still guards its other
    // endpoints (e.g. 3 in 10 s per IP for enabling two-factor).
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: Object.fromEntries(
        [SIGN_IN_PATH, ...TWO_FACTOR_VERIFY_PATHS].map((path) => [path, false] as const),
      ),
    },
    advanced: {
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      cookiePrefix: COOKIE_PREFIX,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // better-auth skips the origin check when NODE_ENV is test; ours runs in tests as in production.
      disableOriginCheck: false,
      // Our server replaces X-Forwarded-For with the one resolved client address (see `throttleIp`), which
      // better-auth's own limiter and the sessions' `ip_address` then record.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    databaseHooks: {
      session: {
        create: {
          async before(session) {
            const user = await db.query.users.findFirst({
              columns: { disabled: true },
              where: (users, { eq }) => eq(users.id, session.userId),
            });
            if (!user || user.disabled) {
              throw new APIError("FORBIDDEN", {
                code: AUTH_ERROR.disabled,
                message: "This account is disabled.",
              });
            }
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Before anything reads the request: a new password's policy names the problem best, then every
        // field's bounds and characters (nothing out of bounds reaches the throttle or the database).
        if (PASSWORD_PATHS.has(ctx.path)) {
          const password = ctx.body?.newPassword ?? ctx.body?.password;
          const problem = typeof password === "string" ? passwordProblem(password) : null;
          if (problem) {
            throw new APIError("BAD_REQUEST", {
              code: AUTH_ERROR.weakPassword,
              message: PASSWORD_MESSAGES[problem],
            });
          }
        }
        assertInputWithinLimits(ctx);
        const email = await attemptedEmail(ctx);
        if (email !== null) {
          const ip = throttleIp(ctx);
          const wait = await throttle.retryAfter({ email, ip });
          if (wait > 0) {
            signInThrottled({ step: signInStep(ctx.path), ip, retryAfterSeconds: wait });
            throw new APIError("TOO_MANY_REQUESTS", {
              code: AUTH_ERROR.throttled,
              message: `Too many failed sign-ins. Try again in ${wait} seconds.`,
              retryAfter: wait,
            });
          }
          if (TWO_FACTOR_VERIFY_PATHS.has(ctx.path)) await assertTwoFactorReadable(ctx, db, ip);
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        throwDatabaseUnavailable(ctx.context.returned);
        if (sessionCache) forgetChangedSessions(ctx, sessionCache);
        if (ctx.path === CHANGE_PASSWORD_PATH) {
          const userId = ctx.context.session?.user.id;
          if (userId && !(ctx.context.returned instanceof APIError)) {
            await markPasswordChanged(db, userId);
            // Again, now that the forced change is cleared: a read meanwhile may have kept the account as it was.
            sessionCache?.forgetUser(userId);
          }
          return;
        }
        const ip = throttleIp(ctx);
        const returned = ctx.context.returned;
        if (TWO_FACTOR_VERIFY_PATHS.has(ctx.path)) {
          // Only the second step of a sign-in counts; confirming a new authenticator does not.
          if (!(await challengeId(ctx))) return;
          if (returned instanceof APIError) {
            const code = returned.body?.code;
            // The challenge survives a wrong code, so it still names the account.
            const email = code && WRONG_CODE_ERRORS.has(code) ? await challengeEmail(ctx) : null;
            if (email) {
              await throttle.recordFailure({ email, ip });
              signInFailed({ step: "two-factor", ip, reason: code ?? null });
            }
          } else {
            const email = ctx.context.newSession?.user.email;
            if (email) await throttle.recordSuccess({ email, ip });
            signInSucceeded({ step: "two-factor", ip, userId: ctx.context.newSession?.user.id ?? null });
          }
          return;
        }
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        const failed = returned instanceof APIError && returned.status === "UNAUTHORIZED";
        if (failed) await throttle.recordFailure({ email, ip });
        // A right password with two-factor on is neither: the code decides (this hook runs before the
        // two-factor plugin's, which then turns the session into a challenge).
        else if (!(returned instanceof APIError) && !ctx.context.newSession?.user.twoFactorEnabled)
          await throttle.recordSuccess({ email, ip });
        logSignIn(returned, ctx.context.newSession?.user ?? null, ip);
      }),
    },
  });
  if (sessionCache) Object.defineProperty(auth, SESSION_CACHE, { value: sessionCache });
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;
