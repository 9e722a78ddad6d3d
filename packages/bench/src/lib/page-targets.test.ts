import { describe, expect, it } from "vitest";

import {
  lighthousePages,
  lighthouseReportName,
  lighthouseTarget,
  ROUTE_JS_BUDGETS,
  routeJsTarget,
} from "./page-targets";

describe("lighthousePages", () => {
  it("measures the overview, a zone, an indicator, the comparison and the open quarter's entry form", () => {
    expect(lighthousePages("2026Q3", false)).toEqual([
      { path: "/", name: "overview", account: "admin" },
      { path: "/zones/HB-HS", name: "zone HB-HS", account: "admin" },
      { path: "/indicators/gdp", name: "indicator gdp", account: "admin" },
      { path: "/compare", name: "compare", account: "admin" },
      { path: "/entry/HB-HS/2026Q3", name: "entry form HB-HS 2026Q3", account: "official" },
    ]);
  });

  it("opens the form of the quarter it is given, as HB-HS's official", () => {
    const form = lighthousePages("2025Q1", false).find((page) => page.path.startsWith("/entry/"));
    expect(form).toEqual({
      path: "/entry/HB-HS/2025Q1",
      name: "entry form HB-HS 2025Q1",
      account: "official",
    });
  });

  it("measures the overview alone in a quick run", () => {
    expect(lighthousePages("2026Q3", true).map((page) => page.path)).toEqual(["/"]);
  });
});

describe("lighthouseTarget", () => {
  it("asks a phone for at least 95", () => {
    const target = lighthouseTarget("mobile");
    expect(target.label).toBe("score ≥ 95");
    expect([94, 95, 100].map(target.met)).toEqual([false, true, true]);
  });

  it("asks a desktop for 100", () => {
    const target = lighthouseTarget("desktop");
    expect(target.label).toBe("score = 100");
    expect([95, 99, 100].map(target.met)).toEqual([false, false, true]);
  });
});

describe("first-load JS budgets", () => {
  it("judges the overview under 200 kB and the zone and indicator pages at most 250 kB", () => {
    expect(ROUTE_JS_BUDGETS.map((budget) => [budget.route, routeJsTarget(budget).label])).toEqual([
      ["/", "< 200 kB gzip"],
      ["/zones/[code]", "≤ 250 kB gzip"],
      ["/indicators/[code]", "≤ 250 kB gzip"],
    ]);
  });

  it("counts kB as 1024 bytes, with the limit itself allowed only where the target says ≤", () => {
    const [overview, zone] = ROUTE_JS_BUDGETS.map(routeJsTarget);
    expect(overview?.met(200 * 1024 - 1)).toBe(true);
    expect(overview?.met(200 * 1024)).toBe(false);
    expect(zone?.met(250 * 1024)).toBe(true);
    expect(zone?.met(250 * 1024 + 1)).toBe(false);
  });
});

describe("lighthouseReportName", () => {
  it("names a report after its preset and page, the overview by name", () => {
    expect(lighthouseReportName("mobile", "/zones/HB-HS")).toBe("lighthouse-mobile-zones-HB-HS.json");
    expect(lighthouseReportName("desktop", "/entry/HB-HS/2026Q3")).toBe(
      "lighthouse-desktop-entry-HB-HS-2026Q3.json",
    );
    expect(lighthouseReportName("desktop", "/")).toBe("lighthouse-desktop-overview.json");
    expect(lighthouseReportName("mobile", "/login")).toBe("lighthouse-mobile-login.json");
  });
});
