import { describe, expect, it } from "vitest";

import { compareHref, readCompareParams } from "./compare";

describe("the comparison's URL", () => {
  it("is written in a fixed order, with readable commas and the mode", () => {
    expect(
      compareHref({
        zones: ["HB-HS", "SD-ZB"],
        indicators: ["gdp"],
        from: "2025Q3",
        to: "2026Q2",
        mode: "ytd",
      }),
    ).toBe("/compare?zones=HB-HS,SD-ZB&indicators=gdp&from=2025Q3&to=2026Q2&mode=ytd");
    expect(
      compareHref({ zones: [], indicators: ["gdp"], from: "2025Q3", to: "2026Q2", mode: "single" }),
    ).toBe("/compare?zones=&indicators=gdp&from=2025Q3&to=2026Q2&mode=single");
  });

  it("reads lists from one parameter or repeated ones (a GET form), trimmed and each once", () => {
    const { values } = readCompareParams({ zones: ["HB-HS, SD-ZB", "HB-HS"], indicators: "" });
    expect(values.zones).toEqual(["HB-HS", "SD-ZB"]);
    expect(values.indicators).toEqual([]);
    expect(values.from).toBeNull();
  });

  it("names what it ignored, with the value as written", () => {
    expect(readCompareParams({ from: "2025Q9", to: "", mode: "monthly" }).ignored).toEqual([
      { name: "from", value: "2025Q9" },
      { name: "to", value: "" },
      { name: "mode", value: "monthly" },
    ]);
  });
});
