"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { queueDraw } from "./draw-queue";

/**
 * How far outside the viewport a deferred chart starts drawing: half a screen above and below, so a reader
 * scrolling finds it drawn, while a page of small multiples draws on load only those it shows (a screen of
 * margin drew nine on a desktop, each a long task).
 */
const NEAR_VIEWPORT = "50% 0px";
/** A screen that shows a page's few charts side by side or one under the other, not one at a time. */
const WIDE_SCREEN = "(min-width: 768px)";

export interface DeferredChartProps {
  /** The chart's height, kept by the placeholder so that the page does not jump when it draws. */
  height: number;
  /**
   * `near-viewport` (default): once the chart comes within half a screen of the viewport.
   * `hydrated-on-wide-screens`: for a page of a few charts that a reader expects drawn at once, as soon as
   * the page is interactive on a screen at least 768 px wide; on a phone, which shows one chart at a time
   * and pays most for each one drawn, near the viewport like the others.
   */
  when?: "near-viewport" | "hydrated-on-wide-screens";
  /** Loads the chart's code before its turn to draw (a stable function, e.g. a module's import). */
  load?: () => Promise<unknown>;
  children: ReactNode;
}

/**
 * Draws its chart in the browser only, once it comes within half a screen of the viewport (or the page is
 * printed): the server and the first render send a placeholder of the chart's height. A page of many charts
 * (the zone page has 30 small multiples) then draws those the reader can see, and the others as they are
 * scrolled to, one chart per task (`queueDraw`), instead of blocking the main thread with all of them at
 * once. Without IntersectionObserver the chart is drawn at once.
 */
export function DeferredChart({ height, when = "near-viewport", load, children }: DeferredChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || shown) return;
    let requested = false;
    let cancelled = false;
    let dequeue = () => {};
    let observer: IntersectionObserver | undefined;
    const request = () => {
      if (requested) return;
      requested = true;
      observer?.disconnect();
      // A failed load still draws: the chart then reports its own error.
      void (load?.() ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => {
          if (!cancelled) dequeue = queueDraw(() => flushSync(() => setShown(true)));
        });
    };
    const atOnce = when === "hydrated-on-wide-screens" && window.matchMedia?.(WIDE_SCREEN).matches;
    if (atOnce || typeof IntersectionObserver === "undefined") request();
    else {
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) request();
        },
        { rootMargin: NEAR_VIEWPORT },
      );
      observer.observe(element);
    }
    // Printing lays the page out right after this event: draw now, not at the next render.
    const print = () => flushSync(() => setShown(true));
    window.addEventListener("beforeprint", print);
    return () => {
      cancelled = true;
      dequeue();
      observer?.disconnect();
      window.removeEventListener("beforeprint", print);
    };
  }, [shown, when, load]);
  return (
    <div
      ref={ref}
      data-testid="deferred-chart"
      data-drawn={shown}
      style={shown ? undefined : { minHeight: height }}
    >
      {shown ? children : null}
    </div>
  );
}
