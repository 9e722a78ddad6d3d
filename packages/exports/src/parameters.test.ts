import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import * as filters from "./filters";
import * as parameters from "./parameters";

describe("@zones/exports/parameters", () => {
  it("imports nothing, so a dashboard's export link loads no schema library (zod) with it", () => {
    const source = readFileSync(path.join(import.meta.dirname, "parameters.ts"), "utf8");
    expect(source.match(/^\s*(?:import|export)\b[^;]*\bfrom\s+["'][^"']+["']/gm)).toBeNull();
    expect(source).not.toMatch(/\bimport\(/);
  });

  it("is where the filters' choices and parameter names are declared, one place for both", () => {
    expect(filters.EXPORT_QUERY_PARAMETERS).toBe(parameters.EXPORT_QUERY_PARAMETERS);
    expect(filters.EXPORT_LAYOUTS).toBe(parameters.EXPORT_LAYOUTS);
    expect(filters.EXPORT_HEADER_LANGUAGES).toBe(parameters.EXPORT_HEADER_LANGUAGES);
    expect(filters.EXPORT_ENCODINGS).toBe(parameters.EXPORT_ENCODINGS);
    expect(filters.EXPORT_FORMATS).toBe(parameters.EXPORT_FORMATS);
  });
});
