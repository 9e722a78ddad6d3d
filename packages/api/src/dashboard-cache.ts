import type { SessionUser } from "@zones/auth";
import type { Database } from "@zones/db/client";
import { readDataVersion } from "@zones/db/dashboard";
import { canSeeSubmitted, deepFreeze, LruCache, lastFinishedQuarter } from "@zones/domain";

import type { CachedDashboardProcedure } from "./cached-procedures";

/**
 * Responses each server process keeps per database handle (the primary, or each read replica): the
 * dashboards' answers are 7–70 kB, so a full cache holds a few tens of megabytes.
 */
export const DASHBOARD_CACHE_ENTRIES = 256;

const caches = new WeakMap<Database, LruCache<string, Promise<unknown>>>();

function cacheOf(db: Database): LruCache<string, Promise<unknown>> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LruCache(DASHBOARD_CACHE_ENTRIES);
    caches.set(db, cache);
  }
  return cache;
}

/**
 * What decides a dashboard's answer besides the question: what the caller may see (submitted values or
 * approved ones only, by the access policy), the data version and the last finished quarter (the default of
 * an empty installation). Two callers with the same scope asking the same question get the same answer.
 */
export function dashboardAnswerScope(user: SessionUser, version: number, now = new Date()): string {
  const visibility = canSeeSubmitted(user) ? "submitted" : "approved";
  return JSON.stringify([visibility, version, lastFinishedQuarter(now)]);
}

/**
 * A dashboard procedure's answer, computed once per data version: the key is the procedure, its parsed
 * input and the caller's scope (`dashboardAnswerScope`), the data version read first on every call
 * (one primary-key read where the dashboard reads, so a read replica's answers carry its own version).
 * Approvals, reopenings, revisions, imports, catalogue edits and statistics refreshes increment the version
 * in their own transaction (migration 0018), so no answer outlives the data it was computed from.
 *
 * Concurrent calls with the same key share one computation. A failure is not kept. Answers are frozen:
 * several callers hold the same object.
 */
export async function cachedDashboardAnswer<T>(
  ctx: { db: Database; user: SessionUser; cachesDashboards: boolean },
  procedure: CachedDashboardProcedure,
  input: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const version = await readDataVersion(ctx.db);
  const key = JSON.stringify([procedure, dashboardAnswerScope(ctx.user, version), input]);
  const cache = cacheOf(ctx.db);
  const kept = ctx.cachesDashboards ? cache.get(key) : undefined;
  if (kept) return kept as Promise<T>;
  const answer = compute().then(deepFreeze);
  cache.set(key, answer);
  answer.catch(() => {
    if (cache.get(key) === answer) cache.delete(key);
  });
  return answer;
}
