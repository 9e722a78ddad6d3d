import { EXPORTABLE_STATUSES as DB_STATUSES, MAX_PIVOT_QUARTERS } from "@zones/db/exports";
import { INDICATOR_CODES, INDICATORS, ZONE_CODES, ZONES, ZonesError } from "@zones/domain";
import { describe, expect, it } from "vitest";

import {
  EXPORTABLE_STATUSES,
  exportRequestFromSearchParams,
  inCatalogue,
  MAX_WIDE_QUARTERS,
  parseExportFilters,
} from "./filters";

/** The built-in catalogue, standing in for the database's. */
const CATALOGUE = { zones: ZONES, indicators: INDICATORS };

const VALID = { zoneCodes: ["HB-HS"], indicatorCodes: ["gdp"], from: "2025Q1", to: "2026Q2" };

/** A refused filter: its message, and the first field at fault. */
interface Refusal {
  message: string;
  field: string | undefined;
}

function refusalOf(error: ZonesError): Refusal {
  return { message: error.message, field: error.issues[0]?.path[0] };
}

function refusal(input: unknown): Refusal {
  try {
    parseExportFilters(input);
  } catch (error) {
    if (error instanceof ZonesError && error.code === "invalid") return refusalOf(error);
    throw error;
  }
  throw new Error("expected a refusal");
}

