"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { TrendSeries } from "@zones/charts";
import { type Locale, localized } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { useTRPC } from "~/trpc/react";
import { CompareChart } from "./compare-chart";
import { CompareLatest } from "./compare-latest";
import { type CompareSelection, compareInput } from "./compare-selection";

/** The comparison itself (one `dashboard.compare` call): the latest values side by side, then a chart per indicator. */
export function CompareResults({ selection }: { selection: CompareSelection }) {
  const trpc = useTRPC();
  const t = useTranslations("compare");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const { data } = useSuspenseQuery(trpc.dashboard.compare.queryOptions(compareInput(selection)));

  const zoneLabel = (code: string) => {
    const zone = catalogue.zone(code);
    return zone ? localized(zone.shortName, locale) : code;
  };
  /** Per indicator, a line per zone in the order the zones were chosen (their colours). */
  const seriesByIndicator = new Map<string, TrendSeries[]>(
    data.indicatorCodes.map((indicatorCode) => [
      indicatorCode,
      data.zoneCodes.map((zoneCode) => ({
        key: zoneCode,
        label: zoneLabel(zoneCode),
        points:
          data.series.find((line) => line.indicatorCode === indicatorCode && line.zoneCode === zoneCode)
            ?.points ?? [],
      })),
    ]),
  );

  return (
    <>
      <CompareLatest
        zones={data.zoneCodes.map((code) => ({ code, label: zoneLabel(code) }))}
        indicators={data.indicatorCodes.map((code) => ({
          indicator: catalogue.getIndicator(code),
          series: seriesByIndicator.get(code) ?? [],
        }))}
        quarters={data.quarters}
        mode={data.mode}
      />
      <section aria-labelledby="compare-trends-heading">
        <h2 id="compare-trends-heading">{t("trends")}</h2>
        <div className="compare-charts">
          {data.indicatorCodes.map((code) => (
            <CompareChart
              key={code}
              indicator={catalogue.getIndicator(code)}
              zoneCodes={data.zoneCodes}
              series={seriesByIndicator.get(code) ?? []}
              quarters={data.quarters}
              from={data.from}
              to={data.to}
              mode={data.mode}
            />
          ))}
        </div>
      </section>
    </>
  );
}
