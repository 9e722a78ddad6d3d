"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { RouterInputs } from "@zones/api";
import { indicatorsByTheme, type Locale, localized, type QuarterString } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { ZoneTargets } from "~/components/targets/zone-targets";
import { useTRPC } from "~/trpc/react";
import { zoneViewParsers } from "~/url-state/dashboards";
import { useUrlView } from "~/url-state/use-url-view";
import { SelectionNotice } from "./dashboard-controls";
import { PeerPicker, usePeerGroupPhrase } from "./peer-picker";
import { useViewMessages } from "./use-view-messages";
import { ViewControls } from "./view-controls";
import { ZoneHeader } from "./zone-header";
import { ZoneIndicatorChart } from "./zone-indicator-chart";

type ZoneInput = RouterInputs["dashboard"]["zone"];

/**
 * One zone over time: every indicator as a small multiple beside the peer band, grouped by theme. The
 * selection (range, 累计/单季, submitted data) lives in the URL; a change navigates, and the server
 * prefetches the new view.
 */
export function ZoneDashboard({
  input,
  notices,
  quarterChoices,
  canIncludeSubmitted,
}: {
  input: ZoneInput;
  /** Messages about the URL's selection, from the server. */
  notices: readonly string[];
  /** Quarters with approved data: the range selects' options. */
  quarterChoices: readonly string[];
  canIncludeSubmitted: boolean;
}) {
  const trpc = useTRPC();
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const { data } = useSuspenseQuery(trpc.dashboard.zone.queryOptions(input));
  // Every change writes the whole view (the resolved range included), so a copied link keeps showing it.
  const { view, select, pending } = useUrlView(zoneViewParsers, {
    from: data.from as QuarterString,
    to: data.to as QuarterString,
    mode: data.mode,
    submitted: data.includesSubmitted,
    peers: data.peers,
  });
  const tPeers = useTranslations("peers");
  const peerPhrase = usePeerGroupPhrase();
  const zone = catalogue.getZone(data.zoneCode);
  const pointsByCode = new Map(data.indicators.map((indicator) => [indicator.code, indicator.points]));
  const messages = useViewMessages(notices, data);

  return (
    <div className="dashboard zone-dashboard" data-testid="zone-dashboard" data-zone={zone.code}>
      <SelectionNotice messages={messages} />
      <ZoneHeader zone={zone} peers={data.peers} />
      <ViewControls
        state={{ data, view }}
        quarterChoices={quarterChoices}
        exportScope={{ zones: [zone.code] }}
        canIncludeSubmitted={canIncludeSubmitted}
        pending={pending}
        onChange={(changes) => select(changes as Parameters<typeof select>[0])}
      />
      <PeerPicker
        choices={data.peerGroups}
        value={view.peers ?? data.peers}
        onChange={(peers) => select({ peers })}
        caption={tPeers("bandCaption", { group: peerPhrase(data.peers) })}
        ownFirst
      />
      <ZoneTargets zoneCode={zone.code} quarter={data.to} />

      <div className="theme-sections" aria-busy={pending}>
        {indicatorsByTheme(catalogue.indicators).map(({ theme, indicators }) =>
          indicators.length === 0 ? null : (
            <section
              key={theme.code}
              className="theme-section"
              data-theme={theme.code}
              aria-labelledby={`theme-${theme.code}`}
            >
              <h2 id={`theme-${theme.code}`}>{localized(theme.name, locale)}</h2>
              <div className="small-multiples">
                {indicators.map((indicator) => (
                  <ZoneIndicatorChart
                    key={indicator.code}
                    zone={zone}
                    indicator={indicator}
                    data={data}
                    points={pointsByCode.get(indicator.code) ?? []}
                  />
                ))}
              </div>
            </section>
          ),
        )}
      </div>
    </div>
  );
}
