import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import type { Auth, SessionUser } from "@zones/auth";
import type { Database } from "@zones/db/client";
import {
  canAdminister,
  canEnterData,
  canReadZoneDrafts,
  canReview,
  type Locale,
  ZZoneCodeSchema,
} from "@zones/domain";
import superjson from "superjson";
import { ZodError, z } from "zod";

import { isUniqueViolation } from "./guards/database-errors";
import { scanInput } from "./guards/hostile-text";

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

function say(locale: Locale, zh: string, en: string): string {
  return locale === "zh-CN" ? zh : en;
}

/**
 * What the caller sees of a fault on our side: a reference to quote to the operators, never the fault's
 * own text (a database error carries the statement and its parameters, e.g. a new password's hash).
 */
export function internalErrorMessage(locale: Locale, reference: string): string {
  return say(
    locale,
    `服务器内部错误，请稍后重试；如仍出错，请将编号 ${reference} 告知系统管理员。`,
    `Internal server error. Try again later; if it persists, give the administrators the reference ${reference}.`,
  );
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path, ctx }) {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const reference = randomUUID().slice(0, 8);
      // The detail goes to the log only, with the reference the caller was given.
      console.error(`tRPC ${path ?? "?"} failed (reference ${reference}):`, error.cause ?? error);
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
          (error.cause instanceof FieldIssuesError ? error.cause.issues : null),
      },
    };
  },
});

/**
 * Every procedure's first step. Text no form can produce (NUL, other control characters, broken UTF-16)
 * is refused before any schema or query sees it, naming the field; so is an input nested deeper than any of
 * ours. A duplicate key from two requests racing to create the same thing is a conflict, not a fault.
 */
const guardInput = t.middleware(async function guardInput({ ctx, getRawInput, next }) {
  const scan = scanInput(await getRawInput());
  if (!scan.ok) {
    const field = ("found" in scan ? scan.found.path : scan.tooDeep).join(".") || "input";
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        "found" in scan
          ? say(
              ctx.locale,
              `${field}：含有不允许的字符（${scan.found.character}），请删除后重试`,
              `${field}: contains a character that is not allowed (${scan.found.character}); remove it and try again`,
            )
          : say(ctx.locale, `${field}：嵌套层级过深`, `${field}: nested too deeply`),
    });
  }
  const result = await next();
  if (!result.ok && isUniqueViolation(result.error.cause)) {
    throw new TRPCError({
      code: "CONFLICT",
      message: say(
        ctx.locale,
        "该记录已存在（可能刚被另一请求创建），请刷新后再试",
        "This already exists (another request may have just created it); reload and try again",
      ),
      cause: result.error.cause,
    });
  }
  return result;
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
export const publicProcedure = t.procedure.use(guardInput);

/**
 * Any signed-in user, even one who still has to change a reset password or set up a required second
 * factor: only for telling them who they are.
 */
export const sessionProcedure = publicProcedure.use(function requireSession({ ctx, next }) {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * Why a signed-in user may do nothing but put their account in order, or null when it is in order: after an
 * admin's reset they must choose a new password; an admin may require two-factor sign-in of their role. The
 * one rule for procedures (`protectedProcedure`), route handlers and pages.
 */
export function accountHold(
  user: SessionUser,
  locale: Locale,
): { reason: "must-change-password" | "two-factor-required"; message: string } | null {
  if (user.mustChangePassword) {
    return {
      reason: "must-change-password",
      message: say(locale, "请先修改密码。", "Change your password first."),
    };
  }
  if (user.twoFactorRequired) {
    return {
      reason: "two-factor-required",
      message: say(
        locale,
        "请先设置两步验证：你的角色要求使用。",
        "Set up two-factor sign-in first: your role requires it.",
      ),
    };
  }
  return null;
}

/** Any signed-in user whose account is in order (`accountHold`). */
export const protectedProcedure = sessionProcedure.use(function requireAccountInOrder({ ctx, next }) {
  const hold = accountHold(ctx.user, ctx.locale);
  if (hold) throw new TRPCError({ code: "FORBIDDEN", message: hold.message });
  return next();
});

/** Signed-in users with the right the access policy names (`@zones/domain` access-policy). */
function requireRight(allowed: (user: SessionUser) => boolean) {
  return protectedProcedure.use(function requireRight({ ctx, next }) {
    if (!allowed(ctx.user)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
    }
    return next();
  });
}

/** Reviewing: national or provincial reviewers, and admins. */
export const reviewerProcedure = requireRight(canReview);

/** Administering: admins only. */
export const adminProcedure = requireRight(canAdminister);

/** Entering data (forms, templates, uploads): officials for their zones, admins for any. */
export const enterDataProcedure = requireRight(canEnterData);

/**
 * Procedures on one zone's unapproved data (its form, drafts, history): the zone is read from the input and
 * the caller refused before the handler runs unless the access policy lets them read the zone's drafts.
 * Procedures chain their own `.input()`, which tRPC merges with this one.
 */
export const zoneDraftsProcedure = protectedProcedure
  .input(z.object({ zoneCode: ZZoneCodeSchema }))
  .use(function requireZoneDrafts({ ctx, input, next }) {
    if (!canReadZoneDrafts(ctx.user, input.zoneCode)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: say(
          ctx.locale,
          `你无权查看示范区 ${input.zoneCode} 的未审核数据。`,
          `You may not see unapproved data of zone ${input.zoneCode}.`,
        ),
      });
    }
    return next();
  });
