import { describe, expect, it } from "vitest";

import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/", "/"],
    ["/zones/HB-HS", "/zones/HB-HS"],
    ["/compare?zones=HB-HS,SD-ZB&quarter=2026Q3", "/compare?zones=HB-HS,SD-ZB&quarter=2026Q3"],
    ["/entry/HB-HS/2026Q3#gdp", "/entry/HB-HS/2026Q3#gdp"],
    ["/zones/%E9%BB%84%E7%9F%B3", "/zones/%E9%BB%84%E7%9F%B3"],
  ])("keeps the app's own path %s", (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });

  it.each([
    ["//evil.example"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["\\/evil.example"],
    ["/.//evil.example"],
    ["/./\\evil.example"],
    ["https://evil.example/"],
    ["http:evil.example"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [""],
  ])("sends %j to the start page instead of another site", (next) => {
    const path = safeReturnPath(next);
    expect(path.startsWith("/")).toBe(true);
    // Whatever is kept, a browser resolves it against our origin to our origin.
    expect(new URL(path, "http://127.0.0.1:3000").origin).toBe("http://127.0.0.1:3000");
    expect(path).not.toMatch(/evil/);
  });

  it("refuses the probe's links once the query string is decoded, as the login page reads them", () => {
    for (const query of ["next=/%5Cevil.example", "next=/%09/evil.example", "next=%2F%2Fevil.example"]) {
      expect(safeReturnPath(new URLSearchParams(query).get("next"))).toBe("/");
    }
  });

  it("refuses values that are not one string", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/a", "/b"])).toBe("/");
  });
});
