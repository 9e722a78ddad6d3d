import { indicatorInForce, quarterRange, toQuarter } from "@zones/domain";
import type { Database } from "../../client";
import { cachedCatalogue } from "../catalogue/read";
import { type HeatCell, percentileHeat } from "../dashboard/percentile-heat";
import {
  type BulletinCompletenessRow,
  type BulletinHeadlineRow,
  type BulletinTrendRow,
  bulletinCompleteness,
  bulletinHeadlines,
  bulletinSpan,
  bulletinTrends,
} from "./figures";
import {
  type BulletinRevisionRow,
  bulletinDataVersion,
  bulletinRevisions,
  previousBulletinAt,
} from "./records";

/** Everything one bulletin shows, read in a bounded set of statements (one per section). */
export interface BulletinFigures {
  quarter: string;
  dataVersion: string;
  /** The trends' quarters, oldest first (the small multiples' axis). */
  quarters: string[];
  /** The active zones, in display order. */
  zoneCodes: string[];
  headlines: BulletinHeadlineRow[];
  heat: HeatCell[];
  trends: BulletinTrendRow[];
  completeness: BulletinCompletenessRow[];
  /** Since the previous bulletin of the quarter (null: since the data was first approved). */
  revisionsSince: Date | null;
  revisions: BulletinRevisionRow[];
  revisionsTotal: number;
}

export async function bulletinFigures(db: Database, params: { quarter: string }): Promise<BulletinFigures> {
  const { quarter } = params;
  const dataVersion = await bulletinDataVersion(db, { quarter });
  const [catalogue, completeness, headlines, trends, since] = await Promise.all([
    cachedCatalogue(db),
    bulletinCompleteness(db, { quarter }),
    bulletinHeadlines(db, { quarter }),
    bulletinTrends(db, { quarter }),
    previousBulletinAt(db, { quarter, dataVersion }),
  ]);
  const zoneCodes = completeness.map((row) => row.zoneCode);
  const [heat, revisions] = await Promise.all([
    zoneCodes.length === 0
      ? Promise.resolve([])
      : percentileHeat(db, {
          quarter,
          includeSubmitted: false,
          zoneCodes,
          // The catalogue's indicators in force that year, annual ones too (the heat shows their year end).
          indicatorCodes: catalogue.indicators
            .filter((indicator) => indicatorInForce(indicator, `${toQuarter(quarter).year}Q4`))
            .map((indicator) => indicator.code),
        }),
    bulletinRevisions(db, { quarter, since }),
  ]);
  const { from, to } = bulletinSpan(quarter);
  return {
    quarter,
    dataVersion,
    quarters: quarterRange(toQuarter(from), toQuarter(to)),
    zoneCodes,
    headlines,
    heat,
    trends,
    completeness,
    revisionsSince: since,
    revisions: revisions.rows,
    revisionsTotal: revisions.total,
  };
}
