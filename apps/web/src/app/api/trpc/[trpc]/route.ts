import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import {
  answersDatabaseUnavailable,
  appRouter,
  MAX_BATCH_SIZE,
  MAX_JSON_REQUEST_BYTES,
  MAX_UPLOAD_REQUEST_BYTES,
  message,
  trpcRefusal,
  UPLOAD_PROCEDURES,
} from "@zones/api";
import { ZonesError } from "@zones/domain";

import { userFromHeaders } from "~/server/auth";
import { boundedRequest } from "~/server/bounded-body";
import { dashboardResponseSlot, keepDashboardResponse } from "~/server/dashboard-responses";
import { getReader } from "~/server/db";
import { RETRY_AFTER_HEADER } from "~/server/fault-response";
import { isCrossOrigin } from "~/server/origin";
import { requestLocale } from "~/server/route-handler";
import { createTRPCContext } from "~/server/trpc-context";

const ENDPOINT = "/api/trpc";

async function handler(incoming: Request) {
  const locale = await requestLocale();
  // SameSite=Lax already keeps the session cookie off cross-site POSTs; refusing a foreign Origin
  // on state-changing requests is the second lock (CSRF).
  if (incoming.method !== "GET" && isCrossOrigin(incoming)) {
    return trpcRefusal(new ZonesError("forbidden", message("request.crossOrigin")), locale);
  }
  // Bounded before a byte is parsed: only the upload procedures take a file.
  const path = new URL(incoming.url).pathname.slice(ENDPOINT.length + 1);
  const limit = UPLOAD_PROCEDURES.includes(path) ? MAX_UPLOAD_REQUEST_BYTES : MAX_JSON_REQUEST_BYTES;
  const request = await boundedRequest(incoming, limit);
  if (!request) {
    const megabytes = Math.round(limit / (1024 * 1024));
    return trpcRefusal(new ZonesError("too-large", message("request.tooLarge", { megabytes })), locale);
  }
  // Queries come as GETs and may be answered from the session cache; mutations (POST) ask the database.
  let user: ReturnType<typeof userFromHeaders> | undefined;
  const caller = () => {
    user ??= userFromHeaders(request.headers, { cached: request.method === "GET" });
    return user;
  };
  // The request's one reader (a replica when one is well), for its dashboard procedures and the slot alike;
  // a database that cannot be opened is answered by tRPC's error formatter (503), as before.
  const reader = await getReader().catch(() => undefined);
  // A dashboard query's answer is kept, and the next asking in the same scope answered before Next.
  const slot = reader ? await dashboardResponseSlot(request, caller, reader) : null;
  const response = await fetchRequestHandler({
    endpoint: ENDPOINT,
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => createTRPCContext(await caller(), reader ? { reader } : {}),
    // Answers are per user and often unapproved data: never kept by a browser or proxy cache.
    responseMeta: ({ errors }) => {
      // 503 while the database is unavailable (the error formatter): when to try again.
      const unavailable = errors.some(answersDatabaseUnavailable) ? RETRY_AFTER_HEADER : {};
      return { headers: new Headers({ "cache-control": "no-store", ...unavailable }) };
    },
  });
  return slot ? keepDashboardResponse(slot, response) : response;
}

export { handler as GET, handler as POST };
