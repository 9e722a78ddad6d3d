import type { RouterInputs } from "@zones/api";

/**
 * The overview extras' input for a quarter and the heat table's peer group: the page prefetches and the view
 * asks with the same object, so both hit one cache entry (`all`, the API's default, is left out).
 */
export function overviewExtrasInput(
  quarter: string,
  peers: string,
): RouterInputs["dashboard"]["overviewExtras"] {
  return { quarter, includeSubmitted: false, ...(peers !== "all" && { peers }) };
}
