import { canSeeSubmitted, findZone, type Locale, localized, ZZoneCodeSchema } from "@zones/domain";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { readRangeSelection, returnQuery, type SearchParamsRecord } from "~/components/dashboard/selection";
import { quarterChoices } from "~/components/dashboard/server-data";
import { ZoneDashboard } from "~/components/dashboard/zone-dashboard";
import { requireUser } from "~/server/auth";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import "../dashboard.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;
type SearchParams = Promise<SearchParamsRecord>;

/** Longest range the dashboards show (the API refuses more). */
const MAX_QUARTERS = 40;

export async function generateMetadata({ params }: { params: Params }) {
  const zone = findZone((await params).code);
  if (!zone) return {};
  const [t, locale] = await Promise.all([getTranslations("dashboard.zone"), getLocale()]);
  return { title: t("metaTitle", { zone: localized(zone.shortName, locale as Locale) }) };
}

/** One zone's dashboard: every indicator over a range of quarters, beside the other zones' band. */
export default async function ZonePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/zones/${encodeURIComponent(code)}${returnQuery(query)}`);
  const zone = ZZoneCodeSchema.safeParse(code);
  if (!zone.success) notFound();

  const t = await getTranslations("dashboard.notice");
  const canIncludeSubmitted = canSeeSubmitted(user);
  // A malformed parameter in a shared link falls back to its default and says so, never a 500.
  const { selection, invalid } = readRangeSelection(query, canIncludeSubmitted);
  const notices = invalid.map(({ name, value }) => t("invalidParam", { name, value }));
  let input = { zoneCode: zone.data, ...selection };
  try {
    // Fetched (not only prefetched) so that a range the API refuses (over 40 quarters) is caught here.
    await getQueryClient().fetchQuery(trpc.dashboard.zone.queryOptions(input));
  } catch {
    input = { zoneCode: zone.data, mode: selection.mode, includeSubmitted: selection.includeSubmitted };
    notices.push(t("rangeRefused", { max: MAX_QUARTERS }));
    await prefetch(trpc.dashboard.zone.queryOptions(input));
  }
  const choices = await quarterChoices();
  return (
    <HydrateClient>
      <ZoneDashboard
        input={input}
        notices={notices}
        quarterChoices={choices}
        canIncludeSubmitted={canIncludeSubmitted}
      />
    </HydrateClient>
  );
}
