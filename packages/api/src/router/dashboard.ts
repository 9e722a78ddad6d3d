import { cachedCatalogue } from "@zones/db/catalogue";
import type { Database } from "@zones/db/client";
import {
  compareSeries,
  headlineSparklines,
  indicatorDistribution,
  indicatorTrends,
  MAX_DASHBOARD_INDICATORS,
  MAX_DASHBOARD_QUARTERS,
  MAX_DASHBOARD_ZONES,
  type PeerGroupChoice,
  peerGroupChoices,
  percentileHeat,
  zoneSeries,
} from "@zones/db/dashboard";
import { approvedQuarters, indicatorRanking, latestCompleteQuarter } from "@zones/db/overview";
import {
  addQuarters,
  type Catalogue,
  canSeeSubmitted,
  compareQuarters,
  lastFinishedQuarter,
  MAX_QUARTER_SPAN,
  type PeerGroup,
  parsePeerGroup,
  type QuarterString,
  quarterRange,
  SERIES_MODES,
  sameQuarterLastYear,
  THEME_CODES,
  ZIndicatorCodeSchema,
  ZonesError,
  ZPeerGroupKeySchema,
  ZQuarterSchema,
  ZZoneCodeSchema,
  zonesReportingIn,
} from "@zones/domain";
import { z } from "zod";

import { requireIndicator, requireIndicators, requireZone, requireZones } from "../catalogue/membership";
import { cachedDashboardAnswer } from "../dashboard-cache";
import { message } from "../messages";
import type { Context } from "../trpc";
import { createTRPCRouter, dashboardProcedure } from "../trpc";

/** Quarters a page shows when the caller names no range: three years up to the newest approved quarter. */
export const DEFAULT_RANGE_QUARTERS = 12;
/** Quarters of each overview sparkline, ending at the overview's quarter. */
export const SPARKLINE_QUARTERS = 8;
/** How many quarters the indicator page's quarter picker offers. */
const QUARTER_CHOICES = MAX_QUARTER_SPAN;

/** Why the answer differs from what was asked; the page shows it as a notice. */
export type DashboardNotice = "range-reversed";

const ZModeSchema = z
  .enum(SERIES_MODES, {
    error: (issue) => `mode must be "ytd" or "single", got ${JSON.stringify(issue.input) ?? "nothing"}`,
  })
  .default("ytd");

/** Honoured for reviewers and admins only; anyone else silently gets approved data. */
const ZIncludeSubmittedSchema = z.boolean().default(false);

/** Either end may be left out (see `resolveRange`); a reversed range is corrected, not refused. */
const rangeFields = { from: ZQuarterSchema.optional(), to: ZQuarterSchema.optional() };

function distinct<T>(list: readonly T[]): boolean {
  return new Set(list).size === list.length;
}

/** The peer group the band, ranking or heat table is computed among: `all` (default), `batch-2`, `region-central`… */
const peersField = { peers: ZPeerGroupKeySchema };

export const ZDashboardZoneInputSchema = z.object({
  zoneCode: ZZoneCodeSchema,
  ...rangeFields,
  mode: ZModeSchema,
  includeSubmitted: ZIncludeSubmittedSchema,
  ...peersField,
});

export const ZDashboardIndicatorInputSchema = z.object({
  indicatorCode: ZIndicatorCodeSchema,
  /** The ranking's quarter; defaults to the newest quarter in which every zone is approved. */
  quarter: ZQuarterSchema.optional(),
  ...rangeFields,
  /** The zones of the trend chart; every active zone when omitted. */
  zoneCodes: z
    .array(ZZoneCodeSchema)
    .min(1, { error: "zoneCodes: choose at least one zone" })
    .max(MAX_DASHBOARD_ZONES, { error: `zoneCodes: at most ${MAX_DASHBOARD_ZONES} zones` })
    .refine(distinct, { error: "zoneCodes: name each zone once" })
    .optional(),
  mode: ZModeSchema,
  includeSubmitted: ZIncludeSubmittedSchema,
  ...peersField,
});

export const ZDashboardCompareInputSchema = z.object({
  zoneCodes: z
    .array(ZZoneCodeSchema)
    .min(2, { error: "zoneCodes: choose 2 to 4 zones to compare" })
    .max(4, { error: "zoneCodes: choose 2 to 4 zones to compare" })
    .refine(distinct, { error: "zoneCodes: name each zone once" }),
  indicatorCodes: z
    .array(ZIndicatorCodeSchema)
    .min(1, { error: `indicatorCodes: choose 1 to ${MAX_DASHBOARD_INDICATORS} indicators` })
    .max(MAX_DASHBOARD_INDICATORS, {
      error: `indicatorCodes: choose 1 to ${MAX_DASHBOARD_INDICATORS} indicators`,
    })
    .refine(distinct, { error: "indicatorCodes: name each indicator once" }),
  ...rangeFields,
  mode: ZModeSchema,
  includeSubmitted: ZIncludeSubmittedSchema,
});

