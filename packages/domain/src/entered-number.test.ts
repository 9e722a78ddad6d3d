import { describe, expect, it } from "vitest";
import { parseEnteredNumber } from "./entered-number";

function read(input: string): [number, string] | string {
  const result = parseEnteredNumber(input);
  return result.ok ? [result.value, result.text] : result.error;
}

describe("parseEnteredNumber: accepted", () => {
  it.each([
    ["12.5", 12.5, "12.5"],
    ["0", 0, "0"],
    ["1234567.89", 1234567.89, "1234567.89"],
    ["-3", -3, "-3"],
    ["+3", 3, "3"],
    [".5", 0.5, "0.5"],
    ["-.5", -0.5, "-0.5"],
    ["5.", 5, "5"],
    ["007", 7, "7"],
  ])("plain %j → %d", (input, value, text) => {
    expect(read(input)).toEqual([value, text]);
  });

  it.each([
    [" 12.5 ", "12.5"],
    ["\t12.5\n", "12.5"],
    ["\u300012.5\u3000", "12.5"],
    ["\u00a012.5\u00a0", "12.5"],
    ["\u200b12.5\ufeff", "12.5"],
  ])("trims surrounding whitespace and invisibles in %j", (input, text) => {
    expect(read(input)).toEqual([12.5, text]);
  });

  it.each([
    ["１２．５", 12.5, "12.5"],
    ["－３", -3, "-3"],
    ["＋３", 3, "3"],
    ["１，２３４．５", 1234.5, "1234.5"],
    ["１２．５％", 12.5, "12.5"],
    ["\u22123", -3, "-3"],
    ["\u2212 3", -3, "-3"],
    ["- 3", -3, "-3"],
  ])("reads full-width characters and minus signs: %j", (input, value, text) => {
    expect(read(input)).toEqual([value, text]);
  });

  it.each([
    ["1,234", 1234, "1234"],
    ["1,234,567.89", 1234567.89, "1234567.89"],
    ["-1,234.5", -1234.5, "-1234.5"],
    ["123,456", 123456, "123456"],
    ["1 234.5", 1234.5, "1234.5"],
    ["12 345 678", 12345678, "12345678"],
    ["1\u00a0234", 1234, "1234"],
    ["1\u3000234", 1234, "1234"],
    ["1\u202f234", 1234, "1234"],
  ])("accepts thousands separators in groups of three: %j", (input, value, text) => {
    expect(read(input)).toEqual([value, text]);
  });

  it.each([
    ["12.5%", 12.5, "12.5"],
    ["12.5 %", 12.5, "12.5"],
    ["-0.4%", -0.4, "-0.4"],
  ])("ignores one trailing percent sign: %j", (input, value, text) => {
    expect(read(input)).toEqual([value, text]);
  });

  it.each([
    ["-0", "0"],
    ["-0.00", "0"],
    ["+0", "0"],
    ["12.50", "12.5"],
    ["0012.3400", "12.34"],
    ["1000", "1000"],
    ["0.000123", "0.000123"],
  ])("gives canonical text for %j", (input, text) => {
    const result = parseEnteredNumber(input);
    expect(result.ok && result.text).toBe(text);
  });

  it("never gives -0", () => {
    const result = parseEnteredNumber("-0");
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it("writes small and large numbers without an exponent", () => {
    expect(read("0.0000001")).toEqual([1e-7, "0.0000001"]);
    expect(read("1000000000000000000000")).toEqual([1e21, "1000000000000000000000"]);
  });

  it("accepts 15 significant digits, which a double gives back exactly", () => {
    expect(read("123456789012.345")).toEqual([123456789012.345, "123456789012.345"]);
  });
});

describe("parseEnteredNumber: refused", () => {
  it.each(["", " ", "\u3000", "\u00a0\t\n"])("%j is empty", (input) => {
    expect(read(input)).toBe("empty");
  });

  it.each([
    "1e5",
    "1E5",
    "1.5e-3",
    "0x1A",
    "Infinity",
    "-Infinity",
    "NaN",
    "1.2.3",
    "1.234.567",
    "12..5",
    "abc",
    "12a",
    "12亿",
    "1.2万",
    "5元",
    "%",
    "12%%",
    "%12",
    "-",
    "+",
    ".",
    "--3",
    "+-3",
    "3-",
    "(3)",
    "1_000",
    "1'234",
    "12。5",
    "12、5",
    "1\t234",
    "١٢",
    "12345678901234567",
    "1.0000000000000001",
  ])("%j is not a number", (input) => {
    expect(read(input)).toBe("not-a-number");
  });

  it.each([
    "12,34",
    "12,5",
    "0,5",
    "0,123",
    "1,2345",
    "1,23,456",
    ",123",
    "1,,234",
    "1234,567",
    "1,234 567",
    "1.234,56",
    "1,234.5,6",
    "12 34",
    "1  234",
    "0 123",
    "1 234.567 8",
    "１２，５",
  ])("%j has an ambiguous separator", (input) => {
    expect(read(input)).toBe("ambiguous-separator");
  });
});
