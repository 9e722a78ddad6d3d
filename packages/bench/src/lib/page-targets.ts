/**
 * Item 4's pages and targets (issue 19): which pages Lighthouse opens, as whom, and what each figure must
 * reach. Kept apart from the runner so the rules are tested without a browser.
 */

export type LighthousePreset = "mobile" | "desktop";

/** Which bench account opens the page: the admin reads every dashboard, the official fills HB-HS's form. */
export type PageAccount = "admin" | "official";

export interface LighthousePage {
  path: string;
  name: string;
  account: PageAccount;
}

/**
 * The pages Lighthouse measures: the overview, a zone, an indicator, the comparison and the entry form of
 * the open quarter (`openQuarter`: the bench data's last quarter, HB-HS's draft), which only an account
 * of HB-HS, or one that reads every zone's drafts, may open. `--quick` measures the overview alone.
 */
export function lighthousePages(openQuarter: string, quick: boolean): LighthousePage[] {
  const pages: LighthousePage[] = [
    { path: "/", name: "overview", account: "admin" },
    { path: "/zones/HB-HS", name: "zone HB-HS", account: "admin" },
    { path: "/indicators/gdp", name: "indicator gdp", account: "admin" },
    { path: "/compare", name: "compare", account: "admin" },
    { path: `/entry/HB-HS/${openQuarter}`, name: `entry form HB-HS ${openQuarter}`, account: "official" },
  ];
  return quick ? pages.slice(0, 1) : pages;
}

/** The file a page's Lighthouse report is kept in: `lighthouse-mobile-zones-HB-HS.json`, `…-overview.json` for `/`. */
export function lighthouseReportName(preset: LighthousePreset, path: string): string {
  const slug = path.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `lighthouse-${preset}-${slug || "overview"}.json`;
}

/** The Lighthouse targets: a phone's score at least 95, a desktop's exactly 100. */
export function lighthouseTarget(preset: LighthousePreset): {
  label: string;
  met: (score: number) => boolean;
} {
  return preset === "desktop"
    ? { label: "score = 100", met: (score) => score >= 100 }
    : { label: "score ≥ 95", met: (score) => score >= 95 };
}

/** First-load JS budgets, gzipped bytes, of the routes the table judges (the other routes are not listed). */
export const ROUTE_JS_BUDGETS: readonly { route: string; kB: number; strict: boolean }[] = [
  // The overview had "< 200 kB" before the dashboards were judged; the pages with charts "≤ 250 kB".
  { route: "/", kB: 200, strict: true },
  { route: "/zones/[code]", kB: 250, strict: false },
  { route: "/indicators/[code]", kB: 250, strict: false },
];

export function routeJsTarget(budget: { kB: number; strict: boolean }): {
  label: string;
  met: (gzipBytes: number) => boolean;
} {
  const limit = budget.kB * 1024;
  return budget.strict
    ? { label: `< ${budget.kB} kB gzip`, met: (bytes) => bytes < limit }
    : { label: `≤ ${budget.kB} kB gzip`, met: (bytes) => bytes <= limit };
}
