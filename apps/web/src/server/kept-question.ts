import { CACHED_DASHBOARD_PROCEDURES } from "@zones/api/cached-procedures";

const ENDPOINT = "/api/trpc/";
const PROCEDURES: ReadonlySet<string> = new Set(CACHED_DASHBOARD_PROCEDURES);

/**
 * The question a request's address asks, normalized (path and query, as a URL parser reads them), when its
 * answer may be kept (`dashboard-responses.ts`): one cached dashboard procedure, asked alone, with at most its
 * `input`. Null for everything else: batches, other procedures, other parameters, other paths. `address` is
 * a request's target (`/api/trpc/…?…`) or a whole URL.
 */
export function keptQuestion(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address, "http://localhost");
  } catch {
    return null;
  }
  if (!url.pathname.startsWith(ENDPOINT)) return null;
  if (!PROCEDURES.has(url.pathname.slice(ENDPOINT.length))) return null;
  for (const name of url.searchParams.keys()) if (name !== "input") return null;
  if (url.searchParams.getAll("input").length > 1) return null;
  return `${url.pathname}${url.search}`;
}
