import "server-only";

import { randomUUID } from "node:crypto";
import { accountHold, internalErrorMessage } from "@zones/api";
import type { SessionUser } from "@zones/auth";
import type { Locale } from "@zones/domain";
import { cookies } from "next/headers";

import { LOCALE_COOKIE, toLocale } from "~/i18n/locales";
import { userFromHeaders } from "./auth";

export function plainText(message: string, status: number): Response {
  return new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
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
 * fault inside answers 500 with a reference to quote, never the fault's text (logged with the reference).
 */
export function signedInRoute<Params = Record<string, never>>(
  handler: (call: SignedInRequest<Params>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const locale = await requestLocale();
    try {
      const user = await userFromHeaders(request.headers);
      if (!user) return plainText(locale === "zh-CN" ? "请先登录。" : "Sign in to continue.", 401);
      const hold = accountHold(user, locale);
      if (hold) return plainText(hold.message, 403);
      // Routes without parameters get none (undefined).
      const params = (await context?.params) ?? ({} as Params);
      return await handler({ request, user, locale, params });
    } catch (error) {
      const reference = randomUUID().slice(0, 8);
      console.error(
        `${request.method} ${new URL(request.url).pathname} failed (reference ${reference}):`,
        error,
      );
      return plainText(internalErrorMessage(locale, reference), 500);
    }
  };
}
