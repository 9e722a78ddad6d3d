"use client";

import { useEffect, useState } from "react";

/** How long the marker waits for the charts before saying ready anyway (the print then shows what is drawn). */
const GIVE_UP_MS = 20_000;

/**
 * Says when every chart of the page is drawn (`data-bulletin-ready`), which the printing browser waits for:
 * each small multiple has its SVG surface or its empty message, and two frames have been painted since.
 */
export function BulletinReady({ charts }: { charts: number }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const started = Date.now();
    let frame = 0;
    const timer = window.setInterval(() => {
      const drawn = document.querySelectorAll(
        "[data-bulletin-chart] .recharts-surface, [data-bulletin-chart] .distribution-band-empty",
      ).length;
      if (drawn < charts && Date.now() - started < GIVE_UP_MS) return;
      window.clearInterval(timer);
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => setReady(true));
      });
    }, 100);
    return () => {
      window.clearInterval(timer);
      cancelAnimationFrame(frame);
    };
  }, [charts]);
  return <div hidden data-bulletin-ready={ready ? "" : undefined} data-testid="bulletin-ready-marker" />;
}
