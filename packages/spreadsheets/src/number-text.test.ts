import { describe, expect, it } from "vitest";
import { numberToDecimalText, percentText } from "./reader/number-text.mjs";

describe("numberToDecimalText", () => {
  it.each([
    [1234.56, "1234.56"],
    [0.1, "0.1"],
    [0.1 + 0.2, "0.3"],
    [-3.2, "-3.2"],
    [-0, "0"],
    [42, "42"],
    [1.5e-7, "0.00000015"],
    [1e21, "1000000000000000000000"],
    [-2.5e-10, "-0.00000000025"],
    [123456789012345, "123456789012345"],
  ])("%s → %s", (value, text) => {
    expect(numberToDecimalText(value)).toBe(text);
  });
});

describe("percentText", () => {
  it.each([
    ["0.052", "5.2"],
    ["1", "100"],
    ["0.5", "50"],
    ["-0.031", "-3.1"],
    ["0", "0"],
    ["0.00001", "0.001"],
    ["12.3456", "1234.56"],
  ])("%s → %s", (text, percent) => {
    expect(percentText(text)).toBe(percent);
  });
});
