import { PRINT_TOKEN_HEADER } from "@zones/pdf/print-header";
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { env } from "~/env";
import { isCrossOrigin } from "~/server/origin";
import { pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "~/server/security-headers";

/** Pages anyone may open; every other page needs a session. */
const PUBLIC_PAGES = new Set(["/login"]);

/** The printing browser's request for the bulletin: no session, a print token the page itself checks. */
function isBulletinPrint(request: NextRequest): boolean {
  return request.nextUrl.pathname.startsWith("/bulletin/") && request.headers.has(PRINT_TOKEN_HEADER);
}

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/**
 * Runs before every page:
 * - a POST to a page is a server action (e.g. the language switch, with or without JavaScript): from another
 *   origin, or with no Origin at all, it is refused with 403 before Next runs it (Next would answer a 500,
 *   or run it when no Origin is sent);
 * - a page without the session cookie goes to the login page, which brings the user back afterwards (only
 *   the quick cookie check: pages and procedures verify the session itself on the server);
 * - each response gets a Content-Security-Policy with a fresh nonce, which Next reads from the request's
 *   copy of the header and puts on its scripts.
 * APIs answer for themselves (401 from tRPC) and get their fixed headers from next.config.ts.
 */
export function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD" && isCrossOrigin(request)) {
    return new NextResponse("Cross-origin request refused.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const https = isHttps(request);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pageContentSecurityPolicy(nonce, {
    development: env.NODE_ENV === "development",
    https,
  });

  let response: NextResponse;
  if (
    PUBLIC_PAGES.has(request.nextUrl.pathname) ||
    isBulletinPrint(request) ||
    getSessionCookie(request, { cookiePrefix: "zones" })
  ) {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    headers.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers } });
  } else {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    response = NextResponse.redirect(login);
  }
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Every page; not APIs, Next's own files or public files.
  matcher: ["/((?!api/|_next/|favicon\\.ico|robots\\.txt).*)"],
};
