import { act, render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";

import { LazyDistributionBand, LazyIndicatorTrend } from "./lazy-charts";

const trend = {
  quarters: ["2026Q1", "2026Q2"],
  series: [
    {
      key: "HB-HS",
      label: "黄石",
      points: [
        { quarter: "2026Q1", value: 1 },
        { quarter: "2026Q2", value: 2 },
      ],
    },
  ],
  title: "GDP",
  formatValue: String,
  formatQuarter: String,
  unit: "亿元",
  emptyMessage: "无数据",
  width: 400,
};

/** An IntersectionObserver that never reports: the chart stays out of view. */
class NeverIntersecting {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}

const original = window.IntersectionObserver;
const originalMatchMedia = window.matchMedia;
afterEach(() => {
  window.IntersectionObserver = original;
  window.matchMedia = originalMatchMedia;
});

/** A screen at least 768 px wide, where a page's few charts are drawn once it is hydrated. */
function wideScreen() {
  window.matchMedia = (query: string) => ({ ...originalMatchMedia(query), matches: true });
}

describe("the quarter charts on demand", () => {
  it("send only a placeholder of the chart's height from the server, no chart and no library", () => {
    const html = renderToString(<LazyIndicatorTrend {...trend} height={240} />);
    expect(html).toContain('data-testid="deferred-chart"');
    expect(html).toContain("min-height:240px");
    expect(html).not.toContain("indicator-trend");
    expect(html).not.toContain("<svg");
  });

  it("keep the default height when none is given", () => {
    expect(renderToString(<LazyIndicatorTrend {...trend} />)).toContain("min-height:320px");
  });

  it("do not draw a chart that stays out of view", async () => {
    window.IntersectionObserver = NeverIntersecting as unknown as typeof IntersectionObserver;
    render(<LazyIndicatorTrend {...trend} height={240} />);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.queryByTestId("indicator-trend")).toBeNull();
    expect(screen.getByTestId("deferred-chart").dataset.drawn).toBe("false");
  });

  it("load and draw the trend once the page is hydrated on a wide screen, when asked to", async () => {
    window.IntersectionObserver = NeverIntersecting as unknown as typeof IntersectionObserver;
    wideScreen();
    render(<LazyIndicatorTrend {...trend} when="hydrated-on-wide-screens" />);
    const chart = await screen.findByTestId("indicator-trend", {}, { timeout: 10_000 });
    expect(chart.getAttribute("data-points")).toBe("2");
    expect(screen.getByRole("img", { name: "GDP" })).toBeTruthy();
  });

  it("load and draw the distribution band", async () => {
    window.IntersectionObserver = NeverIntersecting as unknown as typeof IntersectionObserver;
    wideScreen();
    render(
      <LazyDistributionBand
        {...trend}
        when="hydrated-on-wide-screens"
        band={[
          { quarter: "2026Q1", min: 0, p25: 1, median: 2, p75: 3, max: 4 },
          { quarter: "2026Q2", min: 1, p25: 2, median: 3, p75: 4, max: 5 },
        ]}
        labels={{ range: "范围", iqr: "四分位", median: "中位数" }}
      />,
    );
    expect(await screen.findByTestId("distribution-band", {}, { timeout: 10_000 })).toBeTruthy();
  });
});