function queryRefusal(query: string): Refusal {
  try {
    exportRequestFromSearchParams(new URLSearchParams(query), CATALOGUE);
  } catch (error) {
    if (error instanceof ZonesError && error.code === "invalid") return refusalOf(error);
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("export filters", () => {
  it("agrees with the database's own limits", () => {
    expect(EXPORTABLE_STATUSES).toEqual(DB_STATUSES);
    expect(MAX_WIDE_QUARTERS).toBe(MAX_PIVOT_QUARTERS);
  });

  it("defaults to approved data, the long layout, Chinese headers and UTF-8 with a BOM", () => {
    expect(parseExportFilters(VALID)).toEqual({
      ...VALID,
      statuses: ["approved"],
      layout: "long",
      headerLanguage: "zh",
      encoding: "utf-8-bom",
    });
  });

  it("puts codes in catalogue order without repeats", () => {
    const parsed = parseExportFilters({
      ...VALID,
      zoneCodes: ["HB-HS", "LN-C", "HB-HS"],
      indicatorCodes: ["urban-unemployment", "gdp"],
      statuses: ["submitted", "approved", "submitted"],
    });
    expect(parsed.zoneCodes).toEqual(["HB-HS", "LN-C"]);
    const filters = inCatalogue(parsed, CATALOGUE);
    expect(filters.zoneCodes).toEqual(["LN-C", "HB-HS"]);
    expect(filters.indicatorCodes).toEqual(["gdp", "urban-unemployment"]);
    expect(filters.statuses).toEqual(["approved", "submitted"]);
  });

  it("refuses codes the catalogue does not have, naming the field", () => {
    const filters = parseExportFilters({ ...VALID, zoneCodes: ["HB-HS", "SN-BJ"], indicatorCodes: ["gdp"] });
    expect(() => inCatalogue(filters, CATALOGUE)).toThrow("zoneCodes: no zone SN-BJ in the catalogue");
    const added = { ...CATALOGUE, zones: [...ZONES, { code: "SN-BJ" }] };
    expect(inCatalogue(filters, added).zoneCodes).toEqual(["HB-HS", "SN-BJ"]);
  });

  it("takes reference units asked for by code, after the catalogue's zones", () => {
    // As the bench asks for them, past the form's schema (a reference unit's code is not a zone's shape).
    const parsed = parseExportFilters({ ...VALID, zoneCodes: ["HB-HS"], indicatorCodes: ["gdp"] });
    const filters = { ...parsed, zoneCodes: ["SU-0013", "HB-HS"] };
    expect(() => inCatalogue(filters, CATALOGUE)).toThrow("zoneCodes: no zone SU-0013 in the catalogue");
    const withUnits = { ...CATALOGUE, referenceUnits: ["SU-0013"] };
    expect(inCatalogue(filters, withUnits).zoneCodes).toEqual(["HB-HS", "SU-0013"]);
  });

  it("refuses a reversed range naming 'to'", () => {
    const error = refusal({ ...VALID, from: "2026Q2", to: "2025Q1" });
    expect(error.field).toBe("to");
    expect(error.message).toMatch(/^to: 2025Q1 is before from \(2026Q2\)/);
  });

  it("refuses empty selections naming the field", () => {
    expect(refusal({ ...VALID, zoneCodes: [] }).message).toBe("zoneCodes: choose at least one zone");
    expect(refusal({ ...VALID, indicatorCodes: [] }).message).toBe(
      "indicatorCodes: choose at least one indicator",
    );
    expect(refusal({ ...VALID, statuses: [] }).field).toBe("statuses");
    expect(refusal({ ...VALID, zoneCodes: undefined }).message).toMatch(/^zoneCodes: expected a list/);
  });

  it("refuses malformed codes naming the field", () => {
    const zone = refusal({ ...VALID, zoneCodes: ["HB-HS", "XX_YY"] });
    expect(zone.field).toBe("zoneCodes");
    expect(zone.message).toMatch(/^zoneCodes\.1: unknown zone code "XX_YY"/);
    const indicator = refusal({ ...VALID, indicatorCodes: ["GDPP"] });
    expect(indicator.message).toMatch(/^indicatorCodes\.0: unknown indicator code "GDPP"/);
    expect(refusal({ ...VALID, from: "2025Q5" }).message).toMatch(/^from: "2025Q5" is not a quarter/);
  });

  it("never exports drafts or returned data", () => {
    for (const status of ["draft", "returned"]) {
      const error = refusal({ ...VALID, statuses: ["approved", status] });
      expect(error.field).toBe("statuses");
      expect(error.message).toContain(`"${status}" cannot be exported`);
    }
  });

  it("refuses other bad options naming the field", () => {
    expect(refusal({ ...VALID, layout: "tall" }).message).toBe('layout: "long" or "wide", got "tall"');
    expect(refusal({ ...VALID, headerLanguage: "fr" }).field).toBe("headerLanguage");
    expect(refusal({ ...VALID, encoding: "latin1" }).field).toBe("encoding");
  });

  it("bounds the wide layout to 200 quarters but not the long one", () => {
    const long = { ...VALID, from: "1950Q1", to: "2049Q4" };
    expect(parseExportFilters(long).to).toBe("2049Q4");
    const error = refusal({ ...long, layout: "wide" });
    expect(error.field).toBe("to");
    expect(error.message).toContain("at most 200");
    expect(parseExportFilters({ ...VALID, from: "2000Q1", to: "2049Q4", layout: "wide" }).layout).toBe(
      "wide",
    );
  });

  it("reads query parameters, with `all` shortcuts", () => {
    const { filters, format } = exportRequestFromSearchParams(
      new URLSearchParams(
        "zones=all&indicators=all&from=2025Q1&to=2026Q2&layout=wide&lang=en&encoding=gb18030&format=xlsx&statuses=approved,submitted",
      ),
      CATALOGUE,
    );
    expect(format).toBe("xlsx");
    expect(filters).toEqual({
      zoneCodes: [...ZONE_CODES],
      indicatorCodes: [...INDICATOR_CODES],
      from: "2025Q1",
      to: "2026Q2",
      statuses: ["approved", "submitted"],
      layout: "wide",
      headerLanguage: "en",
      encoding: "gb18030",
    });
    const plain = exportRequestFromSearchParams(
      new URLSearchParams("zones=HB-HS,SD-ZB&indicators=gdp&from=2025Q1&to=2026Q2"),
      CATALOGUE,
    );
    expect(plain.format).toBe("csv");
    expect(plain.filters.zoneCodes).toEqual(["SD-ZB", "HB-HS"]);
    expect(plain.filters.statuses).toEqual(["approved"]);
  });

  it("names the query parameter in refusals", () => {
    expect(queryRefusal("zones=&indicators=gdp&from=2025Q1&to=2025Q2").message).toBe(
      "zones: choose at least one zone",
    );
    expect(queryRefusal("zones=HB-HS,XX&indicators=gdp&from=2025Q1&to=2025Q2").message).toMatch(
      /^zones\.1: unknown zone code "XX"/,
    );
    expect(queryRefusal("zones=HB-HS&indicators=gdp&from=2025Q3&to=2025Q2").field).toBe("to");
    expect(queryRefusal("zones=HB-HS&indicators=gdp&from=2025Q1&to=2025Q2&lang=fr").message).toMatch(
      /^lang: /,
    );
    expect(queryRefusal("zones=HB-HS&indicators=gdp&from=2025Q1&to=2025Q2&format=pdf").message).toBe(
      'format: "csv" or "xlsx", got "pdf"',
    );
    expect(queryRefusal("indicators=gdp&from=2025Q1&to=2025Q2").field).toBe("zones");
  });
});
