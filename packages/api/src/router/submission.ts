import {
  completenessGrid,
  lastSubmittedSnapshots,
  reviewQueue,
  saveSubmissionDraft,
  transitionSubmission,
  valueHistory,
} from "@zones/db/submissions";
import {
  addQuarters,
  blocksSubmission,
  checkSubmission,
  checkTransition,
  describeFormLock,
  describeRuleIssue,
  draftRefusal,
  draftSave,
  followedZones,
  followsAnyZone,
  formLock,
  NOTE_MAX_LENGTH,
  phrased,
  type QuarterString,
  SUBMISSION_STATUSES,
  type SubmissionAction,
  submissionFormSchema,
  ZIndicatorCodeSchema,
  ZonesError,
  ZQuarterSchema,
  ZZoneCodeSchema,
} from "@zones/domain";
import { logger } from "@zones/telemetry/log";
import { z } from "zod";

import { requireIndicator, requireIndicators, requireZone } from "../catalogue/membership";
import { actorFor, formIndicatorsOf, loadForm } from "../submissions/form-data";
import {
  createTRPCRouter,
  type ExportJobs,
  protectedProcedure,
  reviewerProcedure,
  roleRefusal,
  zoneDraftsProcedure,
} from "../trpc";

export const QUEUE_PAGE_SIZE = 50;
/** Quarters the completeness grid shows by default (two years). */
const GRID_QUARTERS = 8;
const HISTORY_LIMIT = 100;
const COMMENT_MAX_LENGTH = 2000;

const ZSubmissionKeySchema = z.object({ zoneCode: ZZoneCodeSchema, quarter: ZQuarterSchema });
const ZVersionSchema = z.number().int().min(0, { error: "version: must be 0 or more" });

const ACTIONS: readonly SubmissionAction[] = ["save", "submit", "approve", "return", "revise"];

