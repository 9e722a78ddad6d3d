import { describe, expect, it } from "vitest";

import {
  bulletinDownloadName,
  bulletinFileQuarter,
  changeOnYear,
  formatChangeNumber,
  readBulletinLanguage,
} from "./bulletin-format";

describe("bulletin formatting", () => {
  it("gives rates' and shares' change in points, other measures' in percent", () => {
    expect(changeOnYear({ measure: "rate" }, 5.5, 5)).toEqual({ kind: "points", change: 0.5 });
    expect(changeOnYear({ measure: "share" }, 30, 32)).toEqual({ kind: "points", change: -2 });
    expect(changeOnYear({ measure: "amount" }, 1100, 1000)).toEqual({ kind: "percent", change: 10 });
    expect(changeOnYear({ measure: "average" }, 90, -100)).toEqual({ kind: "percent", change: 190 });
    expect(changeOnYear({ measure: "amount" }, 5, 0)).toBeNull();
    expect(changeOnYear({ measure: "rate" }, null, 5)).toBeNull();
    expect(changeOnYear({ measure: "count" }, 5, null)).toBeNull();
  });

  it("signs the change with one decimal, zero without a sign", () => {
    expect(formatChangeNumber(0.5, "zh-CN")).toBe("+0.5");
    expect(formatChangeNumber(-12.345, "en")).toBe("-12.3");
    expect(formatChangeNumber(0.01, "en")).toBe("0.0");
    expect(formatChangeNumber(1234.5, "en")).toBe("+1,234.5");
  });

  it("reads the language and the file name, refusing anything else", () => {
    expect(readBulletinLanguage("en")).toBe("en");
    expect(readBulletinLanguage(["zh-CN", "en"])).toBe("zh-CN");
    expect(readBulletinLanguage("fr")).toBeNull();
    expect(readBulletinLanguage(undefined)).toBeNull();
    expect(bulletinFileQuarter("2026Q2.pdf")).toBe("2026Q2");
    expect(bulletinFileQuarter("2026q2.pdf")).toBeNull();
    expect(bulletinFileQuarter("2026Q5.pdf")).toBeNull();
    // Before the programme's first quarter there is no bulletin (nor a trend to draw).
    expect(bulletinFileQuarter("2017Q1.pdf")).toBe("2017Q1");
    expect(bulletinFileQuarter("1949Q1.pdf")).toBeNull();
    expect(bulletinFileQuarter("2026Q2.csv")).toBeNull();
    expect(bulletinFileQuarter(`${"9".repeat(40)}Q1.pdf`)).toBeNull();
    expect(bulletinDownloadName("2026Q2", "en")).toBe("zones-bulletin-2026Q2-en.pdf");
  });
});
