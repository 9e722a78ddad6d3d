import { approvedQuarters } from "@zones/db/overview";
import {
  activeZoneCodes,
  deleteTarget,
  listTargets,
  saveTargets,
  type TargetStatusRow,
  targetChoices,
  targetIndicatorFacts,
  targetStatuses,
} from "@zones/db/targets";
import {
  countByStatus,
  defaultComparison,
  MAX_TARGET_UPLOAD_BYTES,
  TARGET_COMPARISONS,
  TARGET_NOTE_MAX_LENGTH,
  TARGET_YEARS,
  ZonesError,
  ZQuarterSchema,
} from "@zones/domain";
import { z } from "zod";

import { message } from "../messages";
import { importTargets } from "../targets/files";
import { createTRPCRouter, dashboardProcedure, targetsProcedure } from "../trpc";

export const TARGETS_PAGE_SIZE = 20;

/** A zone or indicator code as typed: checked against the catalogue tables, not a list in code. */
const catalogueCode = (what: string) =>
  z
    .string({ error: `须为${what}代码` })
    .trim()
    .min(1, { error: `请选择${what}` })
    .max(40, { error: `${what}代码过长` });

const year = z
  .number({ error: "须为年份" })
  .int({ error: "须为整数年份" })
  .min(TARGET_YEARS.min, { error: `须在 ${TARGET_YEARS.min}–${TARGET_YEARS.max} 年之间` })
  .max(TARGET_YEARS.max, { error: `须在 ${TARGET_YEARS.min}–${TARGET_YEARS.max} 年之间` });

const ZFilterSchema = z.object({
  zoneCode: catalogueCode("示范区").optional(),
  indicatorCode: catalogueCode("指标").optional(),
});

const ZTargetInputSchema = z
  .object({
    zoneCode: catalogueCode("示范区"),
    indicatorCode: catalogueCode("指标"),
    targetYear: year,
    targetValue: z.number({ error: "须为数字" }),
    /** Omitted: from the indicator's direction. */
    comparison: z
      .enum(TARGET_COMPARISONS, { error: "须为 at-least（不低于）或 at-most（不高于）" })
      .optional(),
    baselineYear: year,
    note: z
      .string({ error: "须为文字" })
      .trim()
      .max(TARGET_NOTE_MAX_LENGTH, { error: `不超过 ${TARGET_NOTE_MAX_LENGTH} 字` })
      .nullish(),
  })
  .refine((target) => target.baselineYear < target.targetYear, {
    path: ["baselineYear"],
    error: "须早于目标年份",
  });

const ZStatusInputSchema = ZFilterSchema.extend({
  /** Omitted: the newest quarter with approved data. */
  quarter: ZQuarterSchema.optional(),
});

/** What the pages show of a target's progress. */
function statusView(row: TargetStatusRow) {
  return {
    id: row.id,
    zoneCode: row.zoneCode,
    zoneName: row.zoneName,
    indicatorCode: row.indicatorCode,
    indicatorName: row.indicatorName,
    unit: row.unit,
    decimals: row.decimals,
    targetYear: row.targetYear,
    targetValue: row.targetValue,
    comparison: row.comparison,
    baselineYear: row.baselineYear,
    baseline: row.baseline,
    latest: row.latest,
    status: row.progress.status,
    ratio: row.progress.ratio,
  };
}

async function quarterOrLatest(db: Parameters<typeof approvedQuarters>[0], quarter: string | undefined) {
  return quarter ?? (await approvedQuarters(db, { limit: 1 }))[0] ?? null;
}

