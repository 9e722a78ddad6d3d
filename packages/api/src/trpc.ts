import { randomUUID } from "node:crypto";
import { initTRPC } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { Auth, SessionUser } from "@zones/auth";
import type { Database } from "@zones/db/client";
import { isDatabaseUnavailable, isUniqueViolation } from "@zones/db/database-errors";
import {
  canAdjustEvaluation,
  canAdminister,
  canDefineEvaluation,
  canEnterData,
  canManageTargets,
  canReadZoneDrafts,
  canReview,
  type Locale,
  ZonesError,
  ZZoneCodeSchema,
} from "@zones/domain";
import { inRequest } from "@zones/telemetry/context";
import { describeError } from "@zones/telemetry/describe-error";
import { logger } from "@zones/telemetry/log";
import { recordProcedureCall } from "@zones/telemetry/procedures";
import { ZodError, z } from "zod";
import { requireZone } from "./catalogue/membership";
import {
  answersDatabaseUnavailable,
  databaseUnavailableError,
  databaseUnavailableMessage,
  fieldIssuesOf,
  internalErrorMessage,
  toTRPCError,
} from "./errors";
import { scanInput } from "./guards/hostile-text";
import { message } from "./messages";
import { transformer } from "./transformer";

/**
 * What every procedure sees. Built without a request (the "inner" context) so tests and server
 * components call procedures with `createCaller` against a real database.
 */
export interface Context {
  /** The primary: writes, and reads of what may just have been written. */
  db: Database;
  /**
   * The request's database for the dashboards' reads: a read replica (a little behind the primary) or the
   * primary itself. Only `dashboardProcedure` reads it (as its `db`).
   */
  reader: Database;
  /** better-auth, for the few procedures that hash passwords or manage sessions. */
  auth: Auth;
  locale: Locale;
  /** The signed-in user, resolved on the server from the session cookie; null for anonymous callers. */
  user: SessionUser | null;
  /** The export job system (pg-boss); null where none is configured (procedures that need it say so). */
  exportJobs: ExportJobs | null;
  /**
   * Dashboard answers may come from the per-data-version cache (`dashboard-cache.ts`); false computes every
   * call (the bench records the SQL a computed answer sends).
   */
  cachesDashboards: boolean;
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
  /**
   * A step recorded notifications (in its own transaction): a worker decides their mail soon. Losing this
   * request loses nothing; the workers' minute pass decides them anyway.
   */
  deliverNotifications(): Promise<void>;
}

export function createInnerContext(options: {
  db: Database;
  /** Default `db` (no read replicas). */
  reader?: Database;
  auth: Auth;
  locale?: Locale;
  user?: SessionUser | null;
  exportJobs?: ExportJobs | null;
  cachesDashboards?: boolean;
}): Context {
  return {
    db: options.db,
    reader: options.reader ?? options.db,
    auth: options.auth,
    locale: options.locale ?? "zh-CN",
    user: options.user ?? null,
    exportJobs: options.exportJobs ?? null,
    cachesDashboards: options.cachesDashboards ?? true,
  };
}

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error, path, ctx }) {
    if (answersDatabaseUnavailable(error)) {
      // Not a fault of ours: the database watch logs why it is down; this says which call it cut.
      logger.warn(
        { procedure: path ?? null, reason: describeError(error.cause ?? error) },
        "database unavailable",
      );
      return {
        ...shape,
        code: TRPC_ERROR_CODES_BY_KEY.SERVICE_UNAVAILABLE,
        // Without a context (the session could not be read) the app's first language.
        message: databaseUnavailableMessage(ctx?.locale ?? "zh-CN"),
        data: { ...shape.data, code: "SERVICE_UNAVAILABLE", httpStatus: 503, stack: undefined, issues: null },
      };
    }
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const reference = randomUUID().slice(0, 8);
      // The detail goes to the log only, with the reference the caller was given.
      logger.error({ err: error.cause ?? error, procedure: path ?? null, reference }, "procedure failed");
      return {
        ...shape,
        message: internalErrorMessage(ctx?.locale ?? "zh-CN", reference),
        data: { ...shape.data, stack: undefined, issues: null, reference },
      };
    }
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // A readable message naming each field and rule, instead of a JSON dump of zod issues.
      message: zodError ? describeZodError(zodError) : shape.message,
      data: {
        ...shape.data,
        issues:
          zodError?.issues.map(({ path, message }) => ({ path: path.map(String), message })) ??
          fieldIssuesOf(error.cause, ctx?.locale ?? "zh-CN"),
      },
    };
  },
});

/**
 * Every procedure's outermost step: one log line and the procedure metrics per call (@zones/telemetry), with
 * the status the call answers with over HTTP. It runs in the request's context, or in a new one when called
 * in-process without a request, so that what the call logs and the jobs it starts carry one request id.
 */
const observeCall = t.middleware(function observeCall({ ctx, path, type, next }) {
  return inRequest(async () => {
    const started = performance.now();
    const result = await next();
    recordProcedureCall({
      procedure: path,
      type,
      status: result.ok ? 200 : getHTTPStatusCodeFromError(result.error),
      durationMs: performance.now() - started,
      userId: ctx.user?.id ?? null,
    });
    return result;
  });
});

