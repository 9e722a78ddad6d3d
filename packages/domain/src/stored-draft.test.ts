import { describe, expect, it } from "vitest";

import { indicatorContext, type StoredIndicator, storedDraft } from "./stored-draft";

const ROW: StoredIndicator = {
  indicatorCode: "gdp",
  value: "1500.25",
  note: "含新并入县区",
  previousQuarter: "1000",
  lastYear: null,
  historyMin: "800",
  historyMax: "1600",
  historyCount: 5,
};

describe("storedDraft", () => {
  it("reads an indicator's comparison values from its stored row", () => {
    expect(indicatorContext(ROW)).toEqual({
      previousQuarter: 1000,
      lastYear: null,
      history: { min: 800, max: 1600, count: 5 },
    });
    expect(indicatorContext({ ...ROW, historyMax: null }).history).toBeNull();
  });

  it("keeps only the quarter's indicators, with their text and notes", () => {
    const annual = { ...ROW, indicatorCode: "manufacturing-share", value: "30", note: null };
    const draft = storedDraft("2026Q3", [
      ROW,
      annual,
      { ...ROW, indicatorCode: "gdp-growth", value: null, note: "" },
    ]);
    expect(draft.values).toEqual({ gdp: "1500.25" });
    expect(draft.notes).toEqual({ gdp: "含新并入县区" });
    expect(Object.keys(draft.context)).toEqual(["gdp", "gdp-growth"]);
    expect(Object.keys(storedDraft("2026Q4", [annual]).values)).toEqual(["manufacturing-share"]);
  });

  it("leaves out a stored row of an indicator the catalogue does not know, instead of failing the form", () => {
    const draft = storedDraft("2026Q3", [ROW, { ...ROW, indicatorCode: "syn-18", value: "7", note: "x" }]);
    expect(Object.keys(draft.values)).toEqual(["gdp"]);
    expect(Object.keys(draft.notes)).toEqual(["gdp"]);
    expect(Object.keys(draft.context)).toEqual(["gdp"]);
  });
});
