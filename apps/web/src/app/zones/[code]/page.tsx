import { canSeeSubmitted, catalogueZone, type Locale, localized, MAX_QUARTER_SPAN } from "@zones/domain";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { rangeSelection } from "~/components/dashboard/selection";
import { ZoneDashboard } from "~/components/dashboard/zone-dashboard";
import { ZoneEvaluationHistory } from "~/components/evaluation/zone-evaluation-history";
import { requireUser } from "~/server/auth";
import { getCatalogue } from "~/server/catalogue";
import { quarterChoices } from "~/server/dashboard-data";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { requireCanonicalQuarters } from "~/url-state/canonical";
import { DASHBOARD_QUARTER_PARAMS, readZoneViewParams } from "~/url-state/dashboards";
import type { SearchParams } from "~/url-state/params";
import "../dashboard.css";
import "../../evaluation/evaluation.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const zone = catalogueZone(await getCatalogue(), (await params).code);
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
  searchParams: Promise<SearchParams>;
}) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const path = `/zones/${encodeURIComponent(code)}`;
  const user = await requireUser(requireCanonicalQuarters(path, query, DASHBOARD_QUARTER_PARAMS));
  // Only a zone of the catalogue in the database has a page (one an admin added too).
  const found = catalogueZone(await getCatalogue(), code);
  if (!found) notFound();
  const zoneCode = found.code;

  const t = await getTranslations("dashboard.notice");
  const canIncludeSubmitted = canSeeSubmitted(user);
  // A malformed parameter in a shared link falls back to its default and says so, never a 500.
  const read = readZoneViewParams(query);
  const { selection, ignored } = rangeSelection(read.values, read.ignored, canIncludeSubmitted);
  const notices = ignored.map(({ name, value }) => t("invalidParam", { name, value }));
  let input = { zoneCode, ...selection };
  let shown: { to: string } | undefined;
  try {
    // Fetched (not only prefetched) so that a range the API refuses (over 40 quarters) is caught here.
    shown = await getQueryClient().fetchQuery(trpc.dashboard.zone.queryOptions(input));
  } catch {
    input = { zoneCode, mode: selection.mode, includeSubmitted: selection.includeSubmitted };
    notices.push(t("rangeRefused", { max: MAX_QUARTER_SPAN }));
    await prefetch(trpc.dashboard.zone.queryOptions(input));
    shown = getQueryClient().getQueryData(trpc.dashboard.zone.queryKey(input));
  }
  // The plan targets' progress as of the last quarter shown.
  const [choices] = await Promise.all([
    quarterChoices(),
    prefetch(trpc.evaluation.zoneHistory.queryOptions({ zoneCode })),
    shown ? prefetch(trpc.targets.statuses.queryOptions({ zoneCode, quarter: shown.to })) : null,
  ]);
  return (
    <HydrateClient>
      <ZoneDashboard
        input={input}
        notices={notices}
        quarterChoices={choices}
        canIncludeSubmitted={canIncludeSubmitted}
      />
      <ZoneEvaluationHistory zoneCode={zoneCode} />
    </HydrateClient>
  );
}
