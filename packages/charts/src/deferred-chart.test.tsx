import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { DeferredChart } from "./deferred-chart";

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
afterEach(() => {
  window.IntersectionObserver = original;
  FakeIntersectionObserver.instances = [];
});

function chart() {
  return render(
    <DeferredChart height={240}>
      <svg data-testid="the-chart" role="img" aria-label="GDP" />
    </DeferredChart>,
  );
}

describe("DeferredChart", () => {
  it("keeps the chart's height empty until it nears the viewport, then draws it", () => {
    window.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
    chart();
    const box = screen.getByTestId("deferred-chart");
    expect(screen.queryByTestId("the-chart")).toBeNull();
    expect(box.style.minHeight).toBe("240px");
    const [observer] = FakeIntersectionObserver.instances;
    expect(observer?.options?.rootMargin).toBe("100% 0px");
    act(() => observer?.announce(false));
    expect(screen.queryByTestId("the-chart")).toBeNull();
    act(() => observer?.announce(true));
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

  it("draws at once where IntersectionObserver does not exist", () => {
    // @ts-expect-error: removed to stand for a browser without it
    delete window.IntersectionObserver;
    chart();
    expect(screen.getByTestId("the-chart")).toBeTruthy();
  });
});
