import { INDICATOR_CODES, ZONE_CODES } from "@zones/domain";
import { parseExportFilters, type TExportFilters } from "@zones/exports";
import type { Sql } from "postgres";

/**
 * Every generated observation as one export: all active units × all indicators × the generated quarters,
 * approved and submitted data. The filter schema accepts catalogue codes only (as the HTTP route does), so
 * the filters are parsed with catalogue codes and the code lists then widened to every unit and indicator:
 * from there on the export runs exactly as in the product (rights are not involved: `runExport` takes the
 * filters as given).
 */
export async function everythingScope(sql: Sql, from: string, to: string): Promise<TExportFilters> {
  const zones = await sql<{ code: string }[]>`select code from zones where active order by sort_order, code`;
  const indicators = await sql<{ code: string }[]>`select code from indicators order by sort_order, code`;
  const parsed = parseExportFilters({
    zoneCodes: [...ZONE_CODES],
    indicatorCodes: [...INDICATOR_CODES],
    from,
    to,
    statuses: ["approved", "submitted"],
  });
  return {
    ...parsed,
    zoneCodes: zones.map((row) => row.code) as unknown as TExportFilters["zoneCodes"],
    indicatorCodes: indicators.map((row) => row.code) as unknown as TExportFilters["indicatorCodes"],
  };
}