export const submissionRouter = createTRPCRouter({
  /**
   * The entry form (and the reviewer's view) of one zone × quarter: the values with what they are compared
   * with, the rule issues, why it is locked, which workflow steps the caller may take, the reviewer's
   * comments, and what changed since the previous submission.
   */
  form: zoneDraftsProcedure.input(ZSubmissionKeySchema).query(async ({ ctx, input }) => {
    const loaded = await loadForm(ctx.db, input.zoneCode, input.quarter);
    const { state } = loaded;
    const actor = actorFor(ctx.user, input.zoneCode);
    const lock = formLock(state, actor);
    const issues = checkSubmission(loaded.draft, "submit", loaded.indicators).map((issue) => ({
      ...issue,
      message: describeRuleIssue(issue, ctx.locale, loaded.indicators),
    }));
    const snapshots = await lastSubmittedSnapshots(ctx.db, input);
    const [latest, previous] = snapshots;
    const changes =
      latest && previous
        ? Object.keys({ ...latest.values, ...previous.values })
            .filter(
              (code) =>
                Number(latest.values[code] ?? Number.NaN) !== Number(previous.values[code] ?? Number.NaN),
            )
            .map((code) => ({
              indicatorCode: code,
              before: previous.values[code] ?? null,
              after: latest.values[code] ?? null,
            }))
        : [];
    const applicable = new Set(Object.keys(loaded.draft.context));
    return {
      zoneCode: input.zoneCode,
      quarter: input.quarter,
      submission: loaded.form.submission,
      period: loaded.form.period,
      lock,
      lockMessage: lock ? describeFormLock(lock, ctx.locale) : null,
      actions: Object.fromEntries(
        ACTIONS.map((action) => [action, checkTransition(action, state, actor).ok]),
      ) as Record<SubmissionAction, boolean>,
      indicators: loaded.form.indicators.filter((row) => applicable.has(row.indicatorCode)),
      /** What the form's indicators are (names, units, rules): the catalogue's in force that year. */
      catalogue: loaded.indicators.filter((indicator) => applicable.has(indicator.code)),
      issues,
      blocksSubmission: blocksSubmission(issues),
      changes,
      previousSubmittedAt: previous?.at ?? null,
    };
  }),

  /**
   * Saves a draft (automatically while typing, or on demand). Empty text clears a value. Refused without
   * writing anything if the base version is stale or a value cannot be stored as typed; other rules
   * (year-to-date, required, explanations) are reported by `form` and enforced on submit.
   */
  save: zoneDraftsProcedure
    .input(
      ZSubmissionKeySchema.extend({
        baseVersion: ZVersionSchema,
        values: z.record(z.string(), z.string().max(100, { error: "value: at most 100 characters" })),
        notes: z
          .record(
            z.string(),
            z.string().max(NOTE_MAX_LENGTH, { error: `note: at most ${NOTE_MAX_LENGTH} characters` }),
          )
          .default({}),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const indicators = await formIndicatorsOf(ctx.db, input.quarter);
      const save = draftSave(input.quarter, { values: input.values, notes: input.notes }, indicators);
      const refusal = draftRefusal(input.quarter, save, indicators);
      if (refusal) throw refusal;
      const result = await saveSubmissionDraft(ctx.db, {
        zoneCode: input.zoneCode,
        quarter: input.quarter,
        baseVersion: input.baseVersion,
        values: save.values,
        notes: save.notes,
        actor: actorFor(ctx.user, input.zoneCode),
        source: "form",
      });
      return { ...result, savedAt: new Date() };
    }),

  /**
   * Submits the stored values for review, after the one shared schema has checked them: every hard rule,
   * and an explanation for every soft warning. Late after the deadline (still accepted).
   */
  submit: zoneDraftsProcedure
    .input(ZSubmissionKeySchema.extend({ version: ZVersionSchema }))
    .mutation(async ({ ctx, input }) => {
      const loaded = await loadForm(ctx.db, input.zoneCode, input.quarter);
      const schema = submissionFormSchema({
        quarter: input.quarter,
        context: loaded.draft.context,
        mode: "submit",
        locale: ctx.locale,
        indicators: loaded.indicators,
      });
      const checked = schema.safeParse({ values: loaded.draft.values, notes: loaded.draft.notes });
      // Workflow refusals (wrong role, already submitted) say more than rule failures.
      const transition = checkTransition("submit", loaded.state, actorFor(ctx.user, input.zoneCode));
      if (transition.ok && !checked.success) {
        // The shared schema phrased its messages in the caller's language already.
        const { issues } = checked.error;
        throw new ZonesError("invalid", phrased(issues.map((issue) => issue.message).join("; ")), {
          issues: issues.map((issue) => ({ path: issue.path.map(String), message: phrased(issue.message) })),
        });
      }
      const result = await transitionSubmission(ctx.db, {
        ...input,
        action: "submit",
        actor: actorFor(ctx.user, input.zoneCode),
      });
      await askForNotificationMail(ctx);
      return result;
    }),

  /** Approves what the reviewer saw (the version): the values feed dashboards and exports. */
  approve: reviewerProcedure
    .input(
      ZSubmissionKeySchema.extend({
        version: ZVersionSchema,
        comment: z.string().max(COMMENT_MAX_LENGTH).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await requireZone(ctx.db, input.zoneCode);
      const result = await transitionSubmission(ctx.db, {
        ...input,
        action: "approve",
        actor: actorFor(ctx.user, input.zoneCode),
      });
      // The approval stands whatever happens next; all-approved export schedules may now be due.
      await ctx.exportJobs?.quarterApproved(input.quarter).catch((error: unknown) => {
        logger.error({ err: error, quarter: input.quarter }, "export event not sent");
      });
      await askForNotificationMail(ctx);
      return result;
    }),

  /** Returns it to the zone with an overall reason and comments per indicator. */
  return: reviewerProcedure
    .input(
      ZSubmissionKeySchema.extend({
        version: ZVersionSchema,
        comment: z
          .string()
          .trim()
          .min(1, { error: "comment: say why the submission is returned" })
          .max(COMMENT_MAX_LENGTH),
        notes: z.record(ZIndicatorCodeSchema, z.string().trim().max(NOTE_MAX_LENGTH)).default({}),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await requireZone(ctx.db, input.zoneCode);
      await requireIndicators(ctx.db, Object.keys(input.notes), "notes");
      const reviewNotes = Object.fromEntries(Object.entries(input.notes).filter(([, note]) => note !== ""));
      const result = await transitionSubmission(ctx.db, {
        zoneCode: input.zoneCode,
        quarter: input.quarter,
        version: input.version,
        comment: input.comment,
        reviewNotes,
        action: "return",
        actor: actorFor(ctx.user, input.zoneCode),
      });
      await askForNotificationMail(ctx);
      return result;
    }),

  /** Reopens approved data for a revision (e.g. final GDP), with a reason; earlier values stay in history. */
  revise: protectedProcedure
    .input(
      ZSubmissionKeySchema.extend({
        version: ZVersionSchema,
        reason: z
          .string()
          .trim()
          .min(1, { error: "reason: say why approved data is revised" })
          .max(NOTE_MAX_LENGTH),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await requireZone(ctx.db, input.zoneCode);
      return transitionSubmission(ctx.db, {
        zoneCode: input.zoneCode,
        quarter: input.quarter,
        version: input.version,
        comment: input.reason,
        action: "revise",
        actor: actorFor(ctx.user, input.zoneCode),
      });
    }),

  /** Every change of one value and every step of its submission, newest first. */
  history: zoneDraftsProcedure
    .input(ZSubmissionKeySchema.extend({ indicatorCode: ZIndicatorCodeSchema }))
    .query(async ({ ctx, input }) => {
      await requireIndicator(ctx.db, input.indicatorCode);
      return valueHistory(ctx.db, { ...input, limit: HISTORY_LIMIT });
    }),

  /** The reviewers' queue: submissions by status, zone and quarter, waiting ones first. */
  queue: reviewerProcedure
    .input(
      z.object({
        status: z.enum(SUBMISSION_STATUSES).optional(),
        zoneCode: ZZoneCodeSchema.optional(),
        quarter: ZQuarterSchema.optional(),
        page: z.number().int().min(1, { error: "page: must be 1 or more" }).default(1),
      }),
    )
    .query(async ({ ctx, input }) => {
      if (input.zoneCode) await requireZone(ctx.db, input.zoneCode);
      const result = await reviewQueue(ctx.db, {
        status: input.status,
        zoneCode: input.zoneCode,
        quarter: input.quarter,
        limit: QUEUE_PAGE_SIZE,
        offset: (input.page - 1) * QUEUE_PAGE_SIZE,
      });
      return { ...result, page: input.page, pageSize: QUEUE_PAGE_SIZE };
    }),

  /**
   * Zones × quarters with each cell's state and the days left for open quarters. Reviewers and admins see
   * every zone; officials their own zones.
   */
  completeness: protectedProcedure
    .input(z.object({ to: ZQuarterSchema.optional() }).default({}))
    .query(async ({ ctx, input }) => {
      if (!followsAnyZone(ctx.user)) throw roleRefusal();
      const latest = await ctx.db.query.reportingPeriods.findFirst({
        where: (periods, { ne }) => ne(periods.status, "not_open"),
        orderBy: (periods, { desc }) => desc(periods.quarter),
      });
      const to = (input.to ?? latest?.quarter ?? null) as QuarterString | null;
      if (!to) return { from: null, to: null, periods: [], cells: [] };
      const from = addQuarters(to, -(GRID_QUARTERS - 1));
      const grid = await completenessGrid(ctx.db, { from, to });
      const zones = followedZones(ctx.user);
      const cells = zones === "all" ? grid.cells : grid.cells.filter((cell) => zones.includes(cell.zoneCode));
      return { from, to, periods: grid.periods, cells };
    }),
});

/**
 * After a step that recorded notifications (in its transaction): asks a worker to decide their mail now. The
 * step stands if this fails; the workers' minute pass finds the notifications pending and mails them.
 */
async function askForNotificationMail(ctx: { exportJobs: ExportJobs | null }): Promise<void> {
  await ctx.exportJobs?.deliverNotifications().catch((error: unknown) => {
    logger.error({ err: error }, "notification delivery not requested");
  });
}
