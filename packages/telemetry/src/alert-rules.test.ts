import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { registry } from "./metrics.mjs";

const RULES = path.resolve(import.meta.dirname, "../../../infra/prometheus/zones-alerts.yml");
/** Series a histogram exports besides its own name. */
const HISTOGRAM_SERIES = /_(bucket|sum|count)$/;

describe("the alerting rules of infra/prometheus", () => {
  it("name only metrics that the app exports (a renamed metric would silence an alert)", async () => {
    const rules = readFileSync(RULES, "utf8");
    const named = new Set(
      [...rules.matchAll(/\b((?:zones|process|nodejs)_[a-z0-9_]+)\b/g)].map((match) => match[1] ?? ""),
    );
    expect(named.size).toBeGreaterThan(8);
    const exported = (await registry.getMetricsAsJSON()).map((metric) => metric.name);
    const unknown = [...named].filter(
      (name) => !exported.includes(name) && !exported.includes(name.replace(HISTOGRAM_SERIES, "")),
    );
    expect(unknown).toEqual([]);
  });
});
