import {
  adjustEvaluation,
  computeEvaluation,
  type EvaluationStep,
  findRubric,
  indicatorDirections,
  publishEvaluation,
  saveRubric,
} from "@zones/db/evaluation";
import {
  evaluationOfYear,
  listEvaluationYears,
  rubricIndicators,
  zoneEvaluationHistory,
  zoneExists,
} from "@zones/db/evaluation-reads";
import {
  canSeeUnpublishedEvaluation,
  checkAdjustment,
  checkEvaluationYear,
  checkRubric,
  defaultRubric,
  type FieldCheck,
  joinIssues,
  MAX_CITY_VALUE_UPLOAD_BYTES,
  phrased,
  ZonesError,
} from "@zones/domain";
import { z } from "zod";

import { importCityValues } from "../evaluation/city-values";
import { message } from "../messages";
import {
  adjustEvaluationProcedure,
  createTRPCRouter,
  defineEvaluationProcedure,
  protectedProcedure,
} from "../trpc";

/** Longest text any field of these procedures takes before it is checked (the reason is far shorter). */
const RAW_TEXT_MAX = 2000;

function accepted<T>(check: FieldCheck<T>): T {
  if (check.ok) return check.value;
  throw new ZonesError("invalid", phrased(joinIssues(check.issues)), {
    issues: check.issues.map((issue) => ({ path: issue.path.map(String), message: phrased(issue.message) })),
  });
}

/** The step's value, or its refusal said to the caller. */
function done<T>(step: EvaluationStep<T>, year: number, zoneCode?: string, memberCityCode?: string): T {
  if (step.ok) return step.value;
  switch (step.refusal) {
    case "no-rubric":
      throw new ZonesError("not-found", message("evaluation.noRubric", { year }));
    case "published":
      throw new ZonesError("conflict", message("evaluation.published", { year }));
    case "no-result":
      throw new ZonesError(
        "not-found",
        message("evaluation.noResult", { year, zoneCode: memberCityCode ?? zoneCode ?? "" }),
      );
    case "history":
      throw new ZonesError("conflict", message("evaluation.history", { year }));
    case "not-computed":
      throw new ZonesError("conflict", message("evaluation.notComputed", { year }));
    case "not-member":
      throw new ZonesError(
        "invalid",
        message("evaluation.notMemberCity", {
          memberCityCode: memberCityCode ?? "",
          zoneCode: zoneCode ?? "",
        }),
      );
  }
}

const ZYearInput = z.object({ year: z.unknown() });
const ZZoneInput = z.object({ zoneCode: z.string().max(RAW_TEXT_MAX) });

