import { ZOverviewInputSchema } from "@zones/api";
import { addQuarters, findTheme, type QuarterString, type ThemeCode, toQuarter } from "@zones/domain";
import { getTranslations } from "next-intl/server";

import { OverviewView } from "~/components/overview/overview-view";
import { requireUser } from "~/server/auth";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The heat table's theme when the URL names none. */
const DEFAULT_THEME: ThemeCode = "growth";

/**
 * The overview: every zone's headline figures (with their recent trend) and a ranking chart, then a
 * percentile heat table of one indicator theme, for a quarter in the URL.
 */
export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireUser(`/?${new URLSearchParams(params as Record<string, string>).toString()}`);
  const t = await getTranslations("overview");
  const requested = {
    quarter: typeof params.quarter === "string" ? params.quarter : undefined,
    indicatorCode: typeof params.indicator === "string" ? params.indicator : undefined,
  };
  // A bad selection in a shared link falls back to the default view and says so, never a 500.
  const parsed = ZOverviewInputSchema.safeParse(requested);
  const input = parsed.success ? parsed.data : ZOverviewInputSchema.parse({});
  const notices: string[] = [];
  if (!parsed.success) {
    notices.push(
      t("invalidSelection", { reason: parsed.error.issues.map((issue) => issue.message).join("; ") }),
    );
  }
  const requestedTheme = typeof params.theme === "string" ? params.theme : undefined;
  const theme = (requestedTheme && findTheme(requestedTheme)?.code) || DEFAULT_THEME;
  if (requestedTheme !== undefined && theme !== requestedTheme) {
    notices.push(t("heat.invalidTheme", { theme: requestedTheme }));
  }

  // The extras are asked for the quarter the overview resolved (the same key the client asks with), so
  // the overview comes first; both extras queries then run together.
  const overviewOptions = trpc.overview.get.queryOptions(input);
  await prefetch(overviewOptions);
  const quarter = getQueryClient().getQueryData(overviewOptions.queryKey)?.quarter ?? null;
  if (quarter) {
    const yearEnd = yearEndBefore(quarter as QuarterString);
    await Promise.all(
      [quarter, ...(yearEnd ? [yearEnd] : [])].map((at) =>
        prefetch(trpc.dashboard.overviewExtras.queryOptions({ quarter: at, includeSubmitted: false })),
      ),
    );
  }
  return (
    <HydrateClient>
      <OverviewView input={input} theme={theme} notice={notices.length > 0 ? notices.join(" ") : null} />
    </HydrateClient>
  );
}

/** The last Q4 before a Q1–Q3 quarter (where annual indicators have their latest values); null for a Q4. */
function yearEndBefore(quarter: QuarterString): QuarterString | null {
  const { q } = toQuarter(quarter);
  return q === 4 ? null : addQuarters(quarter, -q);
}