export const ZDashboardOverviewExtrasInputSchema = z.object({
  /** Defaults to the newest quarter in which every zone is approved (as `overview.get`). */
  quarter: ZQuarterSchema.optional(),
  includeSubmitted: ZIncludeSubmittedSchema,
  ...peersField,
  /** The heat table's cells of this theme's indicators only (the table shows one theme); default every one. */
  theme: z.enum(THEME_CODES, { error: `theme: one of ${THEME_CODES.join(", ")}` }).optional(),
  /** False: no sparklines (a year end's extras serve only the heat table's annual columns). */
  sparklines: z.boolean({ error: "sparklines: true or false" }).default(true),
});

/** The extras asked without sparklines. */
async function noSparklines(
  ..._: Parameters<typeof headlineSparklines>
): ReturnType<typeof headlineSparklines> {
  return [];
}

type SignedInContext = Context & { user: NonNullable<Context["user"]> };

/** Submitted (not yet approved) data is for reviewers and admins; others get approved data only. */
function includesSubmitted(ctx: SignedInContext, asked: boolean): boolean {
  return asked && canSeeSubmitted(ctx.user);
}

/** The newest quarter with any approved submission, or the last finished quarter on an empty installation. */
async function newestQuarter(db: Database): Promise<QuarterString> {
  const [newest] = await approvedQuarters(db, { limit: 1 });
  // Quarters read back from the database passed its `YYYYQn` CHECK constraint.
  return (newest as QuarterString | undefined) ?? lastFinishedQuarter(new Date());
}

interface ResolvedRange {
  from: QuarterString;
  to: QuarterString;
  quarters: QuarterString[];
  notice: DashboardNotice | null;
}

/**
 * The range a page shows: `to` defaults to `newest`, `from` to 11 quarters before `to`. A reversed range is
 * swapped and reported (`range-reversed`); more than 40 quarters is refused, naming `from`.
 */
function resolveRange(
  input: { from?: QuarterString | undefined; to?: QuarterString | undefined },
  newest: QuarterString,
): ResolvedRange {
  let to = input.to ?? newest;
  let from = input.from ?? addQuarters(to, 1 - DEFAULT_RANGE_QUARTERS);
  let notice: DashboardNotice | null = null;
  if (compareQuarters(to, from) < 0) {
    [from, to] = [to, from];
    notice = "range-reversed";
  }
  const quarters = quarterRange(from, to);
  if (quarters.length > MAX_DASHBOARD_QUARTERS) {
    const tooLong = message("dashboard.rangeTooLong", {
      from,
      to,
      count: quarters.length,
      max: MAX_DASHBOARD_QUARTERS,
    });
    throw new ZonesError("invalid", tooLong, { issues: [{ path: ["from"], message: tooLong }] });
  }
  return { from, to, quarters, notice };
}

async function rangeFor(
  db: Database,
  input: { from?: QuarterString | undefined; to?: QuarterString | undefined },
): Promise<ResolvedRange> {
  return resolveRange(input, input.to ? input.to : await newestQuarter(db));
}

/** Rows grouped by a key, in first-seen order (the SQL's order). */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const name = key(row);
    const group = groups.get(name);
    if (group) group.push(row);
    else groups.set(name, [row]);
  }
  return groups;
}

/** The group of a `peers` input (the schema admitted only keys that parse). */
function peerGroupOf(key: string): PeerGroup {
  const group = parsePeerGroup(key);
  if (!group) throw new RangeError(`peers: unknown peer group ${JSON.stringify(key)}`);
  return group;
}

/** What an answer says about its peers: the group asked for, and the groups a picker may offer. */
function peersAnswer(key: string, choices: readonly PeerGroupChoice[]) {
  return { peers: key, peerGroups: choices };
}

/** The zones the pages list (the catalogue's programme zones), not every reporting unit of the peer statistics. */
function programmeZoneCodes(catalogue: Catalogue): string[] {
  return catalogue.zones.map((zone) => zone.code);
}

function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}

