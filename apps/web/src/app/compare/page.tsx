import { catalogueIndicator, catalogueZone, localized, type QuarterString } from "@zones/domain";
import { getLocale, getTranslations } from "next-intl/server";

import { compareInput, MIN_COMPARE_ZONES } from "~/components/compare/compare-selection";
import { CompareView } from "~/components/compare/compare-view";
import { resolveSelection } from "~/components/compare/resolve-selection";
import { toLocale } from "~/i18n/locales";
import { requireUser } from "~/server/auth";
import { getCatalogue } from "~/server/catalogue";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { requireCanonicalQuarters } from "~/url-state/canonical";
import { COMPARE_QUARTER_PARAMS, readCompareParams } from "~/url-state/compare";
import type { SearchParams } from "~/url-state/params";
import "./compare.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("compare"))("title") };
}

/**
 * Two to four zones side by side: a trend chart per indicator and the latest values in a table, for
 * `/compare?zones=HB-HS,SD-ZB&indicators=gdp,gdp-growth&from=2024Q3&to=2026Q2&mode=ytd`. Everything is in
 * the URL; a bad value in a shared link is corrected to a valid view with a notice, never a 500.
 */
export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  await requireUser(requireCanonicalQuarters("/compare", params, COMPARE_QUARTER_PARAMS));
  const t = await getTranslations("compare");
  const locale = toLocale(await getLocale());

  // The quarters with approved data (newest first) bound the range pickers; the overview's quarter (the
  // newest one every zone has approved) ends the default range, so the default view has no gaps at its end.
  const overviewOptions = trpc.overview.get.queryOptions({});
  const overview = await getQueryClient().fetchQuery(overviewOptions);
  // Only its quarters are needed here: keep the rest of the overview out of the page's payload.
  getQueryClient().removeQueries({ queryKey: overviewOptions.queryKey });
  const quarters = [...overview.quarters].reverse() as QuarterString[];
  const latest = (overview.quarter ?? overview.quarters[0] ?? null) as QuarterString | null;

  const catalogue = await getCatalogue();
  const separator = (await getTranslations("app"))("listSeparator");
  const names = {
    zones: (codes: readonly string[]) =>
      codes
        .map((code) => localized(catalogueZone(catalogue, code)?.shortName ?? { zh: code, en: code }, locale))
        .join(separator),
    indicators: (codes: readonly string[]) =>
      codes
        .map((code) => localized(catalogueIndicator(catalogue, code)?.name ?? { zh: code, en: code }, locale))
        .join(separator),
  };
  const { selection, notices } = resolveSelection(
    readCompareParams(params),
    quarters,
    latest,
    t,
    names,
    catalogue,
  );

  const ready =
    selection !== null && selection.zones.length >= MIN_COMPARE_ZONES && selection.indicators.length >= 1;
  if (ready) {
    await prefetch(trpc.dashboard.compare.queryOptions(compareInput(selection)));
  }
  return (
    <HydrateClient>
      <CompareView
        selection={selection}
        quarters={quarters}
        isDemo={overview.isDemo}
        notice={notices.length > 0 ? notices.join(" ") : null}
      />
    </HydrateClient>
  );
}
