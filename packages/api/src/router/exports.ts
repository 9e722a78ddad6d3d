import type { SessionUser } from "@zones/auth";
import { cachedCatalogue } from "@zones/db/catalogue";
import type { Database } from "@zones/db/client";
import {
  deleteExportSchedule,
  deliveriesOfRuns,
  type ExportDeliveryRecord,
  type ExportRunListRow,
  type ExportScheduleRecord,
  getExportRun,
  getExportSchedule,
  insertExportRun,
  insertExportSchedule,
  listExportRuns,
  listExportSchedules,
  periodDeadlines,
  recipientAccounts,
  requestExportRunCancel,
  searchRecipientAccounts,
  setExportScheduleEnabled,
  updateExportSchedule,
} from "@zones/db/exports";
import { canAdminister, canManageExportsOf, phrased, type QuarterString, ZonesError } from "@zones/domain";
import {
  EXPORT_FORMATS,
  exportScopeFor,
  inCatalogue,
  NO_DELIVERY,
  scheduleFromStored,
  storedScheduleValues,
  type TExportFilters,
  ZExportFiltersSchema,
} from "@zones/exports";
import { nextOccurrence, scheduleRunFilters, ZExportScheduleSchema } from "@zones/exports/schedules";
import { z } from "zod";

import {
  checkScheduleDelivery,
  deliveryView,
  storedDelivery,
  withWebhookSecrets,
} from "../exports/schedule-delivery";
import { message } from "../messages";
import { createTRPCRouter, type ExportJobs, protectedProcedure, reviewerProcedure } from "../trpc";

export const EXPORT_PAGE_SIZE = 20;
/** Attempts of one run: the first and two retries. */
const MAX_ATTEMPTS = 3;

const ZIdSchema = z.uuid({ error: "id: not an export id" });
const ZPageSchema = z.number().int().min(1, { error: "page: must be 1 or more" }).default(1);

function noSchedule(): ZonesError {
  return new ZonesError("not-found", message("exports.noSchedule"));
}

function noRun(): ZonesError {
  return new ZonesError("not-found", message("exports.noRun"));
}

/** Admins see and manage every schedule and run; everyone else their own. */
function isMine(user: SessionUser, ownerId: string | null): boolean {
  return canManageExportsOf(user, ownerId, user.id);
}

function jobsOf(ctx: { exportJobs: ExportJobs | null }) {
  if (!ctx.exportJobs) {
    throw new ZonesError("unavailable", message("exports.noWorker"));
  }
  return ctx.exportJobs;
}

/**
 * Refuses (naming the field) a zone or indicator the database's catalogue does not have (the schemas check
 * only a code's shape), and what the user may not export.
 */
async function assertMayExport(db: Database, user: SessionUser, filters: TExportFilters): Promise<void> {
  inCatalogue(filters, await cachedCatalogue(db));
  const scope = exportScopeFor(user, filters);
  if (!scope.ok) {
    throw new ZonesError("forbidden", phrased(scope.message), {
      issues: [{ path: [scope.field], message: phrased(scope.message) }],
    });
  }
}

/** One recipient's (or webhook's) delivery of a run, as the run log shows it. */
function deliveryRowView(delivery: ExportDeliveryRecord) {
  return {
    id: delivery.id,
    channel: delivery.channel,
    target: delivery.target,
    status: delivery.status,
    attempts: delivery.attempts,
    answer: delivery.answer,
    updatedAt: delivery.updatedAt,
    sentAt: delivery.sentAt,
  };
}

export type ExportDeliveryView = ReturnType<typeof deliveryRowView>;

/** A run as the exports page shows it: progress from the worker in this process when it runs here. */
function runView(
  run: ExportRunListRow,
  live: { rowsDone: number; rowsExpected: number } | null,
  deliveries: readonly ExportDeliveryRecord[] = [],
) {
  const progress = run.status === "running" && live ? live : null;
  return {
    id: run.id,
    scheduleId: run.scheduleId,
    scheduleName: run.scheduleName,
    trigger: run.trigger,
    dueAt: run.dueAt,
    rerunOf: run.rerunOf,
    filters: run.filters as TExportFilters,
    format: run.format,
    status: run.status,
    rowsDone: progress?.rowsDone ?? run.rowsDone,
    rowsExpected: progress?.rowsExpected ?? run.rowsExpected,
    attempts: run.attempts,
    maxAttempts: run.maxAttempts,
    rowCount: run.rowCount,
    byteSize: run.byteSize,
    checksum: run.checksum,
    error: run.error,
    fileName: run.fileName,
    /** Complete and not pruned: the file can be downloaded. */
    downloadable: run.status === "succeeded" && run.storageKey !== null,
    cancelRequested: run.cancelRequestedAt !== null,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.durationMs,
    requestedBy: run.requestedBy,
    deliveries: deliveries.map(deliveryRowView),
  };
}

