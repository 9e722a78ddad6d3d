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

/** One import per chart module, shared by `lazy` and `DeferredChart` (which waits for it before drawing). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined; // a later chart tries again
      throw error;
    });
    return loading;
  };
}

const loadTrend = once(() => import("./indicator-trend"));
const loadBand = once(() => import("./distribution-band"));
const IndicatorTrendChart = lazy(() => loadTrend().then((module) => ({ default: module.IndicatorTrend })));
const DistributionBandChart = lazy(() => loadBand().then((module) => ({ default: module.DistributionBand })));

/** When to draw: see `DeferredChart` (default: as the chart nears the viewport). */
type Drawing = { when?: DeferredChartProps["when"] | undefined };

function OnDemand({
  height,
  when,
  load,
  children,
}: { height: number; load: () => Promise<unknown>; children: ReactNode } & Drawing) {
  return (
    <DeferredChart height={height} load={load} {...(when ? { when } : {})}>
      <Suspense fallback={<div data-testid="chart-loading" style={{ minHeight: height }} />}>
        {children}
      </Suspense>
    </DeferredChart>
  );
}

/** `IndicatorTrend`, loaded and drawn on demand. */
export function LazyIndicatorTrend({ when, ...props }: IndicatorTrendProps & Drawing) {
  return (
    <OnDemand height={props.height ?? DEFAULT_CHART_HEIGHT} when={when} load={loadTrend}>
      <IndicatorTrendChart {...props} />
    </OnDemand>
  );
}

/** `DistributionBand`, loaded and drawn on demand. */
export function LazyDistributionBand({ when, ...props }: DistributionBandProps & Drawing) {
  return (
    <OnDemand height={props.height ?? DEFAULT_CHART_HEIGHT} when={when} load={loadBand}>
      <DistributionBandChart {...props} />
    </OnDemand>
  );
}
