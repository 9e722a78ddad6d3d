import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@zones/api";

/** How the entry form reads a refused or failed request. */

export interface FieldIssue {
  path: string[];
  message: string;
}

function asClientError(error: unknown): TRPCClientError<AppRouter> | null {
  return error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>) : null;
}

/** No answer, or a server failure: worth trying again later. A refusal (4xx) is not. */
export function isTransient(error: unknown): boolean {
  const clientError = asClientError(error);
  if (!clientError?.data) return true;
  const status = clientError.data.httpStatus;
  return status >= 500 || status === 408 || status === 429;
}

export function errorCode(error: unknown): string | null {
  return asClientError(error)?.data?.code ?? null;
}

/** The server's message (already in the UI language for refusals), or null for a failed connection. */
export function errorMessage(error: unknown): string | null {
  const clientError = asClientError(error);
  return clientError?.data ? clientError.message : null;
}

/** Field errors of a refusal: `[{ path: ["values", code], message }]`. */
export function fieldIssues(error: unknown): FieldIssue[] {
  const issues = asClientError(error)?.data?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
}
