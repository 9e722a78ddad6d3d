import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

/**
 * Pages need a session: a request without the session cookie goes to the login page, which brings the
 * user back afterwards. This is only the quick cookie check; pages and procedures verify the session
 * itself on the server. APIs answer for themselves (401 from tRPC), so they are not redirected.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request, { cookiePrefix: "zones" })) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but the login page, APIs, Next's assets and public files.
  matcher: ["/((?!login|api/|_next/|favicon\\.ico|robots\\.txt).*)"],
};
