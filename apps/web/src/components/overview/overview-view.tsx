"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { RouterInputs } from "@zones/api";
import {
  formatQuarterLabel,
  type Locale,
  localized,
  type QuarterString,
  type ThemeCode,
} from "@zones/domain";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { OverviewTargets } from "~/components/targets/overview-targets";
import { useTRPC } from "~/trpc/react";
import { overviewHref } from "~/url-state/overview";
import { OverviewRanking } from "./overview-ranking";

type OverviewInput = RouterInputs["overview"]["get"];

export function OverviewView({
  input,
  theme,
  peers,
  notice,
  extras,
}: {
  input: OverviewInput;
  /** The heat table's indicator theme (checked by the page). */
  theme: ThemeCode;
  /** The heat table's peer group (a checked key; `all` by default). */
  peers: string;
  notice: string | null;
  /** The zone cards and the heat table of the quarter, rendered by the page on the server. */
  extras: ReactNode;
}) {
  const trpc = useTRPC();
  const t = useTranslations("overview");
  const tApp = useTranslations("app");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const { data } = useSuspenseQuery(trpc.overview.get.queryOptions(input));
  const catalogue = useCatalogue();
  const indicator = catalogue.getIndicator(data.indicatorCode);

  /** The page's URL with some of its choices changed; every choice stays in the URL. */
  function select(changes: { quarter?: string; indicator?: string }) {
    const href = overviewHref({
      quarter: changes.quarter ?? data.quarter,
      indicator: changes.indicator ?? data.indicatorCode,
      theme,
      peers,
    });
    router.push(href, { scroll: false });
  }

  const quarterLabel = data.quarter ? formatQuarterLabel(data.quarter as QuarterString, locale) : "";

  return (
    <div className="overview">
      {data.isDemo && (
        <p className="demo-banner" role="note" data-testid="demo-banner">
          {tApp("demoBanner")}
        </p>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="selection-notice">
          {notice}
        </p>
      )}
      <div className="overview-heading">
        <h1>{t("title")}</h1>
        <div className="controls">
          <label>
            {t("quarter")}
            <select
              value={data.quarter ?? ""}
              onChange={(event) => select({ quarter: event.target.value })}
              data-testid="quarter-select"
            >
              {data.quarters.map((quarter) => (
                <option key={quarter} value={quarter}>
                  {formatQuarterLabel(quarter as QuarterString, locale)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("indicator")}
            <select
              value={data.indicatorCode}
              onChange={(event) => select({ indicator: event.target.value })}
              data-testid="indicator-select"
            >
              {catalogue.indicators
                .filter((candidate) => candidate.frequency === "quarterly")
                .map((candidate) => (
                  <option key={candidate.code} value={candidate.code}>
                    {localized(candidate.name, locale)}
                  </option>
                ))}
            </select>
          </label>
        </div>
      </div>
      <p className="hint">{t("approvedOnly")}</p>

      {data.openStatus && (
        <section className="open-quarter" aria-labelledby="open-quarter-heading">
          <h2 id="open-quarter-heading">
            {t("openQuarter", {
              quarter: formatQuarterLabel(data.openStatus.quarter as QuarterString, locale),
              deadline: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
                new Date(`${data.openStatus.deadline}T00:00:00Z`),
              ),
            })}
          </h2>
          <ul className="status-counts">
            {data.openStatus.counts.map((count) => (
              <li key={count.status} className={`status status-${count.status}`}>
                <span>{t(`status.${count.status}`)}</span>{" "}
                <strong>{t("zonesCount", { count: count.zones })}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}

      {data.quarter === null ? (
        <p className="empty">{t("noData")}</p>
      ) : (
        <>
          <section className="ranking" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">
              {t("rankingTitle", { indicator: localized(indicator.name, locale), quarter: quarterLabel })}
            </h2>
            <OverviewRanking
              indicatorCode={data.indicatorCode}
              rows={data.ranking}
              title={t("rankingTitle", {
                indicator: localized(indicator.name, locale),
                quarter: quarterLabel,
              })}
              emptyMessage={t("rankingEmpty")}
            />
          </section>
          {/* The zone cards and the heat table, rendered by the page on the server. */}
          {extras}
          <OverviewTargets quarter={data.quarter} />
        </>
      )}
    </div>
  );
}