export const evaluationRouter = createTRPCRouter({
  /** Every year with a rubric or ratings, newest first, with its state. */
  years: protectedProcedure.query(({ ctx }) => listEvaluationYears(ctx.db)),

  /**
   * A year's ranking with scores by dimension, and the rubric they come from (null for history only): the zones
   * (`rows`) and, ranked among themselves, the member cities (`cityRows`, a few per zone at most); before
   * publication only reviewers and admins see the results.
   */
  year: protectedProcedure.input(ZYearInput).query(async ({ ctx, input }) => {
    const year = accepted(checkEvaluationYear(input.year));
    const [rubric, rows] = await Promise.all([
      findRubric(ctx.db, year),
      evaluationOfYear(ctx.db, year, { publishedOnly: !canSeeUnpublishedEvaluation(ctx.user) }),
    ]);
    return {
      year,
      rubric: rubric?.rubric ?? null,
      state: rubric?.state ?? null,
      computedAt: rubric?.computedAt ?? null,
      publishedAt: rubric?.publishedAt ?? null,
      rows: rows.filter((row) => row.memberCityCode === null),
      cityRows: rows.filter((row) => row.memberCityCode !== null),
    };
  }),

  /** A zone's ratings by year (its member cities' too), the published history included. */
  zoneHistory: protectedProcedure.input(ZZoneInput).query(async ({ ctx, input }) => {
    if (!(await zoneExists(ctx.db, input.zoneCode))) {
      throw new ZonesError("not-found", message("evaluation.unknownZone", { zoneCode: input.zoneCode }));
    }
    return zoneEvaluationHistory(ctx.db, input.zoneCode, {
      publishedOnly: !canSeeUnpublishedEvaluation(ctx.user),
    });
  }),

  /** The year's rubric for the editor (the four-dimension template while it has none) and the indicators. */
  rubric: defineEvaluationProcedure.input(ZYearInput).query(async ({ ctx, input }) => {
    const year = accepted(checkEvaluationYear(input.year));
    const [stored, indicators] = await Promise.all([findRubric(ctx.db, year), rubricIndicators(ctx.db)]);
    return {
      rubric: stored?.rubric ?? defaultRubric(year),
      stored: stored !== null,
      state: stored?.state ?? null,
      indicators,
    };
  }),

  /** Saves the year's rubric, checked whole against the catalogue's indicators; refused once published. */
  saveRubric: defineEvaluationProcedure
    .input(z.object({ rubric: z.unknown() }))
    .mutation(async ({ ctx, input }) => {
      const codes = new Set((await indicatorDirections(ctx.db)).keys());
      const check = checkRubric(input.rubric, codes);
      const rubric = accepted(check.ok ? { ok: true, value: check.rubric } : check);
      return done(await saveRubric(ctx.db, { rubric, actorId: ctx.user.id }), rubric.year);
    }),

  /** Computes (again) the year's scores from approved data; adjustments stay. */
  compute: defineEvaluationProcedure.input(ZYearInput).mutation(async ({ ctx, input }) => {
    const year = accepted(checkEvaluationYear(input.year));
    return done(await computeEvaluation(ctx.db, { year, actorId: ctx.user.id }), year);
  }),

  /**
   * A reviewer's adjustment of a zone's score, or of one of its member cities' (`memberCityCode`, which must be
   * the zone's), with the reason (audited); 0 takes it back.
   */
  adjust: adjustEvaluationProcedure
    .input(
      z.object({
        year: z.unknown(),
        zoneCode: z.string().max(RAW_TEXT_MAX),
        memberCityCode: z.string().max(RAW_TEXT_MAX).nullish(),
        adjustment: z.unknown(),
        reason: z.string().max(RAW_TEXT_MAX),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const year = accepted(checkEvaluationYear(input.year));
      const { adjustment, reason } = accepted(checkAdjustment(input));
      const step = await adjustEvaluation(ctx.db, {
        year,
        zoneCode: input.zoneCode,
        memberCityCode: input.memberCityCode ?? null,
        adjustment,
        reason,
        actorId: ctx.user.id,
      });
      return done(step, year, input.zoneCode, input.memberCityCode ?? undefined);
    }),

  /**
   * A filled-in member cities' figures template, all rows or none: every problem named by row and column;
   * refused once a year in it is published. The file's size is checked before it is read.
   */
  importCityValues: adjustEvaluationProcedure
    .input(z.instanceof(FormData, { error: "file: 请以 multipart 表单上传文件" }))
    .mutation(async ({ ctx, input }) => {
      const file = input.get("file");
      if (!(file instanceof File)) throw new ZonesError("invalid", message("evaluation.noFile"));
      if (file.size > MAX_CITY_VALUE_UPLOAD_BYTES) {
        throw new ZonesError(
          "invalid",
          message("evaluation.fileTooLarge", { limit: MAX_CITY_VALUE_UPLOAD_BYTES / 1024 }),
        );
      }
      const result = await importCityValues(ctx.db, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        actorId: ctx.user.id,
      });
      if ("published" in result) {
        throw new ZonesError(
          "conflict",
          message("evaluation.cityValuesPublished", { year: result.published }),
        );
      }
      return result;
    }),

  /** Publishes the year: final from then on. */
  publish: defineEvaluationProcedure.input(ZYearInput).mutation(async ({ ctx, input }) => {
    const year = accepted(checkEvaluationYear(input.year));
    return done(await publishEvaluation(ctx.db, { year, actorId: ctx.user.id }), year);
  }),
});
