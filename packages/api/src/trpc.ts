import { initTRPC, TRPCError } from "@trpc/server";
import type { Auth, Role, SessionUser } from "@zones/auth";
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
  /** better-auth, for the few procedures that hash passwords or manage sessions. */
  auth: Auth;
  locale: Locale;
  /** The signed-in user, resolved on the server from the session cookie; null for anonymous callers. */
  user: SessionUser | null;
  /** The export job system (pg-boss); null where none is configured (procedures that need it say so). */
  exportJobs: ExportJobs | null;
}

/** What procedures need of the export jobs (implemented by `@zones/jobs`, composed in by the web app). */
export interface ExportJobs {
  enqueueRun(runId: string): Promise<void>;
  /** A submission of the quarter was approved: all-approved schedules may be due. */
  quarterApproved(quarter: string): Promise<void>;
  /** Progress of a run executing in this process, or null. */
  liveProgress(runId: string): { rowsDone: number; rowsExpected: number } | null;
  /** Stops a run executing in this process at once; false when it runs elsewhere. */
  cancelLocal(runId: string): boolean;
}

export function createInnerContext(options: {
  db: Database;
  auth: Auth;
  locale?: Locale;
  user?: SessionUser | null;
  exportJobs?: ExportJobs | null;
}): Context {
  return {
    db: options.db,
    auth: options.auth,
    locale: options.locale ?? "zh-CN",
    user: options.user ?? null,
    exportJobs: options.exportJobs ?? null,
  };
}

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** A refusal that names the fields at fault, so a form can show each message beside its field. */
export class FieldIssuesError extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[],
  ) {
    super(message);
    this.name = "FieldIssuesError";
  }
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
        issues:
          zodError?.issues.map(({ path, message }) => ({ path: path.map(String), message })) ??
          (error.cause instanceof FieldIssuesError ? error.cause.issues : null),
      },
    };
  },
});

/** "quarter: "2025Q5" is not a quarter…; value: must be between…" */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".");
      // Messages of the shared schemas name their field already ("trigger.cron: …").
      return field && !issue.message.startsWith(`${field}:`) ? `${field}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Anyone, signed in or not: only what the login page and health checks need. */
export const publicProcedure = t.procedure;

/**
 * Any signed-in user, even one who still has to change a reset password or set up a required second
 * factor: only for telling them who they are.
 */
export const sessionProcedure = t.procedure.use(function requireSession({ ctx, next }) {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Any signed-in user whose account is in order (the same rule the pages apply in `requireUser`). */
export const protectedProcedure = sessionProcedure.use(function requireAccountInOrder({ ctx, next }) {
  if (ctx.user.mustChangePassword || ctx.user.twoFactorRequired) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: ctx.user.mustChangePassword
        ? "Change your password first."
        : "Set up two-factor sign-in first: your role requires it.",
    });
  }
  return next();
});

function requireRole(roles: readonly Role[]) {
  return protectedProcedure.use(function requireRole({ ctx, next }) {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
    }
    return next();
  });
}

/** National or provincial reviewers, and admins. */
export const reviewerProcedure = requireRole(["reviewer", "admin"]);

/** Admins only. */
export const adminProcedure = requireRole(["admin"]);

/** May this user read the zone's unapproved (draft, submitted, returned) data? */
export function canReadZoneDrafts(user: SessionUser, zoneCode: string): boolean {
  return user.role === "admin" || user.role === "reviewer" || user.zoneCodes.includes(zoneCode);
}

/** May this user enter or submit the zone's data? Only officials bound to the zone (admins may correct). */
export function canWriteZone(user: SessionUser, zoneCode: string): boolean {
  return user.role === "admin" || (user.role === "official" && user.zoneCodes.includes(zoneCode));
}

/** Throws FORBIDDEN unless the user may write the zone: the zone-scoped check every write goes through. */
export function assertCanWriteZone(user: SessionUser, zoneCode: string): void {
  if (!canWriteZone(user, zoneCode)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `You may not change data of zone ${zoneCode}.` });
  }
}
