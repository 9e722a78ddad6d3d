import { type Catalogue, INDICATORS, type QuarterString, ZONES, type Zone } from "@zones/domain";
import { describe, expect, it } from "vitest";

import { readCompareParams } from "~/url-state/compare";
import { resolveSelection } from "./resolve-selection";

// The notices' keys and values stand in for the messages: what matters here is which notice, naming what.
const t = ((key: string, values?: Record<string, unknown>) =>
  `${key}${values ? JSON.stringify(values) : ""}`) as unknown as Parameters<typeof resolveSelection>[3];
const names = {
  zones: (codes: readonly string[]) => codes.join(","),
  indicators: (codes: readonly string[]) => codes.join(","),
};
const quarters: QuarterString[] = ["2026Q1", "2026Q2", "2026Q3"];
const added = { ...ZONES[0], code: "SN-YL" } as Zone;
const edited = { zones: [...ZONES, added], indicators: INDICATORS };

function resolve(
  search: Record<string, string>,
  catalogue: Pick<Catalogue, "zones" | "indicators"> = edited,
) {
  return resolveSelection(readCompareParams(search), quarters, "2026Q3", t, names, catalogue);
}

describe("resolveSelection against the database's catalogue", () => {
  it("keeps a zone an admin added", () => {
    const { selection, notices } = resolve({ zones: "HB-HS,SN-YL", indicators: "gdp" });
    expect(selection?.zones).toEqual(["HB-HS", "SN-YL"]);
    expect(notices).toEqual([]);
  });

  it("drops a well-formed code the catalogue lacks, with the unknown-zones notice", () => {
    const { selection, notices } = resolve(
      { zones: "HB-HS,SD-ZB,SN-YL", indicators: "gdp" },
      { zones: ZONES, indicators: INDICATORS },
    );
    expect(selection?.zones).toEqual(["HB-HS", "SD-ZB"]);
    expect(notices).toEqual([expect.stringContaining("notice.unknownZones")]);
    expect(notices[0]).toContain("SN-YL");
  });

  it("drops an indicator the catalogue lacks", () => {
    const { selection, notices } = resolve({ zones: "HB-HS,SD-ZB", indicators: "gdp,no-such-share" });
    expect(selection?.indicators).toEqual(["gdp"]);
    expect(notices[0]).toContain("no-such-share");
  });
});
