import { ZOverviewInputSchema } from "@zones/api";
import { catalogueIndicator, isBoundToZones, type QuarterString, type ThemeCode } from "@zones/domain";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { heatYearEnd } from "~/components/overview/heat-columns";
import { OverviewHeat } from "~/components/overview/overview-heat";
import { OverviewView } from "~/components/overview/overview-view";
import { WaitingForYou } from "~/components/overview/waiting-for-you";
import { ZoneCards } from "~/components/overview/zone-cards";
import { requireUser } from "~/server/auth";
import { getCatalogue } from "~/server/catalogue";
import { getQueryClient, HydrateClient, prefetch, serverCaller, trpc } from "~/trpc/server";
import { requireCanonicalQuarters } from "~/url-state/canonical";
import { overviewHref, readOverviewParams } from "~/url-state/overview";
import { knownCodeOnly, type SearchParams } from "~/url-state/params";

export const dynamic = "force-dynamic";

/** The heat table's theme when the URL names none. */
const DEFAULT_THEME: ThemeCode = "growth";

/**
 * The overview: every zone's headline figures (with their recent trend) and a ranking chart, then a
 * percentile heat table of one indicator theme, for a quarter in the URL.
 */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await requireUser(requireCanonicalQuarters("/", params, ["quarter"]));
  // Officials first see the forms that wait for them.
  const official = isBoundToZones(user.role);
  if (official) await prefetch(trpc.submission.completeness.queryOptions({}));
  const t = await getTranslations("overview");
  const catalogue = await getCatalogue();
  const { values, ignored } = knownCodeOnly(
    readOverviewParams(params),
    "indicator",
    (code) => catalogueIndicator(catalogue, code) !== undefined,
  );
  const notices: string[] = [];
  // A bad selection in a shared link falls back to the default view and says so (in the API's words,
  // which name the rule), never a 500.
  const badSelection = ignored.filter(({ name }) => name !== "theme" && name !== "peers");
  const requested = { quarter: values.quarter ?? undefined, indicatorCode: values.indicator ?? undefined };
  const input = ZOverviewInputSchema.parse(badSelection.length > 0 ? {} : requested);
  if (badSelection.length > 0) {
    const asked = Object.fromEntries(badSelection.map(({ name, value }) => [name, value]));
    const refused = ZOverviewInputSchema.safeParse({
      quarter: asked.quarter,
      indicatorCode: asked.indicator,
    });
    const reason = refused.success
      ? `indicatorCode: no indicator ${asked.indicator} in the catalogue`
      : refused.error.issues.map((issue) => issue.message).join("; ");
    notices.push(t("invalidSelection", { reason }));
  }
  const theme = values.theme ?? DEFAULT_THEME;
  const badTheme = ignored.find(({ name }) => name === "theme");
  if (badTheme) notices.push(t("heat.invalidTheme", { theme: badTheme.value }));
  const badPeers = ignored.find(({ name }) => name === "peers");
  if (badPeers) notices.push((await getTranslations("dashboard.notice"))("invalidParam", { ...badPeers }));

  // The extras are asked for the quarter the overview resolved, so the overview comes first. The cards and
  // the heat table are rendered here: the browser gets their HTML, neither their data nor their code.
  const overviewOptions = trpc.overview.get.queryOptions(input);
  await prefetch(overviewOptions);
  const overview = getQueryClient().getQueryData(overviewOptions.queryKey);
  const quarter = (overview?.quarter ?? null) as QuarterString | null;
  let extras: ReactNode = null;
  if (overview && quarter) {
    const yearEnd = heatYearEnd(catalogue.indicators, quarter, theme);
    const caller = await serverCaller();
    const peers = values.peers === "all" ? {} : { peers: values.peers };
    const [shown, lastYearEnd] = await Promise.all([
      caller.dashboard.overviewExtras({ quarter, theme, ...peers }),
      yearEnd
        ? caller.dashboard.overviewExtras({ quarter: yearEnd, theme, sparklines: false, ...peers })
        : null,
    ]);
    extras = (
      <>
        <section aria-labelledby="cards-heading">
          <h2 id="cards-heading">{t("cards")}</h2>
          <ZoneCards
            catalogue={catalogue}
            quarter={quarter}
            headlines={overview.headlines}
            sparklines={shown.sparklines}
          />
        </section>
        <OverviewHeat
          catalogue={catalogue}
          quarter={quarter}
          cells={shown.cells}
          yearEnd={yearEnd && lastYearEnd ? { quarter: yearEnd, cells: lastYearEnd.cells } : null}
          theme={theme}
          themeHref={(code) =>
            overviewHref({ quarter, indicator: overview.indicatorCode, theme: code, peers: values.peers })
          }
          peers={{ key: shown.peers, choices: shown.peerGroups }}
        />
      </>
    );
  }
  return (
    <HydrateClient>
      {official && <WaitingForYou />}
      <OverviewView
        input={input}
        theme={theme}
        peers={values.peers}
        notice={notices.length > 0 ? notices.join(" ") : null}
        extras={extras}
      />
    </HydrateClient>
  );
}
