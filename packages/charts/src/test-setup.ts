import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Vitest runs without globals, so testing-library cannot register its own auto-cleanup.
afterEach(() => {
  cleanup();
});

// jsdom has no matchMedia. Recharts' default `isAnimationActive: "auto"` asks it for
// prefers-reduced-motion; answering "reduce" makes bars and labels render in their final
// state on the first commit instead of after a requestAnimationFrame-driven animation.
window.matchMedia = (query: string): MediaQueryList => ({
  matches: query.includes("prefers-reduced-motion: reduce"),
  media: query,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
});

// jsdom has no ResizeObserver; Recharts' `responsive` mode only measures its container when
// one exists. A no-op observer is enough: the initial measurement comes from getBoundingClientRect.
class NoopResizeObserver implements ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = NoopResizeObserver;
