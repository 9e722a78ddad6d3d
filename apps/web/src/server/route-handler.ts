import "server-only";

import { randomUUID } from "node:crypto";
import { accountHold, httpStatusOf, internalErrorMessage, message, translate } from "@zones/api";
import type { SessionUser } from "@zones/auth";
import { type Locale, ZonesError } from "@zones/domain";
import { logger } from "@zones/telemetry/log";
import { cookies } from "next/headers";

import { LOCALE_COOKIE, toLocale } from "~/i18n/locales";
import { userFromHeaders } from "./auth";

function plainText(text: string, status: number): Response {
  return new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/** A refusal in the caller's language, with the status a procedure answers for the same code. */
function refusalResponse(error: ZonesError, locale: Locale): Response {
  return plainText(translate(locale, error), httpStatusOf(error.code));
}

/** The caller's language, from the same cookie the pages read. */
export async function requestLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

export interface SignedInRequest<Params> {
  request: Request;
  user: SessionUser;
  locale: Locale;
  params: Params;
}

/**
 * A route handler for signed-in users whose account is in order: the same gate as `protectedProcedure`
 * (`accountHold`), so no route can forget it. 401 without a session, 403 while the account is on hold. A
 * refusal (`ZonesError`) thrown inside answers with its mapped status and message; a fault answers 500 with
 * a reference to quote, never the fault's text (logged with the reference).
 */
export function signedInRoute<Params = Record<string, never>>(
  handler: (call: SignedInRequest<Params>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const locale = await requestLocale();
    try {
      const user = await userFromHeaders(request.headers);
      if (!user) throw new ZonesError("unauthenticated", message("account.signIn"));
      const hold = accountHold(user);
      if (hold) throw hold;
      // Routes without parameters get none (undefined).
      const params = (await context?.params) ?? ({} as Params);
      return await handler({ request, user, locale, params });
    } catch (error) {
      if (error instanceof ZonesError) return refusalResponse(error, locale);
      const reference = randomUUID().slice(0, 8);
      logger.error(
        { err: error, method: request.method, path: new URL(request.url).pathname, reference },
        "route failed",
      );
      return plainText(internalErrorMessage(locale, reference), 500);
    }
  };
}
