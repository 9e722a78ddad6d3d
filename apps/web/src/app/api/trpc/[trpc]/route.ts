import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createInnerContext } from "@zones/api";
import { cookies } from "next/headers";

import { LOCALE_COOKIE, toLocale } from "~/i18n/locales";
import { getAuth, userFromHeaders } from "~/server/auth";
import { getDb } from "~/server/db";
import { getExportJobs } from "~/server/jobs";
import { isCrossOrigin } from "~/server/origin";

async function handler(request: Request) {
  // SameSite=Lax already keeps the session cookie off cross-site POSTs; refusing a foreign Origin
  // on state-changing requests is the second lock (CSRF).
  if (request.method !== "GET" && isCrossOrigin(request)) {
    return Response.json({ error: { message: "Cross-origin request refused." } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () =>
      createInnerContext({
        db: await getDb(),
        auth: await getAuth(),
        locale: toLocale((await cookies()).get(LOCALE_COOKIE)?.value),
        user: await userFromHeaders(request.headers),
        exportJobs: await getExportJobs().catch(() => null),
      }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error);
    },
  });
}

export { handler as GET, handler as POST };
