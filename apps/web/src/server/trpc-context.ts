import "server-only";

import { type Context, createInnerContext } from "@zones/api";
import type { SessionUser } from "@zones/auth";
import type { Database } from "@zones/db/client";

import { getAuth } from "./auth";
import { getDatabaseHandle } from "./db";
import { getExportJobs } from "./jobs";
import { requestLocale } from "./route-handler";

/**
 * The one context of a procedure call, for the HTTP handler (`/api/trpc`) and the server components' in-process
 * calls alike: the shared database and auth, the caller, and the language of the request's cookie.
 */
export async function createTRPCContext(
  user: SessionUser | null,
  options: { reader?: Database } = {},
): Promise<Context> {
  const handle = await getDatabaseHandle();
  return createInnerContext({
    db: handle.db,
    // Chosen once per request (or by the caller, who read from it already): the dashboards' procedures read
    // it (`dashboardProcedure`), the rest `db`.
    reader: options.reader ?? handle.reader(),
    auth: await getAuth(),
    locale: await requestLocale(),
    user,
    // Background exports are unavailable (and say so) rather than every call failing with them.
    exportJobs: await getExportJobs().catch(() => null),
  });
}
