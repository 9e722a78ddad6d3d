"use client";

import { startTransition, useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";

/** How far outside the viewport a deferred chart starts drawing: one screen above and below. */
const NEAR_VIEWPORT = "100% 0px";

/**
 * The width of the element `ref` is attached to, once the browser has laid it out, kept up to date as it
 * resizes; null before (and on the server), or when a fixed width is given. The update is a transition, so
 * redrawing many charts at their measured width after hydration never blocks the main thread in one piece.
 *
 * With `deferUntilVisible`, the width is reported only once the element comes within a screen of the
 * viewport (or the page is printed): a page of many charts draws those the reader can see first, and the
 * others as they are scrolled to.
 */
export function useContainerWidth(fixed: number | undefined, { deferUntilVisible = false } = {}) {
  const ref = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (fixed !== undefined || !element) return;
    const update = () => {
      const next = Math.floor(element.getBoundingClientRect().width);
      if (next > 0) startTransition(() => setMeasured(next));
    };
    const cleanups: (() => void)[] = [];
    const start = (urgent = false) => {
      if (urgent) {
        // Printing lays the page out right after this event: draw now, not in a transition.
        const next = Math.floor(element.getBoundingClientRect().width);
        if (next > 0) flushSync(() => setMeasured(next));
      } else {
        update();
      }
      if (typeof ResizeObserver === "undefined") return;
      const observer = new ResizeObserver(update);
      observer.observe(element);
      cleanups.push(() => observer.disconnect());
    };
    if (!deferUntilVisible || typeof IntersectionObserver === "undefined") {
      start();
    } else {
      let started = false;
      const reveal = (event?: Event) => {
        if (started) return;
        started = true;
        visibility.disconnect();
        window.removeEventListener("beforeprint", reveal);
        start(event?.type === "beforeprint");
      };
      const visibility = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) reveal();
        },
        { rootMargin: NEAR_VIEWPORT },
      );
      visibility.observe(element);
      window.addEventListener("beforeprint", reveal);
      cleanups.push(() => {
        visibility.disconnect();
        window.removeEventListener("beforeprint", reveal);
      });
    }
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  }, [fixed, deferUntilVisible]);
  return { ref, measured };
}