/**
 * Then the application's refusals (`ZonesError`) become tRPC errors with the
 * mapped code and the message in the caller's language. A duplicate key from two requests racing to create
 * the same thing is a conflict, not a fault; a database that cannot be reached is "unavailable" (503).
 */
const answerRefusals = t.middleware(async function answerRefusals({ ctx, next }) {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof ZonesError) throw toTRPCError(cause, ctx.locale);
  if (isDatabaseUnavailable(cause)) throw databaseUnavailableError(ctx.locale, cause);
  if (isUniqueViolation(cause)) {
    throw toTRPCError(new ZonesError("conflict", message("request.alreadyExists"), { cause }), ctx.locale);
  }
  return result;
});

/**
 * Text no form can produce (NUL, other control characters, broken UTF-16) is refused before any schema or
 * query sees it, naming the field; so is an input nested deeper than any of ours.
 */
const guardInput = t.middleware(async function guardInput({ getRawInput, next }) {
  const scan = scanInput(await getRawInput());
  if (!scan.ok) {
    const field = ("found" in scan ? scan.found.path : scan.tooDeep).join(".") || "input";
    throw new ZonesError(
      "invalid",
      "found" in scan
        ? message("request.disallowedCharacter", { field, character: scan.found.character })
        : message("request.nestedTooDeeply", { field }),
    );
  }
  return next();
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
export const publicProcedure = t.procedure.use(observeCall).use(answerRefusals).use(guardInput);

/**
 * Any signed-in user, even one who still has to change a reset password or set up a required second
 * factor: only for telling them who they are.
 */
export const sessionProcedure = publicProcedure.use(function requireSession({ ctx, next }) {
  if (!ctx.user) throw new ZonesError("unauthenticated", message("account.signInToCall"));
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * Why a signed-in user may do nothing but put their account in order, or null when it is in order: after an
 * admin's reset they must choose a new password; an admin may require two-factor sign-in of their role. The
 * one rule for procedures (`protectedProcedure`), route handlers and pages.
 */
export function accountHold(user: SessionUser): ZonesError | null {
  if (user.mustChangePassword) return new ZonesError("forbidden", message("account.mustChangePassword"));
  if (user.twoFactorRequired) return new ZonesError("forbidden", message("account.twoFactorRequired"));
  return null;
}

/** Any signed-in user whose account is in order (`accountHold`). */
export const protectedProcedure = sessionProcedure.use(function requireAccountInOrder({ ctx, next }) {
  const hold = accountHold(ctx.user);
  if (hold) throw hold;
  return next();
});

/**
 * The dashboards (overview, zone, indicator, compare pages): any signed-in user whose account is in order,
 * reading through `ctx.reader` — a read replica when one is well, so `ctx.db` here may be a little behind the
 * primary. The one place a procedure's reads leave the primary: every other procedure, the writes and what is
 * read right after one (the form after a save, the review queue after a decision), reads the primary.
 */
export const dashboardProcedure = protectedProcedure.use(function readFromReplica({ ctx, next }) {
  return next({ ctx: { ...ctx, db: ctx.reader } });
});

/** The refusal of a step the caller's role does not allow. */
export function roleRefusal(): ZonesError {
  return new ZonesError("forbidden", message("account.roleRefused"));
}

/** Signed-in users with the right the access policy names (`@zones/domain` access-policy). */
function requireRight(allowed: (user: SessionUser) => boolean) {
  return protectedProcedure.use(function requireRight({ ctx, next }) {
    if (!allowed(ctx.user)) throw roleRefusal();
    return next();
  });
}

/** Reviewing: national or provincial reviewers, and admins. */
export const reviewerProcedure = requireRight(canReview);

/** Administering: admins only. */
export const adminProcedure = requireRight(canAdminister);

/** The annual evaluation's rubric, computation and publication. */
export const defineEvaluationProcedure = requireRight(canDefineEvaluation);

/** Adjusting a zone's evaluation score with a reason. */
export const adjustEvaluationProcedure = requireRight(canAdjustEvaluation);

/** Plan targets: adding, editing, deleting and importing them. */
export const targetsProcedure = requireRight(canManageTargets);

/** Entering data (forms, templates, uploads): officials for their zones, admins for any. */
export const enterDataProcedure = requireRight(canEnterData);

/**
 * Procedures on one zone's unapproved data (its form, drafts, history): the zone is read from the input and
 * the caller refused before the handler runs unless the access policy lets them read the zone's drafts.
 * Procedures chain their own `.input()`, which tRPC merges with this one.
 */
export const zoneDraftsProcedure = protectedProcedure
  .input(z.object({ zoneCode: ZZoneCodeSchema }))
  .use(async function requireZoneDrafts({ ctx, input, next }) {
    // An unknown code is bad input (as a malformed one), whoever asks; the catalogue is no secret.
    await requireZone(ctx.db, input.zoneCode);
    if (!canReadZoneDrafts(ctx.user, input.zoneCode)) {
      throw new ZonesError("forbidden", message("zone.draftsRefused", { zoneCode: input.zoneCode }));
    }
    return next();
  });
