import { INDICATOR_CODES, INDICATORS, ZONE_CODES, ZONES, type Zone } from "@zones/domain";
import { describe, expect, it } from "vitest";

import { directDownloadHref, type ExportFormValues, exportPageHref, readExportQuery } from "./export-query";

const catalogue = { zones: ZONES, indicators: INDICATORS };

const fallback: ExportFormValues = {
  filters: {
    zoneCodes: [...ZONE_CODES],
    indicatorCodes: [...INDICATOR_CODES],
    from: "2025Q1",
    to: "2025Q4",
    statuses: ["approved"],
    layout: "long",
    headerLanguage: "zh",
    encoding: "utf-8-bom",
  },
  format: "csv",
};

describe("readExportQuery", () => {
  it("pre-fills the form from the link, `all` meaning the whole catalogue", () => {
    const { values, page, invalid } = readExportQuery(
      { zones: "HB-HS,SD-ZB", indicators: "all", from: "2024Q1", to: "2024Q4", format: "xlsx", page: "2" },
      fallback,
      catalogue,
    );
    expect(values.filters.zoneCodes).toEqual(["HB-HS", "SD-ZB"]);
    expect(values.filters.indicatorCodes).toEqual([...INDICATOR_CODES]);
    expect([values.filters.from, values.filters.to, values.format, page]).toEqual([
      "2024Q1",
      "2024Q4",
      "xlsx",
      2,
    ]);
    expect(invalid).toEqual([]);
  });

  it("drops bad values, keeps the rest, and names them in the URL's order of fields", () => {
    const { values, page, invalid } = readExportQuery(
      { zones: "HB-HS,XX", from: "2024Q9", statuses: "draft", lang: "fr", format: "pdf", page: "zero" },
      fallback,
      catalogue,
    );
    expect(values.filters.zoneCodes).toEqual(["HB-HS"]);
    expect(values.filters.from).toBe("2025Q1");
    expect(values.filters.statuses).toEqual([]);
    expect(values.format).toBe("csv");
    expect(page).toBe(1);
    expect(invalid).toEqual([
      "zones=XX",
      "from=2024Q9",
      "statuses=draft",
      "lang=fr",
      "format=pdf",
      "page=zero",
    ]);
  });
});

describe("the catalogue an admin edits", () => {
  // A zone added in the database: the built-in list does not know it, the URL must.
  const added = { ...ZONES[0], code: "SN-YL" } as Zone;
  const edited = { zones: [...ZONES, added], indicators: INDICATORS };

  it("accepts a code the database's catalogue has and counts it in `all`", () => {
    const { values, invalid } = readExportQuery({ zones: "SN-YL,HB-HS" }, fallback, edited);
    expect(values.filters.zoneCodes).toEqual(["SN-YL", "HB-HS"]);
    expect(invalid).toEqual([]);
    expect(readExportQuery({ zones: "all" }, fallback, edited).values.filters.zoneCodes).toContain("SN-YL");
  });

  it("ignores a well-formed code the catalogue lacks, naming it", () => {
    const { values, invalid } = readExportQuery({ zones: "SN-YL,HB-HS" }, fallback, catalogue);
    expect(values.filters.zoneCodes).toEqual(["HB-HS"]);
    expect(invalid).toEqual(["zones=SN-YL"]);
  });

  it("writes `all` only when every zone of the database's catalogue is chosen", () => {
    const filters = { zoneCodes: [...ZONE_CODES] };
    expect(exportPageHref(filters, catalogue)).toBe("/exports?zones=all");
    expect(exportPageHref(filters, edited)).toBe(`/exports?zones=${ZONE_CODES.join(",")}`);
    expect(exportPageHref({ zoneCodes: [...ZONE_CODES, "SN-YL"] }, edited)).toBe("/exports?zones=all");
  });
});

describe("export links", () => {
  it("writes the page's link with readable commas and `all`", () => {
    expect(
      exportPageHref(
        {
          zoneCodes: ["HB-HS"],
          indicatorCodes: [...INDICATOR_CODES],
          from: "2025Q3",
          to: "2026Q2",
        },
        catalogue,
      ),
    ).toBe("/exports?zones=HB-HS&indicators=all&from=2025Q3&to=2026Q2");
    expect(
      exportPageHref(
        {
          zoneCodes: ["HB-HS", "SD-ZB"],
          from: "2025Q3",
          to: "2026Q2",
          statuses: ["approved", "submitted"],
        },
        catalogue,
      ),
    ).toBe("/exports?zones=HB-HS,SD-ZB&from=2025Q3&to=2026Q2&statuses=approved,submitted");
  });

  it("writes the download with every filter, the statuses after the others and the format last", () => {
    expect(directDownloadHref({ ...fallback, format: "xlsx" }, catalogue)).toBe(
      "/api/exports?zones=all&indicators=all&from=2025Q1&to=2025Q4&layout=long&lang=zh&encoding=utf-8-bom&statuses=approved&format=xlsx",
    );
  });
});