export type ExportRunView = ReturnType<typeof runView>;

type AccountNames = ReadonlyMap<string, { name: string; email: string }>;

function scheduleView(
  record: ExportScheduleRecord & { ownerName?: string; lastRun?: unknown },
  deadlines: { quarter: QuarterString; deadline: string }[],
  now: Date,
  accounts: AccountNames = new Map(),
) {
  const stored = scheduleFromStored(record);
  const delivery = deliveryView(stored.ok ? stored.schedule.delivery : storedDelivery(record.delivery));
  return {
    id: record.id,
    ownerId: record.ownerId,
    ownerName: record.ownerName ?? null,
    name: record.name,
    enabled: record.enabled,
    stoppedReason: record.stoppedReason,
    /** The definition as saved; null when the catalogue changed under it (then `invalidReason` says why). */
    definition: stored.ok ? { ...stored.schedule, delivery } : null,
    /** Who gets its files (webhook secrets withheld), with the names of its accounts. */
    delivery,
    recipientAccounts: delivery.accounts.map((id) => ({
      id,
      name: accounts.get(id)?.name ?? null,
      email: accounts.get(id)?.email ?? null,
    })),
    invalidReason: stored.ok ? null : stored.message,
    nextDueAt:
      stored.ok && record.enabled ? nextOccurrence(stored.schedule, now, deadlines) : (null as Date | null),
    lastRun: (record.lastRun ?? null) as {
      id: string;
      status: string;
      createdAt: Date;
      finishedAt: Date | null;
    } | null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export type ExportScheduleView = ReturnType<typeof scheduleView>;

async function deadlinesOf(ctx: { db: Parameters<typeof periodDeadlines>[0] }) {
  return periodDeadlines(ctx.db);
}

async function accountNames(
  ctx: { db: Parameters<typeof recipientAccounts>[0] },
  records: readonly { delivery: unknown }[],
): Promise<AccountNames> {
  const ids = [...new Set(records.flatMap((record) => storedDelivery(record.delivery).accounts))];
  const accounts = await recipientAccounts(ctx.db, ids);
  return new Map(accounts.map((account) => [account.id, { name: account.name, email: account.email }]));
}

const ZAccountQuerySchema = z.object({
  query: z.string().trim().max(100, { error: "query: at most 100 characters" }).default(""),
});

/** Most accounts the recipient picker offers at once. */
const RECIPIENT_PICKS = 20;

async function ownSchedule(
  ctx: { db: Parameters<typeof getExportSchedule>[0]; user: SessionUser },
  id: string,
) {
  const schedule = await getExportSchedule(ctx.db, id);
  if (!schedule || !isMine(ctx.user, schedule.ownerId)) throw noSchedule();
  return schedule;
}

async function ownRun(ctx: { db: Parameters<typeof getExportRun>[0]; user: SessionUser }, id: string) {
  const run = await getExportRun(ctx.db, id);
  if (!run || !isMine(ctx.user, run.requestedBy)) throw noRun();
  return run;
}

const scheduleRouter = createTRPCRouter({
  /** Schedules, newest first: an admin's are everyone's, a reviewer's their own. */
  list: reviewerProcedure
    .input(z.object({ page: ZPageSchema }).default({ page: 1 }))
    .query(async ({ ctx, input }) => {
      const [result, deadlines] = await Promise.all([
        listExportSchedules(ctx.db, {
          ownerId: canAdminister(ctx.user) ? null : ctx.user.id,
          limit: EXPORT_PAGE_SIZE,
          offset: (input.page - 1) * EXPORT_PAGE_SIZE,
        }),
        deadlinesOf(ctx),
      ]);
      const now = new Date();
      const names = await accountNames(ctx, result.rows);
      return {
        items: result.rows.map((row) => scheduleView(row, deadlines, now, names)),
        total: result.total,
        page: input.page,
        pageSize: EXPORT_PAGE_SIZE,
      };
    }),

  /** Accounts a schedule may deliver to (enabled ones), by name or address, for the form's picker. */
  recipientAccounts: reviewerProcedure.input(ZAccountQuerySchema).query(async ({ ctx, input }) => {
    return searchRecipientAccounts(ctx.db, input.query, RECIPIENT_PICKS);
  }),

  /**
   * Saves a new schedule for the caller. Every refusal names its field. A webhook given without a secret gets
   * one, returned once in `newSecrets`.
   */
  create: reviewerProcedure.input(ZExportScheduleSchema).mutation(async ({ ctx, input }) => {
    await assertMayExport(ctx.db, ctx.user, scheduleRunFilters(input, { at: new Date() }));
    await checkScheduleDelivery(ctx.db, input.delivery);
    const { delivery, newSecrets } = withWebhookSecrets(input.delivery, NO_DELIVERY);
    const record = await insertExportSchedule(ctx.db, {
      ...storedScheduleValues({ ...input, delivery }),
      ownerId: ctx.user.id,
    });
    const view = scheduleView(record, await deadlinesOf(ctx), new Date(), await accountNames(ctx, [record]));
    return { ...view, newSecrets };
  }),

  /** Replaces a schedule's definition; it runs again from now on (a stop is lifted). */
  update: reviewerProcedure
    .input(z.object({ id: ZIdSchema, schedule: ZExportScheduleSchema }))
    .mutation(async ({ ctx, input }) => {
      const previous = await ownSchedule(ctx, input.id);
      await assertMayExport(ctx.db, ctx.user, scheduleRunFilters(input.schedule, { at: new Date() }));
      await checkScheduleDelivery(ctx.db, input.schedule.delivery);
      const { delivery, newSecrets } = withWebhookSecrets(
        input.schedule.delivery,
        storedDelivery(previous.delivery),
      );
      const record = await updateExportSchedule(
        ctx.db,
        input.id,
        storedScheduleValues({ ...input.schedule, delivery }),
      );
      if (!record) throw noSchedule();
      const view = scheduleView(
        record,
        await deadlinesOf(ctx),
        new Date(),
        await accountNames(ctx, [record]),
      );
      return { ...view, newSecrets };
    }),

  setEnabled: reviewerProcedure
    .input(z.object({ id: ZIdSchema, enabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await ownSchedule(ctx, input.id);
      const record = await setExportScheduleEnabled(ctx.db, input.id, input.enabled);
      if (!record) throw noSchedule();
      return scheduleView(record, await deadlinesOf(ctx), new Date());
    }),

  /** Deletes the schedule; its runs and files stay until pruned by hand. */
  remove: reviewerProcedure.input(z.object({ id: ZIdSchema })).mutation(async ({ ctx, input }) => {
    await ownSchedule(ctx, input.id);
    return { deleted: await deleteExportSchedule(ctx.db, input.id) };
  }),

  /** Runs the schedule now (its filters as of now), besides its timetable. */
  runNow: reviewerProcedure.input(z.object({ id: ZIdSchema })).mutation(async ({ ctx, input }) => {
    const record = await ownSchedule(ctx, input.id);
    const stored = scheduleFromStored(record);
    if (!stored.ok) {
      throw new ZonesError("invalid", message("exports.scheduleInvalid", { reason: stored.message }));
    }
    const filters = scheduleRunFilters(stored.schedule, { at: new Date() });
    await assertMayExport(ctx.db, ctx.user, filters);
    const jobs = jobsOf(ctx);
    const run = await insertExportRun(ctx.db, {
      scheduleId: record.id,
      requestedBy: ctx.user.id,
      trigger: "manual",
      filters,
      format: stored.schedule.format,
      maxAttempts: MAX_ATTEMPTS,
    });
    if (!run) throw new Error("insert into export_runs returned nothing");
    await jobs.enqueueRun(run.id);
    return runView({ ...run, scheduleName: record.name }, null);
  }),
});

const runRouter = createTRPCRouter({
  /** Runs, newest first: an admin's are everyone's, anyone else's their own; optionally of one schedule. */
  list: protectedProcedure
    .input(z.object({ page: ZPageSchema, scheduleId: ZIdSchema.optional() }).default({ page: 1 }))
    .query(async ({ ctx, input }) => {
      const result = await listExportRuns(ctx.db, {
        requestedBy: canAdminister(ctx.user) ? null : ctx.user.id,
        ...(input.scheduleId ? { scheduleId: input.scheduleId } : {}),
        limit: EXPORT_PAGE_SIZE,
        offset: (input.page - 1) * EXPORT_PAGE_SIZE,
      });
      const deliveries = await deliveriesOfRuns(
        ctx.db,
        result.rows.map((run) => run.id),
      );
      const byRun = new Map<string, ExportDeliveryRecord[]>();
      for (const delivery of deliveries) {
        byRun.set(delivery.runId, [...(byRun.get(delivery.runId) ?? []), delivery]);
      }
      return {
        items: result.rows.map((run) =>
          runView(run, ctx.exportJobs?.liveProgress(run.id) ?? null, byRun.get(run.id) ?? []),
        ),
        total: result.total,
        page: input.page,
        pageSize: EXPORT_PAGE_SIZE,
      };
    }),

  get: protectedProcedure.input(z.object({ id: ZIdSchema })).query(async ({ ctx, input }) => {
    const run = await ownRun(ctx, input.id);
    const deliveries = await deliveriesOfRuns(ctx.db, [run.id]);
    return runView(run, ctx.exportJobs?.liveProgress(run.id) ?? null, deliveries);
  }),

  /** An export in the background (progress, cancel, the file kept): the same filters as a direct download. */
  start: protectedProcedure
    .input(
      z.object({
        filters: ZExportFiltersSchema,
        format: z.enum(EXPORT_FORMATS, { error: 'format: "csv" or "xlsx"' }).default("csv"),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await assertMayExport(ctx.db, ctx.user, input.filters);
      const jobs = jobsOf(ctx);
      const run = await insertExportRun(ctx.db, {
        requestedBy: ctx.user.id,
        trigger: "manual",
        filters: input.filters,
        format: input.format,
        maxAttempts: MAX_ATTEMPTS,
      });
      if (!run) throw new Error("insert into export_runs returned nothing");
      await jobs.enqueueRun(run.id);
      return runView({ ...run, scheduleName: null }, null);
    }),

  /** Stops a queued or running export; a running one stops at its next batch and leaves no file. */
  cancel: protectedProcedure.input(z.object({ id: ZIdSchema })).mutation(async ({ ctx, input }) => {
    await ownRun(ctx, input.id);
    await requestExportRunCancel(ctx.db, input.id);
    ctx.exportJobs?.cancelLocal(input.id);
    const run = await getExportRun(ctx.db, input.id);
    if (!run) throw noRun();
    return runView(run, null);
  }),

  /** The same export again (same filters and format; the requester's rights checked as of now). */
  rerun: protectedProcedure.input(z.object({ id: ZIdSchema })).mutation(async ({ ctx, input }) => {
    const previous = await ownRun(ctx, input.id);
    const filters = ZExportFiltersSchema.safeParse(previous.filters);
    if (!filters.success) {
      const reasons = filters.error.issues.map((issue) => issue.message).join("; ");
      throw new ZonesError("invalid", message("exports.filtersInvalid", { reasons }));
    }
    await assertMayExport(ctx.db, ctx.user, filters.data);
    const jobs = jobsOf(ctx);
    const run = await insertExportRun(ctx.db, {
      scheduleId: previous.scheduleId,
      requestedBy: ctx.user.id,
      trigger: "rerun",
      rerunOf: previous.id,
      filters: filters.data,
      format: previous.format,
      maxAttempts: MAX_ATTEMPTS,
    });
    if (!run) throw new Error("insert into export_runs returned nothing");
    await jobs.enqueueRun(run.id);
    return runView({ ...run, scheduleName: previous.scheduleName }, null);
  }),
});

export const exportsRouter = createTRPCRouter({
  schedules: scheduleRouter,
  runs: runRouter,
});
