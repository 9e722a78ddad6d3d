"use client";

import { type ReactNode, startTransition, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";

/** How far outside the viewport a deferred chart starts drawing: one screen above and below. */
const NEAR_VIEWPORT = "100% 0px";

export interface DeferredChartProps {
  /** The chart's height, kept by the placeholder so that the page does not jump when it draws. */
  height: number;
  /**
   * `near-viewport` (default): once the chart comes within a screen of the viewport. `hydrated`: as soon
   * as the page is interactive, for a page of a few charts that a reader expects drawn at once.
   */
  when?: "near-viewport" | "hydrated";
  children: ReactNode;
}

/**
 * Draws its chart in the browser only, once it comes within a screen of the viewport (or the page is
 * printed): the server and the first render send a placeholder of the chart's height. A page of many
 * charts (the zone page has 30 small multiples) then renders those the reader can see, and the others as
 * they are scrolled to, instead of blocking the main thread with all of them at once. The drawing is a
 * transition, so React renders it in slices between the reader's input. Without IntersectionObserver the
 * chart is drawn at once.
 */
export function DeferredChart({ height, when = "near-viewport", children }: DeferredChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || shown) return;
    const draw = () => startTransition(() => setShown(true));
    if (when === "hydrated" || typeof IntersectionObserver === "undefined") {
      draw();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) draw();
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    observer.observe(element);
    // Printing lays the page out right after this event: draw now, not at the next render.
    const print = () => flushSync(() => setShown(true));
    window.addEventListener("beforeprint", print);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", print);
    };
  }, [shown, when]);
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
