import type { Indicator } from "@zones/domain";
import type { UseFormRegisterReturn } from "react-hook-form";
import { describe, expect, it } from "vitest";

import type { EntryRow } from "./form-model";
import { type IndicatorFieldProps, sameFieldProps } from "./indicator-field";

function register(name: string): UseFormRegisterReturn {
  return { name, onChange: async () => {}, onBlur: async () => {}, ref: () => {} };
}

/** One field's props as EntryFields builds them on each render: new handlers every time. */
function props(overrides: Partial<IndicatorFieldProps> = {}): IndicatorFieldProps {
  return {
    zoneCode: "HB-HS",
    quarter: "2026Q3",
    indicator: INDICATOR,
    row: ROW,
    text: "12.5",
    valueError: undefined,
    noteError: undefined,
    warnings: ["比上年同期高 60%"],
    explained: false,
    reviewNote: undefined,
    showNote: false,
    readOnly: false,
    initialValue: "12.5",
    initialNote: "",
    valueField: register("values.gdp"),
    noteField: register("notes.gdp"),
    onEnter: () => {},
    ...overrides,
  };
}
const INDICATOR = { code: "gdp" } as Indicator;
const ROW = { indicatorCode: "gdp" } as EntryRow;

describe("whether a field of the entry form renders again", () => {
  it("does not when only its handlers are new (another field was typed in)", () => {
    expect(sameFieldProps(props(), props())).toBe(true);
  });

  it("does when what it shows changes", () => {
    expect(sameFieldProps(props(), props({ text: "12.6" }))).toBe(false);
    expect(sameFieldProps(props(), props({ valueError: "请填写数值" }))).toBe(false);
    expect(sameFieldProps(props(), props({ noteError: "请说明" }))).toBe(false);
    expect(sameFieldProps(props(), props({ warnings: ["比上年同期高 61%"] }))).toBe(false);
    expect(sameFieldProps(props(), props({ warnings: [] }))).toBe(false);
    expect(sameFieldProps(props(), props({ explained: true }))).toBe(false);
    expect(sameFieldProps(props(), props({ showNote: true }))).toBe(false);
    expect(sameFieldProps(props(), props({ readOnly: true }))).toBe(false);
    expect(sameFieldProps(props(), props({ reviewNote: "请核实" }))).toBe(false);
    expect(sameFieldProps(props(), props({ row: { ...ROW } }))).toBe(false);
  });

  it("does when it is bound to another field of the form", () => {
    expect(sameFieldProps(props(), props({ valueField: register("values.gdp-growth") }))).toBe(false);
    expect(sameFieldProps(props(), props({ noteField: register("notes.gdp-growth") }))).toBe(false);
  });

  it("does when a prop is added or dropped", () => {
    const { reviewNote: _dropped, ...withoutReviewNote } = props({ reviewNote: "请核实" });
    expect(sameFieldProps(props({ reviewNote: "请核实" }), withoutReviewNote as IndicatorFieldProps)).toBe(
      false,
    );
  });
});
