import { canSeeSubmitted, catalogueIndicator, type Locale, localized, MAX_QUARTER_SPAN } from "@zones/domain";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { IndicatorDashboard } from "~/components/dashboard/indicator-dashboard";
import { rangeSelection } from "~/components/dashboard/selection";
import { requireUser } from "~/server/auth";
import { getCatalogue } from "~/server/catalogue";
import { defaultAnnualQuarter } from "~/server/dashboard-data";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { requireCanonicalQuarters } from "~/url-state/canonical";
import { DASHBOARD_QUARTER_PARAMS, readIndicatorViewParams } from "~/url-state/dashboards";
import type { SearchParams } from "~/url-state/params";
import "../../zones/dashboard.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const indicator = catalogueIndicator(await getCatalogue(), (await params).code);
  if (!indicator) return {};
  const [t, locale] = await Promise.all([getTranslations("dashboard.indicator"), getLocale()]);
  return { title: t("metaTitle", { indicator: localized(indicator.name, locale as Locale) }) };
}

/**
 * One indicator across the zones: its definition, a ranking, trend lines and the spread over a range.
 * The trend chart's zones (`?zones=`) are read on the client, from the URL: see `IndicatorDashboard`.
 */
export default async function IndicatorPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const path = `/indicators/${encodeURIComponent(code)}`;
  const user = await requireUser(requireCanonicalQuarters(path, query, DASHBOARD_QUARTER_PARAMS));
  // Only an indicator of the catalogue in the database has a page (one an admin added too).
  const indicator = catalogueIndicator(await getCatalogue(), code);
  if (!indicator) notFound();

  const t = await getTranslations("dashboard.notice");
  const canIncludeSubmitted = canSeeSubmitted(user);
  // A malformed parameter in a shared link falls back to its default and says so, never a 500.
  const read = readIndicatorViewParams(query);
  const { selection, ignored } = rangeSelection(read.values, read.ignored, canIncludeSubmitted);
  const quarter =
    read.values.quarter ?? (indicator.frequency === "annual" ? await defaultAnnualQuarter() : undefined);
  const notices = ignored.map(({ name, value }) => t("invalidParam", { name, value }));
  let input = { indicatorCode: indicator.code, ...selection, ...(quarter ? { quarter } : {}) };
  try {
    // Fetched (not only prefetched) so that a range the API refuses (over 40 quarters) is caught here.
    await getQueryClient().fetchQuery(trpc.dashboard.indicator.queryOptions(input));
  } catch {
    const { from: _from, to: _to, ...rest } = input;
    input = rest;
    notices.push(t("rangeRefused", { max: MAX_QUARTER_SPAN }));
    await prefetch(trpc.dashboard.indicator.queryOptions(input));
  }
  return (
    <HydrateClient>
      <IndicatorDashboard input={input} notices={notices} canIncludeSubmitted={canIncludeSubmitted} />
    </HydrateClient>
  );
}