export const dashboardRouter = createTRPCRouter({
  /**
   * The zone page in one call: every indicator over the range, the zone's values beside the band (p25,
   * median, p75) of the peer group's zones (`peers`, every zone by default), year-to-date as reported or
   * single quarters; and the groups a picker may offer, the zone's own marked.
   */
  zone: dashboardProcedure.input(ZDashboardZoneInputSchema).query(async ({ ctx, input }) => {
    await requireZone(ctx.db, input.zoneCode);
    return cachedDashboardAnswer(ctx, "dashboard.zone", input, async () => {
      const catalogue = await cachedCatalogue(ctx.db);
      const range = await rangeFor(ctx.db, input);
      const submitted = includesSubmitted(ctx, input.includeSubmitted);
      const [rows, choices] = await Promise.all([
        zoneSeries(ctx.db, {
          zoneCode: input.zoneCode,
          from: range.from,
          to: range.to,
          mode: input.mode,
          includeSubmitted: submitted,
          indicatorCodes: catalogue.indicators.map((indicator) => indicator.code),
          peers: peerGroupOf(input.peers),
        }),
        peerGroupChoices(ctx.db, { zoneCode: input.zoneCode }),
      ]);
      return {
        zoneCode: input.zoneCode,
        ...peersAnswer(input.peers, choices),
        from: range.from,
        to: range.to,
        quarters: range.quarters,
        mode: input.mode,
        includesSubmitted: submitted,
        notice: range.notice,
        indicators: [...groupBy(rows, (row) => row.indicatorCode)].map(([code, points]) => ({
          code,
          points: points.map(({ quarter, value, low, median, high, revised, provisional }) => ({
            quarter,
            value,
            low,
            median,
            high,
            revised,
            provisional,
          })),
        })),
      };
    });
  }),

  /**
   * The indicator page in one call: the ranking of a quarter (approved data, as on the overview), the
   * spread across zones per quarter (both among the `peers` group's zones, every zone by default) and the
   * zones' trend lines over the range.
   */
  indicator: dashboardProcedure.input(ZDashboardIndicatorInputSchema).query(async ({ ctx, input }) => {
    const indicator = await requireIndicator(ctx.db, input.indicatorCode);
    if (input.zoneCodes) await requireZones(ctx.db, input.zoneCodes);
    return cachedDashboardAnswer(ctx, "dashboard.indicator", input, async () => {
      const catalogue = await cachedCatalogue(ctx.db);
      const zoneCodes = programmeZoneCodes(catalogue);
      const submitted = includesSubmitted(ctx, input.includeSubmitted);
      const [complete, available] = await Promise.all([
        input.quarter ? null : latestCompleteQuarter(ctx.db),
        approvedQuarters(ctx.db, { limit: QUARTER_CHOICES }),
      ]);
      const quarter = (input.quarter ?? complete ?? available[0] ?? null) as QuarterString | null;
      const range = resolveRange(
        input,
        input.to ?? (available[0] as QuarterString | undefined) ?? lastFinishedQuarter(new Date()),
      );
      const series = {
        indicatorCode: indicator.code,
        from: range.from,
        to: range.to,
        mode: input.mode,
        includeSubmitted: submitted,
      };
      const peers = peerGroupOf(input.peers);
      const [ranking, distribution, trends, choices] = await Promise.all([
        quarter
          ? indicatorRanking(ctx.db, {
              indicatorCode: indicator.code,
              quarter,
              lastYearQuarter: sameQuarterLastYear(quarter),
              direction: indicator.direction,
              // Ranked: the zones expected to report that quarter (one named later is not "no value").
              zoneCodes: zonesReportingIn(catalogue, quarter).map((zone) => zone.code),
              peers,
            })
          : [],
        indicatorDistribution(ctx.db, { ...series, peers }),
        // Lines for the zones the page can tick (the catalogue's), not for every reporting unit.
        indicatorTrends(
          ctx.db,
          input.zoneCodes ? { ...series, zoneCodes: input.zoneCodes } : { ...series, activeAmong: zoneCodes },
        ),
        peerGroupChoices(ctx.db),
      ]);
      return {
        indicatorCode: indicator.code,
        ...peersAnswer(input.peers, choices),
        quarter,
        from: range.from,
        to: range.to,
        quarters: range.quarters,
        /** Quarters with approved data, newest first: the choices of the ranking's quarter picker. */
        availableQuarters: available,
        mode: input.mode,
        includesSubmitted: submitted,
        notice: range.notice,
        /** Always approved data only (the overview's ranking), whatever `includeSubmitted`. */
        ranking: ranking.map((row) => ({
          ...row,
          value: toNumber(row.value),
          lastYearValue: toNumber(row.lastYearValue),
        })),
        distribution,
        trends: [...groupBy(trends, (row) => row.zoneCode)].map(([zoneCode, points]) => ({
          zoneCode,
          points: points.map(({ quarter, value, revised, provisional }) => ({
            quarter,
            value,
            revised,
            provisional,
          })),
        })),
      };
    });
  }),

  /** The comparison page in one call: 2–4 zones × 1–12 indicators over the range, in the order asked. */
  compare: dashboardProcedure.input(ZDashboardCompareInputSchema).query(async ({ ctx, input }) => {
    await requireZones(ctx.db, input.zoneCodes);
    await requireIndicators(ctx.db, input.indicatorCodes);
    const range = await rangeFor(ctx.db, input);
    const submitted = includesSubmitted(ctx, input.includeSubmitted);
    const rows = await compareSeries(ctx.db, {
      zoneCodes: input.zoneCodes,
      indicatorCodes: input.indicatorCodes,
      from: range.from,
      to: range.to,
      mode: input.mode,
      includeSubmitted: submitted,
    });
    const byPair = groupBy(rows, (row) => `${row.indicatorCode} ${row.zoneCode}`);
    return {
      zoneCodes: input.zoneCodes,
      indicatorCodes: input.indicatorCodes,
      from: range.from,
      to: range.to,
      quarters: range.quarters,
      mode: input.mode,
      includesSubmitted: submitted,
      notice: range.notice,
      series: input.indicatorCodes.flatMap((indicatorCode) =>
        input.zoneCodes.map((zoneCode) => ({
          indicatorCode,
          zoneCode,
          points: (byPair.get(`${indicatorCode} ${zoneCode}`) ?? []).map(
            ({ quarter, value, revised, provisional }) => ({ quarter, value, revised, provisional }),
          ),
        })),
      ),
    };
  }),

  /**
   * What the overview page adds to `overview.get`, in one call: the percentile heat map (every catalogue
   * indicator × the catalogue's active zones, each ranked among all active zones or, with `peers`, the group's
   * zones among the group's, 1 = best) of a quarter and
   * the same zones' headline sparklines of the 8 quarters up to it. Only what the page shows is returned:
   * with hundreds of reporting units, every unit's cells and lines were megabytes the page never drew.
   */
  overviewExtras: dashboardProcedure.input(ZDashboardOverviewExtrasInputSchema).query(({ ctx, input }) =>
    cachedDashboardAnswer(ctx, "dashboard.overviewExtras", input, async () => {
      const submitted = includesSubmitted(ctx, input.includeSubmitted);
      const quarter =
        input.quarter ??
        (await latestCompleteQuarter(ctx.db)) ??
        (await approvedQuarters(ctx.db, { limit: 1 }))[0] ??
        null;
      if (!quarter) {
        const peers = peersAnswer(input.peers, await peerGroupChoices(ctx.db));
        return { quarter: null, includesSubmitted: submitted, ...peers, cells: [], sparklines: [] };
      }
      const catalogue = await cachedCatalogue(ctx.db);
      const zoneCodes = programmeZoneCodes(catalogue);
      const [cells, lines, choices] = await Promise.all([
        percentileHeat(ctx.db, {
          quarter,
          includeSubmitted: submitted,
          zoneCodes,
          indicatorCodes: catalogue.indicators
            .filter((indicator) => input.theme === undefined || indicator.theme === input.theme)
            .map((indicator) => indicator.code),
          peers: peerGroupOf(input.peers),
        }),
        (input.sparklines ? headlineSparklines : noSparklines)(ctx.db, {
          to: quarter,
          quarters: SPARKLINE_QUARTERS,
          includeSubmitted: submitted,
          zoneCodes,
          // The zone cards show the headline indicators' sparklines.
          indicatorCodes: catalogue.indicators
            .filter((indicator) => indicator.headline)
            .map((indicator) => indicator.code),
        }),
        peerGroupChoices(ctx.db),
      ]);
      const peers = peersAnswer(input.peers, choices);
      const sparklines = new Map<
        string,
        { zoneCode: string; indicatorCode: string; points: { quarter: string; value: number | null }[] }
      >();
      for (const { zoneCode, indicatorCode, quarter: at, value } of lines) {
        const key = `${zoneCode} ${indicatorCode}`;
        const line = sparklines.get(key) ?? { zoneCode, indicatorCode, points: [] };
        line.points.push({ quarter: at, value });
        sparklines.set(key, line);
      }
      return { quarter, includesSubmitted: submitted, ...peers, cells, sparklines: [...sparklines.values()] };
    }),
  ),
});
