import { describe, expect, it } from "vitest";

import { unsafeCharacterInLine, unsafeCharacterInText } from "./text-safety";

describe("unsafe characters", () => {
  it("finds NUL, other C0 and C1 controls, DEL and unpaired UTF-16 halves", () => {
    for (const [text, found] of [
      ["a\u0000b", "U+0000"],
      ["\u0007", "U+0007"],
      ["x\u007f", "U+007F"],
      ["x\u0085", "U+0085"],
      ["x\ud800", "U+D800"],
      ["\udfffx", "U+DFFF"],
      ["\udc00\ud800", "U+DC00"],
    ] as const) {
      expect(unsafeCharacterInLine(text), JSON.stringify(text)).toBe(found);
      expect(unsafeCharacterInText(text), JSON.stringify(text)).toBe(found);
    }
  });

  it("takes Chinese, emoji (a well-formed pair) and full-width text as they are", () => {
    for (const text of ["黄石市 2026 年", "👍 已核", "１，３００．５", ""]) {
      expect(unsafeCharacterInLine(text)).toBeNull();
      expect(unsafeCharacterInText(text)).toBeNull();
    }
  });

  it("allows tab and line ends only in text that may run over lines", () => {
    for (const text of ["一\n二", "一\r\n二", "a\tb", "a\rb"]) {
      expect(unsafeCharacterInText(text)).toBeNull();
      expect(unsafeCharacterInLine(text)).not.toBeNull();
    }
  });
});
