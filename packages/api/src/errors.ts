import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { isDatabaseUnavailable } from "@zones/db/database-errors";
import { type ErrorCode, type Locale, ZonesError } from "@zones/domain";

import { message, translate } from "./messages";

/**
 * The one mapping of the application's error codes: to tRPC codes here, and through tRPC's own table to HTTP
 * statuses, so that a refusal answers with the same status from a procedure and from a route handler.
 */
export const TRPC_CODES = {
  invalid: "BAD_REQUEST",
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  "not-found": "NOT_FOUND",
  conflict: "CONFLICT",
  // A service the request needs is not running here (no export worker).
  unavailable: "PRECONDITION_FAILED",
  "too-large": "PAYLOAD_TOO_LARGE",
  busy: "TOO_MANY_REQUESTS",
} as const satisfies Record<ErrorCode, TRPC_ERROR_CODE_KEY>;

/** 400, 401, 403, 404, 409, 412, 413, 429: the status tRPC answers for the same code. */
export function httpStatusOf(code: ErrorCode): number {
  return getHTTPStatusCodeFromError(new TRPCError({ code: TRPC_CODES[code] }));
}

/** A refusal as tRPC carries it: its code, the message in the caller's language, the error as cause. */
export function toTRPCError(error: ZonesError, locale: Locale): TRPCError {
  return new TRPCError({ code: TRPC_CODES[error.code], message: translate(locale, error), cause: error });
}

/** The fields a refusal names, each with its message in the caller's language; null when it names none. */
export function fieldIssuesOf(cause: unknown, locale: Locale): { path: string[]; message: string }[] | null {
  if (!(cause instanceof ZonesError) || cause.issues.length === 0) return null;
  return cause.issues.map((issue) => ({ path: issue.path, message: translate(locale, issue.message) }));
}

/**
 * A refusal in tRPC's error envelope (as superjson writes it), for answers given before tRPC reads the
 * request (cross-origin, too large): the client shows its message like any other.
 */
export function trpcRefusal(error: ZonesError, locale: Locale): Response {
  const code = TRPC_CODES[error.code];
  const httpStatus = httpStatusOf(error.code);
  return Response.json(
    {
      error: {
        json: {
          message: translate(locale, error),
          code: TRPC_ERROR_CODES_BY_KEY[code],
          data: { code, httpStatus },
        },
      },
    },
    { status: httpStatus, headers: { "cache-control": "no-store" } },
  );
}

/**
 * What the caller sees of a fault on our side: a reference to quote to the operators, never the fault's
 * own text (a database error carries the statement and its parameters, e.g. a new password's hash).
 */
export function internalErrorMessage(locale: Locale, reference: string): string {
  return translate(locale, message("internal", { reference }));
}

/**
 * The database cannot be reached or dropped the connection (it restarts, the network failed): the caller is
 * told to try again in a moment (503), never shown a fault (500) nor the driver's text (it names the server).
 */
export function databaseUnavailableMessage(locale: Locale): string {
  return translate(locale, message("databaseUnavailable"));
}

/** A procedure's answer while the database is unavailable. */
export function databaseUnavailableError(locale: Locale, cause: unknown): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: databaseUnavailableMessage(locale), cause });
}

/**
 * Whether a tRPC error is answered as "database unavailable": raised so by a procedure, or a failure of the
 * database before any procedure ran (reading the caller's session while building the context).
 */
export function answersDatabaseUnavailable(error: TRPCError): boolean {
  return (
    error.code === "SERVICE_UNAVAILABLE" ||
    (error.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(error.cause))
  );
}
