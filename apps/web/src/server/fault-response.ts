import { randomUUID } from "node:crypto";
import { databaseUnavailableMessage, internalErrorMessage } from "@zones/api";
import { isDatabaseUnavailable } from "@zones/db/database-errors";
import type { Locale } from "@zones/domain";
import { describeError } from "@zones/telemetry/describe-error";
import { logger } from "@zones/telemetry/log";

import { DATABASE_RETRY_AFTER_SECONDS } from "../../server/retry-after.mjs";

/** When to try again, on every answer "the database is unavailable". */
export const RETRY_AFTER_HEADER = { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } as const;

/** A route's plain-text answer, never cached. */
export function plainText(text: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/**
 * What a route answers when it failed: 503 "try again" in the caller's language while the database cannot be
 * reached (it restarts); otherwise 500 with a reference to quote, never the fault's text (logged with the
 * reference and its stack).
 */
export function faultResponse(error: unknown, request: Request, locale: Locale): Response {
  const path = new URL(request.url).pathname;
  if (isDatabaseUnavailable(error)) {
    // Not a fault of ours: the database watch logs why it is down; this says which request it cut.
    logger.warn({ method: request.method, path, reason: describeError(error) }, "database unavailable");
    return plainText(databaseUnavailableMessage(locale), 503, RETRY_AFTER_HEADER);
  }
  const reference = randomUUID().slice(0, 8);
  logger.error({ err: error, method: request.method, path, reference }, "route failed");
  return plainText(internalErrorMessage(locale, reference), 500);
}
