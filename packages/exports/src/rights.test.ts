import { describe, expect, it } from "vitest";

import { parseExportFilters } from "./filters";
import { exportScopeFor } from "./rights";

const viewer = { role: "viewer", zoneCodes: [] };
const official = { role: "official", zoneCodes: ["HB-HS"] };
const reviewer = { role: "reviewer", zoneCodes: [] };
const admin = { role: "admin", zoneCodes: [] };

function filters(zoneCodes: string[], statuses: string[]) {
  return parseExportFilters({ zoneCodes, indicatorCodes: ["gdp"], from: "2025Q1", to: "2025Q4", statuses });
}

describe("export rights", () => {
  // [user, zones, statuses, allowed]
  const matrix: [string, { role: string; zoneCodes: string[] }, string[], string[], boolean][] = [
    ["viewer", viewer, ["HB-HS"], ["approved"], true],
    ["viewer", viewer, ["HB-HS", "SD-ZB"], ["approved"], true],
    ["viewer", viewer, ["HB-HS"], ["submitted"], false],
    ["viewer", viewer, ["HB-HS"], ["approved", "submitted"], false],
    ["official", official, ["HB-HS", "SD-ZB"], ["approved"], true],
    ["official", official, ["HB-HS"], ["approved", "submitted"], true],
    ["official", official, ["HB-HS"], ["submitted"], true],
    ["official", official, ["SD-ZB"], ["submitted"], false],
    ["official", official, ["HB-HS", "SD-ZB"], ["approved", "submitted"], false],
    ["reviewer", reviewer, ["HB-HS", "SD-ZB"], ["approved", "submitted"], true],
    ["reviewer", reviewer, ["SD-ZB"], ["submitted"], true],
    ["admin", admin, ["HB-HS", "SD-ZB"], ["approved", "submitted"], true],
    ["admin", admin, ["SD-ZB"], ["approved"], true],
    ["unknown role", { role: "guest", zoneCodes: ["HB-HS"] }, ["HB-HS"], ["submitted"], false],
  ];

  it.each(matrix)("%s: zones %j, statuses %j → allowed %s", (_name, user, zones, statuses, allowed) => {
    const scope = exportScopeFor(user, filters(zones, statuses));
    expect(scope.ok).toBe(allowed);
    if (scope.ok) expect(scope.filters).toEqual(filters(zones, statuses));
    else {
      expect(scope.field).toBe("statuses");
      expect(scope.message).toMatch(/^statuses: /);
    }
  });

  it("names the zones an official may not export unapproved data of", () => {
    const scope = exportScopeFor(official, filters(["HB-HS", "SD-ZB", "LN-C"], ["approved", "submitted"]));
    expect(scope).toEqual({
      ok: false,
      field: "statuses",
      message:
        "statuses: submitted (not yet approved) data may be exported for your own zones only, not for SD-ZB, LN-C",
    });
  });
});
