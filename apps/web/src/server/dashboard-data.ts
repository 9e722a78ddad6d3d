import "server-only";

import { approvedQuarters, latestCompleteQuarter } from "@zones/db/overview";
import { MAX_QUARTER_SPAN, type QuarterString, toQuarter } from "@zones/domain";

import { getReader } from "~/server/db";

/**
 * The dashboards' data that is not an API call. Quarters with approved data (as many as a range may
 * span), oldest first: the range selects' options. The zone endpoint returns the
 * shown range only, so the page reads the choices itself (one small query, the one `dashboard.indicator`
 * answers as `availableQuarters`). Read, like the dashboards' procedures, from a read replica when one is well.
 */
export async function quarterChoices(): Promise<string[]> {
  return (await approvedQuarters(await getReader(), { limit: MAX_QUARTER_SPAN })).sort();
}

/**
 * The default ranking quarter of an annual indicator: the newest fourth quarter every zone has approved.
 * The API's default (the newest complete quarter) is rarely a Q4, which would leave an annual ranking empty.
 */
export async function defaultAnnualQuarter(): Promise<QuarterString | undefined> {
  const complete = await latestCompleteQuarter(await getReader());
  if (!complete) return undefined;
  const { year, q } = toQuarter(complete);
  return `${q === 4 ? year : year - 1}Q4`;
}
