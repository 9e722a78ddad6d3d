import { authBaseURL, resolveAuthSecret } from "@zones/auth";
import type { Database } from "@zones/db/client";
import type { BulletinPrinting } from "@zones/jobs";

import { env } from "~/env";

/**
 * How this process prints the bulletin: the app's own page at APP_INTERNAL_URL (else the public URL, else this
 * server on localhost), let in by a print token signed with the app's secret. No `server-only`: the inline
 * worker, started by the instrumentation hook, prints too.
 */
export function bulletinPrinting(db: Database): BulletinPrinting {
  return {
    appUrl: env.APP_INTERNAL_URL ?? authBaseURL() ?? `http://127.0.0.1:${env.PORT ?? 3000}`,
    secret: () => resolveAuthSecret(db),
    ...(env.CHROMIUM_PATH ? { chromium: env.CHROMIUM_PATH } : {}),
  };
}
