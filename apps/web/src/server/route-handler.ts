import "server-only";

import { accountHold, httpStatusOf, message, translate } from "@zones/api";
import type { SessionUser } from "@zones/auth";
import { type Locale, ZonesError } from "@zones/domain";
import { cookies } from "next/headers";

import { LOCALE_COOKIE, toLocale } from "~/i18n/locales";

import { userFromHeaders } from "./auth";
import { faultResponse, plainText } from "./fault-response";

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
 * refusal (`ZonesError`) thrown inside answers with its mapped status and message; a fault as `faultResponse`
 * says (503 while the database is unavailable, else 500 with a reference).
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
      return faultResponse(error, request, locale);
    }
  };
}
