import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { DeferredChart, type DeferredChartProps } from "./deferred-chart";

/** An IntersectionObserver whose entries the test announces. */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly targets: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  unobserve() {}
  disconnect() {
    this.disconnected = true;
  }
  takeRecords() {
    return [];
  }
  announce(isIntersecting: boolean) {
    const entries = this.targets.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

const original = window.IntersectionObserver;
const originalMatchMedia = window.matchMedia;
afterEach(() => {
  window.IntersectionObserver = original;
  window.matchMedia = originalMatchMedia;
  FakeIntersectionObserver.instances = [];
});

/** Answers `(min-width: …px)` queries as a screen of this width would. */
function screenWidth(width: number) {
  window.matchMedia = (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    return { ...originalMatchMedia(query), matches: min ? width >= Number(min[1]) : false };
  };
}

function chart(props: Partial<DeferredChartProps> = {}) {
  return render(
    <DeferredChart height={240} {...props}>
      <svg data-testid="the-chart" role="img" aria-label="GDP" />
    </DeferredChart>,
  );
}

/** Lets the chart's load settle and its turn in the draw queue come. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe("DeferredChart", () => {
  it("keeps the chart's height empty until it nears the viewport, then draws it", async () => {
    window.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
    chart();
    const box = screen.getByTestId("deferred-chart");
    expect(screen.queryByTestId("the-chart")).toBeNull();
    expect(box.style.minHeight).toBe("240px");
    const [observer] = FakeIntersectionObserver.instances;
    expect(observer?.options?.rootMargin).toBe("50% 0px");
    act(() => observer?.announce(false));
    await settle();
    expect(screen.queryByTestId("the-chart")).toBeNull();
    act(() => observer?.announce(true));
    await settle();
    expect(screen.getByTestId("the-chart")).toBeTruthy();
    expect(box.dataset.drawn).toBe("true");
    expect(box.style.minHeight).toBe("");
    expect(observer?.disconnected).toBe(true);
  });

  it("draws every chart before the page is printed", () => {
    window.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
    chart();
    expect(screen.queryByTestId("the-chart")).toBeNull();
    act(() => {
      window.dispatchEvent(new Event("beforeprint"));
    });
    expect(screen.getByTestId("the-chart")).toBeTruthy();
  });

  it("draws at once where IntersectionObserver does not exist", async () => {
    // @ts-expect-error: removed to stand for a browser without it
    delete window.IntersectionObserver;
    chart();
    await settle();
    expect(screen.getByTestId("the-chart")).toBeTruthy();
  });

  it("draws once the page is hydrated on a wide screen when asked to, out of view or not", async () => {
    window.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
    screenWidth(1280);
    chart({ when: "hydrated-on-wide-screens" });
    await settle();
    expect(screen.getByTestId("the-chart")).toBeTruthy();
    expect(FakeIntersectionObserver.instances).toHaveLength(0);
  });

  it("on a phone, draws such a chart only near the viewport", async () => {
    window.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
    screenWidth(412);
    chart({ when: "hydrated-on-wide-screens" });
    await settle();
    expect(screen.queryByTestId("the-chart")).toBeNull();
    act(() => FakeIntersectionObserver.instances[0]?.announce(true));
    await settle();
    expect(screen.getByTestId("the-chart")).toBeTruthy();
  });

  it("waits for the chart's code before drawing it", async () => {
    window.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
    let loaded: () => void = () => {};
    const load = () => new Promise<void>((resolve) => (loaded = resolve));
    chart({ load });
    act(() => FakeIntersectionObserver.instances[0]?.announce(true));
    await settle();
    expect(screen.queryByTestId("the-chart")).toBeNull();
    loaded();
    await settle();
    expect(screen.getByTestId("the-chart")).toBeTruthy();
  });

  it("draws charts that come into view together one per task", async () => {
    window.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      render(
        <div>
          {[1, 2, 3].map((n) => (
            <DeferredChart key={n} height={240}>
              <svg data-testid="a-chart" />
            </DeferredChart>
          ))}
        </div>,
      );
      const drawn = () => screen.queryAllByTestId("a-chart").length;
      // Their (absent) loads settle in microtasks; then each chart waits for its own task.
      await act(async () => {
        for (const observer of FakeIntersectionObserver.instances) observer.announce(true);
      });
      expect(drawn()).toBe(0);
      for (const expected of [1, 2, 3]) {
        act(() => vi.advanceTimersToNextTimer());
        expect(drawn()).toBe(expected);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
