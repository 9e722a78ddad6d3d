// The route a request went to, as a bounded label: the app's route pattern (`/zones/[code]`), never the
// address itself, whose ids, codes and tokens would grow the metrics without end and put secrets in logs.
import { readFileSync } from "node:fs";
import path from "node:path";

/** What matches no route of the app (a 404 for an unknown address, a probe). */
export const UNMATCHED_ROUTE = "(unmatched)";

/**
 * @typedef {{ page: string; regex: RegExp }} DynamicRoute
 * @typedef {{ staticRoutes: Set<string>; dynamicRoutes: DynamicRoute[] }} AppRoutes
 */

/**
 * The app's routes from its build (`<distDir>/routes-manifest.json`, which `next build` writes), or null when
 * there is no build to read (then every address of the app is one label).
 *
 * @param {string} distDir
 * @returns {AppRoutes | null}
 */
export function loadAppRoutes(distDir) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
    /** @type {{ page: string; regex: string }[]} */
    const dynamic = manifest.dynamicRoutes ?? [];
    /** @type {{ page: string }[]} */
    const fixed = manifest.staticRoutes ?? [];
    return {
      staticRoutes: new Set(fixed.map((route) => route.page)),
      dynamicRoutes: dynamic.map((route) => ({ page: route.page, regex: new RegExp(route.regex) })),
    };
  } catch {
    return null;
  }
}

/**
 * The label of a request address: Next's own files by kind, then the app's static routes, then its dynamic
 * ones in the manifest's order (Next's own precedence), else UNMATCHED_ROUTE.
 *
 * @param {string | undefined} url
 * @param {AppRoutes | null} routes
 * @returns {string}
 */
export function routeLabel(url, routes) {
  const pathname = (url ?? "/").split("?", 1)[0] || "/";
  if (pathname.startsWith("/_next/")) {
    const kind = pathname.split("/", 3)[2];
    return kind === "static" || kind === "image" ? `/_next/${kind}` : "/_next";
  }
  if (!routes) return UNMATCHED_ROUTE;
  const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  if (routes.staticRoutes.has(trimmed)) return trimmed;
  return routes.dynamicRoutes.find((route) => route.regex.test(pathname))?.page ?? UNMATCHED_ROUTE;
}