export const targetsRouter = createTRPCRouter({
  /** Targets in catalogue order, a page at a time, optionally of one zone or indicator. */
  list: targetsProcedure
    .input(
      ZFilterSchema.extend({
        page: z
          .number({ error: "须为页码" })
          .int({ error: "须为整数" })
          .min(1, { error: "须为 1 或以上" })
          .default(1),
      }).default({ page: 1 }),
    )
    .query(async ({ ctx, input }) => {
      const result = await listTargets(ctx.db, {
        zoneCode: input.zoneCode,
        indicatorCode: input.indicatorCode,
        limit: TARGETS_PAGE_SIZE,
        offset: (input.page - 1) * TARGETS_PAGE_SIZE,
      });
      return { ...result, page: input.page, pageSize: TARGETS_PAGE_SIZE };
    }),

  /** The zones and indicators a target may name, from the catalogue tables. */
  choices: targetsProcedure.query(({ ctx }) => targetChoices(ctx.db)),

  /** Adds a target, or replaces the zone's target for that indicator and year; audited. */
  save: targetsProcedure.input(ZTargetInputSchema).mutation(async ({ ctx, input }) => {
    const [zones, facts] = await Promise.all([
      activeZoneCodes(ctx.db, [input.zoneCode]),
      targetIndicatorFacts(ctx.db, [input.indicatorCode]),
    ]);
    if (!zones.has(input.zoneCode)) {
      throw new ZonesError("invalid", message("targets.unknownZone", { code: input.zoneCode }));
    }
    const indicator = facts.get(input.indicatorCode);
    if (!indicator) {
      throw new ZonesError("invalid", message("targets.unknownIndicator", { code: input.indicatorCode }));
    }
    if (input.targetValue < indicator.min || input.targetValue > indicator.max) {
      throw new ZonesError(
        "invalid",
        message("targets.valueOutOfRange", { min: indicator.min, max: indicator.max }),
      );
    }
    const [id] = await saveTargets(ctx.db, {
      targets: [
        {
          zoneCode: input.zoneCode,
          indicatorCode: input.indicatorCode,
          targetYear: input.targetYear,
          targetValue: input.targetValue,
          comparison: input.comparison ?? defaultComparison(indicator.direction),
          baselineYear: input.baselineYear,
          note: input.note ? input.note : null,
        },
      ],
      actorId: ctx.user.id,
      source: "form",
    });
    return { id };
  }),

  /** Deletes a target; audited. */
  delete: targetsProcedure
    .input(z.object({ id: z.uuid({ error: "须为目标编号" }) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await deleteTarget(ctx.db, { id: input.id, actorId: ctx.user.id }))) {
        throw new ZonesError("not-found", message("targets.notFound"));
      }
      return { id: input.id };
    }),

  /** A filled-in template, all rows or none: every problem named by row and column. */
  import: targetsProcedure
    .input(z.instanceof(FormData, { error: "file: 请以 multipart 表单上传文件" }))
    .mutation(async ({ ctx, input }) => {
      const file = input.get("file");
      if (!(file instanceof File)) throw new ZonesError("invalid", message("targets.noFile"));
      if (file.size > MAX_TARGET_UPLOAD_BYTES) {
        throw new ZonesError(
          "invalid",
          message("targets.fileTooLarge", { limit: MAX_TARGET_UPLOAD_BYTES / 1024 }),
        );
      }
      return importTargets(ctx.db, { bytes: new Uint8Array(await file.arrayBuffer()), actorId: ctx.user.id });
    }),

  /** Each target's progress as of a quarter (default: the newest with approved data), of a zone or indicator. */
  statuses: dashboardProcedure.input(ZStatusInputSchema).query(async ({ ctx, input }) => {
    const quarter = await quarterOrLatest(ctx.db, input.quarter);
    if (!quarter) return { quarter: null, rows: [] };
    const rows = await targetStatuses(ctx.db, {
      quarter,
      zoneCode: input.zoneCode,
      indicatorCode: input.indicatorCode,
    });
    return { quarter, rows: rows.map(statusView) };
  }),

  /** Per zone, how many targets are in each status as of a quarter: the overview's compact summary. */
  summary: dashboardProcedure
    .input(z.object({ quarter: ZQuarterSchema.optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const quarter = await quarterOrLatest(ctx.db, input.quarter);
      if (!quarter) return { quarter: null, zones: [] };
      const rows = await targetStatuses(ctx.db, { quarter });
      const byZone = new Map<string, TargetStatusRow[]>();
      for (const row of rows) byZone.set(row.zoneCode, [...(byZone.get(row.zoneCode) ?? []), row]);
      return {
        quarter,
        zones: [...byZone.values()].map((targets) => ({
          zoneCode: targets[0]?.zoneCode ?? "",
          zoneName: targets[0]?.zoneName ?? { zh: "", en: "" },
          counts: countByStatus(targets.map((target) => target.progress.status)),
        })),
      };
    }),
});
