import { describe, expect, it } from "vitest";

import { parseAsQuarter, readQuarterInUrl, respeltQuarters } from "./quarter";

describe("readQuarterInUrl", () => {
  it("uses a quarter in its canonical spelling", () => {
    expect(readQuarterInUrl("2026Q3")).toEqual({ action: "use", quarter: "2026Q3" });
    expect(readQuarterInUrl("1949Q1")).toEqual({ action: "use", quarter: "1949Q1" });
  });

  it.each([
    ["2026q3", "2026Q3"],
    [" 2026Q3", "2026Q3"],
    ["2026q4 ", "2026Q4"],
  ])("redirects %j to %j", (text, quarter) => {
    expect(readQuarterInUrl(text)).toEqual({ action: "redirect", quarter });
  });

  it.each(["2026Q9", "2026Q0", "", "26Q3", "2026-Q3", "Q3 2026", "3000Q1", "1948q4", "2026Q3x"])(
    "rejects %j",
    (text) => {
      expect(readQuarterInUrl(text)).toEqual({ action: "reject" });
    },
  );
});

describe("parseAsQuarter", () => {
  it("parses what the rule uses or redirects, and nothing else", () => {
    expect(parseAsQuarter.parse("2026Q3")).toBe("2026Q3");
    expect(parseAsQuarter.parse("2026q3")).toBe("2026Q3");
    expect(parseAsQuarter.parse("2026Q9")).toBeNull();
    expect(parseAsQuarter.serialize("2026Q3")).toBe("2026Q3");
  });
});

describe("respeltQuarters", () => {
  it("respells the named quarter parameters and keeps every other parameter", () => {
    const search = new URLSearchParams("zones=HB-HS,SD-ZB&from=2025q3&to=2026Q2&mode=single&note=2025q1");
    expect(respeltQuarters(search, ["from", "to"])?.toString()).toBe(
      "zones=HB-HS%2CSD-ZB&from=2025Q3&to=2026Q2&mode=single&note=2025q1",
    );
  });

  it("is null when nothing needs respelling: canonical, absent or not a quarter at all", () => {
    expect(
      respeltQuarters(new URLSearchParams("from=2025Q3&to=2026Q9"), ["from", "to", "quarter"]),
    ).toBeNull();
  });
});
