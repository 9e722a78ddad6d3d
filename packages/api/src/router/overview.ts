import { cachedCatalogue } from "@zones/db/catalogue";
import {
  approvedQuarters,
  headlineValues,
  indicatorRanking,
  latestCompleteQuarter,
  submissionStatusCounts,
} from "@zones/db/overview";
import { latestOpenPeriod } from "@zones/db/periods";
import { getSetting } from "@zones/db/settings";
import {
  MAX_QUARTER_SPAN,
  type QuarterString,
  sameQuarterLastYear,
  ZIndicatorCodeSchema,
  ZQuarterSchema,
  zonesReportingIn,
} from "@zones/domain";
import { z } from "zod";

import { requireIndicator } from "../catalogue/membership";
import { cachedDashboardAnswer } from "../dashboard-cache";
import { createTRPCRouter, dashboardProcedure } from "../trpc";

/** How many quarters the quarter picker offers (ten years). */
const QUARTER_CHOICES = MAX_QUARTER_SPAN;

export const ZOverviewInputSchema = z.object({
  /** Defaults to the newest quarter in which every zone is approved. */
  quarter: ZQuarterSchema.optional(),
  /** The indicator the ranking chart shows. */
  indicatorCode: ZIndicatorCodeSchema.default("gdp-growth"),
});

function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}

export const overviewRouter = createTRPCRouter({
  /** The overview page in one call: every zone's headline figures and one indicator's ranking. */
  get: dashboardProcedure.input(ZOverviewInputSchema).query(async ({ ctx, input }) => {
    const indicator = await requireIndicator(ctx.db, input.indicatorCode);
    return cachedDashboardAnswer(ctx, "overview.get", input, async () => {
      // The pages list the catalogue's programme zones, not every reporting unit of the peer statistics.
      const catalogue = await cachedCatalogue(ctx.db);
      const [complete, quarters, demo, openPeriod] = await Promise.all([
        latestCompleteQuarter(ctx.db),
        approvedQuarters(ctx.db, { limit: QUARTER_CHOICES }),
        getSetting(ctx.db, "demo"),
        latestOpenPeriod(ctx.db),
      ]);
      const quarter = input.quarter ?? complete ?? quarters[0] ?? null;
      const openStatus = openPeriod
        ? {
            quarter: openPeriod.quarter,
            deadline: openPeriod.deadline,
            counts: await submissionStatusCounts(ctx.db, { quarter: openPeriod.quarter }),
          }
        : null;
      // Quarters read back from the database passed its `YYYYQn` CHECK constraint.
      const lastYearQuarter = quarter ? sameQuarterLastYear(quarter as QuarterString) : null;
      // The zones expected to report that quarter: one named later is not missing its figures.
      const zoneCodes = quarter
        ? zonesReportingIn(catalogue, quarter as QuarterString).map((zone) => zone.code)
        : [];
      const [ranking, headlines] =
        quarter && lastYearQuarter
          ? await Promise.all([
              indicatorRanking(ctx.db, {
                indicatorCode: indicator.code,
                quarter,
                lastYearQuarter,
                direction: indicator.direction,
                zoneCodes,
              }),
              headlineValues(ctx.db, { quarter, lastYearQuarter, zoneCodes }),
            ])
          : [[], []];
      return {
        quarter,
        quarters,
        isDemo: demo !== null,
        indicatorCode: indicator.code,
        openStatus,
        ranking: ranking.map((row) => ({
          ...row,
          value: toNumber(row.value),
          lastYearValue: toNumber(row.lastYearValue),
        })),
        headlines: headlines.map((row) => ({
          ...row,
          value: Number(row.value),
          lastYearValue: toNumber(row.lastYearValue),
        })),
      };
    });
  }),
});
