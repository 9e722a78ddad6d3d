import { formatQuarter, parseQuarter, type QuarterString } from "@zones/domain";
import { createParser } from "nuqs/server";

/**
 * What a URL's quarter (a path segment such as `/entry/HB-HS/2026Q3`, or a parameter such as `?from=2026Q3`)
 * comes to. One rule for every URL:
 * - `use`: the canonical spelling (`2026Q3`);
 * - `redirect`: a quarter spelt otherwise (`2026q3`, ` 2026Q3`): the page redirects to the same URL with
 *   `quarter` in its place, so that one quarter has one address;
 * - `reject`: not a quarter at all (`2026Q9`, ``): a 404 in a path, and an ignored parameter (named in the
 *   page's notice) in a query string.
 */
export type QuarterInUrl =
  | { action: "use"; quarter: QuarterString }
  | { action: "redirect"; quarter: QuarterString }
  | { action: "reject" };

export function readQuarterInUrl(text: string): QuarterInUrl {
  if (parseQuarter(text).ok) return { action: "use", quarter: text as QuarterString };
  const loose = parseQuarter(text.trim().toUpperCase());
  return loose.ok ? { action: "redirect", quarter: formatQuarter(loose.value) } : { action: "reject" };
}

/**
 * A quarter parameter. A loosely spelt quarter parses too (the page redirects to its canonical spelling
 * first, see `redirectToCanonicalQuarters`); anything else is null, i.e. ignored.
 */
export const parseAsQuarter = createParser<QuarterString>({
  parse: (text) => {
    const read = readQuarterInUrl(text);
    return read.action === "reject" ? null : read.quarter;
  },
  serialize: (quarter) => quarter,
});

/**
 * `search` with every quarter parameter of `names` that the rule redirects respelt canonically (the other
 * parameters as they were), or null when none needs it.
 */
export function respeltQuarters(search: URLSearchParams, names: readonly string[]): URLSearchParams | null {
  const respelt = new URLSearchParams(search);
  let changed = false;
  for (const name of names) {
    const text = search.get(name);
    const read = text === null ? null : readQuarterInUrl(text);
    if (read?.action === "redirect") {
      respelt.set(name, read.quarter);
      changed = true;
    }
  }
  return changed ? respelt : null;
}
