// Plain JavaScript (typed in retry-after.d.mts): the production server (server.mjs, before Next) and the app's
// handlers answer "the database is unavailable" alike.

/**
 * Seconds a client is told to wait (`Retry-After`) while the database is unavailable: the longest wait between
 * two tries of the database watch (`retryDelayMs` in packages/db/src/service/database-watch.ts).
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
