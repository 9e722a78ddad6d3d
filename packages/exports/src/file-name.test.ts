import { INDICATOR_CODES, ZONE_CODES } from "@zones/domain";
import { describe, expect, it } from "vitest";

import { exportFileName } from "./file-name";
import { parseExportFilters } from "./filters";
import { sheetName, xlsxText } from "./xlsx";

const NOW = new Date("2026-11-28T10:00:00+08:00");

describe("exportFileName", () => {
  it("carries zone, indicator, range and date", () => {
    const filters = parseExportFilters({
      zoneCodes: ["HB-HS"],
      indicatorCodes: ["gdp"],
      from: "2025Q1",
      to: "2026Q2",
    });
    expect(exportFileName(filters, "csv", NOW)).toBe("zones-export-HB-HS-gdp-2025Q1-2026Q2-20261128.csv");
    expect(exportFileName(filters, "xlsx", NOW)).toBe("zones-export-HB-HS-gdp-2025Q1-2026Q2-20261128.xlsx");
  });

  it("counts many zones and indicators and marks the options", () => {
    const filters = parseExportFilters({
      zoneCodes: [...ZONE_CODES],
      indicatorCodes: [...INDICATOR_CODES],
      from: "2025Q3",
      to: "2025Q3",
      statuses: ["approved", "submitted"],
      layout: "wide",
      encoding: "gb18030",
    });
    expect(exportFileName(filters, "csv", NOW)).toBe(
      "zones-export-12zones-30indicators-2025Q3-with-submitted-wide-gb18030-20261128.csv",
    );
    expect(exportFileName(filters, "xlsx", NOW)).toBe(
      "zones-export-12zones-30indicators-2025Q3-with-submitted-wide-20261128.xlsx",
    );
  });

  it("names up to three codes, and dates in Asia/Shanghai", () => {
    const filters = parseExportFilters({
      zoneCodes: ["SD-ZB", "HB-HS"],
      indicatorCodes: ["gdp", "rd-intensity"],
      from: "2025Q1",
      to: "2025Q4",
    });
    // 20:00 UTC on 27 November is already the 28th in Beijing.
    expect(exportFileName(filters, "csv", new Date("2026-11-27T20:00:00Z"))).toBe(
      "zones-export-SD-ZB_HB-HS-gdp_rd-intensity-2025Q1-2025Q4-20261128.csv",
    );
  });

  it("is always ASCII-safe", () => {
    for (const zones of [[...ZONE_CODES], ["CQ-M"], ["NX-NE", "SC-ZG", "HN-C"]]) {
      const name = exportFileName(
        parseExportFilters({ zoneCodes: zones, indicatorCodes: ["pm25"], from: "1949Q1", to: "2999Q4" }),
        "xlsx",
        NOW,
      );
      expect(name).toMatch(/^[A-Za-z0-9_.-]+$/);
    }
  });
});

describe("workbook text", () => {
  it("gives sheets valid, unique names of at most 31 characters", () => {
    const taken = new Set<string>();
    expect(sheetName("黄石", taken)).toBe("黄石");
    expect(sheetName("黄石", taken)).toBe("黄石 (2)");
    expect(sheetName("a/b:c*d?e[f]g\\h", taken)).toBe("a b c d e f g h");
    const long = sheetName("Northeastern Ningxia and a very long tail", taken);
    expect(long).toHaveLength(31);
    expect(sheetName("NORTHEASTERN NINGXIA AND A VERY LONG TAIL", taken)).toBe(
      "NORTHEASTERN NINGXIA AND A (2)",
    );
  });

  it("keeps control characters as escapes instead of dropping them", () => {
    expect(xlsxText("a\u0001b\u001fc")).toBe("a_x0001_b_x001F_c");
    expect(xlsxText("line 1\r\nline 2\rline 3\nend\tok")).toBe("line 1\nline 2\nline 3\nend\tok");
    expect(xlsxText("literal _x0041_ stays")).toBe("literal _x005F_x0041_ stays");
  });
});
