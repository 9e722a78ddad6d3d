import { initTRPC, TRPCError } from "@trpc/server";
import type { Database } from "@zones/db";
import type { Locale } from "@zones/domain";
import superjson from "superjson";
import { ZodError } from "zod";

/**
 * What every procedure sees. Built without a request (the "inner" context) so tests and server
 * components call procedures with `createCaller` against a real database.
 */
export interface Context {
  db: Database;
  locale: Locale;
  /** The signed-in user; null until the login issue lands and for anonymous callers. */
  user: SessionUser | null;
}

export interface SessionUser {
  id: string;
  role: "admin" | "reviewer" | "official" | "viewer";
  zoneCodes: string[];
}

export function createInnerContext(options: {
  db: Database;
  locale?: Locale;
  user?: SessionUser | null;
}): Context {
  return { db: options.db, locale: options.locale ?? "zh-CN", user: options.user ?? null };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // A readable message naming each field and rule, instead of a JSON dump of zod issues.
      message: zodError ? describeZodError(zodError) : shape.message,
      data: {
        ...shape.data,
        issues: zodError?.issues.map(({ path, message }) => ({ path, message })) ?? null,
      },
    };
  },
});

/** "quarter: "2025Q5" is not a quarter…; value: must be between…" */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure;

/** Any signed-in user. */
export const protectedProcedure = t.procedure.use(function requireSession({ ctx, next }) {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});
