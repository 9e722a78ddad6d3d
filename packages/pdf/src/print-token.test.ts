import { describe, expect, it } from "vitest";

import { PRINT_TOKEN_TTL_SECONDS, signPrintToken, verifyPrintToken } from "./print-token";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const GRANT = { quarter: "2026Q2", language: "zh-CN" };
const NOW = new Date("2026-11-28T02:00:00Z");

describe("print token", () => {
  it("opens the page it names, until it expires", () => {
    const token = signPrintToken(SECRET, GRANT, NOW);
    expect(verifyPrintToken(SECRET, token, GRANT, NOW)).toBe(true);
    const later = new Date(NOW.getTime() + (PRINT_TOKEN_TTL_SECONDS - 1) * 1000);
    expect(verifyPrintToken(SECRET, token, GRANT, later)).toBe(true);
    const expired = new Date(NOW.getTime() + PRINT_TOKEN_TTL_SECONDS * 1000);
    expect(verifyPrintToken(SECRET, token, GRANT, expired)).toBe(false);
  });

  it("refuses another quarter, another language, another secret and altered or absent tokens", () => {
    const token = signPrintToken(SECRET, GRANT, NOW);
    expect(verifyPrintToken(SECRET, token, { ...GRANT, quarter: "2026Q1" }, NOW)).toBe(false);
    expect(verifyPrintToken(SECRET, token, { ...GRANT, language: "en" }, NOW)).toBe(false);
    expect(verifyPrintToken(`${SECRET}x`, token, GRANT, NOW)).toBe(false);
    const [payload, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ page: "bulletin", ...GRANT, expires: 4_000_000_000 }),
    ).toString("base64url");
    expect(verifyPrintToken(SECRET, `${forged}.${signature}`, GRANT, NOW)).toBe(false);
    expect(verifyPrintToken(SECRET, `${payload}.${signature}.x`, GRANT, NOW)).toBe(false);
    expect(verifyPrintToken(SECRET, `${payload}.`, GRANT, NOW)).toBe(false);
    expect(verifyPrintToken(SECRET, "", GRANT, NOW)).toBe(false);
    expect(verifyPrintToken(SECRET, null, GRANT, NOW)).toBe(false);
    expect(verifyPrintToken(SECRET, "x".repeat(10_000), GRANT, NOW)).toBe(false);
  });
});
