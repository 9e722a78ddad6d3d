import { type Database, markPasswordChanged } from "@zones/db";
import * as schema from "@zones/db/schema";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, getIP } from "better-auth/api";

import { createLoginThrottle } from "./login-throttle";
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PASSWORD_MESSAGES,
  passwordProblem,
} from "./password-policy";

/** A session ends after this long without use (sliding) … */
export const IDLE_TIMEOUT_SECONDS = 2 * 60 * 60;
/** … and in any case this long after sign-in (checked in `getSessionUser`). */
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;

export interface AuthOptions {
  db: Database;
  secret: string;
  /** Public URL; cookies are Secure when it is https. Inferred from the request when absent. */
  baseURL?: string;
}

/** Error codes the login page turns into messages in the user's language. */
export const AUTH_ERROR = {
  disabled: "ACCOUNT_DISABLED",
  throttled: "TOO_MANY_ATTEMPTS",
  weakPassword: "PASSWORD_POLICY",
} as const;

const SIGN_IN_PATH = "/sign-in/email";
const CHANGE_PASSWORD_PATH = "/change-password";
const LOCAL_HOSTS = ["localhost", "localhost:*", "127.0.0.1", "127.0.0.1:*", "[::1]:*"];
const PASSWORD_PATHS = new Set(["/change-password", "/reset-password", "/sign-up/email"]);

/**
 * better-auth on our own tables (its Drizzle adapter, plural names). Sign-up is closed: admins create
 * accounts. Failed sign-ins are throttled per account and per IP in the database.
 */
export function createAuth({ db, secret, baseURL }: AuthOptions) {
  const throttle = createLoginThrottle(db);
  return betterAuth({
    secret,
    // Without a configured public URL (the demo, a newcomer's machine) the app answers on this machine
    // only, under whatever port it was started on.
    baseURL: baseURL ?? { allowedHosts: LOCAL_HOSTS, protocol: "http" },
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
    // Our own throttle covers sign-in; better-auth's limiter still guards its other endpoints.
    rateLimit: { enabled: true, window: 60, max: 100, customRules: { [SIGN_IN_PATH]: false } },
    advanced: {
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      cookiePrefix: "zones",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
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
        if (ctx.path === SIGN_IN_PATH) {
          const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
          const ip = ctx.request ? getIP(ctx.request, ctx.context.options) : null;
          const wait = await throttle.retryAfter({ email, ip });
          if (wait > 0) {
            throw new APIError("TOO_MANY_REQUESTS", {
              code: AUTH_ERROR.throttled,
              message: `Too many failed sign-ins. Try again in ${wait} seconds.`,
              retryAfter: wait,
            });
          }
        }
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
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === CHANGE_PASSWORD_PATH) {
          const userId = ctx.context.session?.user.id;
          if (userId && !(ctx.context.returned instanceof APIError)) await markPasswordChanged(db, userId);
          return;
        }
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        const ip = ctx.request ? getIP(ctx.request, ctx.context.options) : null;
        const returned = ctx.context.returned;
        const failed = returned instanceof APIError && returned.status === "UNAUTHORIZED";
        if (failed) await throttle.recordFailure({ email, ip });
        else if (!(returned instanceof APIError)) await throttle.recordSuccess({ email, ip });
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
