// While the database is down (as the app's database watch last saw it: src/server/lifecycle.ts), requests are
// answered here with a plain 503, before Next: a page or a procedure would fail anyway, with a 500.
import { processState } from "./process-state.mjs";

const UNAVAILABLE =
  "示范区监测暂时无法使用：数据库无法连接，请稍后再试。\n" +
  "Zones is temporarily unavailable: the database cannot be reached. Please try again in a minute.\n";

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
      "retry-after": "5",
    });
    response.end(UNAVAILABLE);
    return true;
  }
  response.once("finish", () => {
    if (response.statusCode >= 500) state.checkDatabaseNow();
  });
  return false;
}
