"use client";

import { lazy, type ReactNode, Suspense } from "react";
import { DEFAULT_CHART_HEIGHT } from "./chart-utils";
import { DeferredChart, type DeferredChartProps } from "./deferred-chart";
import type { DistributionBandProps } from "./distribution-band";
import type { IndicatorTrendProps } from "./indicator-trend";

/*
 * The quarter charts on demand. They are drawn with Recharts (about 110 kB gzip), which is then loaded with
 * the first chart drawn, not with the page: the zone, indicator and comparison pages hydrate without it.
 * Until a chart is drawn, and while the library loads, a placeholder keeps the chart's height, so the
 * page does not move when it appears. The server sends the placeholder only.
 */

const IndicatorTrendChart = lazy(() =>
  import("./indicator-trend").then((module) => ({ default: module.IndicatorTrend })),
);
const DistributionBandChart = lazy(() =>
  import("./distribution-band").then((module) => ({ default: module.DistributionBand })),
);

/** When to draw: see `DeferredChart` (default: as the chart nears the viewport). */
type Drawing = { when?: DeferredChartProps["when"] | undefined };

function OnDemand({ height, when, children }: { height: number; children: ReactNode } & Drawing) {
  return (
    <DeferredChart height={height} {...(when ? { when } : {})}>
      <Suspense fallback={<div data-testid="chart-loading" style={{ minHeight: height }} />}>
        {children}
      </Suspense>
    </DeferredChart>
  );
}

/** `IndicatorTrend`, loaded and drawn on demand. */
export function LazyIndicatorTrend({ when, ...props }: IndicatorTrendProps & Drawing) {
  return (
    <OnDemand height={props.height ?? DEFAULT_CHART_HEIGHT} when={when}>
      <IndicatorTrendChart {...props} />
    </OnDemand>
  );
}

/** `DistributionBand`, loaded and drawn on demand. */
export function LazyDistributionBand({ when, ...props }: DistributionBandProps & Drawing) {
  return (
    <OnDemand height={props.height ?? DEFAULT_CHART_HEIGHT} when={when}>
      <DistributionBandChart {...props} />
    </OnDemand>
  );
}
