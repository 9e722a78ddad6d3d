// While the database is down (as the app's database watch last saw it: src/server/lifecycle.ts), requests are
// answered here with a plain 503, before Next: a page would fail anyway. (A request that reaches the app as the
// database goes away is answered 503 there: src/server/route-handler.ts, the tRPC error formatter.)
import { createRequire } from "node:module";

import { processState } from "./process-state.mjs";
import { DATABASE_RETRY_AFTER_SECONDS } from "./retry-after.mjs";

const require = createRequire(import.meta.url);

/**
 * The server's sentence (`databaseUnavailable` of packages/api/messages) in both languages, zh-CN first: this
 * answer comes before the app reads the caller's language. It has no placeholders: the files' text is the text.
 */
const UNAVAILABLE = ["zh-CN", "en"]
  .map((locale) => `${require(`@zones/api/messages/${locale}.json`).databaseUnavailable}\n`)
  .join("");

/** Answered by the app even now: the health checks say for themselves what is down; static files need nothing. */
function answersWithoutDatabase(url) {
  const path = (url ?? "/").split("?", 1)[0] ?? "/";
  return path === "/api/health" || path.startsWith("/api/health/") || path.startsWith("/_next/static/");
}

/**
 * True when the request was answered here (the database is down). Otherwise the request goes on to the app,
 * and a 5xx answer from it asks the watch to check the database at once rather than at its next round, so
 * that the requests after it get this answer instead.
 */
export function answeredWhileDatabaseDown(request, response) {
  const state = processState();
  if (state.database === "down" && !answersWithoutDatabase(request.url)) {
    response.writeHead(503, {
      "content-type": "text/plain; charset=utf-8",
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
      "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
    });
    response.end(UNAVAILABLE);
    return true;
  }
  response.once("finish", () => {
    if (response.statusCode >= 500) state.checkDatabaseNow();
  });
  return false;
}
