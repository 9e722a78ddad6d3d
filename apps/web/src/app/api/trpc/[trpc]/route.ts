import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createInnerContext } from "@zones/api";
import { cookies } from "next/headers";

import { LOCALE_COOKIE, toLocale } from "~/i18n/locales";
import { getDb } from "~/server/db";

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () =>
      createInnerContext({
        db: await getDb(),
        locale: toLocale((await cookies()).get(LOCALE_COOKIE)?.value),
      }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error);
    },
  });
}

export { handler as GET, handler as POST };
